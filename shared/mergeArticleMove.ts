import type { Article, ArticleStatus, LastMove } from './articleModel';
import { canonicalJson } from './canonicalJson';
import { compareTimestamps } from './compareTimestamps';

/** Where an article stands in the editorial flow after a merge: a status and the move that set it, always together. */
export interface MergedMove {
  status: ArticleStatus;
  lastMove: LastMove | null;
}

type Side = Pick<Article, 'status' | 'lastMove'>;

/**
 * The status and last move of two copies merged. A move made on one side only wins (whatever the clocks say); moves on
 * both sides: the later one by `at` wins, the earlier stays in the history (its workflow record is its own file). Not a
 * conflict: the flow is a sequence of steps, and the last step is where the article is.
 */
export function mergeArticleMove(base: Side | null, ours: Side, theirs: Side): MergedMove {
  const baseMove = canonicalJson(base?.lastMove ?? null);
  const oursMoved = canonicalJson(ours.lastMove) !== baseMove;
  const theirsMoved = canonicalJson(theirs.lastMove) !== baseMove;
  if (oursMoved && !theirsMoved) return moveOf(ours);
  if (theirsMoved && !oursMoved) return moveOf(theirs);
  if (oursMoved && theirsMoved) return laterMoveFirst(ours, theirs) ? moveOf(ours) : moveOf(theirs);
  // Neither moved (the status changes only with a move): only a file from before moves were recorded can differ here.
  if (ours.status === theirs.status || theirs.status === base?.status) return moveOf(ours);
  if (ours.status === base?.status) return moveOf(theirs);
  return ours.status > theirs.status ? moveOf(ours) : moveOf(theirs);
}

function moveOf(side: Side): MergedMove {
  return { status: side.status, lastMove: side.lastMove };
}

/** Whether a's move is the later one; equal times fall back to the moves' text, so either order gives the same answer. */
function laterMoveFirst(a: Side, b: Side): boolean {
  if (a.lastMove === null) return false;
  if (b.lastMove === null) return true;
  const byTime = compareTimestamps(a.lastMove.at, b.lastMove.at);
  if (byTime !== 0) return byTime > 0;
  return canonicalJson(a) >= canonicalJson(b);
}
