import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { NormalizeToNfc } from '../../renderer/src/features/editor/text/NormalizeToNfc';
import { pendingSuggestions } from '../../renderer/src/features/editor/suggestions/pendingSuggestions';
import { setTrackingChanges, TrackChanges } from '../../renderer/src/features/editor/suggestions/trackChanges';
import { documentExtensions } from '../../shared/documentExtensions';
import { editorExtensions } from '../../renderer/src/features/editor/editorExtensions';

const mounted: Editor[] = [];

function createEditor(content: string, tracking = false): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({
    element,
    extensions: [
      ...documentExtensions,
      NormalizeToNfc,
      TrackChanges.configure({ author: () => ({ name: 'Thu Hà', role: 'editor' }), now: () => new Date('2026-11-30T09:00:00Z') }),
    ],
    content,
  });
  setTrackingChanges(editor, tracking);
  mounted.push(editor);
  return editor;
}

afterEach(() => {
  for (const editor of mounted.splice(0)) {
    editor.view.dom.parentElement?.remove();
    editor.destroy();
  }
});

/** Types one piece of text at the cursor, as ProseMirror inserts typed text. */
function type(editor: Editor, text: string, composition?: number): void {
  const tr = editor.state.tr.insertText(text);
  if (composition !== undefined) tr.setMeta('composition', composition);
  editor.view.dispatch(tr);
}

const decomposed = 'Hội nghị tổng kết'.normalize('NFD');

describe('NFC at the door', () => {
  it('is one of the body editor’s extensions', () => {
    expect(editorExtensions('').map((extension) => extension.name)).toContain('normalizeToNfc');
  });

  it('joins a combining mark typed alone (UniKey’s “Unicode tổ hợp”) with its letter, the cursor staying after it', () => {
    const editor = createEditor('<p>Ti</p>');
    editor.commands.setTextSelection(3);
    type(editor, 'e');
    type(editor, '\u0302');
    type(editor, '\u0301');
    expect(editor.state.doc.textContent).toBe('Tiế');
    expect(editor.state.doc.textContent).toHaveLength(3);
    expect(editor.state.selection.from).toBe(4);
    type(editor, 'n');
    expect(editor.state.doc.textContent).toBe('Tiến');
  });

  it('makes decomposed pasted or inserted text NFC, keeping its formatting', () => {
    const editor = createEditor('<p></p>');
    editor.commands.insertContent(`<p>${decomposed} <strong>${'đầu năm'.normalize('NFD')}</strong></p>`);
    expect(editor.state.doc.textContent).toBe('Hội nghị tổng kết đầu năm');
    expect(editor.getHTML()).toContain('<strong>đầu năm</strong>');
  });

  it('leaves an IME’s text alone while it is composed, and normalizes it when the composition ends', async () => {
    const editor = createEditor('<p></p>');
    editor.commands.setTextSelection(1);
    type(editor, 'ê'.normalize('NFD'), 1);
    expect(editor.state.doc.textContent).toBe('ê'.normalize('NFD'));
    editor.view.dom.dispatchEvent(new CompositionEvent('compositionend', { data: 'ê', bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(editor.state.doc.textContent).toBe('ê');
  });

  it('keeps a decomposed suggestion one suggestion, its text NFC, under tracked changes', () => {
    const editor = createEditor('<p>Tin nóng</p>', true);
    editor.commands.setTextSelection(5);
    type(editor, 'rất '.normalize('NFD'));
    expect(editor.state.doc.textContent).toBe('Tin rất nóng');
    const suggestions = pendingSuggestions(editor.state.doc);
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]!.inserted).toBe('rất ');
  });

  it('changes nothing in text that is NFC already (no extra transaction, undo history untouched)', () => {
    const editor = createEditor('<p>Hội nghị</p>');
    editor.commands.setTextSelection(9);
    let transactions = 0;
    editor.on('transaction', () => {
      transactions += 1;
    });
    type(editor, ' tổng kết');
    expect(transactions).toBe(1);
    editor.commands.undo();
    expect(editor.state.doc.textContent).toBe('Hội nghị');
  });
});
