import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { textAlignments } from './documentExtensions';
import { AppError } from './errorCodes';
import { escapeHtml } from './escapeHtml';
import { isSafeLinkHref } from './isSafeLinkHref';
import { isSuggestionAnchorText } from './SuggestionMarks';

/** A photo as the exported page shows it: its `src` (a data: URI or a relative file name) and pixel size. */
export interface ExportImage {
  readonly src: string;
  readonly width: number;
  readonly height: number;
}

/** The photos an export may show, by media id; the caller prepares them, the serializer never reads a file. */
export type ExportImages = Readonly<Record<string, ExportImage>>;

/** What a block serializer may ask for: its children as block lines, one line of inline HTML, or a photo. */
export interface BlockRenderer {
  blocks(node: ProseMirrorNode): string[];
  inline(node: ProseMirrorNode): string;
  /** The checked image of a media id; throws an `export-failed` AppError when it is missing or its src is not allowed. */
  image(mediaId: string): ExportImage;
}

/** How a document is serialized: the indent of every line, the photos, and a node to leave out (the cover). */
export interface SerializeOptions {
  readonly indent?: string;
  readonly images?: ExportImages;
  readonly omit?: ProseMirrorNode | null;
}

/**
 * How one node type becomes HTML. A block gives lines (a line may hold text with its own newlines), nested
 * blocks indented by the caller; an inline node gives a fragment of its parent's line.
 */
export type NodeSerializer =
  | { readonly kind: 'block'; render(node: ProseMirrorNode, renderer: BlockRenderer): string[] }
  | { readonly kind: 'inline'; render(node: ProseMirrorNode): string };

/** How one mark type wraps a run of inline content; empty strings leave the run unwrapped. */
export type MarkSerializer = (mark: Mark) => { readonly open: string; readonly close: string };

const indentUnit = '  ';
const knownAlignments = new Set<unknown>(textAlignments);
const orderedListTypes = new Set<unknown>(['a', 'A', 'i', 'I']);

/** ` class="align-center"` for an aligned paragraph or heading; classes, not inline styles, so a CMS keeps them. */
function alignmentClass(node: ProseMirrorNode): string {
  const alignment: unknown = node.attrs['textAlign'];
  return knownAlignments.has(alignment) ? ` class="align-${String(alignment)}"` : '';
}

/** Wraps child lines in a container element, indenting them one level. */
function wrapBlocks(open: string, lines: string[], close: string): string[] {
  return [open, ...lines.map((line) => indentUnit + line), close];
}

/** Wraps child lines on a single line when there is at most one, which keeps `<li><p>…</p></li>` compact. */
function wrapCompact(open: string, lines: string[], close: string): string[] {
  return lines.length <= 1 ? [`${open}${lines[0] ?? ''}${close}`] : wrapBlocks(open, lines, close);
}

/** The href an exported link may carry: control characters and outer spaces removed, then only http(s)/mailto. */
function exportableHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const cleaned = href.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return isSafeLinkHref(cleaned) ? cleaned : null;
}

/** The alt text of a photo nobody described: true (it is a photo) without claiming anything about it. */
export const undescribedPhotoAlt = 'Ảnh';

// Only what the exporter itself produces: an embedded raster image, or a file in the export's own images/ folder.
const allowedImageSource = /^(?:data:image\/(?:jpeg|png|gif|webp);base64,[A-Za-z0-9+/]+={0,2}|images\/[a-z0-9-]+\.(?:jpg|png|gif|webp))$/;

function checkedImage(images: ExportImages, mediaId: string): ExportImage {
  const image = Object.hasOwn(images, mediaId) ? images[mediaId] : undefined;
  if (image === undefined) {
    throw new AppError('export-failed', `Không xuất được bài: thiếu ảnh ${mediaId.slice(0, 12)}… trong thư viện ảnh.`);
  }
  const validSize = Number.isSafeInteger(image.width) && image.width > 0 && Number.isSafeInteger(image.height) && image.height > 0;
  if (typeof image.src !== 'string' || !allowedImageSource.test(image.src) || !validSize) {
    throw new AppError('export-failed', `Không xuất được bài: ảnh ${mediaId.slice(0, 12)}… có địa chỉ hoặc kích thước không hợp lệ.`);
  }
  return image;
}

