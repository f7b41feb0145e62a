import type { Editor, JSONContent } from '@tiptap/core';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import type { DocumentNodeJson } from '../../shared/documentJson';
import { setTrackingChanges } from '../../renderer/src/features/editor/suggestions/trackChanges';
import { installInProcessApi } from '../support/installInProcessApi';
import { addArticle } from '../support/moveArticlesTo';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';

const render = useRendering();

// jsdom lays nothing out: ProseMirror's scrolling to the selection (after focus()) asks a range for its rectangles.
if (!('getClientRects' in Range.prototype)) {
  const noRect = { x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON: () => ({}) };
  Object.assign(Range.prototype, { getClientRects: () => [], getBoundingClientRect: () => noRect });
}

const buttonNamed = (name: string, scope: ParentNode = document) =>
  [...scope.querySelectorAll('button')].find((button) => button.textContent?.trim() === name);
const underlined = () => [...document.querySelectorAll('.ProseMirror .spelling-error')].map((element) => element.textContent);
const menu = () => document.querySelector<HTMLElement>('.spelling-menu');
const menuItems = () => [...(menu()?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

function bodyEditor(): Editor {
  return (document.querySelector('.ProseMirror') as HTMLElement & { editor: Editor }).editor;
}

function body(...paragraphs: JSONContent[]): DocumentNodeJson {
  return { type: 'doc', content: paragraphs } as DocumentNodeJson;
}

function paragraph(...pieces: JSONContent[]): JSONContent {
  return { type: 'paragraph', content: pieces };
}

const text = (value: string): JSONContent => ({ type: 'text', text: value });

async function openArticle(title: string) {
  await render(<App />);
  await untilInAct(() => buttonNamed(title) !== undefined, `the row of "${title}"`);
  await act(async () => buttonNamed(title)!.click());
  await untilInAct(() => document.querySelector('.ProseMirror') !== null && document.querySelector('.spelling-bar') !== null, 'the editor');
}

/** Types at the end of the body's last paragraph, as the keyboard would (one transaction per piece). */
async function typeAtEnd(typed: string) {
  await act(async () => {
    const editor = bodyEditor();
    editor.view.focus();
    const end = editor.state.doc.content.size - 1;
    editor.view.dispatch(editor.state.tr.insertText(typed, end, end));
  });
}

/** Opens the context menu of the first underlined word spelled `word`, by a right-click on it. */
async function rightClick(word: string) {
  const target = [...document.querySelectorAll('.ProseMirror .spelling-error')].find((element) => element.textContent === word);
  if (target === undefined) throw new Error(`"${word}" is not underlined`);
  await act(async () => {
    target.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 10, clientY: 10 }));
  });
  await untilInAct(() => menu() !== null, 'the spelling menu');
}

async function press(target: EventTarget, key: string, modifiers: KeyboardEventInit = {}) {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...modifiers }));
  });
}

