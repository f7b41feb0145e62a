import { randomUUID } from 'node:crypto';
import { readdir, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import {
  articleFormatVersion,
  summarizeArticle,
  type Article,
  type ArticleContent,
  type ArticleSummary,
} from '../../../shared/articleModel';
import { emptyDocument } from '../../../shared/documentJson';
import { storedArticleSchema } from '../../../shared/migrateArticle';
import { parseDocument } from '../../../shared/documentSchema';
import { AppError } from '../../../shared/errorCodes';
import { localIsoDate } from '../../../shared/publicationDate';
import type { RecoveryNotice } from '../../../shared/recoveryNotice';
import { DurableJsonFile, previousGenerationOf, type RecoveryOptions } from './DurableJsonFile';
import { errorCodeOf } from './fileSystemErrors';
import { folderTimesFollowEntries } from './folderTimesFollowEntries';
import { libraryIndexFormatVersion, libraryIndexSchema, type LibraryIndex } from './libraryIndex';
import { RecoveryLog } from './RecoveryLog';
import type { DurableWriteOptions } from './writeFileDurably';

/** File systems with coarse timestamps (FAT: 2 s) must not hide a write that raced the index snapshot. */
const modificationTimeSlackMs = 2_000;

export interface ArticleStoreOptions {
  /** The library folder (holds index.json and articles/). */
  directory: string;
  now?: () => Date;
  newId?: () => string;
  writeOptions?: DurableWriteOptions;
  /** How long index rewrites are held back to coalesce a burst of saves (default 2 s). */
  indexWriteDelayMs?: number;
  /** The data folder that holds `quarantine/` (default: the library folder itself). */
  dataDirectory?: string;
  /** Where recoveries are reported; openLibrary shares one log between all stores. */
  /** Where damaged articles may be found again (backup snapshots); the index, a cache, is rebuilt instead. */
  findBackupCopies?: (path: string) => Promise<string[]>;
  recoveryLog?: RecoveryLog;
  /** Told how many article files opening must read (all of them when the index is missing or damaged). */
  onProgress?: (progress: LibraryOpenProgress) => void;
}

/** Opening's progress: `rebuild` reads every article (no usable index), `catch-up` only those saved after it. */
export interface LibraryOpenProgress {
  reason: 'rebuild' | 'catch-up';
  done: number;
  total: number;
}

/**
 * The article library on disk: one durable JSON file per article, spread over subfolders by id prefix,
 * plus an index of summaries that is only a cache. An autosave writes one article file, whatever the library size.
 */
export class ArticleStore {
  readonly directory: string;
  readonly #now: () => Date;
  readonly #newId: () => string;
  readonly #writeOptions: DurableWriteOptions;
  readonly #summaries = new Map<string, ArticleSummary>();
  readonly #files = new Map<string, DurableJsonFile<Article>>();
  readonly #index: Low<LibraryIndex>;
  #indexWrite: Promise<void> = Promise.resolve();
  #indexDirty = false;
  #indexTimer: ReturnType<typeof setTimeout> | null = null;
  readonly #indexWriteDelayMs: number;
  readonly #recovery: RecoveryOptions;
  readonly #articleRecovery: RecoveryOptions;
  #loaded = false;
  /** Start times of article writes not yet reflected in the summaries; an index snapshot predates them all. */
  readonly #writesInFlight = new Map<symbol, number>();

  private constructor(options: ArticleStoreOptions) {
    this.directory = options.directory;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? randomUUID;
    this.#writeOptions = options.writeOptions ?? {};
    this.#indexWriteDelayMs = options.indexWriteDelayMs ?? 2_000;
    this.#recovery = { dataDirectory: options.dataDirectory ?? options.directory, log: options.recoveryLog ?? new RecoveryLog(), now: this.#now };
    const emptyIndex: LibraryIndex = { formatVersion: libraryIndexFormatVersion, snapshotAt: 0, articles: [] };
    const indexFile = new DurableJsonFile<LibraryIndex>(join(this.directory, 'index.json'), libraryIndexSchema, this.#writeOptions, {
      format: { kind: 'ban-thao/library-index', version: libraryIndexFormatVersion },
      recovery: this.#recovery,
    });
    this.#index = new Low(indexFile, emptyIndex);
    this.#articleRecovery = { ...this.#recovery, findBackupCopies: options.findBackupCopies };
  }

  /** Opens (or creates) the library in a folder, reconciling the index with the article files. */
  static async open(options: ArticleStoreOptions): Promise<ArticleStore> {
    const store = new ArticleStore(options);
    await store.#load(options.onProgress ?? (() => {}));
    store.#loaded = true;
    return store;
  }

  async #load(onProgress: (progress: LibraryOpenProgress) => void): Promise<void> {
    await this.#removeLeftoverIndexTemps();
    let indexUsable = true;
    try {
      await this.#index.read();
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'corrupt-file')) throw error;
      indexUsable = false;
    }
    // An index of another version reads as empty: as good as missing.
    if (indexUsable && this.#index.data.snapshotAt === 0 && this.#index.data.articles.length === 0) indexUsable = false;
    const changedAfter = indexUsable ? this.#index.data.snapshotAt - modificationTimeSlackMs : Number.NEGATIVE_INFINITY;
    if (indexUsable) for (const summary of this.#index.data.articles) this.#summaries.set(summary.id, summary);
    const reason = indexUsable ? 'catch-up' : 'rebuild';
    onProgress({ reason, done: 0, total: 0 });
    const { unchanged, toRead } = await this.#findChangedArticleFiles(changedAfter);
    const listed = new Set([...unchanged, ...toRead.keys()]);
    for (const id of [...this.#summaries.keys()]) if (!listed.has(id)) this.#summaries.delete(id);
    let done = 0;
    onProgress({ reason, done, total: toRead.size });
    const pending = [...toRead.keys()];
    // A few reads in flight overlap the disk with the checks (checksum, schema) of the ones already read.
    const reader = async () => {
      for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
        const article = await this.#readOrForget(id);
        if (article !== null) this.#summaries.set(id, summarizeArticle(article));
        done += 1;
        if (done % 50 === 0 || done === toRead.size) onProgress({ reason, done, total: toRead.size });
      }
    };
    await Promise.all(Array.from({ length: 4 }, reader));
    if (!indexUsable || toRead.size > 0 || listed.size !== this.#index.data.articles.length) await this.#writeIndex();
  }

  /** Temp files of index writes a crash cut short (article temps go while listing the article files). */
  async #removeLeftoverIndexTemps(): Promise<void> {
    const names = await readdir(this.directory).catch(() => []);
    for (const name of names) if (name.startsWith('.index.json.') && name.endsWith('.tmp')) await unlink(join(this.directory, name)).catch(() => undefined);
  }

  /**
   * Which article files changed after the index snapshot. Every save, trash, quarantine or sync renames a file in
   * its prefix folder, which moves that folder's mtime; so a folder untouched since the snapshot is skipped whole,
   * and only the files of the folders that moved are listed and stat-ed (at 10,000 articles: 256 stats, not 10,000).
   */
  async #findChangedArticleFiles(changedAfter: number): Promise<{ unchanged: string[]; toRead: Map<string, string> }> {
    const articlesFolder = join(this.directory, 'articles');
    const unchanged: string[] = [];
    const toRead = new Map<string, string>();
    let prefixes: string[];
    try {
      prefixes = (await readdir(articlesFolder)).filter((prefix) => !prefix.startsWith('.'));
    } catch (error) {
      if (errorCodeOf(error) === 'ENOENT') return { unchanged, toRead };
      throw error;
    }
    const knownByPrefix = new Map<string, string[]>();
    for (const id of this.#summaries.keys()) {
      const known = knownByPrefix.get(id.slice(0, 2));
      if (known === undefined) knownByPrefix.set(id.slice(0, 2), [id]);
      else known.push(id);
    }
    // Where folder times do not follow their entries, every folder is listed and every file stat-ed instead.
    const skipUntouchedFolders = Number.isFinite(changedAfter) && (await folderTimesFollowEntries(articlesFolder));
    await Promise.all(
      prefixes.map(async (prefix) => {
        const folder = join(articlesFolder, prefix);
        const folderInfo = await stat(folder);
        if (!folderInfo.isDirectory()) return;
        if (skipUntouchedFolders && folderInfo.mtimeMs < changedAfter) {
          unchanged.push(...(knownByPrefix.get(prefix) ?? []));
          return;
        }
        for (const [id, path] of await this.#listFolder(folder)) {
          // Only files written after the index snapshot (or missing from it) need reading: the index is a cache.
          if (this.#summaries.has(id) && (await stat(path)).mtimeMs < changedAfter) unchanged.push(id);
          else toRead.set(id, path);
        }
      }),
    );
    return { unchanged, toRead };
  }

  /** The articles of one prefix folder, by id; removes the temp files of writes a crash cut short. */
  async #listFolder(folder: string): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const name of await readdir(folder)) {
      const path = join(folder, name);
      // This store is the library's only writer, so a temp file is a write a crash cut short.
      if (name.startsWith('.') && name.endsWith('.tmp')) await unlink(path).catch(() => undefined);
      if (name.startsWith('.')) continue;
      if (name.endsWith('.json')) found.set(name.slice(0, -'.json'.length), path);
      // Only a previous generation left: a crash between the two renames of a save. It holds the last acknowledged save.
      const id = name.endsWith('.json.prev') ? name.slice(0, -'.json.prev'.length) : null;
      if (id !== null && !found.has(id)) found.set(id, path);
    }
    return found;
  }

  #pathOf(id: string): string {
    return join(this.directory, 'articles', id.slice(0, 2), `${id}.json`);
  }

  #fileOf(id: string): DurableJsonFile<Article> {
    let file = this.#files.get(id);
    if (file === undefined) {
      file = new DurableJsonFile<Article>(this.#pathOf(id), storedArticleSchema, this.#writeOptions, {
        format: { kind: 'ban-thao/article', version: articleFormatVersion },
        recovery: this.#articleRecovery,
      });
      this.#files.set(id, file);
    }
    return file;
  }

  /** Summaries of active (or trashed) articles, most recently changed first. */
  list(scope: 'active' | 'trash'): ArticleSummary[] {
    const wanted = [...this.#summaries.values()].filter((summary) => (scope === 'trash') === (summary.trashedAt !== null));
    return wanted.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
  }

  async get(id: string): Promise<Article> {
    if (!this.#summaries.has(id)) throw new AppError('not-found', `Không tìm thấy bài ${id}`);
    const article = await this.#readOrForget(id);
    if (article === null) throw new AppError('not-found', `Không tìm thấy bài ${id}`);
    return article;
  }

  /** What recoveries happened since the library was opened (quarantined files, older generations loaded). */
  recoveryNotices(): RecoveryNotice[] {
    return this.#recovery.log.list();
  }

  /**
   * Reads an article; one with no good generation left (already quarantined, with a notice) leaves the list, so
   * the library still opens. Rethrown from `get` so the caller knows; swallowed while opening.
   */
  async #readOrForget(id: string): Promise<Article | null> {
    try {
      return await this.#fileOf(id).read();
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'corrupt-file')) throw error;
      if (this.#summaries.delete(id)) this.#scheduleIndexWrite();
      if (this.#loaded) throw error;
      return null;
    }
  }

  async create(): Promise<Article> {
    const now = this.#now();
    const article: Article = {
      id: this.#newId(),
      formatVersion: articleFormatVersion,
      revision: 1,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      trashedAt: null,
      status: 'draft',
      publicationDate: localIsoDate(now),
      title: '',
      sapo: '',
      body: emptyDocument(),
      bylineRole: 'news',
      bylineName: '',
      photoCredit: '',
      photoCreditMode: 'auto',
      coverMediaId: null,
    };
    await this.#put(article);
    return article;
  }

  /** Saves new content; refuses (conflict) a save based on a revision that is no longer the stored one. */
  async save(id: string, baseRevision: number, content: ArticleContent): Promise<{ revision: number; updatedAt: string }> {
    parseDocument(content.body);
    const stored = await this.get(id);
    if (stored.revision !== baseRevision) {
      throw new AppError('conflict', `Bài đã được lưu ở nơi khác (phiên bản ${stored.revision}, bản đang sửa dựa trên ${baseRevision})`);
    }
    const updated: Article = { ...stored, ...content, revision: stored.revision + 1, updatedAt: this.#now().toISOString() };
    await this.#put(updated);
    return { revision: updated.revision, updatedAt: updated.updatedAt };
  }

  async duplicate(id: string): Promise<Article> {
    const source = await this.get(id);
    const now = this.#now().toISOString();
    const copy: Article = {
      ...source,
      id: this.#newId(),
      revision: 1,
      status: 'draft',
      title: `${source.title} (bản sao)`.trim(),
      createdAt: now,
      updatedAt: now,
      trashedAt: null,
    };
    await this.#put(copy);
    return copy;
  }

  async trash(id: string): Promise<ArticleSummary> {
    return this.#setTrashed(id, this.#now().toISOString());
  }

  async restore(id: string): Promise<ArticleSummary> {
    return this.#setTrashed(id, null);
  }

  async #setTrashed(id: string, trashedAt: string | null): Promise<ArticleSummary> {
    const stored = await this.get(id);
    const updated: Article = { ...stored, trashedAt, revision: stored.revision + 1, updatedAt: this.#now().toISOString() };
    await this.#put(updated);
    return summarizeArticle(updated);
  }

  /** Deletes every trashed article file for good; returns their ids. The user confirmed this in the UI. */
  async emptyTrash(): Promise<string[]> {
    const trashed = this.list('trash').map((summary) => summary.id);
    for (const id of trashed) {
      await this.#fileOf(id).settled();
      await rm(this.#pathOf(id), { force: true });
      // The previous generation too, or the article would come back from it at the next start.
      await rm(previousGenerationOf(this.#pathOf(id)), { force: true });
      this.#files.delete(id);
      this.#summaries.delete(id);
    }
    if (trashed.length > 0) await this.#writeIndex();
    return trashed;
  }

  /** Every stored article, trashed or not, one at a time (for work that must see all of them). */
  async *allArticles(): AsyncGenerator<Article> {
    for (const id of [...this.#summaries.keys()]) {
      const article = await this.#fileOf(id).read();
      if (article !== null) yield article;
    }
  }

  async #put(article: Article): Promise<void> {
    const token = Symbol(article.id);
    this.#writesInFlight.set(token, Date.now());
    try {
      await this.#fileOf(article.id).write(article);
      this.#summaries.set(article.id, summarizeArticle(article));
    } finally {
      this.#writesInFlight.delete(token);
    }
    this.#scheduleIndexWrite();
  }

  /**
   * The index is a cache (the article files are the truth, reconciled by mtime at start), so it is rewritten at
   * most every couple of seconds: at 10,000 articles a rewrite costs ~25 ms of main-process time.
   */
  #scheduleIndexWrite(): void {
    if (this.#indexTimer !== null) return;
    this.#indexTimer = setTimeout(() => {
      this.#indexTimer = null;
      void this.#writeIndex().catch(() => undefined);
    }, this.#indexWriteDelayMs);
    this.#indexTimer.unref?.();
  }

  /** Rewrites the index, coalescing bursts: at most one write in flight and one queued. */
  #writeIndex(): Promise<void> {
    if (this.#indexDirty) return this.#indexWrite;
    this.#indexDirty = true;
    this.#indexWrite = this.#indexWrite
      .catch(() => undefined)
      .then(async () => {
        this.#indexDirty = false;
        this.#index.data = { formatVersion: libraryIndexFormatVersion, snapshotAt: Math.min(Date.now(), ...this.#writesInFlight.values()), articles: [...this.#summaries.values()] };
        await this.#index.write();
      });
    return this.#indexWrite;
  }

  /** Resolves once every article and index write started so far is on disk; quitting waits on this. */
  async flush(): Promise<void> {
    await Promise.all([...this.#files.values()].map((file) => file.settled()));
    if (this.#indexTimer !== null) {
      clearTimeout(this.#indexTimer);
      this.#indexTimer = null;
      void this.#writeIndex().catch(() => undefined);
    }
    await this.#indexWrite.catch(() => undefined);
  }
}
