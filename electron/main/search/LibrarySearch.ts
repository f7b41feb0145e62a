import { access } from 'node:fs/promises';
import type { Article, ArticleContent, ArticleSummary } from '../../../shared/articleModel';
import type { SearchRequest, SearchResult } from '../../../shared/searchModel';
import type { DurableWriteOptions } from '../storage/writeFileDurably';
import { libraryFolderLayout } from '../library/libraryLayout';
import { articleSearchText } from './articleSearchText';
import { buildSnippet } from './buildSnippet';
import { foldForSearch, matchRanges, queryWords } from '../../../shared/foldForSearch';
import { SearchIndex, searchDocumentOf, type SearchDocument } from './SearchIndex';
import { readSearchShards, shardOf, writeSearchShard } from './searchIndexShards';

// Texts are ~10-60 KB each: a few hundred keep snippets instant without holding the whole library in memory.
const recentTextLimit = 300;
// About one screenful of rows: each snippet reads its article file unless its text is cached.
const defaultSnippetCount = 12;

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** The slice of ArticleStore search needs (kept narrow so tests and benchmarks can pass their own). */
export interface SearchableStore {
  readonly directory: string;
  list(scope: 'active' | 'trash'): ArticleSummary[];
  get(id: string): Promise<Article>;
}

export interface LibrarySearchOptions {
  store: SearchableStore;
  /** Where the shards live (the library layout's search folder; by default beside the store's article folder). */
  folder?: string;
  writeOptions?: DurableWriteOptions;
  /** How long shard rewrites are held back to coalesce a burst of saves (default 2 s). */
  writeDelayMs?: number;
}

/**
 * Full-text search of the library, kept up to date one article at a time and persisted in shards under
 * `<library>/search/` (a cache: at start it is reconciled with the articles' revisions, and only the articles it
 * misses are read again, in the background, while search already answers from what is indexed).
 */
export class LibrarySearch {
  readonly folder: string;
  readonly ready: Promise<void>;
  readonly #store: SearchableStore;
  readonly #index = new SearchIndex();
  readonly #writeOptions: DurableWriteOptions;
  readonly #writeDelayMs: number;
  readonly #dirtyShards = new Set<string>();
  #writeTimer: ReturnType<typeof setTimeout> | null = null;
  #writing: Promise<void> = Promise.resolve();
  #progress: { done: number; total: number } | null = null;
  #loaded = false;
  readonly #pendingChanges: (() => void)[] = [];
  readonly #recentTexts = new Map<string, string>();

  private constructor(options: LibrarySearchOptions) {
    this.#store = options.store;
    this.folder = options.folder ?? libraryFolderLayout(options.store.directory).search;
    this.#writeOptions = options.writeOptions ?? {};
    this.#writeDelayMs = options.writeDelayMs ?? 2_000;
    this.ready = this.#load();
  }

  /** Starts loading the index in the background and returns at once: the library list must not wait for search. */
  static start(options: LibrarySearchOptions): LibrarySearch {
    return new LibrarySearch(options);
  }

