import { randomBytes } from 'node:crypto';
import { access, readdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { errorCodeOf, toStorageError } from './fileSystemErrors';
import { decodeStoredJson, encodeStoredJson, type StoredFormat } from './storedJson';
import { writeFileDurably, type DurableWriteOptions } from './writeFileDurably';

// Records made in the same millisecond by this process sort in the order they were made.
let recordsMade = 0;

/**
 * A new record id: the time (sortable, no colons for Windows), then a counter of this process (same-millisecond
 * records keep their order) and random hex (unique across machines).
 */
export function newRecordId(at: Date): string {
  recordsMade = (recordsMade + 1) % 0x10000;
  return `${at.toISOString().replaceAll(':', '-')}-${recordsMade.toString(16).padStart(4, '0')}${randomBytes(4).toString('hex')}`;
}

/**
 * Writes a record file made elsewhere (a received review package) byte for byte, unless a file is already there: a
 * record is immutable, so one with the same name is the same record. Returns whether it was written.
 */
export async function writeFileIfMissing(path: string, bytes: Uint8Array, writeOptions?: DurableWriteOptions): Promise<boolean> {
  try {
    await access(path);
    return false;
  } catch (error) {
    if (errorCodeOf(error) !== 'ENOENT') throw toStorageError(error, path);
  }
  await writeFileDurably(path, bytes, writeOptions).catch((error: unknown) => {
    throw toStorageError(error, path);
  });
  return true;
}

export interface ArticleRecordLogOptions<Entry> {
  /** Where one record of an article lives (from the library layout). */
  fileOf: (articleId: string, recordId: string) => string;
  format: StoredFormat;
  schema: z.ZodType<Entry>;
  writeOptions?: DurableWriteOptions;
}

/**
 * Records several people add to an article (workflow moves, comments): one small immutable file per record in the
 * article's own folder, so two machines (a later team library, a review package) each add theirs without rewriting
 * the other's. A record is written once and never changed.
 */
export class ArticleRecordLog<Entry extends { id: string; articleId: string }> {
  readonly #options: ArticleRecordLogOptions<Entry>;

  constructor(options: ArticleRecordLogOptions<Entry>) {
    this.#options = options;
  }

  /** Writes one record durably. */
  async append(entry: Entry): Promise<void> {
    const { fileOf, format, schema, writeOptions } = this.#options;
    const path = fileOf(entry.articleId, entry.id);
    await writeFileDurably(path, encodeStoredJson(format, schema.parse(entry)), writeOptions).catch((error: unknown) => {
      throw toStorageError(error, path);
    });
  }

  /** An article's records in file-name (time) order; a file that cannot be read is left where it is and counted. */
  async list(articleId: string): Promise<{ records: Entry[]; unreadable: number }> {
    const { fileOf, format, schema } = this.#options;
    const folder = dirname(fileOf(articleId, 'x'));
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      if (errorCodeOf(error) === 'ENOENT') return { records: [], unreadable: 0 };
      // Something not a folder stands where the records go: nothing readable, and nothing of it is touched.
      if (errorCodeOf(error) === 'ENOTDIR') return { records: [], unreadable: 1 };
      throw error;
    }
    const records: Entry[] = [];
    let unreadable = 0;
    for (const name of names.filter((candidate) => candidate.endsWith('.json') && !candidate.startsWith('.')).sort()) {
      const path = fileOf(articleId, name.slice(0, -'.json'.length));
      try {
        const entry = decodeStoredJson(await readFile(path), format, schema, path);
        // A file copied under another article's folder, or renamed, is not this article's record.
        if (entry.articleId === articleId && `${entry.id}.json` === name) records.push(entry);
        else unreadable += 1;
      } catch {
        unreadable += 1;
      }
    }
    return { records, unreadable };
  }
}
