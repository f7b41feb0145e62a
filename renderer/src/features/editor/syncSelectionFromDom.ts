import type { EditorView } from '@tiptap/pm/view';
import { TextSelection } from '@tiptap/pm/state';

/**
 * Makes ProseMirror take the selection the browser shows now. ProseMirror reads selection changes on the
 * asynchronous `selectionchange` event, so a shortcut pressed right after Shift+Home (Ctrl+K) could otherwise
 * act on the selection from before.
 */
export function syncSelectionFromDom(view: EditorView): void {
  const selection = view.dom.ownerDocument.getSelection();
  if (selection === null || selection.rangeCount === 0) return;
  const { anchorNode, focusNode } = selection;
  if (anchorNode === null || focusNode === null || !view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return;
  const anchor = view.posAtDOM(anchorNode, selection.anchorOffset);
  const head = view.posAtDOM(focusNode, selection.focusOffset);
  const current = view.state.selection;
  if (anchor === current.anchor && head === current.head) return;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, head)));
}
