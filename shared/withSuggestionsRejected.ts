import { revertSuggestions } from '@handlewithcare/prosemirror-suggest-changes';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { Transform } from '@tiptap/pm/transform';
import { isSuggestionMark } from './SuggestionMarks';

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

function hasSuggestion(doc: ProseMirrorNode): boolean {
  let found = false;
  doc.descendants((node) => {
    found ||= node.marks.some(isSuggestionMark);
    return !found;
  });
  return found;
}

/**
 * The body as it would be with every pending suggestion rejected, by the same plugin command the editor's "Từ chối
 * tất cả" runs: inserted text and blocks gone, deleted text back, a split paragraph joined, a changed block type or
 * attribute restored. What leaves the app (an export) is this text, never a suggestion.
 */
export function withSuggestionsRejected(doc: ProseMirrorNode): ProseMirrorNode {
  if (!hasSuggestion(doc)) return doc;
  const withoutBlocks = new Transform(doc);
  for (const range of suggestedBlockRanges(doc, 'insertion')) withoutBlocks.deleteRange(range.from, range.to);
  let rejected = withoutBlocks.doc;
  revertSuggestions(EditorState.create({ doc: withoutBlocks.doc }), (transaction) => {
    rejected = transaction.doc;
  });
  return rejected;
}
