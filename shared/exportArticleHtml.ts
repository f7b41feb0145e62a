import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Article } from './articleModel';
import { collectFigures } from './collectFigures';
import { bylineText, photoCreditText } from './creditLines';
import { parseDocument } from './documentSchema';
import { escapeHtml } from './escapeHtml';
import { exportStyleElementText } from './exportStylesheet';
import { formatDisplayDate } from './publicationDate';
import { serializeCoverFigureHtml, serializeDocumentHtml, type ExportImages } from './serializeDocumentHtml';
import { bodyAsRead, withSuggestionsRejected } from './withSuggestionsRejected';

export type { ExportImage, ExportImages } from './serializeDocumentHtml';

/** The page title of an article that has none yet: a browser tab and html-validate both need a non-empty <title>. */
export const untitledArticleTitle = 'Bài viết chưa có tiêu đề';

/** The line when `text` is non-empty, nothing otherwise: empty parts are left out rather than exported blank. */
function optionalLine(text: string, line: (escaped: string) => string): string[] {
  return text === '' ? [] : [line(escapeHtml(text))];
}

/** The figure the article names as its cover (the .docx leads with it too): the first showing `coverMediaId`; null when none does. */
export function findCoverFigure(doc: ProseMirrorNode, coverMediaId: string | null): ProseMirrorNode | null {
  if (coverMediaId === null) return null;
  let cover: ProseMirrorNode | null = null;
  doc.descendants((node) => {
    // A figure only suggested for insertion is not exported (serializeDocumentHtml), so it cannot lead the page.
    const suggested = node.marks.some((mark) => mark.type.name === 'insertion');
    if (cover === null && !suggested && node.type.name === 'figure' && node.attrs['mediaId'] === coverMediaId) cover = node;
    return cover === null;
  });
  return cover;
}

/**
 * The media ids of an article's photos in the order the exported page shows them: the cover first (when it is one
 * of the body's figures), then the body's figures, each id once. The folder export numbers its image files so.
 */
export function exportImageOrder(article: Article): string[] {
  // A photo only suggested for insertion is not in the export, so it is not written beside it either (a body without
  // suggestions is read as it is, not parsed a second time: exportArticleHtml parses it).
  const bodyIds = collectFigures(bodyAsRead(article.body)).map((figure) => figure.mediaId);
  const coverId = article.coverMediaId !== null && bodyIds.includes(article.coverMediaId) ? [article.coverMediaId] : [];
  return [...new Set([...coverId, ...bodyIds])];
}

/**
 * The article as a standalone HTML5 page for the agency's CMS: date, title, sapo and cover photo in a header, the
 * body, then byline and photo credit. `images` gives each photo's src (a data: URI, or `images/…` beside the page)
 * and size. Pure and deterministic (same article and images, same bytes), nothing executable in it.
 * Throws an `invalid-request` AppError when the body is not a valid document, `export-failed` when it holds a node
 * or mark the exporter does not support or a photo missing from `images` or with a src other than those two forms.
 */
export function exportArticleHtml(article: Article, images: ExportImages = {}): string {
  const title = article.title.trim();
  return [
    '<!DOCTYPE html>',
    '<html lang="vi">',
    '<head>',
    '  <meta charset="utf-8">',
    '  <meta name="viewport" content="width=device-width, initial-scale=1">',
    `  <title>${escapeHtml(title === '' ? untitledArticleTitle : title)}</title>`,
    `  <style>${exportStyleElementText}</style>`,
    '</head>',
    '<body>',
    ...articleElementLines(article, images, '  '),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The page's `<article>` element, each line starting with `indent`: date, title, sapo and cover in a header, the body,
 * byline and photo credit in a footer. The HTML page and the fragment copied for the CMS are both made of it.
 */
export function articleElementLines(article: Article, images: ExportImages, indent: string): string[] {
  const doc = withSuggestionsRejected(parseDocument(article.body));
  const inner = `${indent}    `;
  // The cover leads the page and is not shown a second time in the body; a cover id no figure shows is ignored.
  const cover = findCoverFigure(doc, article.coverMediaId);
  const body = serializeDocumentHtml(doc, { indent: inner, images, omit: cover });
  const coverHtml = cover === null ? '' : serializeCoverFigureHtml(cover, { indent: inner, images });
  const title = article.title.trim();
  const sapo = article.sapo.trim();
  const byline = bylineText(article.bylineRole, article.bylineName);
  const credit = photoCreditText(article.bylineRole, article.photoCredit);
  const date = escapeHtml(article.publicationDate);
  const footer = [
    ...optionalLine(byline, (text) => `${inner}<p class="byline">${text}</p>`),
    ...optionalLine(credit, (text) => `${inner}<p class="credit">${text}</p>`),
  ];
  return [
    `${indent}<article>`,
    `${indent}  <header>`,
    `${inner}<time datetime="${date}">${escapeHtml(formatDisplayDate(article.publicationDate))}</time>`,
    ...optionalLine(title, (text) => `${inner}<h1>${text}</h1>`),
    ...optionalLine(sapo, (text) => `${inner}<p class="sapo">${text}</p>`),
    ...(coverHtml === '' ? [] : [coverHtml]),
    `${indent}  </header>`,
    `${indent}  <div class="article-body">`,
    ...(body === '' ? [] : [body]),
    `${indent}  </div>`,
    ...(footer.length === 0 ? [] : [`${indent}  <footer>`, ...footer, `${indent}  </footer>`]),
    `${indent}</article>`,
  ];
}
