import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { AppError } from '../../../shared/errorCodes';
import { errorCodeOf } from './fileSystemErrors';
import { writeFileDurably, type DurableWriteOptions } from './writeFileDurably';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A lowdb adapter for one JSON file: reads are schema-checked, writes are durable and queued so two
 * saves of the same file never interleave. lowdb's own JSONFile never fsyncs, hence this one.
 */
export class DurableJsonFile<Data> implements Adapter<Data> {
  readonly path: string;
  readonly #schema: z.ZodType<Data>;
  readonly #writeOptions: DurableWriteOptions;
  #queue: Promise<void> = Promise.resolve();

  constructor(path: string, schema: z.ZodType<Data>, writeOptions: DurableWriteOptions = {}) {
    this.path = path;
    this.#schema = schema;
    this.#writeOptions = writeOptions;
  }

  /** The file's data, or null when it does not exist; an unreadable file is a `corrupt-file` error, never "empty". */
  async read(): Promise<Data | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.path);
    } catch (error) {
      if (errorCodeOf(error) === 'ENOENT') return null;
      throw new AppError('storage-failed', `Không đọc được ${this.path}: ${errorCodeOf(error) ?? String(error)}`, { cause: error });
    }
    let json: unknown;
    try {
      json = JSON.parse(strictUtf8.decode(bytes));
    } catch (error) {
      throw new AppError('corrupt-file', `Tệp hỏng (không phải JSON UTF-8 hợp lệ): ${this.path}`, { cause: error });
    }
    const parsed = this.#schema.safeParse(json);
    if (!parsed.success) {
      throw new AppError('corrupt-file', `Tệp hỏng (sai cấu trúc): ${this.path}: ${parsed.error.issues[0]?.message ?? ''}`);
    }
    return parsed.data;
  }

  /** Resolves only once the data is on disk for good (see writeFileDurably). */
  write(data: Data): Promise<void> {
    const text = `${JSON.stringify(data, null, 1)}\n`;
    const run = this.#queue.then(() => writeFileDurably(this.path, text, this.#writeOptions));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves once every write queued so far has finished (successfully or not). */
  settled(): Promise<void> {
    return this.#queue;
  }
}
