import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';

/** Selects a range of the body and scrolls it to the middle of the window (above or below the panels that cover the edges). */
export function revealInBody(editor: Editor, from: number, to: number, focus: boolean): void {
  if (editor.isDestroyed) return;
  const { doc } = editor.state;
  const selection = TextSelection.create(doc, Math.min(from, doc.content.size), Math.min(to, doc.content.size));
  editor.view.dispatch(editor.state.tr.setSelection(selection).setMeta('addToHistory', false));
  if (focus) editor.view.focus();
  const { node } = editor.view.domAtPos(from);
  const element = node instanceof Element ? node : node.parentElement;
  element?.scrollIntoView?.({ block: 'center' });
}
