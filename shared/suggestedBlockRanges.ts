import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/**
 * The ranges of the blocks (figures, whole paragraphs) that carry a suggestion mark themselves, last first. The
 * plugin's commands only handle text and inline nodes, so a suggested block is taken out (or kept) by hand.
 */
export function suggestedBlockRanges(
  doc: ProseMirrorNode,
  markName: 'insertion' | 'deletion',
  id?: string | number,
): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  doc.descendants((node, pos) => {
    if (node.isInline) return false;
    const mark = node.marks.find((candidate) => candidate.type.name === markName);
    if (mark !== undefined && (id === undefined || mark.attrs['id'] === id)) {
      ranges.push({ from: pos, to: pos + node.nodeSize });
      return false;
    }
    return true;
  });
  return ranges.reverse();
}
