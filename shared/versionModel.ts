import { z } from 'zod';
import { articleContentSchema, articleIdSchema, articleStatuses } from './articleModel';
import { identitySchema } from './identity';
import { nfcString } from './nfcString';

/**
 * Why a version was taken: by hand ("Lưu phiên bản"), on a workflow move, on an export, on receiving a package,
 * after 10 minutes of editing, when a version was restored (the restored text becomes a version of its own), or when a
 * conflict with a received package was resolved (the merged text).
 */
export const versionReasons = ['manual', 'status', 'export', 'sent', 'package', 'editing', 'restore', 'merge'] as const;
export type VersionReason = (typeof versionReasons)[number];

/** The longest label a version may carry. */
export const versionLabelMaximumLength = 200;

/** A version id: sortable and unique across machines (the time, then random hex). */
export const versionIdSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z-[0-9a-f]{12}$/, 'Mã phiên bản không hợp lệ');

/** One version as the list shows it: who took it, when, why, and the article's revision and status then. */
export const versionSummarySchema = z.object({
  id: versionIdSchema,
  articleId: articleIdSchema,
  at: z.iso.datetime({ offset: true }),
  by: identitySchema.nullable(),
  label: nfcString(versionLabelMaximumLength),
  reason: z.enum(versionReasons),
  revision: z.number().int().nonnegative(),
  status: z.enum(articleStatuses),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

/** A version with the article's content as it was then (what "open read-only" and "compare" show). */
export const versionSchema = versionSummarySchema.extend({ content: articleContentSchema });
export type Version = z.infer<typeof versionSchema>;
