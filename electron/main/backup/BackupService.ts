import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errorCodes';
import { errorCodeOf, toStorageError } from '../storage/fileSystemErrors';
import { writeFileDurably, type DurableWriteOptions } from '../storage/writeFileDurably';
import { dailyKeeperIds, snapshotsToKeep, type BackupPolicy } from './backupPolicy';
import { linkOrCopyFile, type LinkFile } from './linkOrCopyFile';
import { listFilesUnder } from './listFilesUnder';
import { snapshotIdOf, snapshotIdPattern } from './snapshotId';
import { syncFolder } from './syncFolder';
import { replaceLibraryWithSnapshot } from './replaceLibraryWithSnapshot';
import { articleOfFileName, libraryLayout, relativeLayout, snapshotManifestFile } from '../library/libraryLayout';

const manifestSchema = z.object({
  formatVersion: z.literal(1),
  takenAt: z.string(),
  kind: z.enum(['rolling', 'before-restore']),
  articleCount: z.number().int().min(0),
  bytes: z.number().int().min(0),
  appVersion: z.string(),
});
type Manifest = z.infer<typeof manifestSchema>;

/** One snapshot as the restore screen lists it. */
export interface BackupEntry {
  id: string;
  takenAt: string;
  articleCount: number;
  bytes: number;
  /** 'daily' is a rolling snapshot that is the newest of its day (kept for the policy's daily days, not its hours). */
  kind: 'rolling' | 'daily' | 'before-restore';
}

/** The last time a background snapshot failed, for the restore screen. */
export interface BackupFailure {
  at: string;
  message: string;
}

export interface BackupServiceOptions {
  /** The data folder: holds library/, settings.json and backups/. */
  dataDirectory: string;
  appVersion: string;
  /** Read at each use, so a settings change applies at once. */
  policy: () => BackupPolicy;
  now?: () => Date;
  writeOptions?: DurableWriteOptions;
  linkFile?: LinkFile;
  /** Told about a background snapshot that failed (main logs it). */
  onFailure?: (error: unknown) => void;
}

/** The library parts a snapshot holds, relative to the data folder; media are immutable, so linking them is free. */
const articlesFolder = relativeLayout.library.articles;
const mediaFolder = relativeLayout.library.media;
const indexFile = relativeLayout.library.index;
const dictionaryFolder = relativeLayout.library.dictionary;
const settingsFile = relativeLayout.settings;
const sharedSettingsFile = relativeLayout.library.sharedSettings;

/** An article's own file (`articles/<prefix>/<id>.json`), not one of its records (workflow, versions, comments). */
function isArticleFile(relative: string): boolean {
  const inside = relative.startsWith(articlesFolder + sep) ? relative.slice(articlesFolder.length + 1).split(sep) : [];
  return inside.length === 2 && articleOfFileName(inside[1]!)?.previousGeneration === false;
}

/**
 * Point-in-time snapshots of the library in `<data>/backups/<id>/`, by hard links (files are only ever replaced by
 * rename, never changed in place). A snapshot is built in a dot-folder and renamed into place with its manifest
 * already inside, so a half-made one is never listed. Also restores one over the library's files.
 */
export class BackupService {
  readonly folder: string;
  readonly #options: BackupServiceOptions;
  readonly #now: () => Date;
  /** Snapshots, restores and pruning run one at a time. */
  #queue: Promise<unknown> = Promise.resolve();
  #newestAt: number | null = null;
  #snapshotPending = false;
  #lastFailure: BackupFailure | null = null;

  constructor(options: BackupServiceOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
    this.folder = libraryLayout(options.dataDirectory).backups;
  }

  /** The last background snapshot failure (null once a later one succeeds). */
  get lastFailure(): BackupFailure | null {
    return this.#lastFailure;
  }