/**
 * Pending suggestions never leave the app: the export holds the text as if each were rejected. What a suggestion
 * inserts is left out (inline text or a whole block), what it deletes is written as plain text, the zero-width
 * spaces anchoring a suggestion at a block boundary are left out, and a suggested change of a block's type or
 * attributes is written as the block is now (its mark is dropped). exportArticleHtml rejects every suggestion first
 * (withSuggestionsRejected: a split paragraph joined, a changed block restored); this guards a body given here directly.
 */
function isSuggestedInsertion(node: ProseMirrorNode): boolean {
  return node.marks.some((mark) => mark.type.name === 'insertion') || isSuggestionAnchorText(node);
}

/** A textblock's text as exported: without the text suggested for insertion. */
function exportedText(node: ProseMirrorNode): string {
  let text = '';
  node.forEach((child) => {
    if (child.isText && !isSuggestedInsertion(child)) text += child.text ?? '';
    else if (!child.isText) text += ' ';
  });
  return text;
}

/** Text with its runs of whitespace made single spaces and trimmed. */
function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A figure as `<figure class="…"><img …><figcaption>` caption and credit `</figcaption></figure>`. Its alt text is
 * the one the user wrote, else the caption, else `undescribedPhotoAlt`; the credit is a span of its own so the
 * website's stylesheet can place it; an empty caption or credit is left out, and the figcaption when both are.
 */
function figureLines(node: ProseMirrorNode, renderer: BlockRenderer, className: string): string[] {
  const image = renderer.image(String(node.attrs['mediaId']));
  const caption = collapseSpaces(exportedText(node));
  const credit = collapseSpaces(String(node.attrs['credit'] ?? ''));
  const alt = collapseSpaces(String(node.attrs['alt'] ?? '')) || caption || undescribedPhotoAlt;
  const parts = [
    ...(caption === '' ? [] : [`<span class="caption">${renderer.inline(node).trim()}</span>`]),
    ...(credit === '' ? [] : [`<span class="photo-credit">Ảnh: ${escapeHtml(credit)}</span>`]),
  ];
  const img = `<img src="${escapeHtml(image.src)}" alt="${escapeHtml(alt)}" width="${image.width}" height="${image.height}">`;
  return wrapBlocks(
    `<figure class="${className}">`,
    [img, ...(parts.length === 0 ? [] : [`<figcaption>${parts.join(' ')}</figcaption>`])],
    '</figure>',
  );
}

/** ` colspan="2" rowspan="3"` for a cell spanning more than one column or row; the only attributes a cell carries. */
function spanAttributes(cell: ProseMirrorNode): string {
  return (['colspan', 'rowspan'] as const)
    .map((name) => {
      const span: unknown = cell.attrs[name];
      return Number.isSafeInteger(span) && Number(span) > 1 ? ` ${name}="${String(span)}"` : '';
    })
    .join('');
}

/** A row as `<tr>`: header cells as `<th scope>` (a column's in the header row, else a row's), others as `<td>`. */
function rowLines(row: ProseMirrorNode, renderer: BlockRenderer, scope: 'col' | 'row'): string[] {
  const cells: string[] = [];
  row.forEach((cell) => {
    if (isSuggestedInsertion(cell)) return;
    const open = cell.type.name === 'tableHeader' ? `<th scope="${scope}"${spanAttributes(cell)}>` : `<td${spanAttributes(cell)}>`;
    // A cell of one plain paragraph (the usual one) holds its text straight: `<td>12</td>`, as a CMS table does.
    const only = cell.childCount === 1 ? cell.firstChild! : null;
    const plain = only !== null && alignmentClass(only) === '' && !isSuggestedInsertion(only);
    const lines = plain ? [renderer.inline(only)] : renderer.blocks(cell);
    cells.push(...wrapCompact(open, lines, cell.type.name === 'tableHeader' ? '</th>' : '</td>'));
  });
  return wrapBlocks('<tr>', cells, '</tr>');
}

function isHeaderRow(row: ProseMirrorNode): boolean {
  let header = row.childCount > 0;
  row.forEach((cell) => {
    header &&= cell.type.name === 'tableHeader';
  });
  return header;
}

