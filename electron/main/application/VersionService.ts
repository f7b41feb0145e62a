import { articleContentOf, type Article, type ArticleContent, type ArticleStatus } from '../../../shared/articleModel';
import { canonicalJson } from '../../../shared/canonicalJson';
import { diffArticles, type ArticleDiff } from '../../../shared/diffArticles';
import { AppError } from '../../../shared/errorCodes';
import type { Identity } from '../../../shared/identity';
import type { Version, VersionReason, VersionSummary } from '../../../shared/versionModel';
import { isLockedForEditing } from '../../../shared/workflow';
import type { LibraryStores } from '../library/openLibrary';
import { currentIdentity } from './currentIdentity';
import type { LibraryEvents } from './LibraryEvents';

/** How long editing goes on before the next save takes a version of its own. */
export const editingVersionEveryMs = 10 * 60_000;

/** The statuses a reviewer's move leaves an article in: the version taken then is "the one I reviewed". */
const reviewedStatuses: readonly ArticleStatus[] = ['changesRequested', 'approved'];

/** Versions of the articles of one opened library: taken by hand or automatically, listed, opened, compared, restored. */
export class VersionService {
  readonly #stores: Pick<LibraryStores, 'store' | 'settings' | 'versions'>;
  readonly #events: LibraryEvents;
  readonly #now: () => Date;
  /** When each article's newest version was taken (read from disk the first time it is needed). */
  readonly #newestAt = new Map<string, number>();
  readonly #newestAtReads = new Map<string, Promise<number>>();
  /** Versions being taken in the background (after a save, a move, an export); flushing waits for them. */
  readonly #pending = new Set<Promise<unknown>>();

  constructor(stores: Pick<LibraryStores, 'store' | 'settings' | 'versions'>, events: LibraryEvents, now: () => Date = () => new Date()) {
    this.#stores = stores;
    this.#events = events;
    this.#now = now;
  }

  /**
   * Takes a version of the article as it is now, stamped with the current user; or of `as.article` stamped with
   * `as.by` (a move's own article and author, whatever happened since).
   */
  async take(id: string, reason: VersionReason, label = '', as?: { article: Article; by: Identity | null }): Promise<VersionSummary> {
    const article = as?.article ?? (await this.#stores.store.get(id));
    const at = this.#now();
    const version = await this.#stores.versions.take(id, articleContentOf(article), {
      at,
      by: as === undefined ? currentIdentity(this.#stores.settings.get()) : as.by,
      label: label.trim(),
      reason,
      revision: article.revision,
      status: article.status,
    });
    this.#newestAt.set(id, at.getTime());
    this.#events.announce({ kind: 'version-saved', version });
    return version;
  }

  /** Takes a version in the background (a subscriber's reaction); a failure is reported, never thrown at the caller. */
  takeLater(
    id: string,
    reason: VersionReason,
    onFailure: (error: unknown) => void,
    as?: { article: Article; by: Identity | null },
  ): Promise<unknown> {
    const taking = this.take(id, reason, '', as).catch(onFailure);
    this.track(taking);
    return taking;
  }

  /** After a save: a version when the article's newest one is older than ten minutes of editing (or there is none). */
  async takeIfEditedLong(id: string): Promise<boolean> {
    if (!this.#newestAt.has(id)) {
      const read = await this.#readNewestAt(id);
      // Another call may have gone on meanwhile and counted a version as taken: its time wins over the disk's.
      if (!this.#newestAt.has(id)) this.#newestAt.set(id, read);
    }
    const newestAt = this.#newestAt.get(id)!;
    if (this.#now().getTime() - newestAt < editingVersionEveryMs) return false;
    // Counted as taken from now, so a burst of saves takes one version.
    this.#newestAt.set(id, this.#now().getTime());
    await this.take(id, 'editing');
    return true;
  }

  /** When the article's newest stored version was taken; calls that ask together share one read. */
  #readNewestAt(id: string): Promise<number> {
    let reading = this.#newestAtReads.get(id);
    if (reading === undefined) {
      reading = this.#stores.versions
        .list(id)
        .then(([newest]) => (newest === undefined ? Number.NEGATIVE_INFINITY : Date.parse(newest.at)))
        .finally(() => this.#newestAtReads.delete(id));
      this.#newestAtReads.set(id, reading);
    }
    return reading;
  }

  /** Background work of `takeLater` and `takeIfEditedLong`; flushing and closing wait for it. */
  track(work: Promise<unknown>): void {
    this.#pending.add(work);
    void work.finally(() => this.#pending.delete(work));
  }

  /** Resolves once every version started so far is on disk (or failed). */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }

  list(id: string): Promise<VersionSummary[]> {
    return this.#stores.versions.list(id);
  }

  get(id: string, versionId: string): Promise<Version> {
    return this.#stores.versions.get(id, versionId);
  }

  /** Two versions compared field by field, word by word; `null` for either side means the article as it is now. */
  async compare(id: string, fromVersionId: string | null, toVersionId: string | null): Promise<ArticleDiff> {
    const [before, after] = await Promise.all([this.#contentAt(id, fromVersionId), this.#contentAt(id, toVersionId)]);
    return diffArticles(before, after);
  }

  /**
   * What changed since the version this user last reviewed (the one taken when they requested changes or approved),
   * or null when they never reviewed this article.
   */
  async changesSinceMyReview(id: string): Promise<{ reviewed: VersionSummary; diff: ArticleDiff } | null> {
    const me = currentIdentity(this.#stores.settings.get());
    if (me === null) return null;
    const reviewed = (await this.list(id)).find(
      (version) => version.reason === 'status' && version.by?.name === me.name && reviewedStatuses.includes(version.status),
    );
    if (reviewed === undefined) return null;
    return { reviewed, diff: await this.compare(id, reviewed.id, null) };
  }

  /**
   * Brings back a version's text (title, sapo, body, byline, credit, date; the status stays as it is) as a new save,
   * then takes a version of the result: the text it replaced is kept as a version first, so nothing is lost.
   */
  async restore(id: string, versionId: string, baseRevision: number): Promise<Article> {
    const version = await this.get(id, versionId);
    const article = await this.#stores.store.get(id);
    if (isLockedForEditing(article.status))
      throw new AppError('article-locked', 'Bài đã duyệt hoặc đã đăng: hãy đưa bài về nháp trước khi khôi phục.');
    const [newest] = await this.list(id);
    const current = articleContentOf(article);
    const newestContent = newest === undefined ? null : (await this.get(id, newest.id)).content;
    // The text about to be replaced, unless the newest version already holds it.
    // Compared whole (formatting and empty paragraphs included, which the word diff leaves out).
    if (newestContent === null || canonicalJson(newestContent) !== canonicalJson(current)) await this.take(id, 'editing');
    await this.#stores.store.save(
      id,
      baseRevision,
      { ...version.content, status: article.status },
      { by: currentIdentity(this.#stores.settings.get()) },
    );
    const restored = await this.#stores.store.get(id);
    // The restore's own version follows; the save it announces must not take an "editing" one besides.
    this.#newestAt.set(id, this.#now().getTime());
    this.#events.announce({ kind: 'article-saved', id, revision: restored.revision, content: articleContentOf(restored) });
    await this.take(id, 'restore');
    return restored;
  }

  async #contentAt(id: string, versionId: string | null): Promise<ArticleContent> {
    return versionId === null ? articleContentOf(await this.#stores.store.get(id)) : (await this.get(id, versionId)).content;
  }
}
