import { createHash } from 'node:crypto';
import * as nodeFileSystem from 'node:fs/promises';
import { basename, join } from 'node:path';
import { mediaIdSchema } from '../../../shared/articleModel';
import { AppError } from '../../../shared/errorCodes';
import { mediaInfoSchema, type MediaInfo } from '../../../shared/mediaModel';
import { DurableJsonFile, type RecoveryOptions } from '../storage/DurableJsonFile';
import { errorCodeOf } from '../storage/fileSystemErrors';
import { writeFileDurably, type DurableWriteOptions } from '../storage/writeFileDurably';
import { assertAcceptableByteLength, assertAcceptableImage } from './assertAcceptableImage';
import { readPhotoMetadata } from './readPhotoMetadata';
import { KeyedQueue } from './KeyedQueue';
import { renderPreview } from './renderPreview';
import { renderWebImage, type WebImage, type WebImageOptions } from './renderWebImage';
import { storedExtensions } from './sniffImageType';
import { mediaFileLayout, mediaIdOfFileName } from '../library/libraryLayout';
import { toReadError } from './toReadError';

/** The file reads `importFile` makes; tests pass a recording one. */
export interface MediaFileSystem {
  stat(path: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(path: string): Promise<Buffer>;
}

/** The kind and version of a photo's sidecar (`<id>.json`). */
export const mediaInfoFormat = { kind: 'ban-thao/media-info', version: 1 };

export interface MediaStoreOptions {
  /** The media folder, `<library>/media`. */
  directory: string;
  now?: () => Date;
  fileSystem?: MediaFileSystem;
  writeOptions?: DurableWriteOptions;
  /** An unreferenced photo imported (or re-inserted) less than this long ago is kept by `removeUnused`. Default 1 hour. */
  recentImportGraceMs?: number;
  /** Where damaged sidecars are quarantined and reported (see DurableJsonFile). */
  recovery?: RecoveryOptions;
}

// `json.prev` is the sidecar's previous generation (see DurableJsonFile), removed along with the photo.

/**
 * The library's photos, named by the SHA-256 of their bytes: `<directory>/<id[0..2]>/<id>.<ext>` is the
 * untouched original, `<id>.preview.webp` the display copy and `<id>.json` the sidecar (MediaInfo). The
 * sidecar is written last and is the commit marker: a photo without one does not exist.
 */
export class MediaStore {
  readonly directory: string;
  readonly #now: () => Date;
  readonly #fileSystem: MediaFileSystem;
  readonly #writeOptions: DurableWriteOptions;
  readonly #graceMs: number;
  readonly #recovery: RecoveryOptions | undefined;
  /** One queue per id: two imports (or an import and a clean-up) of the same photo never interleave. */
  readonly #queue = new KeyedQueue();
  /** When each id was last handed out by an import in this session (a re-insert refreshes an old photo). */
  readonly #lastImported = new Map<string, number>();

  private constructor(options: MediaStoreOptions) {
    this.directory = options.directory;
    this.#now = options.now ?? (() => new Date());
    this.#fileSystem = options.fileSystem ?? nodeFileSystem;
    this.#writeOptions = options.writeOptions ?? {};
    this.#graceMs = options.recentImportGraceMs ?? 60 * 60 * 1000;
    this.#recovery = options.recovery;
  }

  /** Opens the media folder (created on the first import). */
  static async open(options: MediaStoreOptions): Promise<MediaStore> {
    return new MediaStore(options);
  }

