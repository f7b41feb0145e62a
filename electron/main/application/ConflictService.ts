import { readdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { articleContentOf, type Article, type ArticleContent } from '../../../shared/articleModel';
import { emptyDocument } from '../../../shared/documentJson';
import { canonicalJson } from '../../../shared/canonicalJson';
import { pendingConflictOf, type ConflictChoices, type ConflictKept, type ConflictView } from '../../../shared/conflictModel';
import { diffArticles } from '../../../shared/diffArticles';
import { AppError } from '../../../shared/errorCodes';
import { mergeConflict } from '../../../shared/mergeConflict';
import { isLockedForEditing } from '../../../shared/workflow';
import type { LibraryStores } from '../library/openLibrary';
import { newRecordId } from '../storage/ArticleRecordLog';
import { errorCodeOf } from '../storage/fileSystemErrors';
import { currentIdentity } from './currentIdentity';
import type { LibraryEvents } from './LibraryEvents';
import type { VersionService } from './VersionService';

export const conflictMessages = {
  gone: 'Xung đột này đã được giải quyết (có thể ở một cửa sổ khác): hãy mở lại bài.',
  locked: 'Bài đã duyệt hoặc đã đăng: hãy đưa bài về nháp (“Sửa bài”) trước khi giải quyết xung đột.',
  inTrash: 'Bài đang nằm trong thùng rác: hãy khôi phục bài trước khi giải quyết xung đột.',
  statusChanged: 'Trạng thái của bài chỉ đổi bằng các bước duyệt (Gửi duyệt, Duyệt…).',
  sendPending: 'Bài đang có xung đột với một gói đã nhận: hãy giải quyết xung đột trước khi gửi gói.',
  mergeLabel: (name: string | null) => (name === null ? 'Gộp với bản trong gói' : `Gộp với bản trong gói của ${name}`),
  syncMergeLabel: (name: string | null) => (name === null ? 'Gộp với bản trên máy chủ' : `Gộp với bản trên máy chủ của ${name}`),
} as const;

type Stores = Pick<LibraryStores, 'store' | 'settings' | 'versions' | 'conflicts' | 'layout'>;

/**
 * Conflicts with received packages: kept (by the package service) as a record in the article's `conflicts/` folder
 * beside the untouched local text, shown as three texts (the common version, the local text, the package's), and
 * settled by the user's choice per field into a new save with its 'merge' version and a resolution record. Records are
 * only ever added, so two machines syncing the folder never rewrite each other's.
 */
export class ConflictService {
  readonly #stores: Stores;
  readonly #events: LibraryEvents;
  readonly #versions: VersionService;
  readonly #now: () => Date;
  /** The articles with a pending conflict, read from disk the first time it is asked, then kept up to date. */
  #pendingIds: Promise<Set<string>> | null = null;
  // Bumped by every keep and resolve: a refresh whose read began before one of them leaves that article as they set it.
  readonly #pendingChanges = new Map<string, number>();

  #notePendingChange(id: string): void {
    this.#pendingChanges.set(id, (this.#pendingChanges.get(id) ?? 0) + 1);
  }

  constructor(stores: Stores, events: LibraryEvents, versions: VersionService, now: () => Date = () => new Date()) {
    this.#stores = stores;
    this.#events = events;
    this.#versions = versions;
    this.#now = now;
  }

  /** The article's pending conflict (the newest one no resolution names) and every pending one's id, or null. */
  async pending(id: string): Promise<{ conflict: ConflictKept; pendingIds: string[] } | null> {
    const { records } = await this.#stores.conflicts.list(id);
    return pendingConflictOf(records);
  }

  /** Writes a conflict record (the package service has added the package's records and photos first). */
  async keep(conflict: Omit<ConflictKept, 'kind' | 'id' | 'at' | 'receivedBy'>): Promise<ConflictKept> {
    const at = this.#now();
    const record: ConflictKept = {
      kind: 'conflict',
      id: newRecordId(at),
      at: at.toISOString(),
      receivedBy: currentIdentity(this.#stores.settings.get()),
      ...conflict,
    };
    await this.#stores.conflicts.append(record);
    this.#notePendingChange(conflict.articleId);
    if (this.#pendingIds !== null) (await this.#pendingIds).add(conflict.articleId);
    return record;
  }

  /**
   * Looks again at these articles' conflict records only (a sync brought or took out records of theirs): each is checked
   * as the whole read checks it, without reading every article's folder (10,000 of them) at the next count.
   */
  async refreshPending(ids: Iterable<string>): Promise<void> {
    const read = this.#pendingIds;
    if (read === null) return;
    const targets = [...new Set(ids)];
    const batch = 64;
    try {
      const pending = await read;
      for (let start = 0; start < targets.length; start += batch) {
        await Promise.all(
          targets.slice(start, start + batch).map(async (id) => {
            const changes = this.#pendingChanges.get(id);
            const isPending = (await this.#hasConflictRecords(id)) && (await this.pending(id)) !== null;
            // A conflict kept or resolved while this read ran decided the article already, and more recently.
            if (this.#pendingChanges.get(id) !== changes) return;
            if (isPending) pending.add(id);
            else pending.delete(id);
          }),
        );
      }
    } catch {
      // Records that could not be read: the whole read next time says what is wrong, as before.
      if (this.#pendingIds === read) this.#pendingIds = null;
    }
  }

  /** Refuses (conflict) a change that must wait until the article's conflict is settled, such as sending a package. */
  async assertNonePending(id: string): Promise<void> {
    if ((await this.pending(id)) !== null) throw new AppError('package-refused', conflictMessages.sendPending);
  }

  /** The ids of the active articles with a pending conflict (for the library's rows). */
  async pendingArticleIds(): Promise<string[]> {
    this.#pendingIds ??= this.#readPendingIds().catch((error: unknown) => {
      this.#pendingIds = null;
      throw error;
    });
    const pending = await this.#pendingIds;
    return this.#stores.store
      .list('active')
      .filter((summary) => pending.has(summary.id))
      .map((summary) => summary.id);
  }

  /** What the three-way view shows, or null when the article has no pending conflict. */
  async view(id: string): Promise<ConflictView | null> {
    const pending = await this.pending(id);
    if (pending === null) return null;
    const { conflict } = pending;
    const article = await this.#stores.store.get(id);
    const mine = articleContentOf(article);
    const base = await this.#baseOf(conflict, mine);
    return {
      conflict,
      revision: article.revision,
      base,
      mine,
      theirs: conflict.theirs,
      mineDiff: diffArticles(base, mine),
      theirsDiff: diffArticles(base, conflict.theirs),
    };
  }

  /** The common text: the version a package named, the text of the last sync, or nothing (both made the article apart). */
  async #baseOf(conflict: ConflictKept, mine: ArticleContent): Promise<ArticleContent> {
    if (conflict.base !== undefined) return conflict.base;
    if (conflict.baseVersionId !== null) return (await this.#versions.get(conflict.articleId, conflict.baseVersionId)).content;
    return { ...mine, title: '', sapo: '', body: emptyDocument(), bylineName: '', photoCredit: '', coverMediaId: null };
  }

  /**
   * Settles the pending conflict `conflictId` with the user's choices: the merged text is saved over `baseRevision`
   * (a stale window gets a conflict), the local text kept as a version first unless the newest version holds it, then
   * a 'merge' version is taken and a resolution record written. Merging is editing: approved or published text must be
   * moved back to draft first, as for any edit.
   */
  async resolve(id: string, conflictId: string, baseRevision: number, choices: ConflictChoices): Promise<Article> {
    const pending = await this.pending(id);
    if (pending === null || pending.conflict.id !== conflictId) throw new AppError('conflict', conflictMessages.gone);
    const local = await this.#stores.store.get(id);
    if (local.trashedAt !== null) throw new AppError('conflict', conflictMessages.inTrash);
    if (isLockedForEditing(local.status)) throw new AppError('article-locked', conflictMessages.locked);
    if (local.revision !== baseRevision) {
      throw new AppError('conflict', `Bài đã được lưu ở nơi khác (phiên bản ${local.revision}, bản đang sửa dựa trên ${baseRevision})`);
    }
    const merged = mergeConflict(articleContentOf(local), pending.conflict.theirs, choices);
    // The local text about to be replaced, unless the newest version already holds it (compared whole).
    const [newest] = await this.#versions.list(id);
    const newestContent = newest === undefined ? null : (await this.#versions.get(id, newest.id)).content;
    if (newestContent === null || canonicalJson(newestContent) !== canonicalJson(articleContentOf(local))) {
      await this.#versions.take(id, 'editing');
    }
    await this.#stores.store.save(id, baseRevision, merged, {
      by: currentIdentity(this.#stores.settings.get()),
      check: (stored) => {
        // Checked again on the file this save reads: a move may have landed since.
        if (stored.status !== local.status) throw new AppError('invalid-move', conflictMessages.statusChanged);
      },
    });
    const article = await this.#stores.store.get(id);
    await this.#events.announceAndWait({ kind: 'conflict-resolved', article, conflictIds: pending.pendingIds });
    const label =
      pending.conflict.source === 'sync'
        ? conflictMessages.syncMergeLabel(pending.conflict.sentBy?.name ?? null)
        : conflictMessages.mergeLabel(pending.conflict.sentBy?.name ?? null);
    const version = await this.#versions.take(id, 'merge', label);
    const at = this.#now();
    await this.#stores.conflicts.append({
      kind: 'resolution',
      id: newRecordId(at),
      articleId: id,
      at: at.toISOString(),
      by: currentIdentity(this.#stores.settings.get()),
      conflictIds: pending.pendingIds,
      versionId: version.id,
    });
    this.#notePendingChange(id);
    if (this.#pendingIds !== null) (await this.#pendingIds).delete(id);
    return article;
  }

  /** Every article whose records folder holds conflict records with one pending (a folder per article, read in batches). */
  async #readPendingIds(): Promise<Set<string>> {
    const ids = this.#stores.store.list('active').map((summary) => summary.id);
    const pending = new Set<string>();
    const batch = 64;
    for (let start = 0; start < ids.length; start += batch) {
      await Promise.all(
        ids.slice(start, start + batch).map(async (id) => {
          if (!(await this.#hasConflictRecords(id))) return;
          if ((await this.pending(id)) !== null) pending.add(id);
        }),
      );
    }
    return pending;
  }

  async #hasConflictRecords(id: string): Promise<boolean> {
    try {
      return (await readdir(dirname(this.#stores.layout.library.conflictFile(id, 'x')))).length > 0;
    } catch (error) {
      if (errorCodeOf(error) === 'ENOENT' || errorCodeOf(error) === 'ENOTDIR') return false;
      throw error;
    }
  }
}
