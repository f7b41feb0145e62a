import type { ArticleStatus, NewsroomRole } from './articleVocabulary';

/** One step of the editorial flow and the roles that may take it. */
export interface WorkflowMove {
  from: ArticleStatus;
  to: ArticleStatus;
  roles: readonly NewsroomRole[];
}

const everyone: readonly NewsroomRole[] = ['reporter', 'editor', 'managingEditor'];
const editors: readonly NewsroomRole[] = ['editor', 'managingEditor'];

/**
 * The moves of the editorial flow. A reporter submits and resubmits; editors request changes or approve; only the
 * managing editor (thư ký tòa soạn) publishes. Editing an approved or published article takes it back to draft
 * (after a warning): that move is open to everyone, since it only ever lowers the article's standing.
 */
export const workflowMoves: readonly WorkflowMove[] = [
  { from: 'draft', to: 'submitted', roles: everyone },
  { from: 'changesRequested', to: 'submitted', roles: everyone },
  { from: 'submitted', to: 'draft', roles: everyone },
  { from: 'submitted', to: 'changesRequested', roles: editors },
  { from: 'submitted', to: 'approved', roles: editors },
  { from: 'approved', to: 'changesRequested', roles: editors },
  { from: 'approved', to: 'published', roles: ['managingEditor'] },
  { from: 'approved', to: 'draft', roles: everyone },
  { from: 'published', to: 'draft', roles: everyone },
];

/** The statuses a user in `role` may move an article in `status` to, in the order the buttons show them. */
export function allowedMoves(status: ArticleStatus, role: NewsroomRole): ArticleStatus[] {
  return workflowMoves.filter((move) => move.from === status && move.roles.includes(role)).map((move) => move.to);
}

/** Whether a user in `role` may move an article from `from` to `to`. */
export function canMove(from: ArticleStatus, to: ArticleStatus, role: NewsroomRole): boolean {
  return allowedMoves(from, role).includes(to);
}

/** Approved and published text is not edited in place: editing it first moves it back to draft, after a warning. */
export function isLockedForEditing(status: ArticleStatus): boolean {
  return status === 'approved' || status === 'published';
}
