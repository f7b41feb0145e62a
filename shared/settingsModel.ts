import { z } from 'zod';
import { newsroomRoles } from './articleVocabulary';
import { houseStyleSchema } from './houseStyle';
import { nfcString } from './nfcString';
import { numberSettings, type NumberSettingKey } from './numberSettings';
import { defaultSharedSettings, sharedSettingsSchema, withHouseStyleDefaults } from './sharedSettingsModel';

/** Interface languages: Vietnamese first, English second. */
export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

const bounded = (key: NumberSettingKey) => z.number().int().min(numberSettings[key].minimum).max(numberSettings[key].maximum);

/** This person's settings, in `settings.json` (never synced). */
export const personalSettingsSchema = z.object({
  language: z.enum(languages),
  exportImageMaxSide: bounded('exportImageMaxSide'),
  exportJpegQuality: bounded('exportJpegQuality'),
  docxFontSize: bounded('docxFontSize'),
  backupEveryMinutes: bounded('backupEveryMinutes'),
  backupKeepHours: bounded('backupKeepHours'),
  backupDailyKeepDays: bounded('backupDailyKeepDays'),
  /** Who uses this copy of the app (asked on first run); stamped on every move, comment and version. */
  userName: nfcString(100),
  /** Their newsroom role, which decides the workflow moves offered; null until first run asks. */
  userRole: z.enum(newsroomRoles).nullable(),
  /** Whether the body underlines misspelled words (Kiểm tra chính tả). */
  spellCheck: z.boolean(),
});
export type PersonalSettings = z.infer<typeof personalSettingsSchema>;

/** What the window sees: this person's settings and the library's shared ones (the house style), as one object. */
export const settingsSchema = personalSettingsSchema.extend(sharedSettingsSchema.shape);
export type Settings = z.infer<typeof settingsSchema>;

export const defaultPersonalSettings: PersonalSettings = {
  language: 'vi',
  exportImageMaxSide: numberSettings.exportImageMaxSide.fallback,
  exportJpegQuality: numberSettings.exportJpegQuality.fallback,
  docxFontSize: numberSettings.docxFontSize.fallback,
  backupEveryMinutes: numberSettings.backupEveryMinutes.fallback,
  backupKeepHours: numberSettings.backupKeepHours.fallback,
  backupDailyKeepDays: numberSettings.backupDailyKeepDays.fallback,
  userName: '',
  userRole: null,
  spellCheck: true,
};

export const defaultSettings: Settings = { ...defaultPersonalSettings, ...defaultSharedSettings };

/**
 * `settings.json` as stored. Files written before a setting existed get its default (a missing key is not damage);
 * files written before `library/shared-settings.json` existed also hold the house style, which is moved there at open.
 */
export const storedPersonalSettingsSchema = z.preprocess(
  (stored) => (typeof stored === 'object' && stored !== null ? { ...defaultPersonalSettings, ...withHouseStyleDefaults(stored) } : stored),
  personalSettingsSchema.extend({ houseStyle: houseStyleSchema.optional() }),
);
