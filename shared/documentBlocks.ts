import type { DocumentNodeJson } from './documentJson';

/**
 * What a block of an article body is to its reader: a paragraph, a heading, a paragraph in a bulleted or numbered
 * list item, a paragraph in a quote, a paragraph in a table's cell (row by row, left to right), a photo's caption, or
 * a horizontal rule. Inside a list in a quote, the list wins.
 */
export type BlockKind = 'paragraph' | 'heading' | 'bulletItem' | 'orderedItem' | 'quote' | 'cell' | 'caption' | 'rule';

/** The photo a caption block belongs to: the figure's attributes, in NFC. */
export interface BlockPhoto {
  mediaId: string;
  alt: string;
  credit: string;
}

/** One block of a body in reading order, as versions are compared: its kind and its plain text. */
export interface DocumentBlock {
  kind: BlockKind;
  /** A heading's level (2 or 3); null for every other kind. */
  level: number | null;
  /** The text in NFC, marks (bold, links…) dropped, a line break as '\n'; a caption's text for a photo, '' for a rule. */
  text: string;
  /** The photo of a caption block; null for every other kind. */
  photo: BlockPhoto | null;
}

function stringAttribute(node: DocumentNodeJson, name: string): string {
  const value = node.attrs?.[name];
  return typeof value === 'string' ? value.normalize('NFC') : '';
}

function inlineText(nodes: readonly DocumentNodeJson[]): string {
  return nodes.map((node) => (node.type === 'hardBreak' ? '\n' : (node.text ?? '') + inlineText(node.content ?? []))).join('');
}

const containerKinds = new Map<string, BlockKind>([
  ['bulletList', 'bulletItem'],
  ['orderedList', 'orderedItem'],
  ['blockquote', 'quote'],
  // A table compares cell by cell: a changed cell is one edited block, its words diffed like a paragraph's.
  ['table', 'cell'],
]);

function holdsText(node: DocumentNodeJson): boolean {
  return node.content?.some((child) => child.type === 'text' || child.type === 'hardBreak') ?? false;
}

/**
 * The blocks of a stored body in reading order: paragraphs, headings, list items, quotes, table cells' paragraphs,
 * captions (every photo, even with an empty caption) and rules. Empty and blank paragraphs are left out: the editor
 * adds and removes them freely (a trailing one after a photo), and they show nothing. Read from the JSON alone, with
 * an explicit stack rather than recursion over blocks; a node type the schema does not know counts as a paragraph when
 * it holds text.
 */
export function documentBlocks(body: DocumentNodeJson): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  const pending: { node: DocumentNodeJson; within: BlockKind }[] = [{ node: body, within: 'paragraph' }];
  while (pending.length > 0) {
    const { node, within } = pending.pop()!;
    if (node.type === 'figure') {
      const photo = {
        mediaId: stringAttribute(node, 'mediaId'),
        alt: stringAttribute(node, 'alt'),
        credit: stringAttribute(node, 'credit'),
      };
      blocks.push({ kind: 'caption', level: null, text: inlineText(node.content ?? []).normalize('NFC'), photo });
    } else if (node.type === 'horizontalRule') {
      blocks.push({ kind: 'rule', level: null, text: '', photo: null });
    } else if (node.type === 'heading' || node.type === 'paragraph' || holdsText(node)) {
      const text = inlineText(node.content ?? []).normalize('NFC');
      const level = node.attrs?.['level'];
      if (text.trim() === '') continue;
      if (node.type === 'heading') blocks.push({ kind: 'heading', level: typeof level === 'number' ? level : null, text, photo: null });
      else blocks.push({ kind: within, level: null, text, photo: null });
    } else if (node.content !== undefined) {
      const childWithin = containerKinds.get(node.type) ?? within;
      for (let index = node.content.length - 1; index >= 0; index -= 1) pending.push({ node: node.content[index]!, within: childWithin });
    }
  }
  return blocks;
}
