import { z } from 'zod';

/** A snapshot id: its UTC time to the second ("2026-03-14T09-05-00"), "-2"… when several share a second. */
export const backupIdSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(-\d{1,3})?$/);

/** One backup snapshot as the restore screen lists it. */
export const backupEntrySchema = z.object({
  id: backupIdSchema,
  takenAt: z.string(),
  articleCount: z.number().int().min(0),
  bytes: z.number().int().min(0),
  kind: z.enum(['rolling', 'daily', 'before-restore']),
});
export type BackupEntryData = z.infer<typeof backupEntrySchema>;

/** The last background snapshot failure, if the newest attempt failed. */
export const backupStatusSchema = z.object({
  lastFailure: z.object({ at: z.string(), message: z.string() }).nullable(),
});