/** A table as `<table>`, its first row in `<thead>` when every cell of it is a header cell, the rest in `<tbody>`. */
function tableLines(table: ProseMirrorNode, renderer: BlockRenderer): string[] {
  const rows: ProseMirrorNode[] = [];
  table.forEach((row) => {
    if (!isSuggestedInsertion(row)) rows.push(row);
  });
  const head = rows[0] !== undefined && isHeaderRow(rows[0]) ? rows.slice(0, 1) : [];
  const body = rows.slice(head.length);
  return wrapBlocks(
    '<table>',
    [
      ...(head.length === 0 ? [] : wrapBlocks('<thead>', rowLines(head[0]!, renderer, 'col'), '</thead>')),
      ...(body.length === 0
        ? []
        : wrapBlocks(
            '<tbody>',
            body.flatMap((row) => rowLines(row, renderer, 'row')),
            '</tbody>',
          )),
    ],
    '</table>',
  );
}

/** A row or cell outside a table is never exported alone: the table's serializer writes them. */
function outsideTable(name: string): NodeSerializer {
  return {
    kind: 'block',
    render: () => {
      throw unsupported('phần bảng nằm ngoài bảng', name);
    },
  };
}

/** Node type → HTML. Every node type of `documentSchema()` needs an entry here (a test checks it). */
export const nodeSerializers: Readonly<Record<string, NodeSerializer>> = Object.freeze({
  doc: { kind: 'block', render: (node, renderer) => renderer.blocks(node) },
  // An empty paragraph is only the editor's spacing; the page's own margins do that job.
  paragraph: {
    kind: 'block',
    render: (node, renderer) => {
      const html = renderer.inline(node);
      return html === '' ? [] : [`<p${alignmentClass(node)}>${html}</p>`];
    },
  },
  // The article title is the page's only <h1>, so body headings are <h2>/<h3> whatever level a stored document claims.
  heading: {
    kind: 'block',
    render: (node, renderer) => {
      if (exportedText(node).trim() === '') return [];
      const tag = Number(node.attrs['level']) >= 3 ? 'h3' : 'h2';
      return [`<${tag}${alignmentClass(node)}>${renderer.inline(node)}</${tag}>`];
    },
  },
  blockquote: { kind: 'block', render: (node, renderer) => wrapBlocks('<blockquote>', renderer.blocks(node), '</blockquote>') },
  bulletList: { kind: 'block', render: (node, renderer) => wrapBlocks('<ul>', renderer.blocks(node), '</ul>') },
  orderedList: {
    kind: 'block',
    render: (node, renderer) => {
      const start: unknown = node.attrs['start'];
      const type: unknown = node.attrs['type'];
      const startAttribute = Number.isSafeInteger(start) && start !== 1 ? ` start="${String(start)}"` : '';
      const typeAttribute = orderedListTypes.has(type) ? ` type="${String(type)}"` : '';
      return wrapBlocks(`<ol${startAttribute}${typeAttribute}>`, renderer.blocks(node), '</ol>');
    },
  },
  listItem: { kind: 'block', render: (node, renderer) => wrapCompact('<li>', renderer.blocks(node), '</li>') },
  horizontalRule: { kind: 'block', render: () => ['<hr>'] },
  text: { kind: 'inline', render: (node) => escapeHtml(node.text ?? '') },
  hardBreak: { kind: 'inline', render: () => '<br>' },
  figure: { kind: 'block', render: (node, renderer) => figureLines(node, renderer, 'photo') },
  // Colspan and rowspan only: widths and styles are the website's, never the article's.
  table: { kind: 'block', render: (node, renderer) => tableLines(node, renderer) },
  tableRow: outsideTable('tableRow'),
  tableHeader: outsideTable('tableHeader'),
  tableCell: outsideTable('tableCell'),
});

