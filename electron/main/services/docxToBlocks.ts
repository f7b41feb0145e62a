import type { DocumentMarkJson, DocumentNodeJson } from '../../../shared/documentJson';
import { isSafeLinkHref } from '../../../shared/isSafeLinkHref';
import { buildNestedLists, type ListParagraph } from './buildNestedLists';
import type { DocxDocument, DocxElement, DocxImage, DocxParagraph } from './docxModel';

/** A picture's photo in the library, or null when it was left out (the importer says why in its notices). */
export type PictureImporter = (image: DocxImage) => Promise<{ mediaId: string } | null>;

/** The body's blocks in Word's order, headings still at Word's level (0 for the Title style), with what was found. */
export interface DocxBlocks {
  blocks: DocumentNodeJson[];
  counts: { paragraphs: number; headings: number; listItems: number; photos: number; tables: number };
}

/** A paragraph cut at its pictures: runs of text and the pictures between them, in order. */
type Segment = { inline: DocumentNodeJson[] } | { picture: DocxImage };

const headingStyle = /^heading\s*([1-9])$/iu;
// Word writes a built-in style's English name whatever the interface language; a Vietnamese template may name its own.
const captionStyle = /^(caption|chú thích( ảnh)?)$/iu;

/** Word's heading level of a paragraph (1–9, 0 for the Title style), or null for body text. */
function headingLevelOf(paragraph: DocxParagraph): number | null {
  for (const name of [paragraph.styleName, paragraph.styleId]) {
    if (typeof name !== 'string') continue;
    if (/^title$/iu.test(name)) return 0;
    const match = headingStyle.exec(name);
    if (match !== null) return Number(match[1]);
  }
  return null;
}

function isCaption(paragraph: DocxParagraph): boolean {
  return [paragraph.styleName, paragraph.styleId].some((name) => typeof name === 'string' && captionStyle.test(name));
}

