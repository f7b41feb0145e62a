import { basename } from 'node:path';
import { AppError } from '../../../shared/errorCodes';
import type { MediaInfo } from '../../../shared/mediaModel';
import type { MediaStore } from '../media/MediaStore';
import type { Dialogs } from './Dialogs';
import type { LibraryEvents } from './LibraryEvents';

/** Photos coming into the library, each import announced once its files are on disk. */
export class PhotoService {
  readonly #media: MediaStore;
  readonly #dialogs: Pick<Dialogs, 'chooseImageFiles'>;
  readonly #events: LibraryEvents;

  constructor(media: MediaStore, dialogs: Pick<Dialogs, 'chooseImageFiles'>, events: LibraryEvents) {
    this.#media = media;
    this.#dialogs = dialogs;
    this.#events = events;
  }

  get(id: string): Promise<MediaInfo> {
    return this.#media.get(id);
  }

  /** Asks the user for photos and imports each; a refused file is reported by name, never thrown. */
  async importFromDialog(): Promise<{ imported: MediaInfo[]; refused: { fileName: string; message: string }[] }> {
    const imported: MediaInfo[] = [];
    const refused: { fileName: string; message: string }[] = [];
    try {
      for (const path of await this.#dialogs.chooseImageFiles()) {
        try {
          imported.push(await this.#media.importFile(path));
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          refused.push({ fileName: basename(path), message: error.message });
        }
      }
    } finally {
      // Photos already on disk are announced even when a later file failed unexpectedly.
      if (imported.length > 0) this.#events.announce({ kind: 'photos-imported', photos: imported });
    }
    return { imported, refused };
  }

  /** A dropped or pasted photo. */
  async importBytes(fileName: string, bytes: Uint8Array): Promise<MediaInfo> {
    const photo = await this.#media.importImage({ bytes, fileName });
    this.#events.announce({ kind: 'photos-imported', photos: [photo] });
    return photo;
  }
}
