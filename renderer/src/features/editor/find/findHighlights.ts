import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** A range of the body to highlight. */
export interface HighlightRange {
  from: number;
  to: number;
}

interface FindHighlightsMeta {
  ranges: readonly HighlightRange[];
  /** The index in `ranges` of the current match, or -1 when the current one is not in the body. */
  current: number;
}

/** The find bar's plugin: draws the matches in the body (classes only; the document is unchanged). */
export const findHighlightsKey = new PluginKey<DecorationSet>('findHighlights');

function decorate(doc: ProseMirrorNode, { ranges, current }: FindHighlightsMeta): DecorationSet {
  if (ranges.length === 0) return DecorationSet.empty;
  const size = doc.content.size;
  const decorations = ranges
    .filter((range) => range.to <= size && range.from < range.to)
    .map((range, index) =>
      Decoration.inline(range.from, range.to, { class: index === current ? 'find-match find-match-current' : 'find-match' }),
    );
  return DecorationSet.create(doc, decorations);
}

/** Registered while the find bar is open; edits move the highlights along until the bar finds again. */
export function findHighlightsPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: findHighlightsKey,
    state: {
      init: () => DecorationSet.empty,
      apply: (transaction, previous, _oldState, newState) => {
        const meta = transaction.getMeta(findHighlightsKey) as FindHighlightsMeta | undefined;
        if (meta !== undefined) return decorate(newState.doc, meta);
        return transaction.docChanged ? previous.map(transaction.mapping, transaction.doc) : previous;
      },
    },
    props: {
      decorations: (state) => findHighlightsKey.getState(state) ?? DecorationSet.empty,
    },
  });
}

/** Shows these matches, the current one distinct; not an edit, so kept out of the undo history. */
export function setFindHighlights(transaction: Transaction, ranges: readonly HighlightRange[], current: number): Transaction {
  return transaction.setMeta(findHighlightsKey, { ranges, current } satisfies FindHighlightsMeta).setMeta('addToHistory', false);
}