function sameMarks(a: DocumentMarkJson[] | undefined, b: DocumentMarkJson[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

/** Adjacent text with the same marks joined, then NFC (a letter and its mark may sit in two runs), empty text dropped. */
function tidyInline(nodes: DocumentNodeJson[]): DocumentNodeJson[] {
  const joined: DocumentNodeJson[] = [];
  for (const node of nodes) {
    const last = joined.at(-1);
    if (node.type === 'text' && last?.type === 'text' && sameMarks(last.marks, node.marks))
      last.text = `${last.text ?? ''}${node.text ?? ''}`;
    else joined.push({ ...node });
  }
  for (const node of joined) if (node.type === 'text') node.text = (node.text ?? '').normalize('NFC');
  return joined.filter((node) => node.type !== 'text' || node.text !== '');
}

function hasText(inline: DocumentNodeJson[]): boolean {
  return inline.some((node) => node.type === 'text' && (node.text ?? '').trim() !== '');
}

/** A paragraph's runs as the body's inline content (bold, italic, underline, safe links, line breaks), cut at pictures. */
function segmentsOf(paragraph: DocxParagraph): Segment[] {
  const segments: Segment[] = [{ inline: [] }];
  const current = () => (segments.at(-1) as { inline: DocumentNodeJson[] }).inline;
  const walk = (elements: readonly DocxElement[], marks: readonly DocumentMarkJson[]) => {
    for (const element of elements) {
      switch (element.type) {
        case 'run': {
          const added = [
            ...(element.isBold ? [{ type: 'bold' }] : []),
            ...(element.isItalic ? [{ type: 'italic' }] : []),
            ...(element.isUnderline ? [{ type: 'underline' }] : []),
          ];
          walk(element.children, [...marks, ...added.filter((mark) => !marks.some((held) => held.type === mark.type))]);
          break;
        }
        case 'text':
          if (typeof element.value === 'string')
            current().push({ type: 'text', text: element.value, ...(marks.length > 0 ? { marks: [...marks] } : {}) });
          break;
        case 'tab':
          current().push({ type: 'text', text: ' ', ...(marks.length > 0 ? { marks: [...marks] } : {}) });
          break;
        case 'break':
          // A page or column break is Word's layout; a line break is the writer's.
          if (element.breakType === undefined || element.breakType === 'line') current().push({ type: 'hardBreak' });
          break;
        case 'hyperlink': {
          // Only links the body may carry; a link to a place inside the document keeps its text.
          const href = typeof element.href === 'string' ? element.href.trim() : '';
          const link = href !== '' && isSafeLinkHref(href) ? [{ type: 'link', attrs: { href } }] : [];
          walk(element.children, [...marks.filter((mark) => mark.type !== 'link'), ...link]);
          break;
        }
        case 'image':
          segments.push({ picture: element }, { inline: [] });
          break;
        default:
          // Footnote and comment references, bookmarks, checkboxes: not part of a news article's text.
          break;
      }
    }
  };
  walk(paragraph.children, []);
  return segments.map((segment) => ('inline' in segment ? { inline: tidyInline(segment.inline) } : segment));
}

/** A table cell's text on one line: its paragraphs (and any table inside it) joined by spaces. */
function cellInline(cell: DocxElement, pictures: DocxImage[]): DocumentNodeJson[] {
  const inline: DocumentNodeJson[] = [];
  const visit = (element: DocxElement) => {
    if (element.type === 'paragraph') {
      for (const segment of segmentsOf(element)) {
        if ('picture' in segment) pictures.push(segment.picture);
        else if (hasText(segment.inline)) {
          if (inline.length > 0) inline.push({ type: 'text', text: ' ' });
          inline.push(...segment.inline.map((node) => (node.type === 'hardBreak' ? { type: 'text', text: ' ' } : node)));
        }
      }
    } else if ('children' in element && Array.isArray(element.children)) for (const child of element.children) visit(child);
  };
  visit(cell);
  return inline;
}

/** Every picture of the document, in order (for progress: photos n of m). */
export function countPictures(document: DocxDocument): number {
  let count = 0;
  const visit = (element: DocxElement) => {
    if (element.type === 'image') count += 1;
    if ('children' in element && Array.isArray(element.children)) for (const child of element.children) visit(child);
  };
  for (const child of document.children) visit(child);
  return count;
}

/**
 * Converts mammoth's document model into the body's blocks, building only nodes and marks of the document schema:
 * paragraphs, headings (Word's level kept for now: see mapHeadingLevels), lists nested by their Word level, figures
 * for pictures (a Caption-style paragraph right under a picture becomes its caption, the picture's description its
 * alt text), and each table as one paragraph per row with its cells separated by " | " (the body has no tables yet).
 * Pictures are imported in document order through `importPicture`; empty paragraphs are dropped.
 */
export async function docxToBlocks(document: DocxDocument, importPicture: PictureImporter): Promise<DocxBlocks> {
  const blocks: DocumentNodeJson[] = [];
  const counts = { paragraphs: 0, headings: 0, listItems: 0, photos: 0, tables: 0 };
  let pendingList: ListParagraph[] = [];
  const closeList = () => {
    if (pendingList.length > 0) blocks.push(...buildNestedLists(pendingList));
    pendingList = [];
  };
  const figureOf = async (image: DocxImage): Promise<DocumentNodeJson | null> => {
    const photo = await importPicture(image);
    if (photo === null) return null;
    counts.photos += 1;
    const alt = typeof image.altText === 'string' ? image.altText.normalize('NFC').trim().slice(0, 500) : '';
    return { type: 'figure', attrs: { mediaId: photo.mediaId, alt, credit: '' } };
  };
  for (const element of document.children) {
    if (element.type === 'table') {
      closeList();
      counts.tables += 1;
      for (const row of element.children) {
        if (row.type !== 'tableRow') continue;
        const pictures: DocxImage[] = [];
        const cells = row.children.filter((cell) => cell.type === 'tableCell').map((cell) => cellInline(cell, pictures));
        const inline = cells.flatMap((cell, index) => (index === 0 ? cell : [{ type: 'text', text: ' | ' }, ...cell]));
        if (cells.some(hasText)) {
          blocks.push({ type: 'paragraph', content: tidyInline(inline) });
          counts.paragraphs += 1;
        }
        for (const picture of pictures) {
          const figure = await figureOf(picture);
          if (figure !== null) blocks.push(figure);
        }
      }
      continue;
    }
    if (element.type !== 'paragraph') continue;
    const segments = segmentsOf(element);
    const produced: DocumentNodeJson[] = [];
    const level = headingLevelOf(element);
    for (const segment of segments) {
      if ('picture' in segment) {
        const figure = await figureOf(segment.picture);
        if (figure !== null) produced.push(figure);
      } else if (hasText(segment.inline)) {
        produced.push(
          level === null
            ? { type: 'paragraph', content: segment.inline }
            : { type: 'heading', attrs: { level }, content: segment.inline.filter((node) => node.type !== 'hardBreak') },
        );
      }
    }
    // A numbered heading (Word's outline numbering) stays a heading: the body's headings carry no numbers.
    if (level === null && element.numbering !== null && element.numbering !== undefined) {
      const content = produced[0]?.type === 'paragraph' ? produced : [{ type: 'paragraph' }, ...produced];
      if (produced.length === 0) continue;
      pendingList.push({
        level: Number.parseInt(element.numbering.level, 10) || 0,
        ordered: element.numbering.isOrdered === true,
        content,
      });
      counts.listItems += 1;
      continue;
    }
    closeList();
    const previous = blocks.at(-1);
    const captionText = produced.length === 1 && produced[0]!.type === 'paragraph' ? produced[0]!.content : undefined;
    if (isCaption(element) && previous?.type === 'figure' && previous.content === undefined && captionText !== undefined) {
      // The caption under a picture, as the editor holds it: the figure's own text.
      previous.content = captionText.filter((node) => node.type !== 'hardBreak');
      continue;
    }
    for (const block of produced) {
      if (block.type === 'paragraph') counts.paragraphs += 1;
      if (block.type === 'heading') counts.headings += 1;
    }
    blocks.push(...produced);
  }
  closeList();
  return { blocks, counts };
}
