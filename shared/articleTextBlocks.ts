import type { ArticleContent } from './articleModel';
import type { DocumentNodeJson } from './documentJson';

/** The parts of an article that hold text a reader sees. */
export const articleTextParts = ['title', 'sapo', 'body', 'caption', 'byline', 'credit'] as const;
export type ArticleTextPart = (typeof articleTextParts)[number];

/**
 * Where a text of an article is. For the body and its captions, `block` is the index of the text block among all the
 * body's text blocks (paragraphs, headings, figure captions, empty ones included) in document order: exactly the
 * order of ProseMirror's `doc.descendants` visiting nodes with `isTextblock`. An offset in `text` maps to the editor
 * position `blockPosition + 1 + offset`, where `blockPosition` is that node's position: a text node counts its UTF-16
 * length and a hard break, read here as '\n', counts 1, as in ProseMirror. null for the fields outside the body.
 */
export interface ArticleTextLocation {
  part: ArticleTextPart;
  block: number | null;
}

/** One text of an article, as the checks, find and counts read it. */
export interface ArticleTextBlock {
  location: ArticleTextLocation;
  /**
   * The body node's type ('paragraph', 'heading', 'figure'), but a table cell's paragraph reads as its cell's type
   * ('tableCell', 'tableHeader'): checked as text, never as the body's closing paragraph. The part's name for the other fields.
   */
  node: string;
  text: string;
}

// The body's text blocks in the document schema: nodes whose content is inline.
const textBlockTypes = new Set(['paragraph', 'heading', 'figure']);
const tableCellTypes = new Set(['tableCell', 'tableHeader']);

function isTextBlock(node: DocumentNodeJson): boolean {
  return textBlockTypes.has(node.type) || (node.content?.some((child) => child.type === 'text') ?? false);
}

/** An inline node's text: a text node its text, a hard break '\n', any other inline leaf one U+FFFC (one position). */
function inlineText(nodes: readonly DocumentNodeJson[]): string {
  return nodes.map((node) => (node.type === 'text' ? (node.text ?? '') : node.type === 'hardBreak' ? '\n' : '\uFFFC')).join('');
}

/** The text blocks of a body in document order, read from the JSON alone (an explicit stack: no recursion over nesting). */
function bodyTextBlocks(body: DocumentNodeJson): ArticleTextBlock[] {
  const blocks: ArticleTextBlock[] = [];
  const pending: { node: DocumentNodeJson; parent: string }[] = [{ node: body, parent: '' }];
  while (pending.length > 0) {
    const { node, parent } = pending.pop()!;
    if (isTextBlock(node)) {
      const part = node.type === 'figure' ? 'caption' : 'body';
      const type = tableCellTypes.has(parent) ? parent : node.type;
      blocks.push({ location: { part, block: blocks.length }, node: type, text: inlineText(node.content ?? []) });
    } else if (node.content !== undefined) {
      for (let index = node.content.length - 1; index >= 0; index -= 1) pending.push({ node: node.content[index]!, parent: node.type });
    }
  }
  return blocks;
}

/**
 * Every text of an article top to bottom: title, sapo, the body's text blocks (captions among them, where they stand),
 * the byline's name and, when typed by hand, the photo credit (an automatic one is composed from the photos' credits).
 */
export function articleTextBlocks(content: ArticleContent): ArticleTextBlock[] {
  const field = (part: ArticleTextPart, text: string): ArticleTextBlock => ({ location: { part, block: null }, node: part, text });
  return [
    field('title', content.title),
    field('sapo', content.sapo),
    ...bodyTextBlocks(content.body),
    field('byline', content.bylineName),
    ...(content.photoCreditMode === 'manual' ? [field('credit', content.photoCredit)] : []),
  ];
}
