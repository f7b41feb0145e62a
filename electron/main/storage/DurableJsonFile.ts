import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { AppError } from '../../../shared/errorCodes';
import { errorCodeOf } from './fileSystemErrors';
import { quarantineFile } from './quarantineFile';
import { RecoveryLog } from './RecoveryLog';
import { decodeStoredJson, encodeStoredJson, type StoredFormat } from './storedJson';
import { writeFileDurably, type DurableWriteOptions } from './writeFileDurably';

/** Where damaged files go and who hears about it. */
export interface RecoveryOptions {
  /** The data folder: quarantined files keep their path inside it under `<dataDirectory>/quarantine/<time>/`. */
  dataDirectory: string;
  log: RecoveryLog;
  now?: () => Date;
}

export interface DurableJsonFileOptions {
  format?: StoredFormat;
  /** Default: quarantine beside the file's folder, notices kept privately. */
  recovery?: RecoveryOptions;
}

/** The name of a file's previous generation. */
export function previousGenerationOf(path: string): string {
  return `${path}.prev`;
}

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
    if (current.state === 'damaged') await this.#quarantine(this.path, previous.state === 'good' ? 'previous-generation' : null);
    if (previous.state === 'good') return previous.data;
    if (previous.state === 'damaged') {
      await this.#quarantine(previousPath, null);
      throw current.state === 'damaged' ? current.error : previous.error;
    }
    if (current.state === 'damaged') throw current.error;
    return null;
  }

  async #attempt(path: string): Promise<Attempt<Data>> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if (errorCodeOf(error) === 'ENOENT') return { state: 'missing' };
      throw new AppError('storage-failed', `Không đọc được ${path}: ${errorCodeOf(error) ?? String(error)}`, { cause: error });
    }
    try {
      return { state: 'good', data: decodeStoredJson(bytes, this.#format, this.#schema, path) };
    } catch (error) {
      if (error instanceof AppError && error.code === 'corrupt-file') return { state: 'damaged', error };
      throw error;
    }
  }

  async #quarantine(path: string, restoredFrom: 'previous-generation' | null): Promise<void> {
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
