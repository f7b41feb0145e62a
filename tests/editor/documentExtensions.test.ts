import { Editor, type JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { documentExtensions } from '../../shared/documentExtensions';
// Type-only: brings the extensions' command declarations (toggleBold, setLink…) into this program.
import type {} from '@tiptap/starter-kit';
import type {} from '@tiptap/extension-text-align';

const mounted: { editor: Editor; element: HTMLElement }[] = [];

/** A real editor on the article's extension list, mounted in the page, holding `html`. */
function createEditor(html: string): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({ element, extensions: documentExtensions, content: html });
  mounted.push({ editor, element });
  return editor;
}

afterEach(() => {
  for (const { editor, element } of mounted.splice(0)) {
    editor.destroy();
    element.remove();
  }
});

/** The editor with the text of its first paragraph selected ("Tin nóng" is positions 1-9). */
function editorWithSelectedText(): Editor {
  const editor = createEditor('<p>Tin nóng</p>');
  editor.commands.setTextSelection({ from: 1, to: 9 });
  return editor;
}

function firstBlock(editor: Editor): JSONContent {
  return editor.getJSON().content?.[0] ?? {};
}

function marksOfFirstText(editor: Editor): string[] {
  return (firstBlock(editor).content?.[0]?.marks ?? []).map((mark) => mark.type);
}

describe('documentExtensions in a real editor', () => {
  it.each([
    ['bold', 'toggleBold'],
    ['italic', 'toggleItalic'],
    ['underline', 'toggleUnderline'],
  ] as const)('toggles %s on the selected text and off again', (mark, command) => {
    const editor = editorWithSelectedText();
    expect(editor.commands[command]()).toBe(true);
    expect(marksOfFirstText(editor)).toEqual([mark]);
    editor.commands[command]();
    expect(marksOfFirstText(editor)).toEqual([]);
  });

  it.each([2, 3] as const)('turns a paragraph into a level %i heading', (level) => {
    const editor = editorWithSelectedText();
    expect(editor.commands.toggleHeading({ level })).toBe(true);
    expect(firstBlock(editor)).toMatchObject({ type: 'heading', attrs: { level }, content: [{ text: 'Tin nóng' }] });
  });

  it('refuses a level 1 heading, which is the article title’s', () => {
    const editor = editorWithSelectedText();
    expect(editor.commands.toggleHeading({ level: 1 })).toBe(false);
    expect(firstBlock(editor).type).toBe('paragraph');
  });

  it.each([
    ['bulletList', 'toggleBulletList'],
    ['orderedList', 'toggleOrderedList'],
  ] as const)('wraps a paragraph in a %s', (type, command) => {
    const editor = editorWithSelectedText();
    expect(editor.commands[command]()).toBe(true);
    expect(firstBlock(editor)).toMatchObject({ type, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] });
  });

  it('wraps a paragraph in a blockquote', () => {
    const editor = editorWithSelectedText();
    expect(editor.commands.toggleBlockquote()).toBe(true);
    expect(firstBlock(editor)).toMatchObject({ type: 'blockquote', content: [{ type: 'paragraph' }] });
  });

  it('inserts a hard break inside a paragraph', () => {
    const editor = createEditor('<p>Tin nóng</p>');
    editor.commands.setTextSelection(4);
    expect(editor.commands.setHardBreak()).toBe(true);
    expect(firstBlock(editor).content?.map((node) => node.type)).toEqual(['text', 'hardBreak', 'text']);
  });

  it('inserts a horizontal rule between blocks', () => {
    const editor = createEditor('<p>Tin nóng</p>');
    editor.commands.setTextSelection(9);
    expect(editor.commands.setHorizontalRule()).toBe(true);
    expect(editor.getJSON().content?.map((node) => node.type)).toContain('horizontalRule');
  });

  it('centres a paragraph', () => {
    const editor = editorWithSelectedText();
    expect(editor.commands.setTextAlign('center')).toBe(true);
    expect(firstBlock(editor).attrs?.['textAlign']).toBe('center');
  });

  it('links the selected text to an https address', () => {
    const editor = editorWithSelectedText();
    expect(editor.commands.setLink({ href: 'https://example.vn/tin' })).toBe(true);
    expect(firstBlock(editor).content?.[0]?.marks).toMatchObject([{ type: 'link', attrs: { href: 'https://example.vn/tin', rel: 'noopener noreferrer' } }]);
  });

  it('refuses to link the selected text to a javascript: address', () => {
    const editor = editorWithSelectedText();
    expect(editor.commands.setLink({ href: 'javascript:alert(1)' })).toBe(false);
    expect(marksOfFirstText(editor)).toEqual([]);
  });

  it('undoes an edit and redoes it', () => {
    const editor = createEditor('<p>Tin nóng</p>');
    editor.commands.setTextSelection(9);
    editor.commands.insertContent(' hôm nay');
    expect(editor.getText()).toBe('Tin nóng hôm nay');
    expect(editor.commands.undo()).toBe(true);
    expect(editor.getText()).toBe('Tin nóng');
    expect(editor.commands.redo()).toBe(true);
    expect(editor.getText()).toBe('Tin nóng hôm nay');
  });
});
