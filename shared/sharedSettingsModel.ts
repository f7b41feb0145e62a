import { z } from 'zod';
import { defaultExportTemplate, exportTemplateSchema } from './exportTemplateModel';
import { defaultHouseStyle, houseStyleSchema } from './houseStyle';

/** The newsroom's shared choices, in `library/shared-settings.json`: a shared library carries them to everyone. */
export const sharedSettingsSchema = z.object({
  /** The agency's typography choices (Quy chuẩn trình bày). */
  houseStyle: houseStyleSchema,
  /** The agency's export template (Mẫu trình bày): header line, logo, order of the parts, stylesheet. */
  exportTemplate: exportTemplateSchema,
});
export type SharedSettings = z.infer<typeof sharedSettingsSchema>;

export const defaultSharedSettings: SharedSettings = { houseStyle: defaultHouseStyle, exportTemplate: defaultExportTemplate };

/** A stored house style written before one of its choices existed gets that choice's default. */
export function withHouseStyleDefaults(stored: object): object {
  const houseStyle: unknown = (stored as { houseStyle?: unknown }).houseStyle;
  return typeof houseStyle === 'object' && houseStyle !== null
    ? { ...stored, houseStyle: { ...defaultHouseStyle, ...houseStyle } }
    : stored;
}

/**
 * A print header saved before templates existed (`printHeader`, one line) becomes the agency template's header line,
 * the template chosen, so the printouts keep their header.
 */
export function withPrintHeaderMoved(stored: object): object {
  const { printHeader, ...rest } = stored as { printHeader?: unknown; exportTemplate?: unknown };
  if (typeof printHeader !== 'string' || printHeader.trim() === '' || rest.exportTemplate !== undefined) return rest;
  // One line, as the template's name must be (the old header allowed line breaks).
  const headerText = printHeader.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, 200);
  return { ...rest, exportTemplate: { ...defaultExportTemplate, use: 'agency', headerText } };
}

/** Shared settings files written before a choice existed get its default (a missing key is not damage). */
export const storedSharedSettingsSchema = z.preprocess(
  (stored) =>
    typeof stored === 'object' && stored !== null
      ? { ...defaultSharedSettings, ...withHouseStyleDefaults(withPrintHeaderMoved(stored)) }
      : stored,
  sharedSettingsSchema,
);
