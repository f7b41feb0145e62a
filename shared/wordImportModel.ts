import { z } from 'zod';
import { documentNodeSchema } from './documentJson';

export { wordFileExtension, wordImportLimitBytes } from './wordFileLimits';

/** What reading a Word file found, to show before anything is created. */
export const wordImportSummarySchema = z.object({
  paragraphs: z.number().int().nonnegative(),
  headings: z.number().int().nonnegative(),
  listItems: z.number().int().nonnegative(),
  photos: z.number().int().nonnegative(),
  /** Tables too big for the body's tables (tableLimits), each written as one paragraph per row, cells separated by " | ". */
  tables: z.number().int().nonnegative(),
  /** Pictures left out (a format the library does not take, such as EMF/WMF, or a picture that cannot be read). */
  skippedPictures: z.number().int().nonnegative(),
  /** Runs in a legacy Vietnamese font (TCVN3, VNI) converted to Unicode. */
  legacyRuns: z.number().int().nonnegative(),
});
export type WordImportSummary = z.infer<typeof wordImportSummarySchema>;

/**
 * A Word file read into an article draft: the guessed title and sapo (plain text), the body without them, and the
 * blocks they were taken from, so a guess the user clears goes back to the top of the body. Nothing is created yet;
 * the photos are already in the library (unreferenced ones are removed by emptying the trash after its grace period).
 */
export const wordDraftSchema = z.object({
  fileName: z.string(),
  title: z.string(),
  sapo: z.string(),
  titleBlock: documentNodeSchema.nullable(),
  sapoBlock: documentNodeSchema.nullable(),
  body: documentNodeSchema,
  summary: wordImportSummarySchema,
  /** One Vietnamese sentence per thing left out or changed (a picture skipped and why). */
  notices: z.array(z.string()),
});
export type WordDraft = z.infer<typeof wordDraftSchema>;

/** How far reading the Word file has got: unzipping and reading the text, then the pictures one by one. */
export const wordImportProgressSchema = z
  .discriminatedUnion('stage', [
    z.object({ stage: z.literal('reading') }),
    z.object({ stage: z.literal('photos'), done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  ])
  .nullable();
export type WordImportProgress = z.infer<typeof wordImportProgressSchema>;
