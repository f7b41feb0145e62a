import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Editor } from '@tiptap/core';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { encodeLegacy } from '../../shared/legacyEncodings/encodeLegacy';
import { installInProcessApi } from '../support/installInProcessApi';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';

const render = useRendering();
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/clipboard');

// jsdom lays nothing out: ProseMirror's scrolling to the selection (after focus()) asks a range for its rectangles.
if (!('getClientRects' in Range.prototype)) {
  const noRect = { x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON: () => ({}) };
  Object.assign(Range.prototype, { getClientRects: () => [], getBoundingClientRect: () => noRect });
}

const tcvn3 = (text: string) => encodeLegacy(text, 'tcvn3');
const buttonNamed = (name: string, scope: ParentNode = document) =>
  [...scope.querySelectorAll('button')].find((button) => button.textContent?.trim() === name);
const bodyEditor = () => (document.querySelector('.ProseMirror') as HTMLElement & { editor: Editor }).editor;
const titleField = () => document.querySelector<HTMLTextAreaElement>('textarea.input-title')!;
const toastText = () => document.querySelector('.toast .toast-text')?.textContent ?? '';

function bodyLines(): string[] {
  const found: string[] = [];
  bodyEditor().state.doc.descendants((node) => {
    if (node.isTextblock) found.push(node.textContent);
    return !node.isTextblock;
  });
  return found;
}

async function click(element: Element | null | undefined, what: string) {
  if (element === null || element === undefined) throw new Error(`Nothing to click: ${what}`);
  await act(async () => (element as HTMLElement).click());
}

describe('legacy encodings in the editor screen', () => {
  const temporaryDirectory = useTemporaryDirectories();

  async function openArticle(title: string, body: string[]) {
    const { store } = await installInProcessApi(await temporaryDirectory());
    const article = await store.create();
    const paragraphs = body.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }));
    await store.save(article.id, 1, sampleContent({ title, body: { type: 'doc', content: paragraphs } }));
    await render(<App />);
    await untilInAct(() => buttonNamed(title) !== undefined, 'the article row');
    await click(buttonNamed(title), title);
    await untilInAct(() => document.querySelector('.ProseMirror') !== null, 'the editor');
    return { store, id: article.id };
  }

  it('"Chuyển mã…" converts the whole article after a preview, saves it, and "Hoàn tác" takes it back', async () => {
    const title = tcvn3('Kết luận của hội nghị');
    const legacyBody = tcvn3('Những người đứng đầu các địa phương phải chịu trách nhiệm');
    const { store, id } = await openArticle(title, [legacyBody, 'Đoạn đã là Unicode.']);

    await click(buttonNamed('Chuyển mã…'), 'Chuyển mã…');
    const dialog = document.querySelector('dialog')!;
    expect(dialog.textContent).toContain('Cả bài');
    // Found from the text: TCVN3 is chosen, and the preview shows the first paragraphs before and after.
    const chosen = dialog.querySelector<HTMLInputElement>('input[type="radio"]:checked')!;
    expect(chosen.closest('label')!.textContent).toContain('TCVN3 (ABC)');
    const preview = [...dialog.querySelectorAll('.encoding-preview li')].map((item) => item.querySelector('ins')?.textContent);
    expect(preview).toEqual(['Kết luận của hội nghị', 'Những người đứng đầu các địa phương phải chịu trách nhiệm']);

    await click(buttonNamed('Chuyển mã', dialog), 'Chuyển mã');
    expect(document.querySelector('dialog')).toBeNull();
    expect(titleField().value).toBe('Kết luận của hội nghị');
    expect(bodyLines()).toEqual(['Những người đứng đầu các địa phương phải chịu trách nhiệm', 'Đoạn đã là Unicode.']);
    expect(toastText()).toBe('Đã chuyển 2 đoạn từ mã TCVN3 (ABC) sang Unicode');
    await untilInAct(() => store.list('active').some((row) => row.title === 'Kết luận của hội nghị'), 'the save');

    await click(buttonNamed('Hoàn tác'), 'Hoàn tác');
    expect(titleField().value).toBe(title);
    expect(bodyLines()).toEqual([legacyBody, 'Đoạn đã là Unicode.']);
    await untilInAct(() => store.list('active').some((row) => row.title === title), 'the undone save');
    expect((await store.get(id)).body.content?.[0]?.content?.[0]?.text).toBe(legacyBody);
  });

  it('converts only the selection when there is one (Ctrl+Alt+U)', async () => {
    const legacy = tcvn3('Hà Nội');
    await openArticle('Bài chọn', [`Tin từ ${legacy} sáng nay`, tcvn3('Hải Phòng')]);
    const editor = bodyEditor();
    await act(async () => {
      editor.commands.setTextSelection({ from: 9, to: 9 + legacy.length });
    });
    await act(async () => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'u', code: 'KeyU', ctrlKey: true, altKey: true, bubbles: true }));
    });
    const dialog = document.querySelector('dialog')!;
    expect(dialog.textContent).toContain('Phần đã chọn');
    await click(buttonNamed('Chuyển mã', dialog), 'Chuyển mã');
    expect(bodyLines()).toEqual(['Tin từ Hà Nội sáng nay', tcvn3('Hải Phòng')]);
    expect(titleField().value).toBe('Bài chọn');
  });

  it('tells of a converted paste into the body, and its "Hoàn tác" leaves the paste as it came', async () => {
    await openArticle('Bài dán', ['Mở đầu']);
    const editor = bodyEditor();
    await act(async () => {
      editor.commands.setTextSelection(7);
      editor.view.pasteHTML(readFileSync(join(fixtures, 'word-vni.html'), 'utf8'), new Event('paste') as ClipboardEvent);
    });
    expect(bodyLines()).toEqual([
      'Mở đầuThành phố Hồ Chí Minh đẩy mạnh chuyển đổi số trong giáo dục',
      'Các trường học sẽ được trang bị thiết bị mới',
    ]);
    expect(toastText()).toContain('Đã chuyển 2 đoạn từ mã VNI sang Unicode');
    await click(buttonNamed('Hoàn tác'), 'Hoàn tác');
    expect(bodyLines()[1]).toBe(encodeLegacy('Các trường học sẽ được trang bị thiết bị mới', 'vni'));
  });

  it('converts a legacy paste into the title, on one line, and "Hoàn tác" puts the pasted text back', async () => {
    await openArticle('Tít', ['Đoạn']);
    const field = titleField();
    const pasted = `${tcvn3('Hội nghị sơ kết')}\n${tcvn3('sáu tháng đầu năm')}`;
    await act(async () => {
      field.focus();
      field.setSelectionRange(field.value.length, field.value.length);
      const paste = new Event('paste', { bubbles: true, cancelable: true });
      Object.defineProperty(paste, 'clipboardData', { value: { getData: (type: string) => (type === 'text/plain' ? pasted : '') } });
      field.dispatchEvent(paste);
    });
    expect(field.value).toBe('TítHội nghị sơ kết sáu tháng đầu năm');
    expect(toastText()).toContain('Đã chuyển 2 đoạn từ mã TCVN3 (ABC) sang Unicode');
    await click(buttonNamed('Hoàn tác'), 'Hoàn tác');
    expect(field.value).toBe(`Tít${tcvn3('Hội nghị sơ kết')} ${tcvn3('sáu tháng đầu năm')}`);
  });
});

