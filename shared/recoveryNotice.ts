import { z } from 'zod';

/** What the user is told after a damaged data file was moved aside: which file, where it went, what was loaded instead. */
export const recoveryNoticeSchema = z.object({
  file: z.string(),
  quarantinedTo: z.string(),
  restoredFrom: z.enum(['previous-generation', 'backup']).nullable(),
  at: z.string(),
});
export type RecoveryNotice = z.infer<typeof recoveryNoticeSchema>;
