import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type ILevelsOptions,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import type { Article } from '../../../shared/articleModel';
import { bylineText, photoCreditText } from '../../../shared/creditLines';
import { textAlignments } from '../../../shared/documentExtensions';
import { parseDocument } from '../../../shared/documentSchema';
import { AppError } from '../../../shared/errorCodes';
import { findCoverFigure } from '../../../shared/exportArticleHtml';
import { defaultExportLook, type ArticlePart, type ExportLook, type ExportMasthead } from '../../../shared/exportLook';
import { isSafeLinkHref } from '../../../shared/isSafeLinkHref';
import { formatDisplayDate } from '../../../shared/publicationDate';
import { undescribedPhotoAlt } from '../../../shared/serializeDocumentHtml';
import { isSuggestionAnchorText } from '../../../shared/SuggestionMarks';
import { withSuggestionsRejected } from '../../../shared/withSuggestionsRejected';
import { pngBytesOfDataUri, readPngSize } from './readPngSize';

/** A photo as the .docx embeds it: web-sized bytes (see renderWebImage) and pixel size. */
export interface DocxImage {
  readonly bytes: Uint8Array;
  readonly type: 'jpg' | 'png' | 'gif';
  readonly width: number;
  readonly height: number;
}

export type DocxImages = Readonly<Record<string, DocxImage>>;

/** Times New Roman, 13 or 14 pt (the `docxFontSize` setting), as Vietnamese offices set their documents. */
export const docxFont = 'Times New Roman';

// A4 with the margins of an administrative document (Nghị định 30/2020): 20 mm top and bottom, 30 mm left, 20 mm right.
const pageMillimetres = { width: 210, top: 20, bottom: 20, left: 30, right: 20 };
const textWidthMillimetres = pageMillimetres.width - pageMillimetres.left - pageMillimetres.right;
// Photos are sized in pixels at 96 per inch: no wider than the text column.
const textWidthPixels = Math.floor((textWidthMillimetres / 25.4) * 96);
const indentPerLevel = 567;

const alignments: Readonly<Record<(typeof textAlignments)[number], IParagraphOptions['alignment']>> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

const orderedFormats: Readonly<Record<string, (typeof LevelFormat)[keyof typeof LevelFormat]>> = {
  a: LevelFormat.LOWER_LETTER,
  A: LevelFormat.UPPER_LETTER,
  i: LevelFormat.LOWER_ROMAN,
  I: LevelFormat.UPPER_ROMAN,
};

/** Run formatting a mark may add; links are handled apart (they wrap runs). */
interface RunFormat {
  bold?: true;
  italics?: true;
  underline?: Record<string, never>;
}

function unsupported(what: string, name: string): AppError {
  return new AppError('export-failed', `Không xuất được bài: chưa hỗ trợ ${what} “${name}”.`);
}

/**
 * Text as Word should hold it: Vietnamese in composed form (NFC), so every tone mark sits on its letter, without the
 * control characters XML 1.0 cannot carry (one would make the file unreadable).
 */
export function composed(text: string): string {
  return text.normalize('NFC').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function isSuggestedInsertion(node: ProseMirrorNode): boolean {
  return node.marks.some((mark) => mark.type.name === 'insertion') || isSuggestionAnchorText(node);
}

function exportableHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const cleaned = href.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return isSafeLinkHref(cleaned) ? cleaned : null;
}

/** Mark type → run formatting; the same allow-list as the HTML export (markSerializers): any other mark fails the export. */
const markFormats: Readonly<Record<string, (format: RunFormat) => void>> = Object.freeze({
  link: () => undefined,
  bold: (format) => (format.bold = true),
  italic: (format) => (format.italics = true),
  underline: (format) => (format.underline = {}),
  // Review notes and pending suggestions never leave the app.
  commentAnchor: () => undefined,
  insertion: () => undefined,
  deletion: () => undefined,
  modification: () => undefined,
});

function runFormat(marks: readonly Mark[]): RunFormat {
  const format: RunFormat = {};
  for (const mark of marks) {
    if (!Object.hasOwn(markFormats, mark.type.name)) throw unsupported('định dạng', mark.type.name);
    markFormats[mark.type.name]!(format);
  }
  return format;
}

