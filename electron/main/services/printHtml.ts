import { createHash } from 'node:crypto';
import { escapeHtml } from '../../../shared/escapeHtml';
import { exportStyleElementText } from '../../../shared/exportStylesheet';
import { printStylesheet } from '../../../shared/printStylesheet';

const charsetLine = '  <meta charset="utf-8">';
const exportStyleLine = `  <style>${exportStyleElementText}</style>`;

function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The export page made a print page: a policy allowing its two stylesheets (by hash) and data: photos only (no script,
 * no remote load, no form, no base URL), the print stylesheet after the export's, and the header line above the article.
 * Deterministic: the same page and header give the same bytes.
 */
export function printPageHtml(pageHtml: string, headerText: string): string {
  const styleText = printStylesheet(headerText);
  const policy = [
    "default-src 'none'",
    `style-src ${hashSource(exportStyleElementText)} ${hashSource(styleText)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const replaced = [
    [charsetLine, `${charsetLine}\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`],
    [exportStyleLine, `${exportStyleLine}\n  <style>${styleText}</style>`],
    ['\n<body>\n', `\n<body>\n  <p class="print-header">${escapeHtml(headerText)}</p>\n`],
  ] as const;
  return replaced.reduce((page, [line, replacement]) => {
    const at = page.indexOf(line);
    if (at === -1) throw new Error(`printPageHtml: the page has no ${JSON.stringify(line.trim())}`);
    return `${page.slice(0, at)}${replacement}${page.slice(at + line.length)}`;
  }, pageHtml);
}
