import { createHash } from 'node:crypto';
import { open, readdir, readFile, rm } from 'node:fs/promises';
import { AppError } from '../../../shared/errorCodes';
import { dictionaryEntrySchema, type DictionaryEntry } from '../../../shared/spelling/dictionaryModel';
import { spellingKey } from '../../../shared/spelling/findMisspellings';
import { libraryFolderLayout } from '../library/libraryLayout';
import { writeFileIfMissing } from './ArticleRecordLog';
import { errorCodeOf, toStorageError } from './fileSystemErrors';
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

  /**
   * Deletes the word's file (the word in any case: one file per lookup form) and makes the deletion durable; returns
   * the entry it held, or null when the word is not there (a damaged or misnamed file is not this word's, and stays).
   */
  async remove(word: string): Promise<DictionaryEntry | null> {
    const layout = libraryFolderLayout(this.#libraryFolder);
    const path = layout.dictionaryWordFile(dictionaryWordHash(word));
    let entry: DictionaryEntry;
    try {
      entry = decodeStoredJson(await readFile(path), dictionaryFormat, dictionaryEntrySchema, path);
    } catch (error) {
      // Missing, or damaged (not listed either): no word to take out.
      if (error instanceof AppError || errorCodeOf(error) === 'ENOENT' || errorCodeOf(error) === undefined) return null;
      throw toStorageError(error, path);
    }
    if (dictionaryWordHash(entry.word) !== dictionaryWordHash(word)) return null;
    try {
      await rm(path);
      // The folder's entry gone for good, as a write is (Windows cannot open a folder, and needs no such step).
      if (process.platform !== 'win32') {
        const folder = await open(layout.dictionary, 'r');
        await folder.sync().finally(() => folder.close());
      }
    } catch (error) {
      if (errorCodeOf(error) === 'ENOENT') return null;
      throw toStorageError(error, path);
    }
    return entry;
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