/** The runs of a textblock's inline content; consecutive runs under one safe link share one hyperlink. */
function inlineChildren(parent: ProseMirrorNode, extra: RunFormat = {}): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  let linkHref: string | null = null;
  let linkRuns: TextRun[] = [];
  const flushLink = () => {
    if (linkHref !== null && linkRuns.length > 0) children.push(new ExternalHyperlink({ link: linkHref, children: linkRuns }));
    linkHref = null;
    linkRuns = [];
  };
  parent.forEach((child) => {
    if (child.type.name !== 'text' && child.type.name !== 'hardBreak') {
      throw unsupported(child.isInline ? 'kiểu nội dung' : 'nội dung khối ở vị trí nội dòng', child.type.name);
    }
    if (isSuggestedInsertion(child)) return;
    const linkMark = child.marks.find((mark) => mark.type.name === 'link');
    // An unsafe target loses its link, never its text.
    const href = linkMark === undefined ? null : exportableHref(linkMark.attrs['href']);
    const format = { ...runFormat(child.marks), ...extra, ...(href === null ? {} : { style: 'Hyperlink' }) };
    const run =
      child.type.name === 'hardBreak' ? new TextRun({ break: 1, ...format }) : new TextRun({ text: composed(child.text ?? ''), ...format });
    if (href !== linkHref) flushLink();
    if (href === null) {
      children.push(run);
      return;
    }
    linkHref = href;
    linkRuns.push(run);
  });
  flushLink();
  return children;
}

function exportedText(node: ProseMirrorNode): string {
  let text = '';
  node.forEach((child) => {
    if (child.isText && !isSuggestedInsertion(child)) text += child.text ?? '';
  });
  return text;
}

function alignmentOf(node: ProseMirrorNode): IParagraphOptions['alignment'] {
  const alignment: unknown = node.attrs['textAlign'];
  return typeof alignment === 'string' && Object.hasOwn(alignments, alignment)
    ? alignments[alignment as keyof typeof alignments]
    : undefined;
}

/** Where a block sits: its list level and numbering, its indent (blockquote, list), and whether it is quoted. */
interface BlockContext {
  readonly indentLevel: number;
  readonly list: { readonly reference: string; readonly instance: number; readonly level: number } | null;
  readonly quote: boolean;
}

type Block = Paragraph | Table;

/** The body's blocks, with the numbering definitions its ordered lists need (one per type and start). */
class DocxBodyWriter {
  readonly numbering = new Map<string, ILevelsOptions[]>();
  #instances = 0;
  readonly #images: DocxImages;
  readonly #omit: ProseMirrorNode | null;
  #figures = 0;

  constructor(images: DocxImages, omit: ProseMirrorNode | null) {
    this.#images = images;
    this.#omit = omit;
  }

  blocks(parent: ProseMirrorNode, context: BlockContext): Block[] {
    const blocks: Block[] = [];
    parent.forEach((child) => {
      if (child !== this.#omit && !isSuggestedInsertion(child)) blocks.push(...this.block(child, context));
    });
    return blocks;
  }

  #paragraph(node: ProseMirrorNode, context: BlockContext): Paragraph {
    const indent = context.list === null && context.indentLevel > 0 ? { indent: { left: context.indentLevel * indentPerLevel } } : {};
    return new Paragraph({
      ...indent,
      ...(context.list === null ? {} : { numbering: context.list }),
      alignment: alignmentOf(node) ?? (context.list === null && !context.quote ? AlignmentType.JUSTIFIED : undefined),
      children: inlineChildren(node, context.quote ? { italics: true } : {}),
    });
  }

