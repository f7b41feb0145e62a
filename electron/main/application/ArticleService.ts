import { articleContentOf, type Article, type ArticleContent, type ArticleSummary } from '../../../shared/articleModel';
import { collectFigures } from '../../../shared/collectFigures';
import { AppError } from '../../../shared/errorCodes';
import type { RecoveryNotice } from '../../../shared/recoveryNotice';
import type { LibraryStores } from '../library/openLibrary';
import { emptyTrash } from '../services/emptyTrash';
import { listPeopleNames } from '../services/listPeopleNames';
import { isLockedForEditing } from '../../../shared/workflow';
import { currentIdentity } from './currentIdentity';
import { differOnlyByCommentAnchors } from '../../../shared/withoutCommentAnchors';
import type { LibraryEvents } from './LibraryEvents';

/** Every change to the articles of one opened library, each announced once it is on disk. */
export class ArticleService {
  readonly #stores: Pick<LibraryStores, 'store' | 'media' | 'layout' | 'settings'>;
  readonly #events: LibraryEvents;

  constructor(stores: Pick<LibraryStores, 'store' | 'media' | 'layout' | 'settings'>, events: LibraryEvents) {
    this.#stores = stores;
    this.#events = events;
  }

  list(scope: 'active' | 'trash'): ArticleSummary[] {
    return this.#stores.store.list(scope);
  }

  get(id: string): Promise<Article> {
    return this.#stores.store.get(id);
  }

  /** Bylines and credits used before, most used first, for completion. */
  peopleNames(): string[] {
    return listPeopleNames(this.#stores.store.list('active'));
  }

  /** Files quarantined and generations recovered since the library was opened. */
  recoveryNotices(): RecoveryNotice[] {
    return this.#stores.store.recoveryNotices();
  }

  async create(): Promise<Article> {
    const article = await this.#stores.store.create(this.#me());
    this.#events.announce({ kind: 'article-created', article });
    return article;
  }

  /**
   * Saves new content over `baseRevision` (a `conflict` otherwise); every photo it names must be known. The status
   * only changes through the workflow, and approved or published text only after it was moved back to draft.
   */
  async save(id: string, baseRevision: number, content: ArticleContent): Promise<{ revision: number; updatedAt: string }> {
    // Checked on the article the store's save reads: an autosave reads the file once.
    const saved = await this.#stores.store.save(id, baseRevision, content, {
      by: this.#me(),
      check: async (stored) => {
        if (content.status !== stored.status) {
          throw new AppError('invalid-move', 'Trạng thái của bài chỉ đổi bằng các bước duyệt (Gửi duyệt, Duyệt…).');
        }
        // Anchoring a comment on approved text is reviewing it, not editing it.
        if (isLockedForEditing(stored.status) && !differOnlyByCommentAnchors(articleContentOf(stored), content)) {
          throw new AppError('article-locked', 'Bài đã duyệt hoặc đã đăng: hãy đưa bài về nháp trước khi sửa.');
        }
        await this.#checkPhotosOf(stored, content);
      },
    });
    this.#events.announce({ kind: 'article-saved', id, revision: saved.revision, content });
    return saved;
  }

  /**
   * A figure may only name a photo the library holds (a forged id must not reach disk or an export), or one the
   * stored article already named: a photo lost since (damaged, synced late) must never make the text unsavable.
   */
  async #checkPhotosOf(stored: Article, content: ArticleContent): Promise<void> {
    let storedPhotos: Set<string> | null = null;
    for (const figure of collectFigures(content.body)) {
      if (await this.#stores.media.has(figure.mediaId)) continue;
      storedPhotos ??= new Set(collectFigures(stored.body).map((named) => named.mediaId));
      if (!storedPhotos.has(figure.mediaId)) {
        throw new AppError('invalid-request', `Bài nhắc tới một ảnh không có trong thư viện (${figure.mediaId.slice(0, 12)}…)`);
      }
    }
  }

  async duplicate(id: string): Promise<Article> {
    const article = await this.#stores.store.duplicate(id, this.#me());
    this.#events.announce({ kind: 'article-duplicated', article, sourceId: id });
    return article;
  }

  async trash(id: string): Promise<ArticleSummary> {
    const summary = await this.#stores.store.trash(id, this.#me());
    this.#events.announce({ kind: 'article-trashed', summary });
    return summary;
  }

  async restore(id: string): Promise<ArticleSummary> {
    const summary = await this.#stores.store.restore(id, this.#me());
    this.#events.announce({ kind: 'article-restored', summary });
    return summary;
  }

  /** Who makes the change at hand (null while no one is named in Cài đặt). */
  #me() {
    return currentIdentity(this.#stores.settings.get());
  }

  /** Deletes the trashed articles for good (the user confirmed), then the photos nothing may still need. */
  async emptyTrash(): Promise<{ removedArticles: number; removedPhotos: number }> {
    const { store, media, layout } = this.#stores;
    const removed = await emptyTrash({ store, media, layout });
    this.#events.announce({ kind: 'trash-emptied', removedArticleIds: removed.articleIds, removedPhotoIds: removed.photoIds });
    return { removedArticles: removed.articleIds.length, removedPhotos: removed.photoIds.length };
  }
}
