import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { anchorRangesOf } from './commentAnchors';

interface ActiveAnchorState {
  threadId: string | null;
  decorations: DecorationSet;
}

/** The plugin that draws the active thread's anchor stronger (a class on its text; the body itself is unchanged). */
export const activeAnchorKey = new PluginKey<ActiveAnchorState>('commentActiveAnchor');

function decorate(state: Pick<EditorState, 'doc'>, threadId: string | null): DecorationSet {
  if (threadId === null) return DecorationSet.empty;
  const ranges = anchorRangesOf(state.doc).get(threadId) ?? [];
  return DecorationSet.create(
    state.doc,
    ranges.map(({ from, to }) => Decoration.inline(from, to, { class: 'comment-anchor-active' })),
  );
}

/** A plugin the comments panel registers on the body editor while it is shown; not part of the document schema. */
export function activeAnchorPlugin(): Plugin<ActiveAnchorState> {
  return new Plugin<ActiveAnchorState>({
    key: activeAnchorKey,
    state: {
      init: () => ({ threadId: null, decorations: DecorationSet.empty }),
      apply: (transaction, previous, _oldState, newState) => {
        const chosen = transaction.getMeta(activeAnchorKey) as { threadId: string | null } | undefined;
        if (chosen !== undefined) return { threadId: chosen.threadId, decorations: decorate(newState, chosen.threadId) };
        if (!transaction.docChanged || previous.threadId === null) return previous;
        return { threadId: previous.threadId, decorations: decorate(newState, previous.threadId) };
      },
    },
    props: {
      decorations: (state) => activeAnchorKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}

/** Makes a thread the active one (null: none); a transaction of its own, kept out of the undo history. */
export function setActiveAnchor(transaction: Transaction, threadId: string | null): Transaction {
  return transaction.setMeta(activeAnchorKey, { threadId }).setMeta('addToHistory', false);
}