  #orderedReference(node: ProseMirrorNode): string {
    const type: unknown = node.attrs['type'];
    const start: unknown = node.attrs['start'];
    const format = typeof type === 'string' && Object.hasOwn(orderedFormats, type) ? type : '1';
    const first = Number.isSafeInteger(start) && Number(start) >= 0 ? Number(start) : 1;
    const reference = `ordered-${format === '1' ? 'decimal' : format}-${first}`;
    if (!this.numbering.has(reference)) {
      this.numbering.set(
        reference,
        listLevels((level) => ({
          format: level === 0 ? (orderedFormats[format] ?? LevelFormat.DECIMAL) : LevelFormat.DECIMAL,
          text: `%${level + 1}.`,
          start: level === 0 ? first : 1,
        })),
      );
    }
    return reference;
  }

  #list(node: ProseMirrorNode, context: BlockContext, reference: string): Block[] {
    this.#instances += 1;
    const level = context.list === null ? 0 : Math.min(context.list.level + 1, maximumListLevel);
    const list = { reference, instance: this.#instances, level };
    const blocks: Block[] = [];
    node.forEach((item) => {
      if (isSuggestedInsertion(item)) return;
      if (item.type.name !== 'listItem') throw unsupported('phần danh sách', item.type.name);
      // The item's first paragraph carries the bullet or number; the rest of it is indented under it.
      let first = true;
      item.forEach((child) => {
        if (isSuggestedInsertion(child)) return;
        if (first && child.type.name === 'paragraph') {
          blocks.push(this.#paragraph(child, { ...context, list }));
        } else {
          blocks.push(
            ...this.block(child, { indentLevel: level + 1, list: child.type.name.endsWith('List') ? list : null, quote: context.quote }),
          );
        }
        first = false;
      });
    });
    return blocks;
  }

  #figure(node: ProseMirrorNode): Block[] {
    const mediaId = String(node.attrs['mediaId']);
    const image = Object.hasOwn(this.#images, mediaId) ? this.#images[mediaId] : undefined;
    if (image === undefined) {
      throw new AppError('export-failed', `Không xuất được bài: thiếu ảnh ${mediaId.slice(0, 12)}… trong thư viện ảnh.`);
    }
    const caption = collapseSpaces(exportedText(node));
    const credit = collapseSpaces(String(node.attrs['credit'] ?? ''));
    const alt = composed(collapseSpaces(String(node.attrs['alt'] ?? '')) || caption || undescribedPhotoAlt);
    const scale = Math.min(1, textWidthPixels / image.width);
    this.#figures += 1;
    const photo = new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: image.type,
          data: image.bytes,
          transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
          // A fixed id per photo: the docx package otherwise counts drawings across every document it ever made.
          altText: { id: String(this.#figures), name: `Ảnh ${this.#figures}`, description: alt, title: alt },
        }),
      ],
    });
    return [
      photo,
      ...(caption === ''
        ? []
        : [new Paragraph({ alignment: AlignmentType.CENTER, keepNext: credit !== '', children: inlineChildren(node, { italics: true }) })]),
      ...(credit === ''
        ? []
        : [
            new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: composed(`Ảnh: ${credit}`), italics: true })] }),
          ]),
    ];
  }

  #table(node: ProseMirrorNode): Block[] {
    const rows: ProseMirrorNode[] = [];
    node.forEach((row) => {
      if (isSuggestedInsertion(row)) return;
      if (row.type.name !== 'tableRow') throw unsupported('phần bảng', row.type.name);
      rows.push(row);
    });
    if (rows.length === 0) return [];
    let columns = 1;
    for (const row of rows) {
      let width = 0;
      row.forEach((cell) => (width += spanOf(cell, 'colspan')));
      columns = Math.max(columns, width);
    }
    const total = convertMillimetersToTwip(textWidthMillimetres);
    const tableRows = rows.map((row, index) => {
      const cells: TableCell[] = [];
      let header = row.childCount > 0;
      row.forEach((cell) => {
        if (isSuggestedInsertion(cell)) return;
        if (cell.type.name !== 'tableCell' && cell.type.name !== 'tableHeader') throw unsupported('phần bảng', cell.type.name);
        const isHeader = cell.type.name === 'tableHeader';
        header &&= isHeader;
        const content = this.blocks(cell, { indentLevel: 0, list: null, quote: false });
        cells.push(
          new TableCell({
            children: content.length === 0 ? [new Paragraph({})] : content,
            columnSpan: spanOf(cell, 'colspan'),
            rowSpan: spanOf(cell, 'rowspan'),
            ...(isHeader ? { shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' } } : {}),
          }),
        );
      });
      // A first row of header cells repeats on every page the table runs over, as a thead does.
      return new TableRow({ children: cells, ...(index === 0 && header ? { tableHeader: true } : {}) });
    });
    const border = { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB' };
    return [
      new Table({
        rows: tableRows,
        width: { size: total, type: WidthType.DXA },
        columnWidths: Array.from({ length: columns }, () => Math.floor(total / columns)),
        borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      }),
      // Word joins two tables that touch; an empty paragraph keeps the next block apart.
      new Paragraph({}),
    ];
  }

  /** One block node → Word blocks; the same allow-list as the HTML export (nodeSerializers): any other type fails. */
  block(node: ProseMirrorNode, context: BlockContext): Block[] {
    switch (node.type.name) {
      case 'paragraph':
        // An empty paragraph is only the editor's spacing, as in the HTML export.
        return node.childCount === 0 || (exportedText(node).trim() === '' && !hasHardBreak(node)) ? [] : [this.#paragraph(node, context)];
      case 'heading':
        if (exportedText(node).trim() === '') return [];
        // The title is the document's only Heading 1: body headings are levels 2 and 3, whatever a stored body claims.
        return [
          new Paragraph({
            heading: Number(node.attrs['level']) >= 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2,
            alignment: alignmentOf(node),
            keepNext: true,
            children: inlineChildren(node),
          }),
        ];
      case 'blockquote':
        return this.blocks(node, { ...context, indentLevel: context.indentLevel + 1, quote: true });
      case 'bulletList':
        return this.#list(node, context, 'bullets');
      case 'orderedList':
        return this.#list(node, context, this.#orderedReference(node));
      case 'horizontalRule':
        return [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '* * *' })] })];
      case 'figure':
        return this.#figure(node);
      case 'table':
        return this.#table(node);
      default:
        throw unsupported('kiểu nội dung', node.type.name);
    }
  }

  figure(node: ProseMirrorNode): Block[] {
    return this.#figure(node);
  }

  /** How many photos the body and cover hold: the drawing ids they took are 1 to this. */
  get figureCount(): number {
    return this.#figures;
  }
}

