import { z } from 'zod';
import { newsroomRoles } from './articleVocabulary';
import { defaultHouseStyle, houseStyleSchema } from './houseStyle';
import { nfcString } from './nfcString';
import { numberSettings, type NumberSettingKey } from './numberSettings';

/** Interface languages: Vietnamese first, English second. */
export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

const bounded = (key: NumberSettingKey) => z.number().int().min(numberSettings[key].minimum).max(numberSettings[key].maximum);

export const settingsSchema = z.object({
  language: z.enum(languages),
  exportImageMaxSide: bounded('exportImageMaxSide'),
  exportJpegQuality: bounded('exportJpegQuality'),
  backupEveryMinutes: bounded('backupEveryMinutes'),
  backupKeepHours: bounded('backupKeepHours'),
  backupDailyKeepDays: bounded('backupDailyKeepDays'),
  /** Who uses this copy of the app (asked on first run); stamped on every move, comment and version. */
  userName: nfcString(100),
  /** Their newsroom role, which decides the workflow moves offered; null until first run asks. */
  userRole: z.enum(newsroomRoles).nullable(),
  /** The agency's typography choices (Quy chuẩn trình bày): kept with the library, so a shared library shares them. */
  houseStyle: houseStyleSchema,
  /** Whether the body underlines misspelled words (Kiểm tra chính tả). */
  spellCheck: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  language: 'vi',
  exportImageMaxSide: numberSettings.exportImageMaxSide.fallback,
  exportJpegQuality: numberSettings.exportJpegQuality.fallback,
  backupEveryMinutes: numberSettings.backupEveryMinutes.fallback,
  backupKeepHours: numberSettings.backupKeepHours.fallback,
  backupDailyKeepDays: numberSettings.backupDailyKeepDays.fallback,
  userName: '',
  userRole: null,
  houseStyle: defaultHouseStyle,
  spellCheck: true,
};

/** A stored house style written before one of its choices existed gets that choice's default. */
function withHouseStyleDefaults(stored: object): object {
  const houseStyle: unknown = (stored as { houseStyle?: unknown }).houseStyle;
  return typeof houseStyle === 'object' && houseStyle !== null
    ? { ...stored, houseStyle: { ...defaultHouseStyle, ...houseStyle } }
    : stored;
}

/** Settings files written before a setting existed get its default (a missing key is not damage). */
export const storedSettingsSchema = z.preprocess(
  (stored) => (typeof stored === 'object' && stored !== null ? { ...defaultSettings, ...withHouseStyleDefaults(stored) } : stored),
  settingsSchema,
);
