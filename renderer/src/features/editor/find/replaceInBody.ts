import type { Editor } from '@tiptap/core';
import type { HighlightRange } from './findHighlights';

/**
 * Replaces ranges of the body with the same text in one transaction: one undo step, and with "Sửa có theo dõi" on the
 * editor turns it into suggestions like any edit. From the last range back, so earlier positions stay valid.
 */
export function replaceInBody(editor: Editor, ranges: readonly HighlightRange[], replacement: string): void {
  if (ranges.length === 0 || editor.isDestroyed) return;
  const tr = editor.state.tr;
  const text = replacement.normalize('NFC');
  for (const range of [...ranges].sort((first, second) => second.from - first.from)) {
    if (text === '') tr.delete(range.from, range.to);
    else tr.insertText(text, range.from, range.to);
  }
  editor.view.dispatch(tr.scrollIntoView());
}