function hasHardBreak(node: ProseMirrorNode): boolean {
  let found = false;
  node.forEach((child) => (found ||= child.type.name === 'hardBreak'));
  return found;
}

function spanOf(cell: ProseMirrorNode, name: 'colspan' | 'rowspan'): number {
  const span: unknown = cell.attrs[name];
  return Number.isSafeInteger(span) && Number(span) > 1 ? Number(span) : 1;
}

const maximumListLevel = 8;

function listLevels(level: (index: number) => { format: ILevelsOptions['format']; text: string; start: number }): ILevelsOptions[] {
  return Array.from({ length: maximumListLevel + 1 }, (_, index) => ({
    level: index,
    ...level(index),
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: (index + 1) * indentPerLevel, hanging: 360 } } },
  }));
}

const bulletSymbols = ['•', '◦', '▪'];

// The masthead's logo fits in 40 × 15 mm, in pixels at 96 per inch as the docx package sizes images.
const logoBoxPixels = { width: (40 / 25.4) * 96, height: (15 / 25.4) * 96 };

/** The logo's PNG bytes, or null when its data URI is not a PNG whose header can be read (Word would refuse the file). */
function logoBytes(logo: NonNullable<ExportMasthead['logo']>): Buffer | null {
  const bytes = pngBytesOfDataUri(logo.src);
  return bytes !== null && readPngSize(bytes) !== null && logo.width > 0 && logo.height > 0 ? bytes : null;
}

/**
 * The page header of every page: the agency's logo (at most 40 × 15 mm, its ratio kept) over its name in bold 10 pt
 * Times New Roman, centred; null when the masthead has neither. `drawingId` follows the body's photos' ids.
 */
function mastheadHeader(masthead: ExportMasthead, drawingId: number): Header | null {
  const children: Paragraph[] = [];
  const text = composed(masthead.text.trim());
  const logo = masthead.logo;
  const bytes = logo === null ? null : logoBytes(logo);
  if (logo !== null && bytes !== null) {
    const scale = Math.min(1, logoBoxPixels.width / logo.width, logoBoxPixels.height / logo.height);
    const width = Math.max(1, Math.round(logo.width * scale));
    const height = Math.max(1, Math.round(logo.height * scale));
    const name = text === '' ? 'Logo' : text;
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new ImageRun({
            type: 'png',
            data: bytes,
            transformation: { width, height },
            // A fixed id after the body's photos': ids differ across the package, and the package's counter never restarts.
            altText: { id: String(drawingId), name: 'Logo', description: name, title: name },
          }),
        ],
      }),
    );
  }
  if (text !== '') {
    children.push(
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: true, font: docxFont, size: 20 })] }),
    );
  }
  return children.length === 0 ? null : new Header({ children });
}