  /**
   * Called after each successful change: takes a snapshot when the newest is older than the policy's interval.
   * Never rejects (a failed backup must not fail a save): failures are reported and kept for the screen.
   */
  noteChange(): Promise<BackupEntry | null> {
    if (this.#snapshotPending) return Promise.resolve(null);
    this.#snapshotPending = true;
    return this.#exclusive(async () => {
      try {
        const newestAt = this.#newestAt ?? (await this.#readEntries())[0]?.takenAtMs ?? Number.NEGATIVE_INFINITY;
        this.#newestAt = newestAt;
        if (this.#now().getTime() - newestAt < this.#options.policy().everyMinutes * 60_000) return null;
        const entry = await this.#take('rolling');
        await this.#prune();
        this.#lastFailure = null;
        return entry;
      } finally {
        this.#snapshotPending = false;
      }
    }).catch((error: unknown) => {
      // The screen shows a Vietnamese sentence naming the backups folder; the raw error (paths, English) goes to onFailure's log.
      this.#lastFailure = { at: this.#now().toISOString(), message: toStorageError(error, this.folder).message };
      this.#options.onFailure?.(error);
      return null;
    });
  }

  /** Resolves once every snapshot, prune and restore started so far has finished (tests and quitting wait on it). */
  async settled(): Promise<void> {
    await this.#queue;
  }

