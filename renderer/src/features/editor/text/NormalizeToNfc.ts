import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';

const normalizeKey = new PluginKey('normalizeToNfc');

/** The shortest change that turns `text` into `normalized`: what is between their common start and common end. */
function changedMiddle(text: string, normalized: string): { start: number; oldEnd: number; newEnd: number } {
  let start = 0;
  while (start < text.length && start < normalized.length && text[start] === normalized[start]) start += 1;
  let oldEnd = text.length;
  let newEnd = normalized.length;
  while (oldEnd > start && newEnd > start && text[oldEnd - 1] === normalized[newEnd - 1]) {
    oldEnd -= 1;
    newEnd -= 1;
  }
  return { start, oldEnd, newEnd };
}

/**
 * Adds to `tr` the steps that make every text node between `from` and `to` NFC, keeping its marks, and changing only
 * the characters that differ, so the cursor after them stays where the user put it. Returns whether anything changed.
 */
function normalizeBetween(doc: ProseMirrorNode, from: number, to: number, tr: Transaction): boolean {
  const replacements: { from: number; to: number; node: ProseMirrorNode | null }[] = [];
  doc.nodesBetween(from, to, (node, position) => {
    if (!node.isText) return true;
    const text = node.text ?? '';
    const normalized = text.normalize('NFC');
    if (normalized === text) return false;
    const { start, oldEnd, newEnd } = changedMiddle(text, normalized);
    const middle = normalized.slice(start, newEnd);
    replacements.push({
      from: position + start,
      to: position + oldEnd,
      node: middle === '' ? null : doc.type.schema.text(middle, node.marks),
    });
    return false;
  });
  // Last first: each replacement leaves the positions before it as they were.
  for (const { from: start, to: end, node } of replacements.reverse()) {
    if (node === null) tr.delete(start, end);
    else tr.replaceWith(start, end, node);
  }
  return replacements.length > 0;
}

/** The span of the document the transactions changed, in the new document. */
function changedSpan(transactions: readonly Transaction[], state: EditorState): { from: number; to: number } | null {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const [index, transaction] of transactions.entries()) {
    const later = transactions.slice(index + 1);
    for (const map of transaction.mapping.maps) {
      map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
        const start = later.reduce((position, next) => next.mapping.map(position, -1), newStart);
        const end = later.reduce((position, next) => next.mapping.map(position, 1), newEnd);
        from = Math.min(from, start);
        to = Math.max(to, end);
      });
    }
  }
  if (from > to) return null;
  // One character either side: a combining mark typed alone joins the letter before it.
  return { from: Math.max(0, from - 1), to: Math.min(state.doc.content.size, to + 1) };
}

/**
 * NFC at the door: whatever reaches the body (typing, a decomposed paste from macOS or UniKey's "Unicode tổ hợp", a
 * drop, text set by a command) is NFC in the editor itself, so what the user sees, searches and corrects is what is
 * stored. An IME's text is left alone while it is being composed (changing it would break the composition) and
 * normalized when the composition ends. Normalizing is not an edit of its own: it joins the change that caused it.
 */
export const NormalizeToNfc = Extension.create({
  name: 'normalizeToNfc',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: normalizeKey,
        appendTransaction(transactions, _oldState, state) {
          if (!transactions.some((transaction) => transaction.docChanged)) return null;
          if (transactions.some((transaction) => transaction.getMeta('composition') !== undefined)) return null;
          const span = changedSpan(transactions, state);
          if (span === null) return null;
          const tr = state.tr;
          return normalizeBetween(state.doc, span.from, span.to, tr) ? tr : null;
        },
        props: {
          handleDOMEvents: {
            compositionend(view) {
              // After ProseMirror has read the composed text (it does so on this same event).
              setTimeout(() => {
                if (view.isDestroyed || view.composing) return;
                const tr = view.state.tr;
                if (normalizeBetween(view.state.doc, 0, view.state.doc.content.size, tr)) view.dispatch(tr.setMeta('addToHistory', false));
              });
              return false;
            },
          },
        },
      }),
    ];
  },
});
