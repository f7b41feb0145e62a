import { readdir, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { summarizeArticle, type Article, type ArticleSummary } from '../../../shared/articleModel';
import { AppError } from '../../../shared/errorCodes';
import { articleOfFileName, libraryFolderLayout } from '../library/libraryLayout';
import { DurableJsonFile, type RecoveryOptions } from './DurableJsonFile';
import { errorCodeOf } from './fileSystemErrors';
import { folderTimesFollowEntries } from './folderTimesFollowEntries';
import { libraryIndexFormatVersion, libraryIndexSchema, type LibraryIndex } from './libraryIndex';
import type { DurableWriteOptions } from './writeFileDurably';

/** File systems with coarse timestamps (FAT: 2 s) must not hide a write that raced the index snapshot. */
const modificationTimeSlackMs = 2_000;

/** Opening's progress: `rebuild` reads every article (no usable index), `catch-up` only those saved after it. */
export interface LibraryOpenProgress {
  reason: 'rebuild' | 'catch-up';
  done: number;
  total: number;
}

export interface ArticleIndexOptions {
  /** The library folder (holds index.json and articles/). */
  libraryFolder: string;
  writeOptions: DurableWriteOptions;
  recovery: RecoveryOptions;
  /** How long index rewrites are held back to coalesce a burst of saves. */
  writeDelayMs: number;
}

/**
 * The summaries of every article, kept in memory and cached in `index.json`. The article files are the truth: at
 * opening the cache is reconciled with them (only files written after its snapshot are read), and it is rewritten
 * at most every couple of seconds, since at 10,000 articles a rewrite costs ~25 ms of main-process time.
 */
export class ArticleIndex {
  readonly #layout: ReturnType<typeof libraryFolderLayout>;
  readonly #summaries = new Map<string, ArticleSummary>();
  readonly #file: Low<LibraryIndex>;
  readonly #writeDelayMs: number;
  #write: Promise<void> = Promise.resolve();
  #dirty = false;
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** Start times of article writes not yet reflected in the summaries; an index snapshot predates them all. */
  readonly #writesInFlight = new Map<symbol, number>();

  constructor(options: ArticleIndexOptions) {
    this.#layout = libraryFolderLayout(options.libraryFolder);
    this.#writeDelayMs = options.writeDelayMs;
    const emptyIndex: LibraryIndex = { formatVersion: libraryIndexFormatVersion, snapshotAt: 0, articles: [] };
    const indexFile = new DurableJsonFile<LibraryIndex>(this.#layout.index, libraryIndexSchema, options.writeOptions, {
      format: { kind: 'ban-thao/library-index', version: libraryIndexFormatVersion },
      recovery: options.recovery,
    });
    this.#file = new Low(indexFile, emptyIndex);
  }

  /**
   * Reads the cache and reconciles it with the article files: `read` is asked for every file written after the
   * cache's snapshot (all of them when the cache is missing or damaged); null drops the article from the list.
   */
  async open(read: (id: string) => Promise<Article | null>, onProgress: (progress: LibraryOpenProgress) => void): Promise<void> {
    await this.#removeLeftoverTemps();
    let usable = true;
    try {
      await this.#file.read();
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'corrupt-file')) throw error;
      usable = false;
    }
    // An index of another version reads as empty: as good as missing.
    if (usable && this.#file.data.snapshotAt === 0 && this.#file.data.articles.length === 0) usable = false;
    const changedAfter = usable ? this.#file.data.snapshotAt - modificationTimeSlackMs : Number.NEGATIVE_INFINITY;
    if (usable) for (const summary of this.#file.data.articles) this.#summaries.set(summary.id, summary);
    const reason = usable ? 'catch-up' : 'rebuild';
    onProgress({ reason, done: 0, total: 0 });
    const { unchanged, toRead } = await this.#findChangedArticleFiles(changedAfter);
    const listed = new Set([...unchanged, ...toRead]);
    for (const id of [...this.#summaries.keys()]) if (!listed.has(id)) this.#summaries.delete(id);
    let done = 0;
    onProgress({ reason, done, total: toRead.size });
    const pending = [...toRead];
    // A few reads in flight overlap the disk with the checks (checksum, schema) of the ones already read.
    const reader = async () => {
      for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
        const article = await read(id);
        if (article === null) this.#summaries.delete(id);
        else this.#summaries.set(id, summarizeArticle(article));
        done += 1;
        if (done % 50 === 0 || done === toRead.size) onProgress({ reason, done, total: toRead.size });
      }
    };
    await Promise.all(Array.from({ length: 4 }, reader));
    if (!usable || toRead.size > 0 || listed.size !== this.#file.data.articles.length) await this.writeNow();
  }

  /** Temp files of index writes a crash cut short (article temps go while listing the article files). */
  async #removeLeftoverTemps(): Promise<void> {
    const folder = dirname(this.#layout.index);
    const prefix = `.${basename(this.#layout.index)}.`;
    const names = await readdir(folder).catch(() => []);
    for (const name of names) if (name.startsWith(prefix) && name.endsWith('.tmp')) await unlink(join(folder, name)).catch(() => undefined);
  }

  /**
   * Which article files changed after the index snapshot. Every save, trash, quarantine or sync renames a file in
   * its prefix folder, which moves that folder's mtime; so a folder untouched since the snapshot is skipped whole,
   * and only the files of the folders that moved are listed and stat-ed (at 10,000 articles: 256 stats, not 10,000).
   */
  async #findChangedArticleFiles(changedAfter: number): Promise<{ unchanged: string[]; toRead: Set<string> }> {
    const articlesFolder = this.#layout.articles;
    const unchanged: string[] = [];
    const toRead = new Set<string>();
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
        for (const [id, path] of await listArticleFolder(folder)) {
          // Only files written after the index snapshot (or missing from it) need reading: the index is a cache.
          if (this.#summaries.has(id) && (await stat(path)).mtimeMs < changedAfter) unchanged.push(id);
          else toRead.add(id);
        }
      }),
    );
    return { unchanged, toRead };
  }

  /** Summaries of active (or trashed) articles, most recently changed first. */
  list(scope: 'active' | 'trash'): ArticleSummary[] {
    const wanted = [...this.#summaries.values()].filter((summary) => (scope === 'trash') === (summary.trashedAt !== null));
    return wanted.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
  }

  has(id: string): boolean {
    return this.#summaries.has(id);
  }

  ids(): string[] {
    return [...this.#summaries.keys()];
  }

  /**
   * Runs an article write; the summary changes once it is on disk, and a snapshot of the index taken meanwhile is
   * dated before the write started, so the next opening reads that article file again.
   */
  async track(write: () => Promise<Article>): Promise<void> {
    const token = Symbol('write');
    this.#writesInFlight.set(token, Date.now());
    try {
      const article = await write();
      this.#summaries.set(article.id, summarizeArticle(article));
    } finally {
      this.#writesInFlight.delete(token);
    }
    this.#scheduleWrite();
  }

  /** Drops an article from the list (deleted, or no good generation left). */
  forget(id: string): void {
    if (this.#summaries.delete(id)) this.#scheduleWrite();
  }

  #scheduleWrite(): void {
    if (this.#timer !== null) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.writeNow().catch(() => undefined);
    }, this.#writeDelayMs);
    this.#timer.unref?.();
  }

  /** Rewrites the index, coalescing bursts: at most one write in flight and one queued. */
  writeNow(): Promise<void> {
    if (this.#dirty) return this.#write;
    this.#dirty = true;
    this.#write = this.#write
      .catch(() => undefined)
      .then(async () => {
        this.#dirty = false;
        const snapshotAt = Math.min(Date.now(), ...this.#writesInFlight.values());
        this.#file.data = { formatVersion: libraryIndexFormatVersion, snapshotAt, articles: [...this.#summaries.values()] };
        await this.#file.write();
      });
    return this.#write;
  }

  /** Resolves once every index write started so far (and one held back by the delay) is on disk. */
  async flush(): Promise<void> {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
      void this.writeNow().catch(() => undefined);
    }
    await this.#write.catch(() => undefined);
  }
}

/** The articles of one prefix folder, by id; removes the temp files of writes a crash cut short. */
async function listArticleFolder(folder: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const name of await readdir(folder)) {
    const path = join(folder, name);
    // The article store is the library's only writer, so a temp file is a write a crash cut short.
    if (name.startsWith('.') && name.endsWith('.tmp')) await unlink(path).catch(() => undefined);
    const article = articleOfFileName(name);
    if (article === null) continue;
    // Only a previous generation left: a crash between the two renames of a save. It holds the last acknowledged save.
    if (!article.previousGeneration || !found.has(article.id)) found.set(article.id, path);
  }
  return found;
}
