import { articleContentOf, type Article, type ArticleContent } from './articleModel';
import { canonicalJson } from './canonicalJson';
import { compareTimestamps } from './compareTimestamps';
import type { ConflictFieldName, ConflictSide } from './conflictFields';
import { conflictFieldStates, mergeConflict } from './mergeConflict';
import { mergeArticleMove } from './mergeArticleMove';
import { normalizeJsonText } from './normalizeJsonText';

/**
 * Two copies of one article file merged: every change of either side taken, or a conflict on the conflict fields
 * (shared/conflictFields.ts) both sides changed differently. A conflict's article keeps ours in those fields (nothing
 * is overwritten: theirs is reported whole, for the three-way view) and already holds every other change of theirs.
 */
export type ArticleFileMerge =
  | { kind: 'merged'; article: Article }
  | { kind: 'conflict'; article: Article; theirs: ArticleContent; conflictFields: ConflictFieldName[] };

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
  const conflictFields = states
    .filter((state) => (baseFile === null ? state.differs : state.mineChanged && state.theirsChanged && state.differs))
    .map((state) => state.field);
  const side = (field: ConflictFieldName): ConflictSide => {
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
    ...mergeArticleMove(baseFile, oursFile, theirsFile),
    id: oursFile.id,
    formatVersion: oursFile.formatVersion,
    // Above both: each machine's store refuses a revision not newer than the one it holds.
    revision: Math.max(oursFile.revision, theirsFile.revision) + 1,
    ...creationOf(baseFile, oursFile, theirsFile),
    updatedAt: compareTimestamps(oursFile.updatedAt, theirsFile.updatedAt) >= 0 ? oursFile.updatedAt : theirsFile.updatedAt,
    trashedAt: mergeTrashedAt(baseFile?.trashedAt ?? null, oursFile.trashedAt, theirsFile.trashedAt),
  };
  return conflictFields.length === 0 ? { kind: 'merged', article } : { kind: 'conflict', article, theirs: theirsContent, conflictFields };
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
