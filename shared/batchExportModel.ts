import { z } from 'zod';
import { articleIdSchema } from './articleModel';

/** The forms a batch can export: one HTML file, a folder (index.html and photos), or a Word document. */
export const batchExportForms = ['html', 'folder', 'docx'] as const;
export type BatchExportForm = (typeof batchExportForms)[number];

/** The most articles one batch takes (the whole library of a small newsroom, far below what strains memory). */
export const batchExportMaximumArticles = 10_000;

export const batchExportRequestSchema = z
  .object({ ids: z.array(articleIdSchema).min(1).max(batchExportMaximumArticles), form: z.enum(batchExportForms) })
  .strict();

/** One article's line in the result list: the file written, or why not; the preflight's notes either way. */
export const batchExportItemSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('exported'), id: z.string(), title: z.string(), fileName: z.string(), notes: z.array(z.string()) }),
  z.object({ status: z.literal('failed'), id: z.string(), title: z.string(), message: z.string(), notes: z.array(z.string()) }),
  z.object({ status: z.literal('skipped'), id: z.string(), title: z.string(), notes: z.array(z.string()) }),
]);
export type BatchExportItem = z.infer<typeof batchExportItemSchema>;

/** 'done' (with `cancelled` when "Hủy" stopped it part-way), or 'cancelled' before anything was written. */
export const batchExportOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('done'), folder: z.string(), cancelled: z.boolean(), items: z.array(batchExportItemSchema) }),
  z.object({ status: z.literal('cancelled') }),
]);
export type BatchExportOutcome = z.infer<typeof batchExportOutcomeSchema>;

/** How far the running batch has got: articles finished of all, and the one being exported; null when none runs. */
export const batchExportProgressSchema = z
  .object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative(), currentTitle: z.string() })
  .nullable();
export type BatchExportProgress = z.infer<typeof batchExportProgressSchema>;
