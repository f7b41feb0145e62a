import { createHash } from 'node:crypto';
import { templateStyleLine } from '../../../shared/exportArticleHtml';
import { exportStyleElementText } from '../../../shared/exportStylesheet';

/**
 * The one inline stylesheet the window's policy allows, by its hash: the export page's own, which the preview (the page
 * in a sandboxed srcdoc frame, which inherits the window's policy) needs. Any other inline style stays refused.
 */
export const exportStyleHashSource = styleHashSource(exportStyleElementText);

/** A CSP source allowing exactly the inline `<style>` element whose text is `text`. */
export function styleHashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The preview page's own policy, on top of the window's (a srcdoc frame inherits it): no script, no remote load, no
 * form, no base URL; photos only as the data: URIs the HTML export embeds, styles only the export's stylesheet.
 */
export const previewContentSecurityPolicy = [
  "default-src 'none'",
  // data: for the template's stylesheet, which the preview links as a data: URI (see previewPageHtml).
  `style-src ${exportStyleHashSource} data:`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const charsetLine = '  <meta charset="utf-8">';

/**
 * The standalone export page made a preview: the policy above in a meta tag right after the charset, and every link
 * aimed at a new window, which the frame's sandbox (no allow-popups) refuses, so a click never loads a remote page.
 * The template's stylesheet (`stylesheet`, already sanitized) moves from its `<style>` element to a data: link: the
 * frame inherits the window's policy, which allows inline style only by the hash of the app's own stylesheet.
 */
export function previewPageHtml(pageHtml: string, stylesheet = ''): string {
  const at = pageHtml.indexOf(charsetLine);
  if (at === -1) throw new Error('previewPageHtml: the page has no charset line');
  const end = at + charsetLine.length;
  const added = [`  <meta http-equiv="Content-Security-Policy" content="${previewContentSecurityPolicy}">`, '  <base target="_blank">'];
  const page = `${pageHtml.slice(0, end)}\n${added.join('\n')}${pageHtml.slice(end)}`;
  if (stylesheet === '') return page;
  const styleLine = templateStyleLine(stylesheet);
  const styleAt = page.indexOf(styleLine);
  if (styleAt === -1) throw new Error('previewPageHtml: the page has no template stylesheet');
  const link = `  <link rel="stylesheet" href="data:text/css;charset=utf-8;base64,${Buffer.from(stylesheet, 'utf8').toString('base64')}">`;
  return `${page.slice(0, styleAt)}${link}${page.slice(styleAt + styleLine.length)}`;
}
