import type { LastMove } from '../../../shared/articleModel';
import type { ArticleStatus } from '../../../shared/articleVocabulary';
import type { Identity } from '../../../shared/identity';
import type { Messages } from '../i18n/messages';
import { formatTimeAndDay } from './formatDateTime';

/** A workflow move as the newsroom names it: the same step to "submitted" is "Gửi duyệt" or, after changes, "Gửi lại". */
export type MoveKind = 'submit' | 'resubmit' | 'requestChanges' | 'approve' | 'publish' | 'withdraw' | 'reopen';

export function moveKind(from: ArticleStatus, to: ArticleStatus): MoveKind {
  switch (to) {
    case 'submitted':
      return from === 'changesRequested' ? 'resubmit' : 'submit';
    case 'changesRequested':
      return 'requestChanges';
    case 'approved':
      return 'approve';
    case 'published':
      return 'publish';
    case 'draft':
      // Taking back one's own submission, or reopening text that was approved or published.
      return from === 'submitted' || from === 'changesRequested' ? 'withdraw' : 'reopen';
  }
}

/** "Ngọc Sơn (Phóng viên)". */
export function personLabel(messages: Messages, person: Identity): string {
  return messages.person(person.name, messages.role[person.role]);
}

/** The longest note a move may carry (shared/workflowEvent.ts: workflowNoteMaximumLength; kept here so the bundle needs no zod). */
export const moveNoteMaximumLength = 2_000;

/** The library row's short form: "Ngọc Sơn gửi duyệt" (who moved it last, and how), "Ngọc Sơn tạo bài"; null when unknown. */
export function lastActorLine(messages: Messages, article: { lastMove: LastMove | null; createdBy: Identity | null }): string | null {
  const { lastMove, createdBy } = article;
  if (lastMove !== null) return `${lastMove.by.name} ${messages.moveVerb[moveKind(lastMove.from, lastMove.to)]}`;
  return createdBy === null ? null : messages.createdShort(createdBy.name);
}

/** "Ngọc Sơn (Phóng viên) gửi duyệt lúc 10:42 30/11", or who created a draft that never moved; null when unknown. */
export function holderLine(
  messages: Messages,
  article: { lastMove: LastMove | null; createdBy: Identity | null; createdAt: string },
): string | null {
  const { lastMove, createdBy, createdAt } = article;
  if (lastMove !== null) {
    const verb = messages.moveVerb[moveKind(lastMove.from, lastMove.to)];
    return messages.lastMoveLine(personLabel(messages, lastMove.by), verb, formatTimeAndDay(lastMove.at));
  }
  return createdBy === null ? null : messages.createdLine(personLabel(messages, createdBy), formatTimeAndDay(createdAt));
}
