import { readFile } from 'node:fs/promises';
import type { RecoveryNotice } from '../../../shared/recoveryNotice';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { AppError } from '../../../shared/errorCodes';
import { errorCodeOf, quotedFileName, systemCodeNote } from './fileSystemErrors';
import { quarantineFile } from './quarantineFile';
import { RecoveryLog } from './RecoveryLog';
import { decodeStoredJson, encodeStoredJson, type StoredFormat } from './storedJson';
import { writeFileDurably, type DurableWriteOptions } from './writeFileDurably';
import { previousGenerationOf } from '../library/libraryLayout';

/** Where damaged files go and who hears about it. */
export interface RecoveryOptions {
  /** The data folder: quarantined files keep their path inside it under `<dataDirectory>/quarantine/<time>/`. */
  dataDirectory: string;
  log: RecoveryLog;
  now?: () => Date;
  /** Copies of a file in backup snapshots, newest first: the last resort when both generations are damaged. */
  findBackupCopies?: (path: string) => Promise<string[]>;
}

export interface DurableJsonFileOptions {
  format?: StoredFormat;
  /** Default: quarantine beside the file's folder, notices kept privately. */
  recovery?: RecoveryOptions;
}

export { previousGenerationOf };

type Attempt<Data> = { state: 'missing' } | { state: 'good'; data: Data } | { state: 'damaged'; error: AppError };

/**
 * A lowdb adapter for one JSON file: writes are durable, queued (two saves of one file never interleave),
 * wrapped in a checksummed envelope, and keep the previous generation at `<path>.prev`. Reads verify; a damaged
 * file is moved to quarantine unchanged and the previous generation is loaded instead, with a notice either way.
 */
export class DurableJsonFile<Data> implements Adapter<Data> {
  readonly path: string;
  readonly #schema: z.ZodType<Data>;
  readonly #writeOptions: DurableWriteOptions;
  readonly #format: StoredFormat;
  readonly #recovery: RecoveryOptions;
  #queue: Promise<void> = Promise.resolve();

  constructor(path: string, schema: z.ZodType<Data>, writeOptions: DurableWriteOptions = {}, options: DurableJsonFileOptions = {}) {
    this.path = path;
    this.#schema = schema;
    this.#writeOptions = writeOptions;
    this.#format = options.format ?? { kind: 'json', version: 1 };
    this.#recovery = options.recovery ?? { dataDirectory: dirname(path), log: new RecoveryLog() };
  }

  /**
   * The newest good generation's data, or null when neither generation exists. When no good generation is left,
   * the damaged ones are quarantined and a `corrupt-file` error says so: never "empty", never "first run".
   */
  async read(): Promise<Data | null> {
    const previousPath = previousGenerationOf(this.path);
    const current = await this.#attempt(this.path);
    if (current.state === 'good') return current.data;
    // A missing current file with a good previous one is a crash between two renames, not damage: no notice.
    const previous = await this.#attempt(previousPath);
    if (previous.state === 'good') {
      if (current.state === 'damaged') await this.#quarantine(this.path, 'previous-generation');
      return previous.data;
    }
    if (current.state === 'missing' && previous.state === 'missing') return null;
    // Both generations damaged (or one damaged, one missing): the newest good backup copy is the last resort.
    const backup = await this.#newestGoodBackup();
    const restoredFrom = backup === null ? null : 'backup';
    if (current.state === 'damaged') await this.#quarantine(this.path, restoredFrom);
    if (previous.state === 'damaged') await this.#quarantine(previousPath, restoredFrom);
    if (backup !== null) {
      await this.write(backup);
      return backup;
    }
    throw current.state === 'damaged' ? current.error : (previous as { error: AppError }).error;
  }

  async #newestGoodBackup(): Promise<Data | null> {
    for (const copy of (await this.#recovery.findBackupCopies?.(this.path)) ?? []) {
      const attempt = await this.#attempt(copy).catch(() => ({ state: 'missing' }) as const);
      if (attempt.state === 'good') return attempt.data;
    }
    return null;
  }

  async #attempt(path: string): Promise<Attempt<Data>> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if (errorCodeOf(error) === 'ENOENT') return { state: 'missing' };
      throw new AppError('storage-failed', `Không đọc được ${quotedFileName(path)}${systemCodeNote(error)}.`, { cause: error });
    }
    try {
      return { state: 'good', data: decodeStoredJson(bytes, this.#format, this.#schema, path) };
    } catch (error) {
      if (error instanceof AppError && error.code === 'corrupt-file') return { state: 'damaged', error };
      throw error;
    }
  }

  async #quarantine(path: string, restoredFrom: RecoveryNotice['restoredFrom']): Promise<void> {
    const at = (this.#recovery.now ?? (() => new Date()))();
    const quarantinedTo = await quarantineFile(path, this.#recovery.dataDirectory, at);
    this.#recovery.log.record({ file: path, quarantinedTo, restoredFrom, at: at.toISOString() });
  }

  /** Resolves only once the data is on disk for good (see writeFileDurably). */
  write(data: Data): Promise<void> {
    const text = encodeStoredJson(this.#format, data);
    const run = this.#queue.then(() => writeFileDurably(this.path, text, this.#writeOptions, previousGenerationOf(this.path)));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves once every write queued so far has finished (successfully or not). */
  settled(): Promise<void> {
    return this.#queue;
  }
}
