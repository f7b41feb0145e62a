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
  /** A save takes a backup snapshot when the newest is older than this many minutes. */
  backupEveryMinutes: z.number().int().min(1).max(24 * 60),
  /** Every backup snapshot younger than this many hours is kept. */
  backupKeepHours: z.number().int().min(1).max(24 * 30),
  /** The newest backup snapshot of each day is kept this many days. */
  backupDailyKeepDays: z.number().int().min(1).max(365),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  language: 'vi',
  exportImageMaxSide: 1600,
  exportJpegQuality: 82,
  backupEveryMinutes: 10,
  backupKeepHours: 48,
  backupDailyKeepDays: 14,
};

/** Settings files written before a setting existed get its default (a missing key is not damage). */
export const storedSettingsSchema = z.preprocess(
  (stored) => (typeof stored === 'object' && stored !== null ? { ...defaultSettings, ...stored } : stored),
  settingsSchema,
);