/** A paste event as the browser sends it, its clipboard holding these flavours and files. */
function pasteEvent(flavours: Record<string, string>, files: File[] = []): Event {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', {
    value: { getData: (type: string) => flavours[type] ?? '', files, types: Object.keys(flavours) },
  });
  return event;
}

const onePixelPng = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('pictures in a paste', () => {
  const temporaryDirectory = useTemporaryDirectories();

  async function openBody() {
    const { store } = await installInProcessApi(await temporaryDirectory());
    const article = await store.create();
    await store.save(article.id, 1, sampleContent({ title: 'Bài ảnh' }));
    await render(<App />);
    await untilInAct(() => buttonNamed('Bài ảnh') !== undefined, 'the article row');
    await click(buttonNamed('Bài ảnh'), 'Bài ảnh');
    await untilInAct(() => document.querySelector('.ProseMirror') !== null, 'the editor');
  }

  it('pastes the text, not the picture of it that Word puts beside, and says which pictures were left out', async () => {
    await openBody();
    const picture = new File([Uint8Array.from(atob(onePixelPng), (character) => character.charCodeAt(0))], 'image.png', {
      type: 'image/png',
    });
    await act(async () => {
      bodyEditor().commands.setTextSelection(15);
      bodyEditor().view.dom.dispatchEvent(pasteEvent({ 'text/html': readFileSync(join(fixtures, 'word-lists.html'), 'utf8') }, [picture]));
    });
    expect(bodyLines()).toContain('Đánh giá kết quả sáu tháng đầu năm');
    expect(document.querySelector('.ProseMirror figure')).toBeNull();
    expect(toastText()).toContain('Đã bỏ 1 ảnh không kèm dữ liệu');
  });

  it('imports a picture whose bytes are in the pasted HTML as a photo after the text', async () => {
    await openBody();
    await act(async () => {
      bodyEditor().commands.setTextSelection(15);
      bodyEditor().view.dom.dispatchEvent(
        pasteEvent({ 'text/html': `<p>Biểu đồ dưới đây</p><p><img src="data:image/png;base64,${onePixelPng}"></p>` }),
      );
    });
    expect(bodyLines()).toContain('Đoạn thân bài.Biểu đồ dưới đây');
    await untilInAct(() => document.querySelector('.ProseMirror figure') !== null, 'the photo');
  });
});
