import { basename } from 'node:path';
import { AppError } from '../../../shared/errorCodes';
import type { MediaInfo, PhotoImportProgress } from '../../../shared/mediaModel';
import type { MediaStore } from '../media/MediaStore';
import { imageTypeClaimedBy } from '../media/sniffImageType';
import type { Dialogs } from './Dialogs';
import type { LibraryEvents } from './LibraryEvents';

/**
 * Photos coming into the library, each import announced once its files are on disk. The photos picked in "Chèn ảnh"
 * are imported one after another, so `progress` speaks of the one being imported.
 */
export class PhotoService {
  readonly #media: MediaStore;
  readonly #dialogs: Pick<Dialogs, 'chooseImageFiles'>;
  readonly #events: LibraryEvents;
  #progress: PhotoImportProgress = null;

  constructor(media: MediaStore, dialogs: Pick<Dialogs, 'chooseImageFiles'>, events: LibraryEvents) {
    this.#media = media;
    this.#dialogs = dialogs;
    this.#events = events;
  }

  get(id: string): Promise<MediaInfo> {
    return this.#media.get(id);
  }

  /** Which of the photos picked in "Chèn ảnh" is being imported; null when none is. */
  progress(): PhotoImportProgress {
    return this.#progress;
  }

  /** Asks the user for photos and imports each; a refused file is reported by name, never thrown. */
  async importFromDialog(): Promise<{ imported: MediaInfo[]; refused: { fileName: string; message: string }[] }> {
    const imported: MediaInfo[] = [];
    const refused: { fileName: string; message: string }[] = [];
    try {
      const paths = await this.#dialogs.chooseImageFiles();
      for (const [index, path] of paths.entries()) {
        const fileName = basename(path).normalize('NFC').slice(0, 255);
        // By its name, as the window judges a dropped file: its bytes are checked on import.
        this.#progress = { index: index + 1, total: paths.length, fileName, heic: imageTypeClaimedBy(fileName) === 'heic' };
        try {
          imported.push(await this.#media.importFile(path));
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          refused.push({ fileName: basename(path), message: error.message });
        }
      }
    } finally {
      this.#progress = null;
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
