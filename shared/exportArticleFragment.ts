import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Article } from './articleModel';
import { bylineText, photoCreditText } from './creditLines';
import { parseDocument } from './documentSchema';
import { articleElementLines, exportImageOrder, type ExportImages } from './exportArticleHtml';
import { defaultExportLook, type ExportLook } from './exportLook';
import { formatDisplayDate } from './publicationDate';
import { serializeDocumentHtml } from './serializeDocumentHtml';
import { isSuggestionAnchorText } from './SuggestionMarks';
import { withSuggestionsRejected } from './withSuggestionsRejected';

/** What one "copy" button of the CMS panel puts on the clipboard; `html` only for the body. */
export interface CmsField {
  readonly kind: 'title' | 'sapo' | 'body' | 'caption' | 'byline' | 'credit';
  readonly text: string;
  readonly html?: string;
}

/** The article copied for the CMS: the page's `<article>` element (no `<html>`/`<head>`), its plain text, and each field. */
export interface CmsCopy {
  readonly html: string;
  readonly text: string;
  readonly fields: CmsField[];
}

/**
 * The article as the HTML export's `<article>` element alone, for pasting into a CMS: the same serializer, so the same
 * allow-list, and pending suggestions rejected. `images` gives each photo's src (`images/<slug>-n.ext`) and size.
 */
export function exportArticleFragment(
  article: Article,
  images: ExportImages = {},
  look: Pick<ExportLook, 'partOrder'> = defaultExportLook,
): string {
  return articleElementLines(article, images, '', look).join('\n');
}

function isSuggestedInsertion(node: ProseMirrorNode): boolean {
  return node.marks.some((mark) => mark.type.name === 'insertion') || isSuggestionAnchorText(node);
}

/** A textblock's text as typed (no-break spaces kept), a line break a new line; suggested text is left out. */
function inlineText(node: ProseMirrorNode): string {
  let text = '';
  node.forEach((child) => {
    if (isSuggestedInsertion(child)) return;
    if (child.type.name === 'hardBreak') text += '\n';
    else if (child.isText) text += child.text ?? '';
  });
  return text.trim();
}

/** "caption Ảnh: credit", as the figure's figcaption reads. */
function figureText(figure: ProseMirrorNode): string {
  const caption = inlineText(figure).replace(/\s+/g, ' ');
  const credit = String(figure.attrs['credit'] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return [caption, credit === '' ? '' : `Ảnh: ${credit}`].filter((part) => part !== '').join(' ');
}

/** The body as paragraphs of plain text, one block each; list items start with "- " or their number. */
function blockTexts(parent: ProseMirrorNode): string[] {
  const texts: string[] = [];
  parent.forEach((node) => {
    if (isSuggestedInsertion(node)) return;
    switch (node.type.name) {
      case 'paragraph':
      case 'heading':
        texts.push(inlineText(node));
        break;
      case 'figure':
        texts.push(figureText(node));
        break;
      case 'bulletList':
      case 'orderedList': {
        const start = Number.isSafeInteger(node.attrs['start']) ? Number(node.attrs['start']) : 1;
        const items: string[] = [];
        node.forEach((item, _offset, index) => {
          const marker = node.type.name === 'bulletList' ? '- ' : `${start + index}. `;
          items.push(marker + blockTexts(item).join(' '));
        });
        texts.push(items.join('\n'));
        break;
      }
      case 'table': {
        const rows: string[] = [];
        node.forEach((row) => {
          const cells: string[] = [];
          row.forEach((cell) => cells.push(blockTexts(cell).join(' ')));
          rows.push(cells.join('\t'));
        });
        texts.push(rows.join('\n'));
        break;
      }
      case 'horizontalRule':
        break;
      default:
        texts.push(...blockTexts(node));
    }
  });
  return texts.filter((text) => text !== '');
}

/** Every figure of the body in document order (the serializer's order), suggested ones left out. */
function figuresOf(doc: ProseMirrorNode): ProseMirrorNode[] {
  const figures: ProseMirrorNode[] = [];
  doc.descendants((node) => {
    if (isSuggestedInsertion(node)) return false;
    if (node.type.name === 'figure') figures.push(node);
    return node.type.name !== 'figure';
  });
  return figures;
}

/**
 * The article copied for the CMS: the fragment as HTML, the same as readable plain text (title, date, sapo, body, photo
 * captions and credit lines, a blank line between paragraphs, as a CMS plain-text field expects), and each field alone.
 */
export function exportCmsCopy(
  article: Article,
  images: ExportImages = {},
  look: Pick<ExportLook, 'partOrder'> = defaultExportLook,
): CmsCopy {
  const doc = withSuggestionsRejected(parseDocument(article.body));
  const title = article.title.trim();
  const sapo = article.sapo.trim();
  const byline = bylineText(article.bylineRole, article.bylineName);
  const credit = photoCreditText(article.bylineRole, article.photoCredit);
  const order = exportImageOrder(article);
  // The captions in the order the photos are numbered (the cover first), each photo once.
  const figures = figuresOf(doc);
  const captions = order
    .map((mediaId) => figures.find((figure) => figure.attrs['mediaId'] === mediaId))
    .flatMap((figure) => (figure === undefined ? [] : [figureText(figure)]));
  const bodyTexts = blockTexts(doc);
  const text = [
    title,
    formatDisplayDate(article.publicationDate),
    sapo,
    ...bodyTexts,
    [byline, credit].filter((line) => line !== '').join('\n'),
  ]
    .filter((part) => part !== '')
    .join('\n\n');
  const fields: CmsField[] = [
    { kind: 'title', text: title },
    { kind: 'sapo', text: sapo },
    { kind: 'body', text: bodyTexts.join('\n\n'), html: serializeDocumentHtml(doc, { images }) },
    ...captions.map((caption): CmsField => ({ kind: 'caption', text: caption })),
    { kind: 'byline', text: byline },
    { kind: 'credit', text: credit },
  ];
  return {
    html: exportArticleFragment(article, images, look),
    text,
    fields: fields.filter((field) => field.text !== '' || field.kind === 'body'),
  };
}
