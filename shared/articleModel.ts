import { z } from 'zod';
import { documentNodeSchema } from './documentJson';
import { mediaIdPattern } from './isMediaId';
import { nfcString } from './nfcString';
import { isIsoDate } from './publicationDate';

import { articleStatuses, bylineRoles } from './articleVocabulary';
import { identitySchema } from './identity';

export { articleContentOf } from './articleContentOf';

export { articleStatuses, bylineRoles, newsroomRoles, type ArticleStatus, type BylineRole, type NewsroomRole } from './articleVocabulary';

/** The version of the article file format; bumped with a migration (migrateArticle.ts) whenever the stored shape changes. */
export const articleFormatVersion = 4;

/** A photo in the media folder, named by the SHA-256 of its bytes. */
export const mediaIdSchema = z.string().regex(mediaIdPattern, 'Mã ảnh không hợp lệ');

/** Whether the closing "Ảnh:" line is composed from the photos' credits or typed by the user. */
export const photoCreditModes = ['auto', 'manual'] as const;

const isoDateSchema = z.string().refine(isIsoDate, 'Ngày không hợp lệ');

export const articleIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{7,63}$/, 'Mã bài không hợp lệ');

/** What the user edits: every part of the article, top to bottom. */
export const articleContentSchema = z.object({
  status: z.enum(articleStatuses),
  publicationDate: isoDateSchema,
  title: nfcString(2_000),
  sapo: nfcString(10_000),
  body: documentNodeSchema,
  bylineRole: z.enum(bylineRoles),
  bylineName: nfcString(300),
  photoCredit: nfcString(300),
  photoCreditMode: z.enum(photoCreditModes),
  /** The photo used as the article's lead image in exports; one of the body's figures. */
  coverMediaId: mediaIdSchema.nullable(),
});
export type ArticleContent = z.infer<typeof articleContentSchema>;

const isoTimestamp = z.iso.datetime({ offset: true });

/** The last step of the editorial flow an article took: who moved it where, and when (the note is in the history). */
export const lastMoveSchema = z.object({
  from: z.enum(articleStatuses),
  to: z.enum(articleStatuses),
  by: identitySchema,
  at: isoTimestamp,
});
export type LastMove = z.infer<typeof lastMoveSchema>;

/** An article as stored: its content plus identity, revision and timestamps. */
export const articleSchema = articleContentSchema.extend({
  id: articleIdSchema,
  formatVersion: z.literal(articleFormatVersion),
  revision: z.number().int().nonnegative(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  trashedAt: isoTimestamp.nullable(),
  /** Who created it (null for articles written before identities existed). */
  createdBy: identitySchema.nullable(),
  /** Its last workflow move (null while it never moved): the library shows who has it from this. */
  lastMove: lastMoveSchema.nullable(),
  /** Who made its last change (saved, moved, trashed, restored…); null when no one was named or an older file did not say. */
  updatedBy: identitySchema.nullable(),
});
export type Article = z.infer<typeof articleSchema>;

/** One row of the library list: enough to show and sort without reading the article file. */
export const articleSummarySchema = articleSchema.pick({
  id: true,
  title: true,
  status: true,
  bylineRole: true,
  bylineName: true,
  photoCredit: true,
  publicationDate: true,
  revision: true,
  createdAt: true,
  updatedAt: true,
  trashedAt: true,
  createdBy: true,
  lastMove: true,
  updatedBy: true,
});
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

/** The summary of an article, as the library index keeps it. */
export function summarizeArticle(article: Article): ArticleSummary {
  const { id, title, status, bylineRole, bylineName, photoCredit, publicationDate, revision, createdAt, updatedAt, trashedAt } = article;
  const { createdBy, lastMove, updatedBy } = article;
  return {
    id,
    title,
    status,
    bylineRole,
    bylineName,
    photoCredit,
    publicationDate,
    revision,
    createdAt,
    updatedAt,
    trashedAt,
    createdBy,
    lastMove,
    updatedBy,
  };
}
