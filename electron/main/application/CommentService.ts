import { threadsOf, type CommentRecord, type CommentThread } from '../../../shared/commentModel';
import { AppError } from '../../../shared/errorCodes';
import type { LibraryStores } from '../library/openLibrary';
import { newRecordId } from '../storage/ArticleRecordLog';
import { requireIdentity } from './currentIdentity';
import type { LibraryEvents } from './LibraryEvents';

/**
 * Comment threads on the articles of one opened library. A thread's anchor is a mark in the body (the editor adds
 * it over the selected text with the id returned here); its comments, replies and resolutions are files of their own.
 */
export class CommentService {
  readonly #stores: Pick<LibraryStores, 'store' | 'settings' | 'comments'>;
  readonly #events: LibraryEvents;
  readonly #now: () => Date;

  constructor(stores: Pick<LibraryStores, 'store' | 'settings' | 'comments'>, events: LibraryEvents, now: () => Date = () => new Date()) {
    this.#stores = stores;
    this.#events = events;
    this.#now = now;
  }

  /** An article's threads, oldest first (the panel orders them by where their anchors are). */
  async list(articleId: string): Promise<CommentThread[]> {
    await this.#stores.store.get(articleId);
    return threadsOf((await this.#stores.comments.list(articleId)).records);
  }

  /** Starts a thread on the quoted text; returns it (its id is the anchor mark's). */
  async start(articleId: string, text: string, quote: string): Promise<CommentThread> {
    const id = newRecordId(this.#now());
    return this.#add(articleId, id, id, (stamp) => ({ kind: 'comment', ...stamp, text: this.#checked(text), quote: quote.trim() }));
  }

  /** Adds a reply to a thread. */
  async reply(articleId: string, threadId: string, text: string): Promise<CommentThread> {
    await this.#thread(articleId, threadId);
    return this.#add(articleId, threadId, newRecordId(this.#now()), (stamp) => ({
      kind: 'comment',
      ...stamp,
      text: this.#checked(text),
      quote: '',
    }));
  }

  /** Marks a thread resolved, or opens it again. */
  async resolve(articleId: string, threadId: string, resolved: boolean): Promise<CommentThread> {
    const thread = await this.#thread(articleId, threadId);
    if ((thread.resolved !== null) === resolved) return thread;
    return this.#add(articleId, threadId, newRecordId(this.#now()), (stamp) => ({ kind: resolved ? 'resolved' : 'reopened', ...stamp }));
  }

  #checked(text: string): string {
    const trimmed = text.trim();
    if (trimmed === '') throw new AppError('invalid-request', 'Bình luận trống.');
    return trimmed;
  }

  async #thread(articleId: string, threadId: string): Promise<CommentThread> {
    const thread = (await this.list(articleId)).find((candidate) => candidate.id === threadId);
    if (thread === undefined) throw new AppError('not-found', 'Không tìm thấy luồng bình luận này.');
    return thread;
  }

  /** Writes one record (a thread's first comment carries the thread's own id) and announces it. */
  async #add(
    articleId: string,
    threadId: string,
    id: string,
    record: (stamp: { id: string; articleId: string; threadId: string; by: CommentRecord['by']; at: string }) => CommentRecord,
  ): Promise<CommentThread> {
    const by = requireIdentity(this.#stores.settings.get());
    await this.#stores.store.get(articleId);
    const entry = record({ id, articleId, threadId, by, at: this.#now().toISOString() });
    await this.#stores.comments.append(entry);
    this.#events.announce({ kind: 'comment-added', record: entry });
    return (await this.list(articleId)).find((thread) => thread.id === threadId)!;
  }
}
