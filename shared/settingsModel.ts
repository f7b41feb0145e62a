import { z } from 'zod';

/** Interface languages: Vietnamese first, English second. */
export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

export const settingsSchema = z.object({
  language: z.enum(languages),
  /** Longest side, in pixels, of the photos written by the exports. */
  exportImageMaxSide: z.number().int().min(320).max(6000),
  /** JPEG quality of the exported photos. */
  exportJpegQuality: z.number().int().min(40).max(100),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = { language: 'vi', exportImageMaxSide: 1600, exportJpegQuality: 82 };

/** Settings files written before a setting existed get its default (a missing key is not damage). */
export const storedSettingsSchema = z.preprocess(
  (stored) => (typeof stored === 'object' && stored !== null ? { ...defaultSettings, ...stored } : stored),
  settingsSchema,
);