/** Mark type → wrapping element. Every mark type of `documentSchema()` needs an entry here (a test checks it). */
export const markSerializers: Readonly<Record<string, MarkSerializer>> = Object.freeze({
  // Link comes first in the schema, so it is the outermost mark and a partly bold link stays one <a>.
  link: (mark) => {
    const href = exportableHref(mark.attrs['href']);
    // An unsafe target loses its link, never its text: the reader still sees what the reporter wrote.
    return href === null ? { open: '', close: '' } : { open: `<a href="${escapeHtml(href)}" rel="noopener noreferrer">`, close: '</a>' };
  },
  bold: () => ({ open: '<strong>', close: '</strong>' }),
  italic: () => ({ open: '<em>', close: '</em>' }),
  underline: () => ({ open: '<u>', close: '</u>' }),
  // Review notes never leave the app: the commented text is exported, the comment's anchor is not.
  commentAnchor: () => ({ open: '', close: '' }),
  // Pending suggestions are exported as rejected (see isSuggestedInsertion): no mark of theirs is ever written.
  insertion: () => ({ open: '', close: '' }),
  deletion: () => ({ open: '', close: '' }),
  modification: () => ({ open: '', close: '' }),
});

function unsupported(what: string, name: string): AppError {
  return new AppError('export-failed', `Không xuất được bài: chưa hỗ trợ ${what} “${name}”.`);
}

function nodeSerializer(node: ProseMirrorNode): NodeSerializer {
  // Object.hasOwn, not `in`: a type named "constructor" must not find Object.prototype's.
  if (!Object.hasOwn(nodeSerializers, node.type.name)) throw unsupported('kiểu nội dung', node.type.name);
  return nodeSerializers[node.type.name]!;
}

function markSerializer(mark: Mark): MarkSerializer {
  if (!Object.hasOwn(markSerializers, mark.type.name)) throw unsupported('định dạng', mark.type.name);
  return markSerializers[mark.type.name]!;
}

function renderBlock(node: ProseMirrorNode, renderer: BlockRenderer): string[] {
  const serializer = nodeSerializer(node);
  if (serializer.kind !== 'block') throw unsupported('nội dung nội dòng ở vị trí khối', node.type.name);
  return serializer.render(node, renderer);
}

function createRenderer({ images = {}, omit = null }: SerializeOptions): BlockRenderer {
  const renderer: BlockRenderer = {
    blocks(parent) {
      const lines: string[] = [];
      parent.forEach((child) => {
        if (child !== omit && !isSuggestedInsertion(child)) lines.push(...renderBlock(child, renderer));
      });
      return lines;
    },
    inline(parent) {
      // Marks arrive sorted by schema rank; runs sharing a prefix of marks share their open elements.
      const openMarks: Mark[] = [];
      const closers: string[] = [];
      let html = '';
      parent.forEach((child) => {
        const serializer = nodeSerializer(child);
        if (serializer.kind !== 'inline') throw unsupported('nội dung khối ở vị trí nội dòng', child.type.name);
        if (isSuggestedInsertion(child)) return;
        let kept = 0;
        while (kept < openMarks.length && kept < child.marks.length && openMarks[kept]!.eq(child.marks[kept]!)) kept += 1;
        while (openMarks.length > kept) {
          openMarks.pop();
          html += closers.pop() ?? '';
        }
        for (const mark of child.marks.slice(kept)) {
          const { open, close } = markSerializer(mark)(mark);
          openMarks.push(mark);
          closers.push(close);
          html += open;
        }
        html += serializer.render(child);
      });
      return html + closers.reverse().join('');
    },
    image: (mediaId) => checkedImage(images, mediaId),
  };
  return renderer;
}

function indentLines(lines: string[], indent: string): string {
  return lines.map((line) => indent + line).join('\n');
}

/**
 * The HTML of a parsed article body (a `doc` node from `parseDocument`), one block per line, each line prefixed
 * with `indent`; `omit` (the node itself, not a copy) is left out. Throws an `export-failed` AppError on a node or
 * mark type that has no serializer, and on a figure whose image is missing from `images` or not allowed.
 */
export function serializeDocumentHtml(doc: ProseMirrorNode, options: SerializeOptions = {}): string {
  return indentLines(renderBlock(doc, createRenderer(options)), options.indent ?? '');
}

/** The HTML of one figure node as the article's lead image (`<figure class="photo cover">`), same rules as in the body. */
export function serializeCoverFigureHtml(figure: ProseMirrorNode, options: SerializeOptions = {}): string {
  return indentLines(figureLines(figure, createRenderer(options), 'photo cover'), options.indent ?? '');
}
