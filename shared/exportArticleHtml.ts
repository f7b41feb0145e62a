import type { Article } from './articleModel';
import { bylineText, photoCreditText } from './creditLines';
import { parseDocument } from './documentSchema';
import { escapeHtml } from './escapeHtml';
import { exportStylesheet } from './exportStylesheet';
import { formatDisplayDate } from './publicationDate';
import { serializeDocumentHtml } from './serializeDocumentHtml';

/** The page title of an article that has none yet: a browser tab and html-validate both need a non-empty <title>. */
export const untitledArticleTitle = 'Bài viết chưa có tiêu đề';

/** The line when `text` is non-empty, nothing otherwise: empty parts are left out rather than exported blank. */
function optionalLine(text: string, line: (escaped: string) => string): string[] {
  return text === '' ? [] : [line(escapeHtml(text))];
}

function indentLines(text: string, indent: string): string[] {
  return text
    .trim()
    .split('\n')
    .map((line) => (line === '' ? '' : indent + line));
}

/**
 * The article as a standalone HTML5 page for the agency's CMS: date, title and sapo in a header, the body,
 * then byline and photo credit. Pure and deterministic (same article, same bytes), nothing executable in it.
 * Throws an `invalid-request` AppError when the body is not a valid document, `export-failed` when it holds
 * a node or mark the exporter does not support.
 */
export function exportArticleHtml(article: Article): string {
  const body = serializeDocumentHtml(parseDocument(article.body), '      ');
  const title = article.title.trim();
  const sapo = article.sapo.trim();
  const byline = bylineText(article.bylineRole, article.bylineName);
  const credit = photoCreditText(article.bylineRole, article.photoCredit);
  const date = escapeHtml(article.publicationDate);
  const footer = [
    ...optionalLine(byline, (text) => `      <p class="byline">${text}</p>`),
    ...optionalLine(credit, (text) => `      <p class="credit">${text}</p>`),
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="vi">',
    '<head>',
    '  <meta charset="utf-8">',
    '  <meta name="viewport" content="width=device-width, initial-scale=1">',
    `  <title>${escapeHtml(title === '' ? untitledArticleTitle : title)}</title>`,
    '  <style>',
    ...indentLines(exportStylesheet, '    '),
    '  </style>',
    '</head>',
    '<body>',
    '  <article>',
    '    <header>',
    `      <time datetime="${date}">${escapeHtml(formatDisplayDate(article.publicationDate))}</time>`,
    ...optionalLine(title, (text) => `      <h1>${text}</h1>`),
    ...optionalLine(sapo, (text) => `      <p class="sapo">${text}</p>`),
    '    </header>',
    '    <div class="article-body">',
    ...(body === '' ? [] : [body]),
    '    </div>',
    ...(footer.length === 0 ? [] : ['    <footer>', ...footer, '    </footer>']),
    '  </article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
