import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { decodeStoredJson, encodeStoredJson } from './storedJson';
import { writeFileDurably, type DurableWriteOptions } from './writeFileDurably';

/** Each article's words for the spell check, with the revision they were read from. */
export type CachedSpellingWords = ReadonlyMap<string, { revision: number; words: readonly string[] }>;

const cacheSchema = z.object({
  articles: z.record(z.string(), z.object({ revision: z.number().int().nonnegative(), words: z.array(z.string()) })),
});

const cacheFormat = { kind: 'ban-thao/spelling-words', version: 1 };

/**
 * The library's words per article (LibraryWords), kept between sessions so 10,000 articles are not all read again: an
 * article whose revision changed since is read again. A cache: lost or damaged, it is rebuilt from the articles.
 */
export class SpellingWordsCache {
  readonly #path: string;
  readonly #writeOptions: DurableWriteOptions;

  constructor(path: string, writeOptions: DurableWriteOptions = {}) {
    this.#path = path;
    this.#writeOptions = writeOptions;
  }

  /** What the last session wrote; empty when there is no cache or it cannot be read. */
  async read(): Promise<CachedSpellingWords> {
    try {
      const { articles } = decodeStoredJson(await readFile(this.#path), cacheFormat, cacheSchema, this.#path);
      return new Map(Object.entries(articles));
    } catch {
      return new Map();
    }
  }

  async write(words: CachedSpellingWords): Promise<void> {
    await writeFileDurably(this.#path, encodeStoredJson(cacheFormat, { articles: Object.fromEntries(words) }), this.#writeOptions);
  }
}
