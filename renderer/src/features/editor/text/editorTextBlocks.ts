import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/** One text block of the body as the editor holds it: where it starts, and its text as `articleTextBlocks` reads it. */
export interface EditorTextBlock {
  /** The block's index among the body's text blocks: the `block` of an `ArticleTextLocation`. */
  index: number;
  /** The node's position: offset `n` of `text` is at `position + 1 + n`. */
  position: number;
  /** 'caption' for a photo's caption, 'body' for a paragraph, heading or list item's text. */
  part: 'body' | 'caption';
  /** The node type's name ('paragraph', 'heading', 'figure'); a table cell's paragraph, its cell's ('tableCell', 'tableHeader'). */
  type: string;
  node: ProseMirrorNode;
  text: string;
}

/** A hard break reads as '\n', any other inline leaf (one position) as U+FFFC, as in `shared/articleTextBlocks.ts`. */
function leafText(node: ProseMirrorNode): string {
  return node.type.name === 'hardBreak' ? '\n' : '\uFFFC';
}

const tableCellTypes = new Set(['tableCell', 'tableHeader']);

// Keyed by node: ProseMirror keeps unchanged blocks' nodes from one document to the next, so a keystroke reads one block.
const textCache = new WeakMap<ProseMirrorNode, string>();

/** A text block's text, one character per position of its content. */
export function textOfBlock(node: ProseMirrorNode): string {
  let text = textCache.get(node);
  if (text === undefined) {
    text = node.textBetween(0, node.content.size, undefined, leafText);
    textCache.set(node, text);
  }
  return text;
}

/**
 * The body's text blocks in document order, read from the editor's state (no JSON): the same blocks, indexes and text
 * as `articleTextBlocks` reads from the saved body, so a finding's location maps to a position here.
 */
export function editorTextBlocks(doc: ProseMirrorNode): EditorTextBlock[] {
  const blocks: EditorTextBlock[] = [];
  doc.descendants((node, position, parent) => {
    if (!node.isTextblock) return true;
    const type = parent !== null && tableCellTypes.has(parent.type.name) ? parent.type.name : node.type.name;
    blocks.push({ index: blocks.length, position, part: type === 'figure' ? 'caption' : 'body', type, node, text: textOfBlock(node) });
    return false;
  });
  return blocks;
}
