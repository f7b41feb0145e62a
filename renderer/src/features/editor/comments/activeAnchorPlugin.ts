import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { commentAnchorMarkName, type AnchorRange } from './commentAnchors';

interface AnchorHighlights {
  /** The thread whose text is drawn stronger. */
  threadId: string | null;
  /** The text a new comment is being written on (the editor has lost its selection's highlight to the form). */
  pending: AnchorRange | null;
  /** Threads marked resolved: their text is no longer highlighted (unless an open thread covers it too). */
  resolved: ReadonlySet<string>;
}

interface AnchorHighlightsState extends AnchorHighlights {
  decorations: DecorationSet;
}

type AnchorHighlightsMeta = { threadId: string | null } | { pending: AnchorRange | null } | { resolved: readonly string[] };

/** The plugin that draws the comments' state over their anchors (classes only; the body itself is unchanged). */
export const activeAnchorKey = new PluginKey<AnchorHighlightsState>('commentActiveAnchor');

/** One walk over the text: the active thread's stretches, the resolved-only ones, and the pending comment's text. */
function decorate(doc: ProseMirrorNode, { threadId, pending, resolved }: AnchorHighlights): DecorationSet {
  const decorations: Decoration[] = [];
  if (threadId !== null || resolved.size > 0) {
    doc.descendants((node, position) => {
      if (!node.isText) return true;
      const threads = node.marks.filter((mark) => mark.type.name === commentAnchorMarkName).map((mark) => mark.attrs.threadId as string);
      if (threads.length === 0) return false;
      const classes = [];
      if (threadId !== null && threads.includes(threadId)) classes.push('comment-anchor-active');
      if (threads.every((thread) => resolved.has(thread))) classes.push('comment-anchor-resolved');
      if (classes.length > 0) decorations.push(Decoration.inline(position, position + node.nodeSize, { class: classes.join(' ') }));
      return false;
    });
  }
  if (pending !== null && pending.to > pending.from)
    decorations.push(Decoration.inline(pending.from, pending.to, { class: 'comment-anchor-pending' }));
  return decorations.length === 0 ? DecorationSet.empty : DecorationSet.create(doc, decorations);
}

/** A plugin the comments panel registers on the body editor while it is shown; not part of the document schema. */
export function activeAnchorPlugin(): Plugin<AnchorHighlightsState> {
  return new Plugin<AnchorHighlightsState>({
    key: activeAnchorKey,
    state: {
      init: () => ({ threadId: null, pending: null, resolved: new Set(), decorations: DecorationSet.empty }),
      apply: (transaction, previous, _oldState, newState) => {
        const meta = transaction.getMeta(activeAnchorKey) as AnchorHighlightsMeta | undefined;
        const nothingShown = previous.threadId === null && previous.pending === null && previous.resolved.size === 0;
        if (meta === undefined && (!transaction.docChanged || nothingShown)) return previous;
        const next: AnchorHighlights = {
          threadId: meta !== undefined && 'threadId' in meta ? meta.threadId : previous.threadId,
          pending: meta !== undefined && 'pending' in meta ? meta.pending : previous.pending,
          resolved: meta !== undefined && 'resolved' in meta ? new Set(meta.resolved) : previous.resolved,
        };
        if (next.pending !== null && next.pending === previous.pending && transaction.docChanged) {
          // Text typed right before or after the commented text stays outside it.
          const from = transaction.mapping.map(next.pending.from, 1);
          next.pending = { from, to: Math.max(from, transaction.mapping.map(next.pending.to, -1)) };
        }
        return { ...next, decorations: decorate(newState.doc, next) };
      },
    },
    props: {
      decorations: (state) => activeAnchorKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}

/** Transactions of their own, kept out of the undo history. */
function withMeta(transaction: Transaction, meta: AnchorHighlightsMeta): Transaction {
  return transaction.setMeta(activeAnchorKey, meta).setMeta('addToHistory', false);
}

/** Makes a thread the active one (null: none). */
export function setActiveAnchor(transaction: Transaction, threadId: string | null): Transaction {
  return withMeta(transaction, { threadId });
}

/** Marks the text a new comment is being written on (null: the form closed). */
export function setPendingAnchor(transaction: Transaction, pending: AnchorRange | null): Transaction {
  return withMeta(transaction, { pending });
}

/** Which threads are resolved (their text is then no longer highlighted). */
export function setResolvedAnchors(transaction: Transaction, threadIds: readonly string[]): Transaction {
  return withMeta(transaction, { resolved: threadIds });
}
