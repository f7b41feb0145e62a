import { z } from 'zod';
import { newsroomRoles } from './articleVocabulary';
import { nfcString } from './nfcString';

/**
 * Who did something (moved an article, commented, suggested, saved a version): a name and a newsroom role as the
 * user gave them in Cài đặt. Attribution, not security: anyone can type any name.
 */
export const identitySchema = z.object({
  name: nfcString(100).refine((name) => name.trim() !== '', 'Tên không được để trống'),
  role: z.enum(newsroomRoles),
});
export type Identity = z.infer<typeof identitySchema>;
