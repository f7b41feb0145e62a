import { z } from 'zod';
import { articleContentSchema, articleIdSchema, type ArticleContent } from './articleModel';
import type { ArticleDiff } from './diffArticles';
import { identitySchema } from './identity';
import { conflictSides } from './conflictFields';
import { nfcString } from './nfcString';
import { versionIdSchema } from './versionModel';

/** A conflict record's id: sortable and unique across machines, the same form as a version's. */
export const conflictIdSchema = versionIdSchema;

const isoTimestamp = z.iso.datetime({ offset: true });

/**
 * Kept when a received package and the local copy both changed since their last common version: the package's
 * article (whole: it may hold text newer than its newest version), the version both sides had last, and who sent and
 * who received it. The local text is not in it: it is the article itself, untouched.
 */
export const conflictKeptSchema = z.object({
  kind: z.literal('conflict'),
  id: conflictIdSchema,
  articleId: articleIdSchema,
  /** When it was received. */
  at: isoTimestamp,
  receivedBy: identitySchema.nullable(),
  /** Who wrote the package (its manifest's createdBy), and when; for a sync, who last committed theirs, and when. */
  sentBy: identitySchema.nullable(),
  sentAt: isoTimestamp,
  /** Where theirs came from: a received review package, or the shared library's server at a sync. */
  source: z.enum(['package', 'sync']).default('package'),
  /** The newest version both sides had: the "Bản chung" of the three-way view (a package's conflict). */
  baseVersionId: versionIdSchema.nullable(),
  /**
   * The text both sides had last, when no version holds it (a sync's conflict: the article as of the last sync); absent
   * when there was none (both created the article on their own): the view's common text is then empty.
   */
  base: articleContentSchema.optional(),
  /** The newest local version when the package came (for the record: the local text is the article as it is). */
  localVersionId: versionIdSchema.nullable(),
  theirs: articleContentSchema,
});
export type ConflictKept = z.infer<typeof conflictKeptSchema>;

/**
 * A conflict settled: the merged text was saved as the version `versionId`. It names every conflict pending then (a
 * newer package received meanwhile adds a conflict over the older one; one resolution settles both).
 */
export const conflictResolvedSchema = z.object({
  kind: z.literal('resolution'),
  id: conflictIdSchema,
  articleId: articleIdSchema,
  at: isoTimestamp,
  by: identitySchema.nullable(),
  conflictIds: z.array(conflictIdSchema).min(1),
  versionId: versionIdSchema,
});
export type ConflictResolved = z.infer<typeof conflictResolvedSchema>;

/** One file of an article's `conflicts/` folder: a conflict kept, or its resolution (each its own immutable file). */
export const conflictRecordSchema = z.discriminatedUnion('kind', [conflictKeptSchema, conflictResolvedSchema]);
export type ConflictRecord = z.infer<typeof conflictRecordSchema>;

/**
 * The pending conflict of an article: the newest conflict no resolution names, or null. Records in id (time) order.
 */
export function pendingConflictOf(records: readonly ConflictRecord[]): { conflict: ConflictKept; pendingIds: string[] } | null {
  const resolved = new Set(records.flatMap((record) => (record.kind === 'resolution' ? record.conflictIds : [])));
  const pending = records.filter((record): record is ConflictKept => record.kind === 'conflict' && !resolved.has(record.id));
  const newest = pending.at(-1);
  return newest === undefined ? null : { conflict: newest, pendingIds: pending.map((record) => record.id) };
}

export {
  conflictFieldNames,
  conflictSides,
  handEditableConflictFields,
  type ConflictFieldName,
  type ConflictSide,
  type HandEditableConflictField,
} from './conflictFields';

const sideOnly = z.object({ side: z.enum(conflictSides) }).strict();
/** A side, and the text typed by hand (null: the side's text as it is). */
const sideWithText = (maximumLength: number) =>
  z.object({ side: z.enum(conflictSides), text: nfcString(maximumLength).nullable() }).strict();

/** The user's choice for every field (fields the two sides agree on may name either: they are the same). */
export const conflictChoicesSchema = z
  .object({
    title: sideWithText(2_000),
    sapo: sideWithText(10_000),
    body: sideOnly,
    byline: sideWithText(300),
    credit: sideWithText(300),
    publicationDate: sideOnly,
  })
  .strict();
export type ConflictChoices = z.infer<typeof conflictChoicesSchema>;

/** What the three-way view shows: the pending conflict, the three texts, and each side compared with the common one. */
export interface ConflictView {
  conflict: ConflictKept;
  /** The article's revision the view was read at: resolving from an older one is refused. */
  revision: number;
  base: ArticleContent;
  mine: ArticleContent;
  theirs: ArticleContent;
  /** Bản chung → bản trong máy, and bản chung → bản trong gói (diffArticles). */
  mineDiff: ArticleDiff;
  theirsDiff: ArticleDiff;
}
