import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { textAlignments } from './documentExtensions';
import { AppError } from './errorCodes';
import { escapeHtml } from './escapeHtml';
import { isSafeLinkHref } from './isSafeLinkHref';

/** What a block serializer may ask for: its children as block lines, or as one line of inline HTML. */
export interface BlockRenderer {
  blocks(node: ProseMirrorNode): string[];
  inline(node: ProseMirrorNode): string;
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

/** Node type → HTML. Every node type of `documentSchema()` needs an entry here (a test checks it). */
export const nodeSerializers: Readonly<Record<string, NodeSerializer>> = Object.freeze({
  doc: { kind: 'block', render: (node, renderer) => renderer.blocks(node) },
  // An empty paragraph is only the editor's spacing; the page's own margins do that job.
  paragraph: {
    kind: 'block',
    render: (node, renderer) => (node.childCount === 0 ? [] : [`<p${alignmentClass(node)}>${renderer.inline(node)}</p>`]),
  },
  // The article title is the page's only <h1>, so body headings are <h2>/<h3> whatever level a stored document claims.
  heading: {
    kind: 'block',
    render: (node, renderer) => {
      if (node.textContent.trim() === '') return [];
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

function renderBlock(node: ProseMirrorNode): string[] {
  const serializer = nodeSerializer(node);
  if (serializer.kind !== 'block') throw unsupported('nội dung nội dòng ở vị trí khối', node.type.name);
  return serializer.render(node, renderer);
}

const renderer: BlockRenderer = {
  blocks(parent) {
    const lines: string[] = [];
    parent.forEach((child) => lines.push(...renderBlock(child)));
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
};

/**
 * The HTML of a parsed article body (a `doc` node from `parseDocument`), one block per line, each line prefixed
 * with `indent`. Throws an `export-failed` AppError on a node or mark type that has no serializer.
 */
export function serializeDocumentHtml(doc: ProseMirrorNode, indent = ''): string {
  return renderBlock(doc)
    .map((line) => indent + line)
    .join('\n');
}
