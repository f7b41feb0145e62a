import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Article } from './articleModel';
import { collectFigures } from './collectFigures';
import { bylineText, photoCreditText } from './creditLines';
import { parseDocument } from './documentSchema';
import { escapeHtml } from './escapeHtml';
import { defaultExportLook, type ArticlePart, type ExportLook, type ExportMasthead } from './exportLook';
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
export function exportArticleHtml(article: Article, images: ExportImages = {}, look: ExportLook = defaultExportLook): string {
  const title = article.title.trim();
  return [
    '<!DOCTYPE html>',
    '<html lang="vi">',
    '<head>',
    '  <meta charset="utf-8">',
    '  <meta name="viewport" content="width=device-width, initial-scale=1">',
    `  <title>${escapeHtml(title === '' ? untitledArticleTitle : title)}</title>`,
    `  <style>${exportStyleElementText}</style>`,
    ...(look.stylesheet === '' ? [] : [templateStyleLine(look.stylesheet)]),
    '</head>',
    '<body>',
    ...mastheadLines(look.masthead, '  '),
    ...articleElementLines(article, images, '  ', look),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The template's stylesheet as the page's second `<style>` element, after the app's so its rules win. It was sanitized
 * (no `<` in it, so it cannot close the element); the preview and print pages find it by this exact line.
 */
export function templateStyleLine(stylesheet: string): string {
  return `  <style class="template-style">\n${stylesheet}\n  </style>`;
}

/** The agency's masthead above the article: its logo and its name, in a page-level `<header>` (not the article's). */
export function mastheadLines(masthead: ExportMasthead | null, indent: string): string[] {
  if (masthead === null) return [];
  const logo = masthead.logo;
  const size = logo === null ? '' : `width="${logo.width}" height="${logo.height}"`;
  return [
    `${indent}<header class="masthead">`,
    ...(logo === null
      ? []
      : [`${indent}  <img class="masthead-logo" src="${escapeHtml(logo.src)}" alt="${escapeHtml(masthead.text)}" ${size}>`]),
    ...(masthead.text === '' ? [] : [`${indent}  <p class="masthead-name">${escapeHtml(masthead.text)}</p>`]),
    `${indent}</header>`,
  ];
}

/**
 * The page's `<article>` element, each line starting with `indent`: date, title, sapo and cover in a header, the body,
 * byline and photo credit in a footer. The HTML page and the fragment copied for the CMS are both made of it.
 */
export function articleElementLines(
  article: Article,
  images: ExportImages,
  indent: string,
  look: Pick<ExportLook, 'partOrder'> = defaultExportLook,
): string[] {
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
  const headerParts: Readonly<Record<Exclude<ArticlePart, 'byline'>, string[]>> = {
    date: [`${inner}<time datetime="${date}">${escapeHtml(formatDisplayDate(article.publicationDate))}</time>`],
    title: optionalLine(title, (text) => `${inner}<h1>${text}</h1>`),
    sapo: optionalLine(sapo, (text) => `${inner}<p class="sapo">${text}</p>`),
  };
  const footerLines = footer.length === 0 ? [] : [`${indent}  <footer>`, ...footer, `${indent}  </footer>`];
  // The byline last in the order closes the article, after the body; anywhere else it sits among the parts above it.
  const bylineAtEnd = look.partOrder.at(-1) === 'byline';
  const top = bylineAtEnd ? look.partOrder.slice(0, -1) : look.partOrder;
  const groups: string[][] = [];
  let header: string[] | null = null;
  for (const part of top) {
    if (part === 'byline') {
      header = null;
      groups.push(footerLines);
    } else {
      if (header === null) groups.push((header = []));
      header.push(...headerParts[part]);
    }
  }
  // The cover photo closes the last header (in the default order, the one header, as before templates).
  if (coverHtml !== '') {
    if (header !== null) header.push(coverHtml);
    else groups.push([coverHtml]);
  }
  const topLines = groups.flatMap((group) =>
    group === footerLines ? group : group.length === 0 ? [] : [`${indent}  <header>`, ...group, `${indent}  </header>`],
  );
  return [
    `${indent}<article>`,
    ...topLines,
    `${indent}  <div class="article-body">`,
    ...(body === '' ? [] : [body]),
    `${indent}  </div>`,
    ...(bylineAtEnd ? footerLines : []),
    `${indent}</article>`,
  ];
}
