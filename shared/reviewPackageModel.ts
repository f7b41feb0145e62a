import { z } from 'zod';
import { articleIdSchema } from './articleModel';
import { identitySchema } from './identity';

/** What `manifest.json` says a `.banthao` file is; a file of another kind is not a review package. */
export const reviewPackageFormat = 'ban-thao/review-package';

/** The package format this build writes and the newest it reads; a newer one was made by a newer Bản Thảo. */
export const reviewPackageFormatVersion = 1;

// The extension lives in a module without zod, so the renderer (which checks dropped file names) stays small.
export { reviewPackageExtension } from './reviewPackageExtension';

/** One file of the package as the manifest lists it: its path inside the zip, its size and its SHA-256 (hex). */
export const reviewPackageEntrySchema = z
  .object({
    path: z.string().min(1).max(200),
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[a-f0-9]{64}$/),
  })
  .strict();
export type ReviewPackageEntry = z.infer<typeof reviewPackageEntrySchema>;

/**
 * `manifest.json`, the first entry of every package: what it is, who made it with which build, for which article, and
 * every other entry with its size and hash (the manifest does not list itself).
 */
export const reviewPackageManifestSchema = z
  .object({
    format: z.literal(reviewPackageFormat),
    formatVersion: z.literal(reviewPackageFormatVersion),
    createdAt: z.iso.datetime({ offset: true }),
    createdBy: identitySchema.nullable(),
    appVersion: z.string().max(100),
    articleId: articleIdSchema,
    entries: z.array(reviewPackageEntrySchema),
  })
  .strict();
export type ReviewPackageManifest = z.infer<typeof reviewPackageManifestSchema>;

/** The largest package taken as bytes from the window (a dropped file); a larger one is opened through "Mở gói bài…". */
export const reviewPackageDropLimitBytes = 512 * 1024 * 1024;
