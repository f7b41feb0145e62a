import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { isSuggestionMark } from '../../../../../shared/SuggestionMarks';

/** One pending suggestion as the list shows it: what it inserts and deletes, who made it and when. */
export interface PendingSuggestion {
  readonly id: string | number;
  /** Where it starts in the document: the list is in reading order and "Đến" selects it. */
  readonly from: number;
  readonly inserted: string;
  readonly deleted: string;
  /** It inserts or deletes a paragraph break, or changes a block's type or attributes. */
  readonly structural: boolean;
  readonly formatting: boolean;
  readonly authorName: string | null;
  readonly at: string | null;
}

/** The zero-width spaces the plugin anchors a suggestion with at a block boundary are no text for the reader. */
function visible(text: string): string {
  return text.replaceAll('\u200B', '');
}

/** The document's pending suggestions in reading order, one per id. */
export function pendingSuggestions(doc: ProseMirrorNode): PendingSuggestion[] {
  const byId = new Map<unknown, { -readonly [K in keyof PendingSuggestion]: PendingSuggestion[K] }>();
  doc.descendants((node, pos) => {
    for (const mark of node.marks) {
      if (!isSuggestionMark(mark)) continue;
      const id = mark.attrs['id'] as string | number;
      let entry = byId.get(id);
      if (entry === undefined) {
        entry = {
          id,
          from: pos,
          inserted: '',
          deleted: '',
          structural: false,
          formatting: false,
          authorName: (mark.attrs['authorName'] as string | null) ?? null,
          at: (mark.attrs['at'] as string | null) ?? null,
        };
        byId.set(id, entry);
      }
      const text = node.isText ? (node.text ?? '') : node.textContent;
      if (mark.type.name === 'modification') entry.formatting = true;
      else if (mark.type.name === 'insertion') entry.inserted += text;
      else entry.deleted += text;
      if (!node.isInline || text.includes('\u200B')) entry.structural = true;
    }
    return true;
  });
  return [...byId.values()].map((entry) => ({ ...entry, inserted: visible(entry.inserted), deleted: visible(entry.deleted) }));
}

/** How many suggestions are pending in a body: an export asks first when there are any. */
export function pendingSuggestionCount(doc: ProseMirrorNode | null | undefined): number {
  return doc === null || doc === undefined ? 0 : pendingSuggestions(doc).length;
}