/** Waits (a turn at a time, as untilInAct) until what main stored says so. */
async function untilStored(predicate: () => Promise<boolean>, what: string) {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (await predicate()) return;
    await untilInAct(() => true, what);
    await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe('spell check in the editor', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('underlines a misspelled word once typed, and replaces it with a suggestion from the right-click menu (undoably)', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    const id = await addArticle(handlers, { title: 'Hội nghị', body: body(paragraph(text('Hội nghị có nhiều người tham dự.'))) });
    await openArticle('Hội nghị');
    await untilInAct(() => document.querySelector('.spelling-count')?.textContent === 'không thấy từ nghi sai', 'the first check');
    expect(underlined()).toEqual([]);

    await typeAtEnd(' Hôm nay nguời dân đến.');
    await untilInAct(() => underlined().length === 1, 'the underline');
    expect(underlined()).toEqual(['nguời']);
    expect(document.querySelector('.spelling-count')!.textContent).toBe('1 từ nghi sai');

    await rightClick('nguời');
    expect(menu()!.getAttribute('aria-label')).toBe('Chính tả: “nguời”');
    const labels = menuItems().map((item) => item.textContent);
    expect(labels[0]).toBe('người');
    expect(labels.length).toBeLessThanOrEqual(8);
    expect(labels.slice(-2)).toEqual(['Thêm vào từ điển', 'Bỏ qua']);
    // The first suggestion has the focus.
    expect(document.activeElement).toBe(menuItems()[0]);
    await act(async () => menuItems()[0]!.click());

    expect(menu()).toBeNull();
    expect(bodyEditor().state.doc.textContent).toBe('Hội nghị có nhiều người tham dự. Hôm nay người dân đến.');
    await untilInAct(() => underlined().length === 0, 'the underline gone');
    // Saved like any edit, and taken back by one undo.
    await press(window, 's', { ctrlKey: true });
    await untilInAct(() => document.querySelector('.save-saved') !== null, 'the save');
    expect(JSON.stringify((await handlers['article:get']({ id })).body)).toContain('Hôm nay người dân đến.');
    await act(async () => void bodyEditor().commands.undo());
    expect(bodyEditor().state.doc.textContent).toContain('Hôm nay nguời dân đến.');
  });

  it('opens the menu from the keyboard (Shift+F10), moves with the arrows, chooses with Enter and closes with Esc', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    await addArticle(handlers, { title: 'Bàn phím', body: body(paragraph(text('Hôm nay nguời dân đến hôij trường.'))) });
    await openArticle('Bàn phím');
    await untilInAct(() => underlined().length === 2, 'the underlines');
    const editorElement = document.querySelector('.ProseMirror')!;
    const wordAt = (word: string) => bodyEditor().state.doc.textContent.indexOf(word) + 1;

    await act(async () => {
      bodyEditor().view.focus();
      bodyEditor().commands.setTextSelection(wordAt('hôij') + 2);
    });
    await press(editorElement, 'F10', { shiftKey: true });
    await untilInAct(() => menu() !== null, 'the menu');
    expect(menu()!.getAttribute('aria-label')).toBe('Chính tả: “hôij”');
    await press(document.activeElement!, 'Escape');
    expect(menu()).toBeNull();
    expect(document.activeElement).toBe(editorElement);

    await act(async () => void bodyEditor().commands.setTextSelection(wordAt('nguời') + 1));
    await press(editorElement, 'ContextMenu');
    await untilInAct(() => menu() !== null, 'the menu again');
    const items = menuItems();
    expect(document.activeElement).toBe(items[0]);
    await press(document.activeElement!, 'ArrowUp');
    expect(document.activeElement!.textContent).toBe('Bỏ qua');
    await press(document.activeElement!, 'ArrowDown');
    expect(document.activeElement).toBe(items[0]);
    // Enter on a focused menu item is its click (the browser's own activation; jsdom needs it spelled out).
    await act(async () => (document.activeElement as HTMLElement).click());
    expect(bodyEditor().state.doc.textContent).toBe('Hôm nay người dân đến hôij trường.');
    await untilInAct(() => underlined().length === 1, 'one underline left');
  });

  it('replaces a word as a suggestion while “Sửa có theo dõi” is on', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    await addArticle(handlers, { title: 'Theo dõi', body: body(paragraph(text('Nhiều nguời đến.'))) });
    await openArticle('Theo dõi');
    await untilInAct(() => underlined().length === 1, 'the underline');
    await act(async () => setTrackingChanges(bodyEditor(), true));
    await rightClick('nguời');
    await act(async () => buttonNamed('người', menu()!)!.click());
    // The typed word struck through, the correction inserted beside it: both suggestions, to accept or reject.
    const runs: string[] = [];
    bodyEditor().state.doc.descendants((node) => {
      if (node.isText) runs.push(`${node.marks.map((mark) => mark.type.name).join('+') || 'text'}: ${node.text}`);
    });
    expect(runs).toEqual(['text: Nhiều ', 'deletion: nguời', 'insertion: người', 'text:  đến.']);
    // A word on its way out is not underlined.
    await untilInAct(() => underlined().length === 0, 'no underline on the suggested deletion');
  });

  it('adds a word to the library’s dictionary, known in every article, and ignores one in this article only', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    await addArticle(handlers, { title: 'Thứ hai', body: body(paragraph(text('Xem vlog và podcast.'))) });
    await addArticle(handlers, { title: 'Thứ nhất', body: body(paragraph(text('Buổi livestream có nhiều nguời xem.'))) });
    await openArticle('Thứ nhất');
    await untilInAct(() => underlined().length === 2, 'the underlines');
    expect(underlined()).toEqual(['livestream', 'nguời']);

    await rightClick('livestream');
    await act(async () => buttonNamed('Thêm vào từ điển', menu()!)!.click());
    await untilInAct(() => underlined().length === 1, 'the added word no longer underlined');
    expect(underlined()).toEqual(['nguời']);
    expect((await handlers['dictionary:list']({})).map((entry) => entry.word)).toEqual(['livestream']);
    expect(document.querySelector('.spelling-notice')!.textContent).toBe('Đã thêm “livestream” vào từ điển của thư viện.');

    // "Bỏ qua": this article only.
    await rightClick('nguời');
    await act(async () => buttonNamed('Bỏ qua', menu()!)!.click());
    await untilInAct(() => underlined().length === 0, 'the ignored word no longer underlined');
    expect((await handlers['dictionary:list']({})).map((entry) => entry.word)).toEqual(['livestream']);
    await untilInAct(() => document.querySelector('.spelling-count')?.textContent === 'không thấy từ nghi sai', 'the count');

    // Another article: the dictionary's words are known there too (one only the dictionary has: no article used it).
    await handlers['dictionary:add']({ word: 'podcast' });
    await act(async () => buttonNamed('← Thư viện')!.click());
    await untilInAct(() => buttonNamed('Thứ hai') !== undefined, 'the library');
    await act(async () => buttonNamed('Thứ hai')!.click());
    await untilInAct(() => document.querySelector('.ProseMirror')?.textContent === 'Xem vlog và podcast.', 'the other article');
    await untilInAct(() => underlined().join() === 'vlog', 'the other article checked');
  });

  it('lists the dictionary in Cài đặt, takes a word added by mistake out (undoably), and the article underlines it again', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    await addArticle(handlers, { title: 'Thứ nhất', body: body(paragraph(text('Buổi livestream có nhiều người xem.'))) });
    for (const word of ['livestream', 'Đắk', 'Dũng', 'email', 'Ếch', 'Ba']) await handlers['dictionary:add']({ word });
    await render(<App />);
    await untilInAct(() => buttonNamed('Cài đặt') !== undefined, 'the library');
    await act(async () => buttonNamed('Cài đặt')!.click());
    const section = () => document.querySelector<HTMLElement>('dialog.settings-dialog .dictionary-section');
    const words = () => [...(section()?.querySelectorAll('.dictionary-word') ?? [])].map((element) => element.textContent);
    await untilInAct(() => words().length === 6, 'the dictionary listed');
    expect(section()!.querySelector('legend')!.textContent).toBe('Từ điển chính tả');
    // The Vietnamese order: D before Đ, E before Ê; no filter box for a few words.
    expect(words()).toEqual(['Ba', 'Dũng', 'Đắk', 'email', 'Ếch', 'livestream']);
    expect(section()!.querySelector('input[type="search"]')).toBeNull();

    await act(async () => section()!.querySelector<HTMLButtonElement>('button[aria-label="Xóa “livestream” khỏi từ điển"]')!.click());
    await untilInAct(() => !words().includes('livestream'), 'the word removed');
    expect(section()!.querySelector('.toast')!.textContent).toContain('Đã xóa “livestream” khỏi từ điển chính tả.');
    expect((await handlers['dictionary:list']({})).map((entry) => entry.word)).not.toContain('livestream');
    // "Hoàn tác" adds it again; then it is removed for good.
    await act(async () => buttonNamed('Hoàn tác', section()!)!.click());
    await untilInAct(() => words().includes('livestream'), 'the word back');
    expect((await handlers['dictionary:list']({})).map((entry) => entry.word)).toContain('livestream');
    await act(async () => section()!.querySelector<HTMLButtonElement>('button[aria-label="Xóa “livestream” khỏi từ điển"]')!.click());
    await untilInAct(() => !words().includes('livestream'), 'the word removed again');
    await act(async () => buttonNamed('Hủy')!.click());
    await untilInAct(() => section() === null, 'the dialog closed');

    await act(async () => buttonNamed('Thứ nhất')!.click());
    await untilInAct(
      () => document.querySelector('.ProseMirror') !== null && document.querySelector('.spelling-bar') !== null,
      'the editor',
    );
    await untilInAct(() => underlined().join() === 'livestream', 'the removed word underlined again');
    await untilInAct(() => document.querySelector('.spelling-count')?.textContent === '1 từ nghi sai', 'the count');
  });

  it('filters a dictionary of more than 20 words in Cài đặt', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    const many = ['Müller', ...Array.from({ length: 20 }, (_, index) => `tu${'abcdefghijklmnopqrst'[index]}`)];
    for (const word of many) await handlers['dictionary:add']({ word });
    await render(<App />);
    await untilInAct(() => buttonNamed('Cài đặt') !== undefined, 'the library');
    await act(async () => buttonNamed('Cài đặt')!.click());
    const section = () => document.querySelector<HTMLElement>('dialog.settings-dialog .dictionary-section')!;
    const words = () => [...section().querySelectorAll('.dictionary-word')].map((element) => element.textContent);
    await untilInAct(() => words().length === 21, 'the dictionary listed');
    const filter = section().querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(filter.closest('label')!.textContent).toContain('Lọc từ (21 từ)');
    const typeFilter = async (value: string) =>
      act(async () => {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(filter, value);
        filter.dispatchEvent(new Event('input', { bubbles: true }));
      });
    await typeFilter('MÜL');
    expect(words()).toEqual(['Müller']);
    await typeFilter('xyz');
    expect(words()).toEqual([]);
    expect(section().textContent).toContain('Không có từ nào khớp.');
    // Enter in the box filters; it does not save and close the settings.
    await press(filter, 'Enter');
    expect(document.querySelector('dialog.settings-dialog')).not.toBeNull();
  });

  it('knows the names other articles use, and leaves links and addresses alone', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    await addArticle(handlers, { title: 'Khách', body: body(paragraph(text('Ông José Müller phát biểu.'))) });
    const link = { type: 'link', attrs: { href: 'https://example.vn/trang' } };
    await addArticle(handlers, {
      title: 'Đang viết',
      body: body(
        paragraph(text('Ông Müller và bà Schrödinger, xem https://vnexpress.net/thoi-su hoặc ')),
        paragraph({ type: 'text', text: 'trang nguoi dung', marks: [link] }, text(' livestream.')),
      ),
    });
    await openArticle('Đang viết');
    // The library's words arrive after the first check: Müller is underlined until they do.
    await untilInAct(() => underlined().join() === 'Schrödinger,livestream', 'the check with the library’s words');
  });

  it('turns off and on, remembered in the settings', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    await addArticle(handlers, { title: 'Tắt', body: body(paragraph(text('Nhiều nguời đến.'))) });
    await openArticle('Tắt');
    await untilInAct(() => underlined().length === 1, 'the underline');
    const toggle = document.querySelector<HTMLInputElement>('.spelling-toggle input')!;
    await act(async () => toggle.click());
    expect(underlined()).toEqual([]);
    await untilInAct(() => document.querySelector('.spelling-count') === null, 'the count hidden');
    await untilStored(async () => (await handlers['settings:get']({})).spellCheck === false, 'the setting stored');
    await act(async () => toggle.click());
    await untilInAct(() => underlined().length === 1, 'the underline back');
    await untilStored(async () => (await handlers['settings:get']({})).spellCheck, 'the setting stored again');
    // The browser's own spellchecker stays off on the body.
    expect(document.querySelector('.ProseMirror')!.getAttribute('spellcheck')).toBe('false');
  });
});
