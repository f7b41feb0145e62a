import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { anchorRangesOf, type AnchorRange } from './commentAnchors';

interface ActiveAnchorState {
  /** The thread whose text is drawn stronger. */
  threadId: string | null;
  /** The text a new comment is being written on (the editor has lost its selection's highlight to the form). */
  pending: AnchorRange | null;
  decorations: DecorationSet;
}

type ActiveAnchorMeta = { threadId: string | null } | { pending: AnchorRange | null };

/** The plugin that marks the active thread's text and the text of a comment being written (classes only; the body is unchanged). */
export const activeAnchorKey = new PluginKey<ActiveAnchorState>('commentActiveAnchor');

function decorate(state: Pick<EditorState, 'doc'>, threadId: string | null, pending: AnchorRange | null): DecorationSet {
  const ranges = threadId === null ? [] : (anchorRangesOf(state.doc).get(threadId) ?? []);
  const decorations = ranges.map(({ from, to }) => Decoration.inline(from, to, { class: 'comment-anchor-active' }));
  if (pending !== null && pending.to > pending.from)
    decorations.push(Decoration.inline(pending.from, pending.to, { class: 'comment-anchor-pending' }));
  return decorations.length === 0 ? DecorationSet.empty : DecorationSet.create(state.doc, decorations);
}

/** A plugin the comments panel registers on the body editor while it is shown; not part of the document schema. */
export function activeAnchorPlugin(): Plugin<ActiveAnchorState> {
  return new Plugin<ActiveAnchorState>({
    key: activeAnchorKey,
    state: {
      init: () => ({ threadId: null, pending: null, decorations: DecorationSet.empty }),
      apply: (transaction, previous, _oldState, newState) => {
        const meta = transaction.getMeta(activeAnchorKey) as ActiveAnchorMeta | undefined;
        const nothingShown = previous.threadId === null && previous.pending === null;
        if (meta === undefined && (!transaction.docChanged || nothingShown)) return previous;
        const threadId = meta !== undefined && 'threadId' in meta ? meta.threadId : previous.threadId;
        let pending = meta !== undefined && 'pending' in meta ? meta.pending : previous.pending;
        if (pending !== null && pending === previous.pending && transaction.docChanged) {
          // Text typed right before or after the commented text stays outside it.
          const from = transaction.mapping.map(pending.from, 1);
          pending = { from, to: Math.max(from, transaction.mapping.map(pending.to, -1)) };
        }
        return { threadId, pending, decorations: decorate(newState, threadId, pending) };
      },
    },
    props: {
      decorations: (state) => activeAnchorKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}

/** Makes a thread the active one (null: none); a transaction of its own, kept out of the undo history. */
export function setActiveAnchor(transaction: Transaction, threadId: string | null): Transaction {
  return transaction.setMeta(activeAnchorKey, { threadId } satisfies ActiveAnchorMeta).setMeta('addToHistory', false);
}

/** Marks the text a new comment is being written on (null: the form closed). */
export function setPendingAnchor(transaction: Transaction, pending: AnchorRange | null): Transaction {
  return transaction.setMeta(activeAnchorKey, { pending } satisfies ActiveAnchorMeta).setMeta('addToHistory', false);
}
