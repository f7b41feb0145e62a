import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../shared/errorCodes';
import { wordImportLimitBytes, type WordDraft, type WordImportProgress } from '../../../shared/wordImportModel';
import type { MediaStore } from '../media/MediaStore';
import { toReadError } from '../media/toReadError';
import { readWordDraft } from '../services/readWordDraft';
import type { Dialogs } from './Dialogs';
import type { LibraryEvents } from './LibraryEvents';

export type WordDraftOutcome = { status: 'read'; draft: WordDraft } | { status: 'cancelled' };

/**
 * "Nhập từ Word…": reads a .docx (picked in a dialog, or dropped on the library) into a draft the user confirms before
 * the article is created with the ordinary article channels. Only the document's pictures are written now, as photos,
 * announced like any import; if the user cancels they stay unreferenced, and emptying the trash removes them once
 * the media store's grace period (an hour) has passed. One file is read at a time, so `progress` speaks of it.
 */
export class WordImportService {
  readonly #media: MediaStore;
  readonly #dialogs: Pick<Dialogs, 'chooseWordFile'>;
  readonly #events: LibraryEvents;
  #progress: WordImportProgress = null;
  #reading: Promise<unknown> = Promise.resolve();

  constructor(media: MediaStore, dialogs: Pick<Dialogs, 'chooseWordFile'>, events: LibraryEvents) {
    this.#media = media;
    this.#dialogs = dialogs;
    this.#events = events;
  }

  /** How far the file being read has got; null when none is. */
  progress(): WordImportProgress {
    return this.#progress;
  }

  /** Asks the user for a .docx and reads it. */
  async openFromDialog(): Promise<WordDraftOutcome> {
    const path = await this.#dialogs.chooseWordFile();
    if (path === null) return { status: 'cancelled' };
    const fileName = basename(path);
    let bytes: Buffer;
    try {
      // The size first: a file too large is refused before a byte of it is read.
      if ((await stat(path)).size > wordImportLimitBytes) throw tooLarge(fileName);
      bytes = await readFile(path);
    } catch (error) {
      throw toReadError(error, path);
    }
    return { status: 'read', draft: await this.readBytes(fileName, bytes) };
  }

  /** Reads a .docx dropped on the library. */
  async readBytes(fileName: string, bytes: Uint8Array): Promise<WordDraft> {
    if (bytes.byteLength > wordImportLimitBytes) throw tooLarge(fileName);
    const turn = this.#reading.then(() => this.#read(fileName, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    this.#reading = turn.catch(() => undefined);
    return turn;
  }

  async #read(fileName: string, bytes: Buffer): Promise<WordDraft> {
    const photos: Awaited<ReturnType<MediaStore['importImage']>>[] = [];
    try {
      const result = await readWordDraft(fileName, bytes, {
        importImage: async (input) => {
          const photo = await this.#media.importImage(input);
          photos.push(photo);
          return photo;
        },
        onProgress: (progress) => {
          this.#progress = progress;
        },
      });
      return result.draft;
    } finally {
      this.#progress = null;
      // Photos on disk are announced even when the document failed after them (they are then simply unreferenced).
      if (photos.length > 0) this.#events.announce({ kind: 'photos-imported', photos });
    }
  }
}

function tooLarge(fileName: string): AppError {
  return new AppError('invalid-word-file', `Tệp ${basename(fileName)} quá lớn để nhập (tối đa ${wordImportLimitBytes / 1024 / 1024} MB).`);
}
