import type { DocumentNodeJson } from './documentJson';

/** One photo of an article body, as `collectFigures` reports it. */
export interface CollectedFigure {
  /** The stored media id; '' when the stored value is not a string (`parseDocument` refuses such a figure). */
  mediaId: string;
  /** The caption's text: its text nodes joined, a line break read as a space. */
  caption: string;
  alt: string;
  credit: string;
}

function stringAttribute(node: DocumentNodeJson, name: string): string {
  const value = node.attrs?.[name];
  return typeof value === 'string' ? value : '';
}

function inlineText(nodes: readonly DocumentNodeJson[]): string {
  return nodes.map((node) => (node.type === 'hardBreak' ? ' ' : (node.text ?? '') + inlineText(node.content ?? []))).join('');
}

/**
 * Every figure of a stored body, in document order (nested ones included), read from the JSON alone: no schema
 * check, so it also serves to look for media ids in a body that has not been validated yet. Never skips a figure.
 */
export function collectFigures(body: DocumentNodeJson): CollectedFigure[] {
  const figures: CollectedFigure[] = [];
  // An explicit stack, not recursion: a hostile body nested 100,000 levels deep must not overflow the call stack.
  const pending: DocumentNodeJson[] = [body];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'figure') {
      figures.push({
        mediaId: stringAttribute(node, 'mediaId'),
        caption: inlineText(node.content ?? []),
        alt: stringAttribute(node, 'alt'),
        credit: stringAttribute(node, 'credit'),
      });
    } else if (node.content !== undefined) {
      for (let index = node.content.length - 1; index >= 0; index -= 1) pending.push(node.content[index]!);
    }
  }
  return figures;
}
