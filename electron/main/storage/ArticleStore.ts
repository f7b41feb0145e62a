import { randomUUID } from 'node:crypto';
import { access, rm } from 'node:fs/promises';
import {
  articleContentOf,
  articleFormatVersion,
  summarizeArticle,
  type Article,
  type ArticleContent,
  type ArticleSummary,
  type LastMove,
} from '../../../shared/articleModel';
import type { Identity } from '../../../shared/identity';
import { bodyWithoutAnchors } from '../../../shared/withoutCommentAnchors';
import { emptyDocument } from '../../../shared/documentJson';
import { storedArticleSchema } from '../../../shared/migrateArticle';
import { parseDocument } from '../../../shared/documentSchema';
import { AppError } from '../../../shared/errorCodes';
import { localIsoDate } from '../../../shared/publicationDate';
import type { RecoveryNotice } from '../../../shared/recoveryNotice';
import { libraryFolderLayout } from '../library/libraryLayout';
import { ArticleIndex, type LibraryOpenProgress } from './ArticleIndex';
import { DurableJsonFile, previousGenerationOf, type RecoveryOptions } from './DurableJsonFile';
import { RecoveryLog } from './RecoveryLog';
import type { DurableWriteOptions } from './writeFileDurably';

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
  /** Where damaged articles may be found again (backup snapshots); the index, a cache, is rebuilt instead. */
  findBackupCopies?: (path: string) => Promise<string[]>;
  /** Where recoveries are reported; openLibrary shares one log between all stores. */
  recoveryLog?: RecoveryLog;
  /** Told how many article files opening must read (all of them when the index is missing or damaged). */
  onProgress?: (progress: LibraryOpenProgress) => void;
}

export type { LibraryOpenProgress };

/** How a save is made: `by` is who saves (stamped as the article's updatedBy); `check` as in `save`. */
export interface SaveOptions {
  by?: Identity | null;
  check?: (stored: Article) => void | Promise<void>;
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
  readonly #files = new Map<string, DurableJsonFile<Article>>();
  readonly #index: ArticleIndex;
  readonly #recovery: RecoveryOptions;
  readonly #articleRecovery: RecoveryOptions;
  #loaded = false;