  /** Takes a snapshot now (the "Sao lưu ngay" button); failures reach the caller. */
  createNow(): Promise<BackupEntry> {
    return this.#exclusive(async () => {
      const entry = await this.#take('rolling');
      await this.#prune();
      this.#lastFailure = null;
      return (await this.list()).find((listed) => listed.id === entry.id) ?? entry;
    });
  }

  /** Every complete snapshot, newest first. */
  async list(): Promise<BackupEntry[]> {
    const entries = await this.#readEntries();
    const daily = dailyKeeperIds(entries.map(({ id, manifest }) => ({ id, takenAt: manifest.takenAt, kind: manifest.kind })));
    return entries.map(({ id, manifest }) => ({
      id,
      takenAt: manifest.takenAt,
      articleCount: manifest.articleCount,
      bytes: manifest.bytes,
      kind: manifest.kind === 'rolling' && daily.has(id) ? 'daily' : manifest.kind,
    }));
  }

  /**
   * Replaces the library's articles, index and settings with a snapshot's, after first snapshotting the current
   * state. The caller must have flushed the open store and must re-open it afterwards (its memory is now stale).
   */
  restore(id: string): Promise<{ beforeRestore: BackupEntry }> {
    return this.#exclusive(async () => {
      if (!snapshotIdPattern.test(id)) throw new AppError('invalid-request', `Tên bản sao lưu không hợp lệ: ${id}`);
      const source = join(this.folder, id);
      if ((await this.#readManifest(source)) === null) throw new AppError('not-found', `Không tìm thấy bản sao lưu ${id}`);
      const beforeRestore = await this.#take('before-restore');
      await replaceLibraryWithSnapshot(source, this.#options);
      return { beforeRestore };
    });
  }

  #exclusive<Result>(work: () => Promise<Result>): Promise<Result> {
    const run = this.#queue.catch(() => undefined).then(work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #take(kind: Manifest['kind']): Promise<BackupEntry> {
    const takenAt = this.#now();
    const temporary = join(this.folder, `.partial-${randomBytes(6).toString('hex')}`);
    const { dataDirectory, linkFile, writeOptions } = this.#options;
    try {
      let bytes = 0;
      let articleCount = 0;
      const madeFolders = new Set<string>();
      const placed = new Set<string>();
      const place = async (relative: string): Promise<void> => {
        if (placed.has(relative)) return;
        const target = join(temporary, relative);
        if (!madeFolders.has(dirname(target))) {
          await mkdir(dirname(target), { recursive: true });
          madeFolders.add(dirname(target));
        }
        try {
          await linkOrCopyFile(join(dataDirectory, relative), target, { linkFile, writeOptions });
        } catch (error) {
          // A file removed between listing and linking (trash emptied) is simply not part of this moment.
          if (errorCodeOf(error) === 'ENOENT') return;
          throw error;
        }
        placed.add(relative);
        bytes += (await stat(target)).size;
        if (isArticleFile(relative)) articleCount += 1;
      };
      const placeFolder = async (folder: string) => {
        for (const relative of await listFilesUnder(join(dataDirectory, folder))) await place(join(folder, relative));
      };
      // The library may change meanwhile, so the order matters. The index (a cache) goes before the articles: never newer
      // than them, a restore re-reads whatever it misses. The photos go before the articles, so one the trash emptying
      // removes meanwhile is already linked, and again after them, for one imported meanwhile into an article linked here.
      await place(indexFile);
      await placeFolder(mediaFolder);
      await placeFolder(articlesFolder);
      await placeFolder(mediaFolder);
      await placeFolder(dictionaryFolder);
      await place(settingsFile);
      await place(sharedSettingsFile);
      // New links must be durable before the manifest says the snapshot is complete.
      for (const folder of madeFolders) await syncFolder(folder);
      const manifest: Manifest = {
        formatVersion: 1,
        takenAt: takenAt.toISOString(),
        kind,
        articleCount,
        bytes,
        appVersion: this.#options.appVersion,
      };
      await writeFileDurably(snapshotManifestFile(temporary), `${JSON.stringify(manifest, null, 2)}\n`, writeOptions);
      const id = await this.#freeIdFor(takenAt);
      await rename(temporary, join(this.folder, id));
      await syncFolder(this.folder);
      this.#newestAt = Math.max(this.#newestAt ?? Number.NEGATIVE_INFINITY, takenAt.getTime());
      return { id, takenAt: manifest.takenAt, articleCount, bytes, kind };
    } catch (error) {
      await rm(temporary, { recursive: true, force: true }).catch(() => undefined);
      throw error;
    }
  }

  async #freeIdFor(takenAt: Date): Promise<string> {
    const base = snapshotIdOf(takenAt);
    const taken = new Set(await this.#folderNames());
    if (!taken.has(base)) return base;
    for (let suffix = 2; ; suffix += 1) if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
  }

  async #folderNames(): Promise<string[]> {
    try {
      return await readdir(this.folder);
    } catch (error) {
      if (errorCodeOf(error) === 'ENOENT') return [];
      throw error;
    }
  }

  async #readManifest(snapshotFolder: string): Promise<Manifest | null> {
    try {
      return manifestSchema.parse(JSON.parse(await readFile(snapshotManifestFile(snapshotFolder), 'utf8')));
    } catch {
      return null;
    }
  }

  /** Complete snapshots (a valid name and manifest), newest first. */
  async #readEntries(): Promise<{ id: string; manifest: Manifest; takenAtMs: number }[]> {
    const entries = [];
    for (const id of await this.#folderNames()) {
      if (!snapshotIdPattern.test(id)) continue;
      const manifest = await this.#readManifest(join(this.folder, id));
      if (manifest !== null) entries.push({ id, manifest, takenAtMs: new Date(manifest.takenAt).getTime() });
    }
    return entries.sort((a, b) => b.takenAtMs - a.takenAtMs || b.id.localeCompare(a.id));
  }

  /** Deletes the snapshots the policy no longer keeps, and leftovers of snapshots a crash interrupted. */
  async #prune(): Promise<void> {
    const entries = await this.#readEntries();
    const keep = snapshotsToKeep(
      entries.map(({ id, manifest }) => ({ id, takenAt: manifest.takenAt, kind: manifest.kind })),
      this.#options.policy(),
      this.#now(),
    );
    for (const { id } of entries) if (!keep.has(id)) await rm(join(this.folder, id), { recursive: true, force: true });
    // Only this service writes here, one job at a time, so any partial folder now is a crash's leftover.
    for (const name of await this.#folderNames())
      if (name.startsWith('.partial-')) await rm(join(this.folder, name), { recursive: true, force: true });
  }
}
