import type { ArticleContent } from '../../../shared/articleModel';
import { rememberingCheck } from '../../../shared/spelling/findMisspellings';
import { libraryWordsOf } from '../../../shared/spelling/libraryWordsOf';
import type { ArticleStore } from '../storage/ArticleStore';
import type { CachedSpellingWords, SpellingWordsCache } from '../storage/SpellingWordsCache';

/**
 * The words the library's articles use that a Vietnamese spelling check would flag (names, loan words: see
 * libraryWordsOf), read from every article file once per session in the background, then kept up to date as articles
 * are saved (libraryWordsFollowChanges). A word is known to an article's check when another article uses it, so a
 * typo is never made known by the autosave of the article it is in. Words of trashed articles stay known. The words
 * read are cached with each article's revision: the next session reads only the articles changed since.
 */
export class LibraryWords {
  readonly #store: Pick<ArticleStore, 'list' | 'get'>;
  readonly #cache: Pick<SpellingWordsCache, 'read' | 'write'> | null;
  readonly #byArticle = new Map<string, ReadonlySet<string>>();
  /** The revision each article's words were taken from (for the cache). */
  readonly #revisions = new Map<string, number>();
  /** How many articles use each word. */
  readonly #uses = new Map<string, number>();
  readonly #check = rememberingCheck();
  #reading: Promise<void> | null = null;

  constructor(store: Pick<ArticleStore, 'list' | 'get'>, cache: Pick<SpellingWordsCache, 'read' | 'write'> | null = null) {
    this.#store = store;
    this.#cache = cache;
  }

  /** The library's words known to the check of one article: those another article uses. Waits for the first reading. */
  async knownFor(articleId: string): Promise<string[]> {
    await this.#readAll();
    const own = this.#byArticle.get(articleId);
    const known: string[] = [];
    for (const [word, count] of this.#uses) if (count > (own?.has(word) === true ? 1 : 0)) known.push(word);
    return known;
  }

  /** An article's text as now saved (at `revision`): its words replace the ones it had. */
  note(articleId: string, content: ArticleContent, revision: number): void {
    this.#set(articleId, libraryWordsOf(content, this.#check));
    this.#revisions.set(articleId, revision);
  }

  /** Articles deleted for good (the trash emptied). */
  forget(articleIds: readonly string[]): void {
    for (const id of articleIds) this.#set(id, null);
  }

  #set(articleId: string, words: ReadonlySet<string> | null): void {
    for (const word of this.#byArticle.get(articleId) ?? []) {
      const count = (this.#uses.get(word) ?? 1) - 1;
      if (count > 0) this.#uses.set(word, count);
      else this.#uses.delete(word);
    }
    if (words === null) {
      this.#byArticle.delete(articleId);
      this.#revisions.delete(articleId);
      return;
    }
    this.#byArticle.set(articleId, words);
    for (const word of words) this.#uses.set(word, (this.#uses.get(word) ?? 0) + 1);
  }

  /**
   * Reads every article once, one file at a time (each read gives the window's calls their turn), or takes its words
   * from the cache when its revision is the cached one; then writes the cache. Again after a failure.
   */
  #readAll(): Promise<void> {
    this.#reading ??= (async () => {
      const cached: CachedSpellingWords = (await this.#cache?.read()) ?? new Map();
      for (const summary of [...this.#store.list('active'), ...this.#store.list('trash')]) {
        // Saved since the session began: the change's text is newer than any read started before it.
        if (this.#byArticle.has(summary.id)) continue;
        const known = cached.get(summary.id);
        if (known?.revision === summary.revision) {
          this.#set(summary.id, new Set(known.words));
          this.#revisions.set(summary.id, summary.revision);
          continue;
        }
        const article = await this.#store.get(summary.id).catch(() => null);
        if (article !== null && !this.#byArticle.has(summary.id)) this.note(summary.id, article, article.revision);
      }
      const words = new Map([...this.#revisions].map(([id, revision]) => [id, { revision, words: [...this.#byArticle.get(id)!] }]));
      // A cache not written costs the next session its reading, nothing else.
      await this.#cache?.write(words).catch(() => undefined);
    })().catch((error: unknown) => {
      this.#reading = null;
      throw error;
    });
    return this.#reading;
  }
}
