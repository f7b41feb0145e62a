import type { ArticleContent } from '../../../shared/articleModel';
import { rememberingCheck } from '../../../shared/spelling/findMisspellings';
import { libraryWordsOf } from '../../../shared/spelling/libraryWordsOf';
import type { ArticleStore } from '../storage/ArticleStore';

/**
 * The words the library's articles use that a Vietnamese spelling check would flag (names, loan words: see
 * libraryWordsOf), read from every article file once per session in the background, then kept up to date as articles
 * are saved (libraryWordsFollowChanges). A word is known to an article's check when another article uses it, so a
 * typo is never made known by the autosave of the article it is in. Words of trashed articles stay known.
 */
export class LibraryWords {
  readonly #store: Pick<ArticleStore, 'list' | 'get'>;
  readonly #byArticle = new Map<string, ReadonlySet<string>>();
  /** How many articles use each word. */
  readonly #uses = new Map<string, number>();
  readonly #check = rememberingCheck();
  #reading: Promise<void> | null = null;

  constructor(store: Pick<ArticleStore, 'list' | 'get'>) {
    this.#store = store;
  }

  /** The library's words known to the check of one article: those another article uses. Waits for the first reading. */
  async knownFor(articleId: string): Promise<string[]> {
    await this.#readAll();
    const own = this.#byArticle.get(articleId);
    const known: string[] = [];
    for (const [word, count] of this.#uses) if (count > (own?.has(word) === true ? 1 : 0)) known.push(word);
    return known;
  }

  /** An article's text as now saved: its words replace the ones it had. */
  note(articleId: string, content: ArticleContent): void {
    this.#set(articleId, libraryWordsOf(content, this.#check));
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
      return;
    }
    this.#byArticle.set(articleId, words);
    for (const word of words) this.#uses.set(word, (this.#uses.get(word) ?? 0) + 1);
  }

  /** Reads every article once, one file at a time (each read gives the window's calls their turn); again after a failure. */
  #readAll(): Promise<void> {
    this.#reading ??= (async () => {
      const ids = [...this.#store.list('active'), ...this.#store.list('trash')].map((summary) => summary.id);
      for (const id of ids) {
        // Saved since the session began: the change's text is newer than any read started before it.
        if (this.#byArticle.has(id)) continue;
        const article = await this.#store.get(id).catch(() => null);
        if (article !== null && !this.#byArticle.has(id)) this.note(id, article);
      }
    })().catch((error: unknown) => {
      this.#reading = null;
      throw error;
    });
    return this.#reading;
  }
}