  private constructor(options: ArticleStoreOptions) {
    this.directory = options.directory;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? randomUUID;
    this.#writeOptions = options.writeOptions ?? {};
    this.#recovery = {
      dataDirectory: options.dataDirectory ?? options.directory,
      log: options.recoveryLog ?? new RecoveryLog(),
      now: this.#now,
    };
    this.#index = new ArticleIndex({
      libraryFolder: this.directory,
      writeOptions: this.#writeOptions,
      recovery: this.#recovery,
      writeDelayMs: options.indexWriteDelayMs ?? 2_000,
    });
    this.#articleRecovery = { ...this.#recovery, findBackupCopies: options.findBackupCopies };
  }

  /** Opens (or creates) the library in a folder, reconciling the index with the article files. */
  static async open(options: ArticleStoreOptions): Promise<ArticleStore> {
    const store = new ArticleStore(options);
    await store.#index.open((id) => store.#readOrForget(id), options.onProgress ?? (() => {}));
    store.#loaded = true;
    return store;
  }

  #pathOf(id: string): string {
    return libraryFolderLayout(this.directory).articleFile(id);
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
    return this.#index.list(scope);
  }

  async get(id: string): Promise<Article> {
    if (!this.#index.has(id)) throw new AppError('not-found', `Không tìm thấy bài ${id}`);
    const article = await this.#readOrForget(id);
    if (article === null) throw new AppError('not-found', `Không tìm thấy bài ${id}`);
    return article;
  }

  /** Whether the library holds an article with this id, trashed or not. */
  has(id: string): boolean {
    return this.#index.has(id);
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
      this.#index.forget(id);
      if (this.#loaded) throw error;
      return null;
    }
  }

  /**
   * A new empty draft dated today, created by `createdBy` (null when no one is named yet). Each change below stamps
   * updatedBy with who made it, which the caller names (the store does not know who uses the app).
   */
  async create(createdBy: Identity | null = null): Promise<Article> {
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
      createdBy,
      lastMove: null,
      updatedBy: createdBy,
    };
    await this.#put(article);
    return article;
  }

  /** Records a workflow move (already checked by the caller); refuses (conflict) one based on an older revision. */
  async move(id: string, baseRevision: number, move: LastMove): Promise<Article> {
    const stored = await this.get(id);
    if (stored.revision !== baseRevision) {
      throw new AppError('conflict', `Bài đã được lưu ở nơi khác (phiên bản ${stored.revision}, bản đang sửa dựa trên ${baseRevision})`);
    }
    const updated: Article = {
      ...stored,
      status: move.to,
      lastMove: move,
      revision: stored.revision + 1,
      updatedAt: move.at,
      updatedBy: move.by,
    };
    await this.#put(updated);
    return updated;
  }

  /** Saves new content by `by`; refuses (conflict) a save based on a revision that is no longer the stored one. */
  /**
   * `check` sees the stored article once its revision is known to match, before anything is written: the caller's
   * rules run on the file this save reads, not on a second read of it.
   */
  async save(
    id: string,
    baseRevision: number,
    content: ArticleContent,
    { by = null, check }: SaveOptions = {},
  ): Promise<{ revision: number; updatedAt: string }> {
    parseDocument(content.body);
    const stored = await this.get(id);
    if (stored.revision !== baseRevision) {
      throw new AppError('conflict', `Bài đã được lưu ở nơi khác (phiên bản ${stored.revision}, bản đang sửa dựa trên ${baseRevision})`);
    }
    await check?.(stored);
    const updated: Article = {
      ...stored,
      ...content,
      revision: stored.revision + 1,
      updatedAt: this.#now().toISOString(),
      updatedBy: by,
    };
    await this.#put(updated);
    return { revision: updated.revision, updatedAt: updated.updatedAt };
  }

  /**
   * Takes in an article made in another library (a received review package) with its own id, revision, dates and
   * updatedBy (the sender's change), out of the trash; refuses (conflict) when this library already holds that id, or a
   * file stands where it goes.
   */
  async adopt(article: Article): Promise<Article> {
    parseDocument(article.body);
    if (this.#index.has(article.id) || (await fileExists(this.#pathOf(article.id)))) {
      throw new AppError('conflict', `Thư viện đã có bài ${article.id}.`);
    }
    const adopted: Article = { ...article, trashedAt: null };
    await this.#put(adopted);
    return adopted;
  }

  /**
   * Takes the content, status, last move and updatedBy (whose change it is: the sender's) of the same article received
   * from another library over the stored one (the caller checked the received one descends from it); refuses (conflict)
   * when the stored revision moved on.
   */
  async takeReceived(id: string, baseRevision: number, received: Article): Promise<Article> {
    parseDocument(received.body);
    const stored = await this.get(id);
    if (stored.revision !== baseRevision) {
      throw new AppError('conflict', `Bài đã được lưu ở nơi khác (phiên bản ${stored.revision}, bản đang sửa dựa trên ${baseRevision})`);
    }
    const updated: Article = {
      ...stored,
      ...articleContentOf(received),
      status: received.status,
      lastMove: received.lastMove,
      updatedBy: received.updatedBy,
      revision: stored.revision + 1,
      updatedAt: this.#now().toISOString(),
    };
    await this.#put(updated);
    return updated;
  }

  /**
   * Writes an article as the shared library's sync has it (pulled from the server, or merged), over the stored one at
   * `expectedRevision` (null: none may be stored); refuses (conflict) when a save landed since the sync read it. The
   * revision stays above the stored one, so an open editor's next save is refused and it reloads.
   */
  async putSynced(article: Article, expectedRevision: number | null): Promise<Article> {
    parseDocument(article.body);
    const stored = this.#index.has(article.id) ? await this.#readOrForget(article.id) : null;
    if ((stored?.revision ?? null) !== expectedRevision) {
      throw new AppError('conflict', `Bài ${article.id} vừa được lưu trong máy: đồng bộ lại sau.`);
    }
    const synced: Article = stored === null || article.revision > stored.revision ? article : { ...article, revision: stored.revision + 1 };
    await this.#put(synced);
    return synced;
  }

  /** Deletes one article for good with its records (the shared library's server no longer has it); false when absent. */
  async removeForGood(id: string): Promise<boolean> {
    const stored = this.#index.has(id) ? await this.#readOrForget(id) : null;
    if (stored === null) return false;
    await this.#remove(id);
    await this.#index.writeNow();
    return true;
  }

  /** A copy as a new draft of `createdBy`, with no workflow history of its own. */
  async duplicate(id: string, createdBy: Identity | null = null): Promise<Article> {
    const source = await this.get(id);
    const now = this.#now().toISOString();
    const copy: Article = {
      ...source,
      id: this.#newId(),
      revision: 1,
      status: 'draft',
      title: `${source.title} (bản sao)`.trim(),
      // The copy has no comment threads of its own: anchors to the source's threads would point at nothing.
      body: bodyWithoutAnchors(source.body),
      createdAt: now,
      updatedAt: now,
      trashedAt: null,
      createdBy,
      lastMove: null,
      updatedBy: createdBy,
    };
    await this.#put(copy);
    return copy;
  }

  /** Moves the article to the trash, by `by`. */
  async trash(id: string, by: Identity | null = null): Promise<ArticleSummary> {
    return this.#setTrashed(id, this.#now().toISOString(), by);
  }

  /** Takes the article out of the trash, by `by`. */
  async restore(id: string, by: Identity | null = null): Promise<ArticleSummary> {
    return this.#setTrashed(id, null, by);
  }

  async #setTrashed(id: string, trashedAt: string | null, by: Identity | null): Promise<ArticleSummary> {
    const stored = await this.get(id);
    const updated: Article = {
      ...stored,
      trashedAt,
      revision: stored.revision + 1,
      updatedAt: this.#now().toISOString(),
      updatedBy: by,
    };
    await this.#put(updated);
    return summarizeArticle(updated);
  }

  /** Deletes every trashed article file for good; returns their ids. The user confirmed this in the UI. */
  async emptyTrash(): Promise<string[]> {
    const trashed = this.list('trash').map((summary) => summary.id);
    for (const id of trashed) await this.#remove(id);
    if (trashed.length > 0) await this.#index.writeNow();
    return trashed;
  }

  /** Deletes an article's file, its previous generation and its records for good (the index is written by the caller). */
  async #remove(id: string): Promise<void> {
    await this.#fileOf(id).settled();
    await rm(this.#pathOf(id), { force: true });
    // The previous generation too, or the article would come back from it at the next start.
    await rm(previousGenerationOf(this.#pathOf(id)), { force: true });
    // Its own records (history, versions, comments) go with it; the article file went first, so nothing lists them
    // meanwhile. A folder held open elsewhere (Windows) stays behind, unlisted, rather than stopping the emptying.
    await rm(libraryFolderLayout(this.directory).articleRecords(id), { recursive: true, force: true }).catch(() => undefined);
    this.#files.delete(id);
    this.#index.forget(id);
  }

  /** Every stored article, trashed or not, one at a time (for work that must see all of them). */
  async *allArticles(): AsyncGenerator<Article> {
    for (const id of this.#index.ids()) {
      const article = await this.#fileOf(id).read();
      if (article !== null) yield article;
    }
  }

  async #put(article: Article): Promise<void> {
    await this.#index.track(async () => {
      await this.#fileOf(article.id).write(article);
      return article;
    });
  }

  /** Resolves once every article and index write started so far is on disk; quitting waits on this. */
  async flush(): Promise<void> {
    await Promise.all([...this.#files.values()].map((file) => file.settled()));
    await this.#index.flush();
  }
}

async function fileExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
