import { articleContentOf, type Article, type ArticleContent } from './articleModel';
import { canonicalJson } from './canonicalJson';
import { compareTimestamps } from './compareTimestamps';
import type { ConflictFieldName, ConflictSide } from './conflictFields';
import { conflictFieldStates, mergeConflict } from './mergeConflict';
import { mergeArticleMove, type MergedMove } from './mergeArticleMove';
import { isLockedForEditing } from './workflow';
import { normalizeJsonText } from './normalizeJsonText';

/**
 * Two copies of one article file merged: every change of either side taken, or a conflict on the conflict fields
 * (shared/conflictFields.ts) both sides changed differently. A conflict's article keeps ours in those fields (nothing
 * is overwritten: theirs is reported whole, for the three-way view) and already holds every other change of theirs.
 */
export type ArticleFileMerge =
  | { kind: 'merged'; article: Article }
  | {
      kind: 'conflict';
      article: Article;
      /** The text the article does not keep in the conflict fields, whole: the three-way view's other side. */
      theirs: ArticleContent;
      /** Whose that text is: theirs, or ours when ours changed text the other side approved meanwhile. */
      reported: ConflictReport;
      conflictFields: ConflictFieldName[];
    };

/** Which side's text a conflict reports beside the article. */
export type ConflictReport = 'ours' | 'theirs';

/**
 * The three-way merge of an article file for the shared library's sync, field by field over the three-way view's
 * field groups (the body is one whole field with its photos and cover: no block-level merge). `base` is the copy both
 * sides last shared; null when both created the id on their own, and then every group that differs is a conflict.
 * Pure and deterministic: swapping the sides changes only which text a conflict keeps.
 */
export function mergeArticleFiles(base: Article | null, ours: Article, theirs: Article): ArticleFileMerge {
  if (ours.id !== theirs.id) throw new Error(`Cannot merge two different articles: ${ours.id} and ${theirs.id}`);
  // Compared in NFC: the same Vietnamese word typed composed on one machine and decomposed on the other is no change.
  const [baseFile, oursFile, theirsFile] = [
    base === null ? null : normalizeJsonText(base),
    normalizeJsonText(ours),
    normalizeJsonText(theirs),
  ];
  const oursContent = articleContentOf(oursFile);
  const theirsContent = articleContentOf(theirsFile);
  const states = conflictFieldStates(baseFile === null ? oursContent : articleContentOf(baseFile), oursContent, theirsContent);
  const move = mergeArticleMove(baseFile, oursFile, theirsFile);
  // An approval covers the text its approver saw: what the other side changed meanwhile is not approved. Those fields
  // conflict, the article keeps the approved text, and the other side's text is the one reported for the view.
  const approver = baseFile === null ? null : approvingSide(baseFile, oursFile, theirsFile, move);
  const unapproved = new Set(
    states
      .filter((state) => state.differs && (approver === 'mine' ? state.theirsChanged : approver === 'theirs' && state.mineChanged))
      .map((state) => state.field),
  );
  const conflictFields = states
    .filter(
      (state) =>
        unapproved.has(state.field) || (baseFile === null ? state.differs : state.mineChanged && state.theirsChanged && state.differs),
    )
    .map((state) => state.field);
  const side = (field: ConflictFieldName): ConflictSide => {
    if (unapproved.has(field)) return approver!;
    const state = states.find((candidate) => candidate.field === field);
    return state !== undefined && state.theirsChanged && !state.mineChanged && baseFile !== null ? 'theirs' : 'mine';
  };
  const content = mergeConflict(oursContent, theirsContent, {
    title: { side: side('title'), text: null },
    sapo: { side: side('sapo'), text: null },
    body: { side: side('body') },
    byline: { side: side('byline'), text: null },
    credit: { side: side('credit'), text: null },
    publicationDate: { side: side('publicationDate') },
  });
  const article: Article = {
    ...content,
    ...move,
    id: oursFile.id,
    formatVersion: oursFile.formatVersion,
    // Above both: each machine's store refuses a revision not newer than the one it holds.
    revision: Math.max(oursFile.revision, theirsFile.revision) + 1,
    ...creationOf(baseFile, oursFile, theirsFile),
    ...lastChangeOf(oursFile, theirsFile),
    trashedAt: mergeTrashedAt(baseFile?.trashedAt ?? null, oursFile.trashedAt, theirsFile.trashedAt),
  };
  if (conflictFields.length === 0) return { kind: 'merged', article };
  // The side whose text the article does not keep is reported: theirs, unless ours was changed after their approval.
  const reported: ConflictReport = approver === 'theirs' && unapproved.size > 0 ? 'ours' : 'theirs';
  return { kind: 'conflict', article, theirs: reported === 'ours' ? oursContent : theirsContent, reported, conflictFields };
}

/** The side whose move to approved or published the merge keeps, or null when the merged status is not one of those. */
function approvingSide(base: Article, ours: Article, theirs: Article, move: MergedMove): ConflictSide | null {
  if (!isLockedForEditing(move.status) || move.lastMove === null) return null;
  const merged = canonicalJson(move.lastMove);
  if (merged === canonicalJson(base.lastMove)) return null;
  if (merged === canonicalJson(ours.lastMove)) return 'mine';
  return merged === canonicalJson(theirs.lastMove) ? 'theirs' : null;
}

/**
 * When and by whom it was last changed: the later side's (each side's updatedBy goes with its updatedAt); at the very
 * same time, the identity whose text sorts first, so swapping the sides picks the same one.
 */
function lastChangeOf(ours: Article, theirs: Article): Pick<Article, 'updatedAt' | 'updatedBy'> {
  const byTime = compareTimestamps(ours.updatedAt, theirs.updatedAt);
  const later = byTime > 0 || (byTime === 0 && canonicalJson(ours.updatedBy) <= canonicalJson(theirs.updatedBy)) ? ours : theirs;
  return { updatedAt: later.updatedAt, updatedBy: later.updatedBy };
}

/** When and by whom it was created: the shared copy's; without one, the earlier creation (the text breaks a tie). */
function creationOf(base: Article | null, ours: Article, theirs: Article): Pick<Article, 'createdAt' | 'createdBy'> {
  if (base !== null) return { createdAt: base.createdAt, createdBy: base.createdBy };
  const byTime = compareTimestamps(ours.createdAt, theirs.createdAt);
  const earlier = byTime < 0 || (byTime === 0 && canonicalJson(ours.createdBy) <= canonicalJson(theirs.createdBy)) ? ours : theirs;
  return { createdAt: earlier.createdAt, createdBy: earlier.createdBy };
}

/**
 * When it went to the trash. A change on one side only wins (trashed, or restored). Changed on both sides: trashed
 * wins, whatever the other side edited meanwhile, since trashing is undone from the trash and the edits are merged into
 * the trashed article, so nothing is lost (weighing an edit's time against a trashing's would trust two machines'
 * clocks); trashed on both at different times keeps the later time, the last time someone put it there.
 */
function mergeTrashedAt(base: string | null, ours: string | null, theirs: string | null): string | null {
  if (ours === theirs) return ours;
  if (ours === base) return theirs;
  if (theirs === base) return ours;
  if (ours === null) return theirs;
  if (theirs === null) return ours;
  return compareTimestamps(ours, theirs) >= 0 ? ours : theirs;
}