  /**
   * Checks, stores and describes a photo. Refusals are `invalid-image` errors with a Vietnamese message and
   * leave nothing on disk. The same bytes imported twice give the same id and are stored once.
   */
  async importImage(input: { bytes: Uint8Array; fileName: string }): Promise<MediaInfo> {
    const fileName = basename(input.fileName.replaceAll('\\', '/')).normalize('NFC');
    const image = await assertAcceptableImage(input.bytes, fileName);
    const id = createHash('sha256').update(input.bytes).digest('hex');
    return this.#queue.run(id, async () => {
      // Recorded under the lock, so a clean-up queued behind this import sees it.
      this.#lastImported.set(id, this.#now().getTime());
      const existing = await this.#readSidecarQuietly(id);
      if (
        existing !== null &&
        (await this.#exists(this.#originalPathOf(id, existing.type))) &&
        (await this.#exists(this.previewPath(id)))
      ) {
        return existing;
      }
      // The full decode happens before anything is written: a corrupt file leaves no trace.
      const preview = await renderPreview(input.bytes, image, fileName);
      const metadata = await readPhotoMetadata({ exif: image.metadata.exif, xmp: image.metadata.xmp });
      const stored: MediaInfo = existing ?? {
        id,
        type: image.type,
        width: image.width,
        height: image.height,
        byteLength: input.bytes.byteLength,
        takenAt: metadata.takenAt,
        suggestedCredit: metadata.suggestedCredit,
        originalFileName: fileName,
        importedAt: this.#now().toISOString(),
      };
      const written: string[] = [];
      try {
        const originalPath = this.#originalPathOf(id, image.type);
        await writeFileDurably(originalPath, input.bytes, this.#writeOptions);
        written.push(originalPath);
        await writeFileDurably(this.previewPath(id), preview, this.#writeOptions);
        written.push(this.previewPath(id));
        if (existing === null) await this.#sidecarOf(id).write(mediaInfoSchema.parse(stored));
      } catch (error) {
        // Without its sidecar the photo does not exist; its files would only be clutter.
        if (existing === null) await Promise.all(written.map((path) => nodeFileSystem.rm(path, { force: true })));
        throw error;
      }
      return stored;
    });
  }

  /** Imports a file from disk; its size is checked before a byte of it is read. */
  async importFile(path: string): Promise<MediaInfo> {
    const fileName = basename(path);
    let size: number;
    try {
      const stats = await this.#fileSystem.stat(path);
      if (!stats.isFile()) throw new AppError('invalid-image', `Không phải tệp ảnh: ${fileName}`);
      size = stats.size;
    } catch (error) {
      throw toReadError(error, path);
    }
    assertAcceptableByteLength(size, fileName);
    let bytes: Buffer;
    try {
      bytes = await this.#fileSystem.readFile(path);
    } catch (error) {
      throw toReadError(error, path);
    }
    return this.importImage({ bytes, fileName });
  }

  /** The sidecar of a stored photo; `not-found` when there is none. */
  async get(id: string): Promise<MediaInfo> {
    const info = await this.#sidecarOf(checkedId(id)).read();
    if (info === null) throw new AppError('not-found', `Không tìm thấy ảnh ${id}`);
    if (info.id !== id) throw new AppError('corrupt-file', `Tệp mô tả ảnh ${id} ghi sai mã ảnh`);
    return info;
  }

  /** Whether a photo with this id is stored (an invalid id is simply not stored). */
  async has(id: string): Promise<boolean> {
    if (!mediaIdSchema.safeParse(id).success) return false;
    return this.#exists(this.#sidecarPathOf(id));
  }

  /** Where the display copy of a photo is (or would be); the id is checked before any path is built. */
  previewPath(id: string): string {
    return mediaFileLayout(this.directory, checkedId(id)).preview;
  }

  /** Where the original of a stored photo is; `not-found` when the photo is not stored. */
  async originalPath(id: string): Promise<string> {
    const info = await this.get(id);
    return this.#originalPathOf(info.id, info.type);
  }

  /** A web-sized copy of a stored photo, made from its original without any of its metadata (see renderWebImage). */
  async renderWebImage(id: string, options: WebImageOptions = {}): Promise<WebImage> {
    const info = await this.get(id);
    const path = this.#originalPathOf(info.id, info.type);
    let original: Buffer;
    try {
      original = await nodeFileSystem.readFile(path);
    } catch (error) {
      throw toReadError(error, path);
    }
    return renderWebImage(original, info.type, options);
  }

  /** Ids of every stored photo, sorted. */
  async listIds(): Promise<string[]> {
    const ids: string[] = [];
    for (const [id, names] of await this.#scan()) if (names.includes(`${id}.json`)) ids.push(id);
    return ids.sort();
  }

  /**
   * Deletes every stored photo (and any half-imported leftover) whose id is not referenced, except those
   * imported or re-inserted within the grace period (an insert may not be autosaved yet). Returns the removed ids.
   */
  async removeUnused(referencedIds: ReadonlySet<string>): Promise<string[]> {
    const removed: string[] = [];
    for (const [id, names] of await this.#scan()) {
      if (referencedIds.has(id)) continue;
      const wasRemoved = await this.#queue.run(id, async () => {
        const info = await this.#readSidecarQuietly(id);
        const lastUse = Math.max(info === null ? 0 : Date.parse(info.importedAt), this.#lastImported.get(id) ?? 0);
        if (this.#now().getTime() - lastUse < this.#graceMs) return false;
        // The sidecar goes first: a crash midway leaves an uncommitted leftover, removed next time.
        const ordered = [`${id}.json`, ...names.filter((name) => name !== `${id}.json`)];
        for (const name of ordered) await nodeFileSystem.rm(join(this.#folderOf(id), name), { force: true });
        return true;
      });
      if (wasRemoved) {
        removed.push(id);
        this.#lastImported.delete(id);
        // An emptied prefix folder is removed too; one still in use refuses, which is fine.
        await nodeFileSystem.rmdir(this.#folderOf(id)).catch(() => undefined);
      }
    }
    return removed.sort();
  }

  /** Stored file names grouped by id (temp files and foreign files are ignored). */
  async #scan(): Promise<Map<string, string[]>> {
    const byId = new Map<string, string[]>();
    let prefixes: string[];
    try {
      prefixes = await nodeFileSystem.readdir(this.directory);
    } catch (error) {
      if (errorCodeOf(error) === 'ENOENT') return byId;
      throw toReadError(error, this.directory);
    }
    for (const prefix of prefixes) {
      if (!/^[a-f0-9]{2}$/.test(prefix)) continue;
      for (const name of await nodeFileSystem.readdir(join(this.directory, prefix))) {
        const id = mediaIdOfFileName(name);
        if (id === null || !id.startsWith(prefix)) continue;
        byId.set(id, [...(byId.get(id) ?? []), name]);
      }
    }
    return byId;
  }

  #folderOf(id: string): string {
    return mediaFileLayout(this.directory, id).folder;
  }

  #originalPathOf(id: string, type: MediaInfo['type']): string {
    return mediaFileLayout(this.directory, id).original(storedExtensions[type]);
  }

  #sidecarPathOf(id: string): string {
    return mediaFileLayout(this.directory, id).description;
  }

  #sidecarOf(id: string): DurableJsonFile<MediaInfo> {
    return new DurableJsonFile<MediaInfo>(this.#sidecarPathOf(id), mediaInfoSchema, this.#writeOptions, {
      format: mediaInfoFormat,
      recovery: this.#recovery,
    });
  }

  /** The sidecar, or null when it is missing or unreadable (an import then rewrites it from the bytes). */
  async #readSidecarQuietly(id: string): Promise<MediaInfo | null> {
    try {
      const info = await this.#sidecarOf(id).read();
      return info !== null && info.id === id ? info : null;
    } catch {
      return null;
    }
  }

  async #exists(path: string): Promise<boolean> {
    try {
      await nodeFileSystem.stat(path);
      return true;
    } catch (error) {
      if (errorCodeOf(error) === 'ENOENT') return false;
      throw toReadError(error, path);
    }
  }
}

function checkedId(id: string): string {
  if (!mediaIdSchema.safeParse(id).success)
    throw new AppError('invalid-request', `Mã ảnh không hợp lệ: ${JSON.stringify(id).slice(0, 80)}`);
  return id;
}
