import { z } from 'zod';

/** Interface languages: Vietnamese first, English second. */
export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

export const settingsSchema = z.object({
  language: z.enum(languages),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = { language: 'vi' };
