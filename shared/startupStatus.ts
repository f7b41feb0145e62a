import { z } from 'zod';
import { appErrorSchema } from './errorCodes';

/**
 * How far opening the library has got. The window opens at once; a library whose index must be rebuilt (missing,
 * damaged, another version) reads every article file, which takes seconds at 10,000, so the renderer shows this.
 */
export const startupStatusSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('opening'),
    /** `rebuild`: no usable index, every article is read; `catch-up`: only articles saved after the index; null: not known yet. */
    reason: z.enum(['rebuild', 'catch-up']).nullable(),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
  z.object({ state: z.literal('ready') }),
  z.object({ state: z.literal('failed'), error: appErrorSchema, dataDirectory: z.string() }),
]);
export type StartupStatus = z.infer<typeof startupStatusSchema>;
