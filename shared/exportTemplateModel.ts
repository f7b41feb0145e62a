import { z } from 'zod';
import { articlePartNames, defaultPartOrder } from './exportLook';
import { nfcString } from './nfcString';

export {
  articlePartNames,
  defaultExportLook,
  defaultPartOrder,
  type ArticlePart,
  type ExportLook,
  type ExportMasthead,
} from './exportLook';

/** The largest template stylesheet kept (a house stylesheet is a few kilobytes; this leaves room for comments). */
export const templateStylesheetMaximum = 100_000;
/** The longest logo data URI kept: a PNG of at most 600 × 200 px, as main re-encodes the chosen image. */
export const templateLogoMaximum = 400_000;
/** The logo's largest size in pixels once main has re-encoded it (a masthead, not a photo). */
export const templateLogoBox = { width: 600, height: 200 } as const;

const logoPattern = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;

/**
 * The agency's template, in `library/shared-settings.json` so a shared library carries it to everyone. Data, not code:
 * a header line, a PNG logo as a data URI (re-encoded by main), the parts' order and a stylesheet that main sanitizes
 * (no @import, no remote url(), no script) before it is stored and again before every export.
 */
export const exportTemplateSchema = z.object({
  /** 'default': the app's own clean news page; 'agency': the fields below. */
  use: z.enum(['default', 'agency']),
  /** The agency's name as its pages and printouts head them ("BÁO ĐIỆN TỬ …"); one line, a text, never markup. */
  headerText: nfcString(200).refine((text) => !/[\n\r]/.test(text), 'one line'),
  /** The masthead's logo, a PNG data URI; '' for none. */
  logo: z
    .string()
    .max(templateLogoMaximum)
    .refine((logo) => logo === '' || logoPattern.test(logo), 'a PNG data URI'),
  /** Date, title, sapo and byline in the order the template shows them; each once. */
  partOrder: z
    .array(z.enum(articlePartNames))
    .length(articlePartNames.length)
    .refine((order) => new Set(order).size === order.length, 'each part once'),
  /** CSS added after the app's stylesheet, already sanitized; '' for none. */
  stylesheet: z.string().max(templateStylesheetMaximum),
});
export type ExportTemplate = z.infer<typeof exportTemplateSchema>;

export const defaultExportTemplate: ExportTemplate = {
  use: 'default',
  headerText: '',
  logo: '',
  partOrder: [...defaultPartOrder],
  stylesheet: '',
};
