import { Editor, type JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { afterEach, describe, expect, it } from 'vitest';
import { pendingSuggestions } from '../../renderer/src/features/editor/suggestions/pendingSuggestions';
import {
  acceptAllSuggestions,
  acceptSuggestion,
  isTrackingChanges,
  rejectAllSuggestions,
  rejectSuggestion,
  setTrackingChanges,
  tracksChangesByDefault,
  TrackChanges,
} from '../../renderer/src/features/editor/suggestions/trackChanges';
import { documentExtensions } from '../../shared/documentExtensions';
import { parseDocument } from '../../shared/documentSchema';
import type { DocumentNodeJson } from '../../shared/documentJson';
import { exportArticleHtml, exportImageOrder } from '../../shared/exportArticleHtml';
import { serializeDocumentHtml } from '../../shared/serializeDocumentHtml';
import { withSuggestionsRejected } from '../../shared/withSuggestionsRejected';
import { seedArticle } from '../fixtures/seedArticle';

const mounted: { editor: Editor; element: HTMLElement }[] = [];
const editorIdentity = { name: 'Thu Hà', role: 'editor' } as const;
const clock = new Date('2026-11-30T09:15:00.000Z');

function createEditor(content: string | JSONContent, tracking = true): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({
    element,
    extensions: [...documentExtensions, TrackChanges.configure({ author: () => editorIdentity, now: () => clock })],
    content,
  });
  mounted.push({ editor, element });
  setTrackingChanges(editor, tracking);
  return editor;
}

afterEach(() => {
  for (const { editor, element } of mounted.splice(0)) {
    editor.destroy();
    element.remove();
  }
});

/** Types at a cursor position the way ProseMirror inserts typed text. */
function typeAt(editor: Editor, position: number, text: string): void {
  editor.commands.setTextSelection(position);
  editor.view.dispatch(editor.state.tr.insertText(text));
}

/** The text a mark type covers, run by run. */
function marked(doc: ProseMirrorNode, type: 'insertion' | 'deletion'): string[] {
  const runs: string[] = [];
  doc.descendants((node) => {
    if (node.isText && node.marks.some((mark) => mark.type.name === type)) runs.push(node.text ?? '');
  });
  return runs;
}

/** Where a piece of text starts in the document. */
function positionOf(doc: ProseMirrorNode, text: string): number {
  let found = -1;
  doc.descendants((node, position) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = position + node.text!.indexOf(text);
    return found < 0;
  });
  return found;
}

/** The body as the exporter writes it. */
function exported(editor: Editor): string {
  return serializeDocumentHtml(parseDocument(editor.getJSON() as DocumentNodeJson));
}

// "Tin nóng hôm nay": "Tin " is 1-5, "nóng" 5-9, " hôm nay" 9-17.
const sentence = '<p>Tin nóng hôm nay</p>';

