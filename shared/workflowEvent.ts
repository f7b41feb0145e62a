import { z } from 'zod';
import { articleIdSchema } from './articleModel';
import { articleStatuses } from './articleVocabulary';
import { identitySchema } from './identity';
import { nfcString } from './nfcString';

/** The longest note a workflow move may carry ("Cần bổ sung số liệu quý II", a paragraph at most). */
export const workflowNoteMaximumLength = 2_000;

/** One step an article took in the editorial flow, as its history lists it: who moved it where, when, and why. */
export const workflowEventSchema = z.object({
  /** Sortable and unique across machines: the time, then random hex. */
  id: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z-[0-9a-f]{12}$/, 'Mã sự kiện không hợp lệ'),
  articleId: articleIdSchema,
  from: z.enum(articleStatuses),
  to: z.enum(articleStatuses),
  by: identitySchema,
  at: z.iso.datetime({ offset: true }),
  note: nfcString(workflowNoteMaximumLength),
  /** The article revision the move produced. */
  revision: z.number().int().positive(),
});
export type WorkflowEvent = z.infer<typeof workflowEventSchema>;
