import { Editor, type JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { afterEach, describe, expect, it } from 'vitest';
import { documentExtensions } from '../../shared/documentExtensions';
// Type-only: brings the extensions' command declarations (toggleBold, setLink…) into this program.
import type {} from '@tiptap/starter-kit';
import type {} from '@tiptap/extension-text-align';

const mounted: { editor: Editor; element: HTMLElement }[] = [];

/** A real editor on the article's extension list, mounted in the page, holding `html`. */
function createEditor(html: string | JSONContent): Editor {
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
    expect(firstBlock(editor).content?.[0]?.marks).toMatchObject([
      { type: 'link', attrs: { href: 'https://example.vn/tin', rel: 'noopener noreferrer' } },
    ]);
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

const photoId = 'f26026c4e4dbf92ba80ad998bb253298d301e3939bc0358e6453e0f2071706f7';
const otherPhotoId = 'fd458c058cd2831d7db1ccc8e3e8c876d715d979e4ae2a2cd50422d5f5fae8ae';

/** A figure as the editor renders it (and so as it travels on the clipboard between articles). */
function figureHtml(mediaId: string, caption: string, credit = '', alt = ''): string {
  return `<figure data-media-id="${mediaId}" data-alt="${alt}" data-credit="${credit}"><figcaption>${caption}</figcaption></figure>`;
}

/** Each top-level block as `type` or `type:text`, so a test can read the whole document at a glance. */
function outline(editor: Editor): string[] {
  const blocks: string[] = [];
  editor.state.doc.forEach((block) => blocks.push(block.textContent === '' ? block.type.name : `${block.type.name}:${block.textContent}`));
  return blocks;
}

/** The type names of a node's children. */
function childTypes(node: ProseMirrorNode | null | undefined): string[] {
  const types: string[] = [];
  node?.forEach((child) => types.push(child.type.name));
  return types;
}

/** The position before each figure, in document order. */
function figurePositions(editor: Editor): number[] {
  const positions: number[] = [];
  editor.state.doc.descendants((node, position) => {
    if (node.type.name === 'figure') positions.push(position);
  });
  return positions;
}

function pressKey(editor: Editor, key: string): void {
  editor.view.someProp('handleKeyDown', (handle) => handle(editor.view, new KeyboardEvent('keydown', { key })));
}

function paste(editor: Editor, html: string): void {
  // jsdom has no ClipboardEvent; ProseMirror only reads the event for paste handlers that check it.
  editor.view.pasteHTML(html, new Event('paste') as ClipboardEvent);
}

describe('figures in a real editor', () => {
  it('inserts a photo after the paragraph the cursor ends, and typing then goes into a paragraph after it', () => {
    const editor = createEditor('<p>Tin nóng</p>');
    editor.commands.setTextSelection(9);
    expect(editor.commands.insertFigure({ mediaId: photoId, credit: 'Văn Đốc' })).toBe(true);
    editor.commands.insertContent('Tiếp theo');
    expect(outline(editor)).toEqual(['paragraph:Tin nóng', 'figure', 'paragraph:Tiếp theo']);
    expect(editor.getJSON().content?.[1]).toEqual({ type: 'figure', attrs: { mediaId: photoId, alt: '', credit: 'Văn Đốc' } });
  });

  it('inserts a photo into an empty document with its caption, and typing then goes into the paragraph after it', () => {
    const editor = createEditor('<p></p>');
    editor.commands.insertFigure({ mediaId: photoId, caption: 'Quang cảnh' });
    editor.commands.insertContent('Sau ảnh');
    expect(outline(editor)).toEqual(['figure:Quang cảnh', 'paragraph:Sau ảnh']);
  });

  it('inserts a photo at the end of a paragraph followed by another one, and typing then starts a new paragraph between them', () => {
    const editor = createEditor('<p>Tin</p><p>Sau</p>');
    editor.commands.setTextSelection(4);
    editor.commands.insertFigure({ mediaId: photoId });
    editor.commands.insertContent('Mới');
    expect(outline(editor)).toEqual(['paragraph:Tin', 'figure', 'paragraph:Mới', 'paragraph:Sau']);
  });

  it('inserts a photo above a paragraph the cursor starts, and typing then goes in front of that paragraph’s text', () => {
    const editor = createEditor('<p>Tin</p>');
    editor.commands.setTextSelection(1);
    editor.commands.insertFigure({ mediaId: photoId });
    editor.commands.insertContent('Mới ');
    expect(outline(editor)).toEqual(['figure', 'paragraph:Mới Tin']);
  });

  it('splits a paragraph when a photo is inserted in its middle, leaving the cursor before the second half', () => {
    const editor = createEditor('<p>Tin nóng</p>');
    editor.commands.setTextSelection(4);
    editor.commands.insertFigure({ mediaId: photoId });
    editor.commands.insertContent('rất');
    expect(outline(editor)).toEqual(['paragraph:Tin', 'figure', 'paragraph:rất nóng']);
  });

  it('inserts a photo after the selected photo rather than replacing it', () => {
    const editor = createEditor(`${figureHtml(photoId, 'Ảnh một')}<p>Cuối</p>`);
    editor.commands.setNodeSelection(0);
    editor.commands.insertFigure({ mediaId: otherPhotoId, caption: 'Ảnh hai' });
    expect(outline(editor)).toEqual(['figure:Ảnh một', 'figure:Ảnh hai', 'paragraph', 'paragraph:Cuối']);
  });

  it.each(['../../etc/passwd', photoId.toUpperCase(), 'abc'])('refuses to insert a photo with the media id %j', (mediaId) => {
    const editor = createEditor('<p>Tin</p>');
    expect(editor.commands.insertFigure({ mediaId })).toBe(false);
    expect(outline(editor)).toEqual(['paragraph:Tin']);
  });

  it('lets the caption be typed under the photo', () => {
    const editor = createEditor(`${figureHtml(photoId, 'Quang cảnh')}<p></p>`);
    editor.commands.setTextSelection(11);
    editor.commands.insertContent(' hội nghị');
    expect(outline(editor)).toEqual(['figure:Quang cảnh hội nghị', 'paragraph']);
  });

  it('starts a new paragraph after the photo on Enter in its caption instead of splitting the photo in two', () => {
    const editor = createEditor(`${figureHtml(photoId, 'Quang cảnh')}<p>Sau</p>`);
    editor.commands.setTextSelection(6);
    pressKey(editor, 'Enter');
    editor.commands.insertContent('Mới');
    expect(outline(editor)).toEqual(['figure:Quang cảnh', 'paragraph:Mới', 'paragraph:Sau']);
  });

  it('selects the photo on Backspace at the start of its caption instead of turning it into a paragraph', () => {
    const editor = createEditor(`${figureHtml(photoId, '')}<p></p>`);
    editor.commands.setTextSelection(1);
    pressKey(editor, 'Backspace');
    expect(outline(editor)).toEqual(['figure', 'paragraph']);
    expect(editor.state.selection.from).toBe(0);
    expect(editor.state.selection.to).toBe(editor.state.doc.firstChild?.nodeSize);
  });

  it('changes a photo’s credit, and undo brings the old one back', () => {
    const editor = createEditor(figureHtml(photoId, 'Quang cảnh', 'Văn Đốc'));
    expect(editor.commands.updateFigure(0, { credit: 'Minh Anh' })).toBe(true);
    expect(editor.getJSON().content?.[0]?.attrs).toEqual({ mediaId: photoId, alt: '', credit: 'Minh Anh' });
    editor.commands.undo();
    expect(editor.getJSON().content?.[0]?.attrs).toEqual({ mediaId: photoId, alt: '', credit: 'Văn Đốc' });
  });

  it('replaces a photo by its media id, keeping caption and credit, and undo brings the old photo back', () => {
    const editor = createEditor(figureHtml(photoId, 'Quang cảnh', 'Văn Đốc'));
    editor.commands.updateFigure(0, { mediaId: otherPhotoId });
    expect(editor.getJSON().content?.[0]).toMatchObject({
      attrs: { mediaId: otherPhotoId, credit: 'Văn Đốc' },
      content: [{ text: 'Quang cảnh' }],
    });
    editor.commands.undo();
    expect(editor.getJSON().content?.[0]?.attrs?.['mediaId']).toBe(photoId);
  });

  it.each([
    ['a media id that is a path', { mediaId: '../x' }],
    ['an alt text longer than 500 characters', { alt: 'a'.repeat(501) }],
    ['a position that holds no photo', { credit: 'Minh Anh' }, 1],
  ])('refuses to update a photo with %s', (_name, attributes, position = 0) => {
    const editor = createEditor(figureHtml(photoId, 'Quang cảnh'));
    expect(editor.commands.updateFigure(position, attributes)).toBe(false);
    expect(editor.getJSON().content?.[0]?.attrs).toEqual({ mediaId: photoId, alt: '', credit: '' });
  });

  it('moves a photo up past the block before it, and undo puts it back', () => {
    const editor = createEditor(`<p>Một</p><p>Hai</p>${figureHtml(photoId, 'Ảnh')}<p>Ba</p>`);
    expect(editor.commands.moveFigure(figurePositions(editor)[0]!, 'up')).toBe(true);
    expect(outline(editor)).toEqual(['paragraph:Một', 'figure:Ảnh', 'paragraph:Hai', 'paragraph:Ba']);
    editor.commands.undo();
    expect(outline(editor)).toEqual(['paragraph:Một', 'paragraph:Hai', 'figure:Ảnh', 'paragraph:Ba']);
  });

  it('moves a photo down past the block after it, and undo puts it back', () => {
    const editor = createEditor(`${figureHtml(photoId, 'Ảnh')}<p>Một</p><p>Hai</p>`);
    expect(editor.commands.moveFigure(0, 'down')).toBe(true);
    expect(outline(editor)).toEqual(['paragraph:Một', 'figure:Ảnh', 'paragraph:Hai']);
    editor.commands.undo();
    expect(outline(editor)).toEqual(['figure:Ảnh', 'paragraph:Một', 'paragraph:Hai']);
  });

  it('keeps the moved photo selected, so moving it again moves it further', () => {
    const editor = createEditor(`<p>Một</p><p>Hai</p>${figureHtml(photoId, 'Ảnh')}<p>Ba</p>`);
    editor.commands.moveFigure(figurePositions(editor)[0]!, 'up');
    editor.commands.moveFigure(editor.state.selection.from, 'up');
    expect(outline(editor)).toEqual(['figure:Ảnh', 'paragraph:Một', 'paragraph:Hai', 'paragraph:Ba']);
  });

  it('refuses to move a photo up when it is the first block', () => {
    const editor = createEditor(`${figureHtml(photoId, 'Một')}<p>Hai</p>`);
    expect(editor.commands.moveFigure(0, 'up')).toBe(false);
    expect(outline(editor)).toEqual(['figure:Một', 'paragraph:Hai']);
  });

  it('refuses to move a photo down out of the quotation it ends', () => {
    const editor = createEditor(`<blockquote><p>Trích</p>${figureHtml(photoId, 'Ảnh')}</blockquote><p>Sau</p>`);
    expect(editor.commands.moveFigure(figurePositions(editor)[0]!, 'down')).toBe(false);
    expect(childTypes(editor.state.doc.firstChild)).toEqual(['paragraph', 'figure']);
  });

  it('refuses to move a photo above the paragraph a list item opens with', () => {
    const editor = createEditor(`<ul><li><p>Mục</p>${figureHtml(photoId, 'Ảnh')}</li></ul><p>Sau</p>`);
    expect(editor.commands.moveFigure(figurePositions(editor)[0]!, 'up')).toBe(false);
    expect(childTypes(editor.state.doc.firstChild?.firstChild)).toEqual(['paragraph', 'figure']);
  });

  it('removes a photo, and undo brings it back', () => {
    const editor = createEditor(`<p>Trước</p>${figureHtml(photoId, 'Ảnh', 'Văn Đốc')}<p>Sau</p>`);
    expect(editor.commands.removeFigure(figurePositions(editor)[0]!)).toBe(true);
    expect(outline(editor)).toEqual(['paragraph:Trước', 'paragraph:Sau']);
    editor.commands.undo();
    expect(outline(editor)).toEqual(['paragraph:Trước', 'figure:Ảnh', 'paragraph:Sau']);
    expect(editor.getJSON().content?.[1]?.attrs?.['credit']).toBe('Văn Đốc');
  });

  it('refuses to remove something that is not a photo', () => {
    const editor = createEditor('<p>Tin</p>');
    expect(editor.commands.removeFigure(0)).toBe(false);
    expect(outline(editor)).toEqual(['paragraph:Tin']);
  });

  it('renders a figure as HTML it parses back to the same document, with no image address in it', () => {
    const editor = createEditor(`<p>Trước</p>${figureHtml(photoId, 'Quang <strong>cảnh</strong>', 'Văn "Đốc"', 'Hội trường')}`);
    const html = editor.getHTML();
    expect(html).not.toMatch(/\ssrc=/);
    expect(createEditor(html).getJSON()).toEqual(editor.getJSON());
  });

  it('creates a photo from a figure pasted from another article', () => {
    const editor = createEditor('<p></p>');
    paste(editor, figureHtml(photoId, 'Quang cảnh', 'Văn Đốc', 'Hội trường'));
    expect(editor.getJSON().content?.find((block) => block.type === 'figure')).toEqual({
      type: 'figure',
      attrs: { mediaId: photoId, alt: 'Hội trường', credit: 'Văn Đốc' },
      content: [{ type: 'text', text: 'Quang cảnh' }],
    });
  });

  it.each([
    ['a path for a media id', figureHtml('../../etc/passwd', 'Quang cảnh')],
    ['a media id that is not 64 hex digits', figureHtml('abc123', 'Quang cảnh')],
    ['an upper-case media id', figureHtml(photoId.toUpperCase(), 'Quang cảnh')],
    ['no media id', '<figure><img src="file:///etc/passwd"><figcaption>Quang cảnh</figcaption></figure>'],
    ['no caption element', `<figure data-media-id="${photoId}"><img src="https://example.vn/a.jpg"></figure>`],
  ])('does not create a photo from a pasted figure with %s', (_name, html) => {
    const editor = createEditor('<p></p>');
    paste(editor, html);
    expect(figurePositions(editor)).toEqual([]);
  });
});
