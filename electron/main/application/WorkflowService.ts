import type { Article, ArticleStatus } from '../../../shared/articleModel';
import { AppError } from '../../../shared/errorCodes';
import { canMove } from '../../../shared/workflow';
import type { WorkflowEvent } from '../../../shared/workflowEvent';
import type { LibraryStores } from '../library/openLibrary';
import { newRecordId } from '../storage/ArticleRecordLog';
import { requireIdentity } from './currentIdentity';
import type { LibraryEvents } from './LibraryEvents';

/** The editorial flow of one opened library: moves checked against the user's role, each one kept in the history. */
export class WorkflowService {
  readonly #stores: Pick<LibraryStores, 'store' | 'settings' | 'workflow'>;
  readonly #events: LibraryEvents;
  readonly #now: () => Date;

  readonly #onFailure: (context: string, error: unknown) => void;

  constructor(
    stores: Pick<LibraryStores, 'store' | 'settings' | 'workflow'>,
    events: LibraryEvents,
    now: () => Date = () => new Date(),
    onFailure: (context: string, error: unknown) => void = () => {},
  ) {
    this.#stores = stores;
    this.#events = events;
    this.#now = now;
    this.#onFailure = onFailure;
  }

  /**
   * Moves an article to `to` for the current user, if their role may (invalid-move otherwise) and the article is
   * still at `baseRevision` (conflict otherwise). The article file changes first, then the history gains the event:
   * a crash between the two leaves the move done, and `history` still shows it from the article's last move.
   */
  async move(id: string, baseRevision: number, to: ArticleStatus, note: string): Promise<Article> {
    const by = requireIdentity(this.#stores.settings.get());
    const stored = await this.#stores.store.get(id);
    if (stored.trashedAt !== null) throw new AppError('invalid-move', 'Bài đang ở thùng rác: hãy khôi phục bài trước.');
    // A window showing an older revision is told the article changed elsewhere, not that its move is not allowed.
    if (stored.revision !== baseRevision) {
      throw new AppError(
        'conflict',
        `Bài đã được lưu hoặc chuyển ở nơi khác (phiên bản ${stored.revision}, màn hình đang ở ${baseRevision})`,
      );
    }
    if (!canMove(stored.status, to, by.role)) {
      throw new AppError('invalid-move', `Vai trò của bạn không chuyển được bài từ “${stored.status}” sang “${to}”.`);
    }
    const at = this.#now();
    const article = await this.#stores.store.move(id, baseRevision, { from: stored.status, to, by, at: at.toISOString() });
    const event: WorkflowEvent = {
      id: newRecordId(at),
      articleId: id,
      from: stored.status,
      to,
      by,
      at: at.toISOString(),
      note: note.trim(),
      revision: article.revision,
    };
    try {
      await this.#stores.workflow.append(event);
    } catch (error) {
      // The move is done (the article file says so, and the history rebuilds it from there): report, do not fail it.
      this.#onFailure('không ghi được lịch sử duyệt', error);
    }
    // Answered once what the move sets off is done: the version it takes is in the list the window shows next.
    await this.#events.announceAndWait({ kind: 'article-moved', article, event });
    return article;
  }

  /** Every move of an article, oldest first (its last move included even if a crash kept it out of the log). */
  async history(id: string): Promise<WorkflowEvent[]> {
    const article = await this.#stores.store.get(id);
    const events = (await this.#stores.workflow.list(id)).records.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    const last = article.lastMove;
    if (last !== null && !events.some((event) => event.at === last.at && event.to === last.to)) {
      events.push({ id: newRecordId(new Date(last.at)), articleId: id, ...last, note: '', revision: article.revision });
    }
    return events;
  }
}