  async #load(): Promise<void> {
    const { documents } = await readSearchShards(this.folder).catch(() => ({ documents: [] }));
    for (const document of documents) this.#index.put(document);
    const summaries = [...this.#store.list('active'), ...this.#store.list('trash')];
    const known = new Set(summaries.map((summary) => summary.id));
    for (const document of documents) {
      if (!known.has(document.id)) {
        this.#index.remove(document.id);
        this.#dirtyShards.add(shardOf(document.id));
      }
    }
    const stale = summaries.filter((summary) => this.#index.get(summary.id)?.revision !== summary.revision);
    this.#loaded = true;
    for (const change of this.#pendingChanges.splice(0)) change();
    this.#progress = stale.length > 0 ? { done: 0, total: stale.length } : null;
    for (const summary of stale) {
      try {
        const current = this.#index.get(summary.id);
        // A save that arrived meanwhile already indexed a newer revision.
        if (current === undefined || current.revision < summary.revision) this.noteArticle(await this.#store.get(summary.id));
      } catch {
        // An unreadable article stays out of search; the store reports it on its own.
      }
      this.#progress!.done += 1;
      // Let IPC and saves through between articles when thousands need reading.
      if (this.#progress!.done % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    this.#progress = null;
    if (this.#dirtyShards.size > 0) this.#scheduleWrite();
  }

  #apply(change: () => void): void {
    // Changes before the shards are loaded wait, so an older stored entry cannot overwrite them.
    if (this.#loaded) change();
    else this.#pendingChanges.push(change);
  }

  /** Indexes a whole article (created, duplicated, or read back at start). */
  noteArticle(article: Article): void {
    this.#apply(() => {
      const text = articleSearchText(article);
      this.#index.put(
        searchDocumentOf({ id: article.id, revision: article.revision, trashed: article.trashedAt !== null, title: article.title }, text),
      );
      this.#remember(article.id, text);
      this.#changed(article.id);
    });
  }

  /** Indexes new content after a save acknowledged at `revision`. */
  noteSaved(id: string, revision: number, content: ArticleContent): void {
    this.#apply(() => {
      const trashed = this.#index.get(id)?.trashed ?? false;
      const text = articleSearchText(content);
      this.#index.put(searchDocumentOf({ id, revision, trashed, title: content.title }, text));
      this.#remember(id, text);
      this.#changed(id);
    });
  }

  /** Follows a move to or from the trash. */
  noteSummary(summary: ArticleSummary): void {
    this.#apply(() => {
      this.#index.setTrashed(summary.id, summary.trashedAt !== null, summary.revision);
      this.#changed(summary.id);
    });
  }

  /** Forgets articles deleted for good. */
  noteRemoved(ids: readonly string[]): void {
    this.#apply(() => {
      for (const id of ids) {
        this.#index.remove(id);
        this.#recentTexts.delete(id);
        this.#changed(id);
      }
    });
  }

  /** The revision and trash state the index holds for an article, or null (lets a check compare it with the store). */
  indexed(id: string): { revision: number; trashed: boolean } | null {
    const document = this.#index.get(id);
    return document === undefined ? null : { revision: document.revision, trashed: document.trashed };
  }

  /** Matching ids, best first; the first `snippetCount` (default 12, a screenful) also get title highlights and a snippet. */
  async search(request: SearchRequest): Promise<SearchResult> {
    const ids = this.#index.search(request.query, request.scope);
    const words = queryWords(request.query);
    const highlights = await Promise.all(
      ids.slice(0, request.snippetCount ?? defaultSnippetCount).map(async (id) => {
        const title = this.#index.get(id)?.title ?? '';
        const text = await this.#textOf(id);
        return { id, titleRanges: matchRanges(foldForSearch(title), words), snippet: text === null ? null : buildSnippet(text, words) };
      }),
    );
    return { ids, highlights, indexing: this.#progress === null ? null : { ...this.#progress } };
  }

  /** An article's searchable text: from the recent-text cache, else read from its file (null if unreadable). */
  async #textOf(id: string): Promise<string | null> {
    const cached = this.#recentTexts.get(id);
    if (cached !== undefined) return cached;
    try {
      const text = articleSearchText(await this.#store.get(id));
      this.#remember(id, text);
      return text;
    } catch {
      return null;
    }
  }

  /** Keeps the texts of recently saved or shown articles, so repeated searches read no files for their snippets. */
  #remember(id: string, text: string): void {
    this.#recentTexts.delete(id);
    this.#recentTexts.set(id, text);
    if (this.#recentTexts.size > recentTextLimit) this.#recentTexts.delete(this.#recentTexts.keys().next().value!);
  }

  #changed(id: string): void {
    this.#dirtyShards.add(shardOf(id));
    this.#scheduleWrite();
  }

  #scheduleWrite(): void {
    if (this.#writeTimer !== null) return;
    this.#writeTimer = setTimeout(() => {
      this.#writeTimer = null;
      void this.#writeDirtyShards();
    }, this.#writeDelayMs);
    this.#writeTimer.unref?.();
  }

  #writeDirtyShards(): Promise<void> {
    this.#writing = this.#writing.then(async () => {
      const shards = [...this.#dirtyShards];
      this.#dirtyShards.clear();
      if (shards.length === 0) return;
      // A library folder that is gone (removed, or swapped by a restore) must not be recreated by a late cache write.
      if (!(await exists(this.#store.directory))) return;
      const byShard = new Map<string, SearchDocument[]>(shards.map((shard) => [shard, []]));
      for (const document of this.#index.documents()) byShard.get(shardOf(document.id))?.push(document);
      for (const [shard, documents] of byShard) {
        try {
          await writeSearchShard(this.folder, shard, documents, this.#writeOptions);
        } catch {
          // A shard that could not be written is re-indexed from the articles at the next start.
        }
      }
    });
    return this.#writing;
  }

  /** Writes pending shard changes now (tests and quitting); search is correct without it, only slower to start. */
  async flush(): Promise<void> {
    await this.ready.catch(() => undefined);
    if (this.#writeTimer !== null) {
      clearTimeout(this.#writeTimer);
      this.#writeTimer = null;
    }
    await this.#writeDirtyShards();
  }
}