describe('tracked changes (Sửa có theo dõi)', () => {
  it('records typed text as one insertion suggestion, stamped with who and when, and keeps the text', () => {
    const editor = createEditor(sentence);
    typeAt(editor, 5, 'rất ');
    expect(editor.state.doc.textContent).toBe('Tin rất nóng hôm nay');
    expect(marked(editor.state.doc, 'insertion')).toEqual(['rất ']);
    const [suggestion] = pendingSuggestions(editor.state.doc);
    expect(suggestion).toMatchObject({ inserted: 'rất ', deleted: '', authorName: 'Thu Hà', at: clock.toISOString() });
    expect(editor.view.dom.querySelector('ins.suggestion-insertion')?.getAttribute('title')).toContain('Thu Hà');
  });

  it('keeps deleted text visible, marked as a deletion', () => {
    const editor = createEditor(sentence);
    editor.chain().setTextSelection({ from: 5, to: 10 }).deleteSelection().run();
    expect(editor.state.doc.textContent).toBe('Tin nóng hôm nay');
    expect(marked(editor.state.doc, 'deletion')).toEqual(['nóng ']);
    expect(editor.view.dom.querySelector('del.suggestion-deletion')?.textContent).toBe('nóng ');
  });

  it('joins text typed in several steps, as an IME composes it, into one suggestion', () => {
    const editor = createEditor(sentence);
    // An IME (Telex, VNI) replaces the syllable being composed at each keystroke: "đ", then "đa", then "đã".
    typeAt(editor, 5, 'đ');
    editor.view.dispatch(editor.state.tr.insertText('a').setMeta('composition', 1));
    editor.view.dispatch(editor.state.tr.insertText('ã', 6, 7).setMeta('composition', 1));
    editor.view.dispatch(editor.state.tr.insertText(' ').setMeta('composition', 1));
    expect(editor.state.doc.textContent).toBe('Tin đã nóng hôm nay');
    expect(pendingSuggestions(editor.state.doc).map(({ inserted, deleted }) => ({ inserted, deleted }))).toEqual([
      { inserted: 'đã ', deleted: '' },
    ]);
  });

  it('records a paste as an insertion, and creates no suggestion from suggestion markup in the pasted HTML', () => {
    const editor = createEditor(sentence);
    editor.commands.setTextSelection(17);
    editor.view.pasteHTML(
      '<ins data-id="1" class="suggestion-insertion">và</ins> <del data-id="2">mai</del>',
      new Event('paste') as ClipboardEvent,
    );
    expect(editor.state.doc.textContent).toBe('Tin nóng hôm nayvà mai');
    expect(marked(editor.state.doc, 'insertion')).toEqual(['và mai']);
    expect(pendingSuggestions(editor.state.doc)).toHaveLength(1);
    expect(marked(editor.state.doc, 'deletion')).toEqual([]);
  });

  it('creates no suggestion from pasted suggestion markup when tracking is off', () => {
    const editor = createEditor(sentence, false);
    editor.commands.setTextSelection(17);
    editor.view.pasteHTML(
      '<ins data-id="1">và</ins><del data-id="2">mai</del><span data-type="modification" data-id="3">!</span>',
      new Event('paste') as ClipboardEvent,
    );
    expect(editor.state.doc.textContent).toBe('Tin nóng hôm nayvàmai!');
    expect(pendingSuggestions(editor.state.doc)).toEqual([]);
  });

  it('records a formatting change as a suggestion', () => {
    const editor = createEditor(sentence);
    editor.chain().setTextSelection({ from: 5, to: 9 }).toggleBold().run();
    expect(pendingSuggestions(editor.state.doc)).toHaveLength(1);
    rejectAllSuggestions(editor);
    expect(editor.getHTML()).toBe(sentence);
  });

  it('edits plainly when tracking is off, and the toggle switches it', () => {
    const editor = createEditor(sentence, false);
    expect(isTrackingChanges(editor.state)).toBe(false);
    typeAt(editor, 5, 'rất ');
    editor.chain().setTextSelection({ from: 13, to: 17 }).deleteSelection().run();
    expect(editor.getHTML()).toBe('<p>Tin rất nóng nay</p>');
    expect(pendingSuggestions(editor.state.doc)).toEqual([]);
    setTrackingChanges(editor, true);
    expect(isTrackingChanges(editor.state)).toBe(true);
    typeAt(editor, 1, 'Bản ');
    expect(pendingSuggestions(editor.state.doc)).toHaveLength(1);
  });

  it('accepts and rejects each suggestion on its own', () => {
    const editor = createEditor(sentence);
    typeAt(editor, 5, 'rất ');
    editor.chain().setTextSelection({ from: 13, to: 17 }).deleteSelection().run();
    const [insertion, deletion] = pendingSuggestions(editor.state.doc);
    expect(insertion?.inserted).toBe('rất ');
    expect(deletion?.deleted).toBe(' hôm');
    expect(acceptSuggestion(editor, insertion!.id)).toBe(true);
    expect(editor.getHTML()).toBe(
      '<p>Tin rất nóng<del class="suggestion suggestion-deletion" data-suggestion-id="' +
        String(deletion!.id) +
        '" title="' +
        editor.view.dom.querySelector('del')!.getAttribute('title') +
        '"> hôm</del> nay</p>',
    );
    expect(rejectSuggestion(editor, deletion!.id)).toBe(true);
    expect(editor.getHTML()).toBe('<p>Tin rất nóng hôm nay</p>');
    expect(pendingSuggestions(editor.state.doc)).toEqual([]);
  });

  it('accepts or rejects a block formatting suggestion on its own, leaving the others pending', () => {
    const editor = createEditor('<p>Một</p><p>Hai</p>');
    const blocks = () =>
      editor.state.doc.children.map((node) => `${node.type.name}${String(node.attrs['level'] ?? '')} ${node.textContent}`);
    editor.chain().setTextSelection(2).toggleHeading({ level: 2 }).run();
    editor.chain().setTextSelection(7).toggleHeading({ level: 3 }).run();
    typeAt(editor, 3, 'x');
    // In reading order: the first heading, the letter typed in it, the second heading.
    const [first, typed, second] = pendingSuggestions(editor.state.doc);
    expect(first?.formatting && second?.formatting).toBe(true);
    expect(typed?.inserted).toBe('x');

    // Rejecting the typed letter leaves both headings pending.
    expect(rejectSuggestion(editor, typed!.id)).toBe(true);
    expect(blocks()).toEqual(['heading2 Một', 'heading3 Hai', 'paragraph ']);
    expect(pendingSuggestions(editor.state.doc)).toHaveLength(2);

    expect(rejectSuggestion(editor, first!.id)).toBe(true);
    expect(blocks()).toEqual(['paragraph Một', 'heading3 Hai', 'paragraph ']);
    expect(pendingSuggestions(editor.state.doc).map(({ id }) => id)).toEqual([second!.id]);
    expect(acceptSuggestion(editor, second!.id)).toBe(true);
    expect(blocks()).toEqual(['paragraph Một', 'heading3 Hai', 'paragraph ']);
    expect(pendingSuggestions(editor.state.doc)).toEqual([]);
  });

  it('accepts all, rejects all, and undo takes a choice back', () => {
    const editor = createEditor(sentence);
    typeAt(editor, 5, 'rất ');
    editor.chain().setTextSelection({ from: 13, to: 17 }).deleteSelection().run();
    acceptAllSuggestions(editor);
    expect(editor.getHTML()).toBe('<p>Tin rất nóng nay</p>');
    editor.commands.undo();
    expect(pendingSuggestions(editor.state.doc)).toHaveLength(2);
    rejectAllSuggestions(editor);
    expect(editor.getHTML()).toBe(sentence);
  });

  it('keeps a split paragraph and a pasted paragraph valid for saving, and rejecting restores the text', () => {
    const editor = createEditor('<p>Tin nóng hôm nay</p><p>Hai</p>');
    editor.chain().setTextSelection(9).splitBlock().run();
    editor
      .chain()
      .setTextSelection(editor.state.doc.content.size - 1)
      .insertContent('<p>Một</p><p>Hai</p>')
      .run();
    expect(() => parseDocument(editor.getJSON() as DocumentNodeJson)).not.toThrow();
    rejectAllSuggestions(editor);
    expect(editor.getHTML()).toBe('<p>Tin nóng hôm nay</p><p>Hai</p>');
  });

  it('exports the text as if every pending suggestion were rejected, with no suggestion markup', () => {
    const editor = createEditor(sentence);
    typeAt(editor, 5, 'rất ');
    editor.chain().setTextSelection({ from: 13, to: 17 }).deleteSelection().run();
    expect(exported(editor)).toBe('<p>Tin nóng hôm nay</p>');
  });

  it('exports what "Từ chối tất cả" would leave: a split paragraph joined, a heading restored, a suggested photo left out', () => {
    const editor = createEditor('<p>Tin nóng hôm nay</p><p>Hai</p>');
    editor.chain().setTextSelection(9).splitBlock().run();
    editor.chain().setTextSelection(positionOf(editor.state.doc, 'Hai')).toggleHeading({ level: 2 }).run();
    editor
      .chain()
      .setTextSelection(editor.state.doc.content.size)
      .insertFigure({ mediaId: 'a'.repeat(64), credit: 'Minh Anh' })
      .run();
    const article = { ...seedArticle(), body: editor.getJSON() as DocumentNodeJson, coverMediaId: 'a'.repeat(64) };
    expect(JSON.stringify(article.body)).toContain('"figure"');

    const html = exportArticleHtml(article, {});
    expect(html).toContain('<p>Tin nóng hôm nay</p>');
    expect(html).toContain('<p>Hai</p>');
    expect(html).not.toMatch(/<h2|<figure|<img|Minh Anh|\u200B/);
    // No photo file is written beside an export for a figure that is only suggested.
    expect(exportImageOrder(article)).toEqual([]);

    rejectAllSuggestions(editor);
    expect(withSuggestionsRejected(parseDocument(article.body)).toJSON()).toEqual(editor.getJSON());
  });

  it('anchors a comment without turning the commented text into a suggestion', () => {
    const editor = createEditor(sentence);
    const threadId = '2026-11-30T10-00-00.000Z-aaaaaaaaaaaa';
    editor.chain().setTextSelection({ from: 5, to: 9 }).setMark('commentAnchor', { threadId }).setMeta('addToHistory', false).run();
    expect(pendingSuggestions(editor.state.doc)).toEqual([]);
    expect(editor.state.doc.textContent).toBe('Tin nóng hôm nay');
  });

  it('is on by default only for an editor or managing editor on a submitted article', () => {
    expect(tracksChangesByDefault('submitted', { name: 'A', role: 'editor' })).toBe(true);
    expect(tracksChangesByDefault('submitted', { name: 'A', role: 'managingEditor' })).toBe(true);
    expect(tracksChangesByDefault('submitted', { name: 'A', role: 'reporter' })).toBe(false);
    expect(tracksChangesByDefault('draft', { name: 'A', role: 'editor' })).toBe(false);
    expect(tracksChangesByDefault('submitted', null)).toBe(false);
  });
});
