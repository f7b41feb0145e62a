import { escapeHtml } from '../../../shared/escapeHtml';
import { exportStyleElementText } from '../../../shared/exportStylesheet';
import { templateStyleLine } from '../../../shared/exportArticleHtml';
import { defaultExportLook, type ExportLook } from '../../../shared/exportLook';
import { printStylesheet } from '../../../shared/printStylesheet';
import { styleHashSource } from './previewHtml';

const charsetLine = '  <meta charset="utf-8">';
const exportStyleLine = `  <style>${exportStyleElementText}</style>`;

/**
 * The export page made a print page: a policy allowing its stylesheets (by hash: the app's, the template's when it has
 * one, the print layout's) and data: photos only (no script, no remote load, no form, no base URL), the print stylesheet
 * after the others, and the header line above the article unless the template's masthead already heads the page.
 * Deterministic: the same page, header and template give the same bytes.
 */
export function printPageHtml(
  pageHtml: string,
  headerText: string,
  look: Pick<ExportLook, 'stylesheet' | 'masthead'> = defaultExportLook,
): string {
  const styleText = printStylesheet(headerText);
  // The template's element text as the page holds it (templateStyleLine): the hash covers exactly what is between the tags.
  const templateHash = look.stylesheet === '' ? '' : ` ${styleHashSource(`\n${look.stylesheet}\n  `)}`;
  const policy = [
    "default-src 'none'",
    `style-src ${styleHashSource(exportStyleElementText)}${templateHash} ${styleHashSource(styleText)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const lastStyleLine = look.stylesheet === '' ? exportStyleLine : templateStyleLine(look.stylesheet);
  const replaced = [
    [charsetLine, `${charsetLine}\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`],
    [lastStyleLine, `${lastStyleLine}\n  <style>${styleText}</style>`],
    ...(look.masthead === null ? [['\n<body>\n', `\n<body>\n  <p class="print-header">${escapeHtml(headerText)}</p>\n`] as const] : []),
  ] as const;
  return replaced.reduce((page, [line, replacement]) => {
    const at = page.indexOf(line);
    if (at === -1) throw new Error(`printPageHtml: the page has no ${JSON.stringify(line.trim())}`);
    return `${page.slice(0, at)}${replacement}${page.slice(at + line.length)}`;
  }, pageHtml);
}
