import { revertSuggestions } from '@handlewithcare/prosemirror-suggest-changes';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { Transform } from '@tiptap/pm/transform';
import type { DocumentNodeJson } from './documentJson';
import { parseDocument } from './documentSchema';
import { isSuggestionMark, suggestionMarkNames } from './SuggestionMarks';
import { suggestedBlockRanges } from './suggestedBlockRanges';

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

/** Whether a stored body carries any suggestion mark, read from the JSON alone (an explicit stack: no recursion). */
function jsonHasSuggestion(body: DocumentNodeJson): boolean {
  const pending: DocumentNodeJson[] = [body];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.marks?.some((mark) => (suggestionMarkNames as readonly string[]).includes(mark.type)) === true) return true;
    if (node.content !== undefined) pending.push(...node.content);
  }
  return false;
}

/**
 * A stored body as it reads outside the app (as exported): pending suggestions rejected. A body that is not a valid
 * document comes back as it is, for the caller's own checks to judge.
 */
export function bodyAsRead(body: DocumentNodeJson): DocumentNodeJson {
  if (!jsonHasSuggestion(body)) return body;
  try {
    return withSuggestionsRejected(parseDocument(body)).toJSON() as DocumentNodeJson;
  } catch {
    return body;
  }
}
