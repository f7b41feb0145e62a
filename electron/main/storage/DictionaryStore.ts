import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dictionaryEntrySchema, type DictionaryEntry } from '../../../shared/spelling/dictionaryModel';
import { spellingKey } from '../../../shared/spelling/findMisspellings';
import { libraryFolderLayout } from '../library/libraryLayout';
import { writeFileIfMissing } from './ArticleRecordLog';
import { errorCodeOf } from './fileSystemErrors';
import { decodeStoredJson, encodeStoredJson } from './storedJson';
import type { DurableWriteOptions } from './writeFileDurably';

/** The kind and version of its files. */
export const dictionaryFormat = { kind: 'ban-thao/dictionary-word', version: 1 };

/** A word's file name: the hash of its lookup form, so one word is one file on every machine ("Email" and "email" alike). */
export function dictionaryWordHash(word: string): string {
  return createHash('sha256').update(spellingKey(word), 'utf8').digest('hex').slice(0, 32);
}

/**
 * The words added to the library's spelling dictionary: one small immutable file per word, so two machines sharing
 * the library add theirs without rewriting each other's, and a word added twice is the same file.
 */
export class DictionaryStore {
  readonly #libraryFolder: string;
  readonly #writeOptions: DurableWriteOptions;

  constructor(libraryFolder: string, writeOptions: DurableWriteOptions = {}) {
    this.#libraryFolder = libraryFolder;
    this.#writeOptions = writeOptions;
  }

  /** Writes the word's file unless the word is already there; returns whether it was written. */
  async add(entry: DictionaryEntry): Promise<boolean> {
    const checked = dictionaryEntrySchema.parse(entry);
    const path = libraryFolderLayout(this.#libraryFolder).dictionaryWordFile(dictionaryWordHash(checked.word));
    return writeFileIfMissing(path, new TextEncoder().encode(encodeStoredJson(dictionaryFormat, checked)), this.#writeOptions);
  }

  /** Every readable word, in Vietnamese alphabetical order; a damaged or misnamed file is skipped and left alone. */
  async list(): Promise<DictionaryEntry[]> {
    const layout = libraryFolderLayout(this.#libraryFolder);
    let names: string[];
    try {
      names = await readdir(layout.dictionary);
    } catch (error) {
      if (errorCodeOf(error) === 'ENOENT' || errorCodeOf(error) === 'ENOTDIR') return [];
      throw error;
    }
    const entries: DictionaryEntry[] = [];
    for (const name of names.filter((candidate) => candidate.endsWith('.json') && !candidate.startsWith('.'))) {
      const path = layout.dictionaryWordFile(name.slice(0, -'.json'.length));
      try {
        const entry = decodeStoredJson(await readFile(path), dictionaryFormat, dictionaryEntrySchema, path);
        // A file renamed or copied under another word's name is not that word's.
        if (`${dictionaryWordHash(entry.word)}.json` === name) entries.push(entry);
      } catch {
        continue;
      }
    }
    return entries.sort((a, b) => a.word.localeCompare(b.word, 'vi'));
  }
}
