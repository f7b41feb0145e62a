import { defaultExportLook, templateLogoBox, type ExportLook, type ExportTemplate } from '../../../shared/exportTemplateModel';
import { pngBytesOfDataUri, readPngSize } from './readPngSize';
import { sanitizeTemplateStylesheet } from './sanitizeTemplateStylesheet';

// A batch renders a hundred articles with one template: its stylesheet is sanitized once, not per article.
let lastStylesheet: { source: string; sanitized: string } | null = null;

function sanitizedOnce(source: string): string {
  if (lastStylesheet?.source !== source) lastStylesheet = { source, sanitized: sanitizeTemplateStylesheet(source).stylesheet };
  return lastStylesheet.sanitized;
}

/**
 * How exports look with the library's template: the app's own look for 'default'; for 'agency', its order, its masthead
 * (the logo measured from its PNG header; a logo that is not a PNG is left out) and its stylesheet sanitized again, so a
 * hand-edited or synced settings file can never bring in what "Chọn tệp CSS…" would have taken out.
 */
export function exportLookOf(settings: { exportTemplate?: ExportTemplate }): ExportLook {
  const template = settings.exportTemplate;
  if (template === undefined || template.use === 'default') return defaultExportLook;
  const headerText = template.headerText.replace(/\s+/g, ' ').trim();
  const logoBytes = template.logo === '' ? null : pngBytesOfDataUri(template.logo);
  const logoSize = logoBytes === null ? null : readPngSize(logoBytes);
  // A logo larger than "Chọn logo…" makes one (a hand-edited file) is left out rather than blown up on every page.
  const fits = logoSize !== null && logoSize.width <= templateLogoBox.width && logoSize.height <= templateLogoBox.height;
  const logo = fits ? { src: template.logo, ...logoSize } : null;
  return {
    partOrder: template.partOrder,
    masthead: headerText === '' && logo === null ? null : { text: headerText, logo },
    stylesheet: template.stylesheet === '' ? '' : sanitizedOnce(template.stylesheet),
    headerText,
  };
}
