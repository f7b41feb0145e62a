import { z } from 'zod';
import { defaultHouseStyle, houseStyleSchema } from './houseStyle';
import { nfcString } from './nfcString';

/** The newsroom's shared choices, in `library/shared-settings.json`: a shared library carries them to everyone. */
export const sharedSettingsSchema = z.object({
  /** The agency's typography choices (Quy chuẩn trình bày). */
  houseStyle: houseStyleSchema,
  /** The agency's line at the top of every printed page; absent or '' (the default): the app's name. A text, never markup. */
  printHeader: nfcString(200).optional(),
});
export type SharedSettings = z.infer<typeof sharedSettingsSchema>;

export const defaultSharedSettings: SharedSettings = { houseStyle: defaultHouseStyle };

/** A stored house style written before one of its choices existed gets that choice's default. */
export function withHouseStyleDefaults(stored: object): object {
  const houseStyle: unknown = (stored as { houseStyle?: unknown }).houseStyle;
  return typeof houseStyle === 'object' && houseStyle !== null
    ? { ...stored, houseStyle: { ...defaultHouseStyle, ...houseStyle } }
    : stored;
}

/** Shared settings files written before a choice existed get its default (a missing key is not damage). */
export const storedSharedSettingsSchema = z.preprocess(
  (stored) => (typeof stored === 'object' && stored !== null ? { ...defaultSharedSettings, ...withHouseStyleDefaults(stored) } : stored),
  sharedSettingsSchema,
);
