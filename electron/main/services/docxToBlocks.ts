import type { DocumentMarkJson, DocumentNodeJson } from '../../../shared/documentJson';
import { tableLimits } from '../../../shared/documentLimits';
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
  return cellParagraphs(cell, pictures).flatMap((paragraph, index) => [
    ...(index === 0 ? [] : [{ type: 'text', text: ' ' }]),
    ...(paragraph.content ?? []).map((node) => (node.type === 'hardBreak' ? { type: 'text', text: ' ' } : node)),
  ]);
}

/**
 * A table cell's paragraphs with text, in order, headings and list items as plain paragraphs (a cell holds paragraphs
 * only) and a table nested in it read row by row; its pictures go to `pictures`, to follow the table.
 */
function cellParagraphs(cell: DocxElement, pictures: DocxImage[]): DocumentNodeJson[] {
  const paragraphs: DocumentNodeJson[] = [];
  const visit = (element: DocxElement) => {
    if (element.type === 'paragraph') {
      for (const segment of segmentsOf(element)) {
        if ('picture' in segment) pictures.push(segment.picture);
        else if (hasText(segment.inline)) paragraphs.push({ type: 'paragraph', content: segment.inline });
      }
    } else if (element.type === 'tableRow' && element !== cell) {
      // A table in a cell: one paragraph per row, its cells' text separated by " | " (a cell holds no table).
      const cells = element.children.filter((child) => child.type === 'tableCell').map((child) => cellInline(child, pictures));
      const inline = cells.flatMap((text, index) => (index === 0 ? text : [{ type: 'text', text: ' | ' }, ...text]));
      if (cells.some(hasText)) paragraphs.push({ type: 'paragraph', content: tidyInline(inline) });
    } else if ('children' in element && Array.isArray(element.children)) for (const child of element.children) visit(child);
  };
  visit(cell);
  return paragraphs;
}

/** A span Word gives (gridSpan, vMerge), as a whole number the table limits allow. */
function spanOf(value: unknown, maximum: number): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 ? Math.min(value, maximum) : 1;
}

/**
 * A Word table as the body's table: its rows and cells with their spans, a row Word repeats as header (and only
 * that) as header cells, each cell's paragraphs (an empty cell one empty paragraph). Null for a table with no cell,
 * or bigger than `tableLimits`: docxToBlocks then reads that one as one paragraph per row.
 */
function tableOf(table: DocxElement, pictures: DocxImage[]): DocumentNodeJson | null {
  if (table.type !== 'table') return null;
  const rows = table.children.filter((row) => row.type === 'tableRow');
  const cellsOf = (row: DocxElement) => (row.type === 'tableRow' ? row.children.filter((cell) => cell.type === 'tableCell') : []);
  const cellCount = rows.reduce((sum, row) => sum + cellsOf(row).length, 0);
  const widest = Math.max(
    0,
    ...rows.map((row) => cellsOf(row).reduce((sum, cell) => sum + spanOf('colSpan' in cell ? cell.colSpan : 1, Infinity), 0)),
  );
  const fits = rows.length <= tableLimits.maximumRows && cellCount <= tableLimits.maximumCells && widest <= tableLimits.maximumColumns;
  if (!fits || rows.every((row) => cellsOf(row).length === 0)) return null;
  const content = rows
    .filter((row) => cellsOf(row).length > 0)
    .map((row) => ({
      type: 'tableRow',
      content: cellsOf(row).map((cell) => {
        const paragraphs = cellParagraphs(cell, pictures);
        return {
          type: 'isHeader' in row && row.isHeader === true ? 'tableHeader' : 'tableCell',
          attrs: {
            colspan: spanOf('colSpan' in cell ? cell.colSpan : 1, tableLimits.maximumColumns),
            rowspan: spanOf('rowSpan' in cell ? cell.rowSpan : 1, tableLimits.maximumRows),
          },
          content: paragraphs.length > 0 ? paragraphs : [{ type: 'paragraph' }],
        };
      }),
    }));
  return { type: 'table', content };
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
 * alt text), and tables (see tableOf; one too big for the body's limits as one paragraph per row, cells separated by " | ").
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
      const cellPictures: DocxImage[] = [];
      const table = tableOf(element, cellPictures);
      if (table !== null) {
        blocks.push(table);
        // A picture in a cell follows its table: a cell holds text only.
        for (const picture of cellPictures) {
          const figure = await figureOf(picture);
          if (figure !== null) blocks.push(figure);
        }
        continue;
      }
      // Only a table the body cannot hold is counted: the import's summary says it became paragraphs.
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
        number: element.wordNumber,
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