/**
 * The article as a Word document: date, title, sapo (bold) and cover photo, the body, then byline and photo credit,
 * in Times New Roman (`fontSize` points, 13 by default) on A4. Built by walking the body with an allow-list, as the
 * HTML export does: pending suggestions are written as rejected, comments never, unsafe links as plain text, and any
 * node or mark the exporter does not know fails the export (`export-failed`); a body that is not a valid document
 * fails (`invalid-request`). `look` orders the date, title, sapo and byline (a byline not last in its order comes
 * among them, before the cover photo, with the photo credit) and puts its masthead, if any, in the page header.
 */
export function articleDocx(article: Article, images: DocxImages = {}, fontSize = 13, look: ExportLook = defaultExportLook): Document {
  const doc = withSuggestionsRejected(parseDocument(article.body));
  const cover = findCoverFigure(doc, article.coverMediaId);
  const writer = new DocxBodyWriter(images, cover);
  const coverBlocks = cover === null ? [] : writer.figure(cover);
  const body = writer.blocks(doc, { indentLevel: 0, list: null, quote: false });
  const title = composed(article.title.trim());
  const sapo = composed(article.sapo.trim());
  const byline = composed(bylineText(article.bylineRole, article.bylineName));
  const credit = composed(photoCreditText(article.bylineRole, article.photoCredit));
  // The byline last closes the article on the right, as a signature; among the top parts it reads under the title, on the left.
  const bylineLast = look.partOrder.at(-1) === 'byline';
  const bylineAlignment = bylineLast ? AlignmentType.RIGHT : AlignmentType.LEFT;
  const parts: Readonly<Record<ArticlePart, Paragraph[]>> = {
    date: [new Paragraph({ children: [new TextRun({ text: formatDisplayDate(article.publicationDate), italics: true })] })],
    title:
      title === '' ? [] : [new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [new TextRun({ text: title })] })],
    sapo: sapo === '' ? [] : [new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun({ text: sapo, bold: true })] })],
    byline: [
      ...(byline === '' ? [] : [new Paragraph({ alignment: bylineAlignment, children: [new TextRun({ text: byline, bold: true })] })]),
      ...(credit === '' ? [] : [new Paragraph({ alignment: bylineAlignment, children: [new TextRun({ text: credit, italics: true })] })]),
    ],
  };
  // The default order (date, title, sapo, byline) is the document as it always was: the byline last closes the article.
  const leading = look.partOrder.filter((part) => !(bylineLast && part === 'byline')).flatMap((part) => parts[part]);
  const header = look.masthead === null ? null : mastheadHeader(look.masthead, writer.figureCount + 1);
  // Sizes in the docx package are half-points; headings step up from the text's size.
  const run = { font: docxFont, size: fontSize * 2, color: '000000' };
  const headingRun = (points: number) => ({ ...run, size: points * 2, bold: true });
  return new Document({
    title,
    creator: '',
    // A line break (Shift+Enter) in a justified paragraph ends its line as typed, not stretched across the column.
    compatibility: { doNotExpandShiftReturn: true },
    styles: {
      default: {
        // 1.3 lines said outright: without lineRule="auto", LibreOffice reads 312 as an exact 15.6 pt height, which cuts
        // photos to one line and runs a large title's lines into each other.
        document: { run, paragraph: { spacing: { after: 120, line: 312, lineRule: LineRuleType.AUTO } } },
        heading1: { run: headingRun(fontSize + 5), paragraph: { spacing: { before: 120, after: 240 } } },
        heading2: { run: headingRun(fontSize + 1), paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { ...headingRun(fontSize), italics: true }, paragraph: { spacing: { before: 200, after: 120 } } },
        hyperlink: { run: { color: '0B5CAD', underline: {} } },
      },
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: listLevels((index) => ({ format: LevelFormat.BULLET, text: bulletSymbols[index % bulletSymbols.length]!, start: 1 })),
        },
        ...[...writer.numbering].map(([reference, levels]) => ({ reference, levels })),
      ],
    },
    sections: [
      {
        ...(header === null ? {} : { headers: { default: header } }),
        properties: {
          page: {
            // A4 in twentieths of a point, as Word itself writes it (the millimetre conversion would round it down).
            size: { width: 11906, height: 16838 },
            margin: {
              top: convertMillimetersToTwip(pageMillimetres.top),
              bottom: convertMillimetersToTwip(pageMillimetres.bottom),
              left: convertMillimetersToTwip(pageMillimetres.left),
              right: convertMillimetersToTwip(pageMillimetres.right),
            },
          },
        },
        children: [...leading, ...coverBlocks, ...body, ...(bylineLast ? parts.byline : [])],
      },
    ],
  });
}
