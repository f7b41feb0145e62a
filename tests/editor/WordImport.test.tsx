import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { invokeHandler } from '../../electron/main/ipc/invokeHandler';
import { LibraryScreen } from '../../renderer/src/features/library/LibraryScreen';
import { WordImportDialog } from '../../renderer/src/features/library/WordImportDialog';
import type { WordImportProgress } from '../../shared/wordImportModel';
import { buildDocx, compoundFile } from '../support/docxFixtures';
import { installInProcessApi } from '../support/installInProcessApi';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';

const render = useRendering();

/** The editor has loaded its article's review history (read after the article itself). */
const editorLoaded = (view: HTMLElement) =>
  view.querySelector('.history-panel') !== null && !view.querySelector('.history-panel')!.textContent.includes('Đang tải');

const buttonNamed = (name: string) => [...document.querySelectorAll('button')].find((button) => button.textContent === name);

/** A Word file with a heading for a title, a sapo, a subheading and a numbered list. */
async function wordFileIn(folder: string): Promise<string> {
  const path = join(folder, 'Bai phong vien.docx');
  await writeFile(
    path,
    buildDocx({
      blocks: [
        { style: 'Heading1', parts: [{ text: 'Hội nghị xúc tiến đầu tư' }] },
        { parts: [{ text: 'Hơn 300 doanh nghiệp dự hội nghị sáng nay.' }] },
        { style: 'Heading2', parts: [{ text: 'Những con số' }] },
        { list: { numId: 1, level: 0 }, parts: [{ text: 'Vốn đăng ký tăng', bold: true }] },
      ],
    }),
  );
  return path;
}

/** Types into a React-controlled field as a user does. */
async function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const prototype = field instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(field, value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('"Nhập từ Word…" in the library', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('shows the guessed title and sapo to correct, then creates the article and opens it with the body', async () => {
    const { store } = await installInProcessApi(await temporaryDirectory(), null, {
      dialogs: { wordFile: await wordFileIn(await temporaryDirectory()) },
    });
    const view = await render(<App />);
    await untilInAct(() => buttonNamed('Nhập từ Word…') !== undefined, 'the import button');
    await act(async () => buttonNamed('Nhập từ Word…')!.click());
    await untilInAct(() => buttonNamed('Tạo bài') !== undefined, 'the confirmation');

    const dialog = view.querySelector('.word-import-dialog')!;
    const [title] = dialog.querySelectorAll('input');
    const sapo = dialog.querySelector('textarea')!;
    expect(title!.value).toBe('Hội nghị xúc tiến đầu tư');
    expect(sapo.value).toBe('Hơn 300 doanh nghiệp dự hội nghị sáng nay.');
    expect(dialog.textContent).toContain('Tệp: Bai phong vien.docx');
    expect(dialog.textContent).toContain('Thân bài: 0 đoạn, 1 tiêu đề phụ, 1 mục danh sách, 0 ảnh.');
    // Nothing is created before the user says so.
    expect(store.list('active')).toEqual([]);

    await typeInto(title!, 'Hội nghị xúc tiến đầu tư 2026');
    await act(async () => buttonNamed('Tạo bài')!.click());
    await untilInAct(
      () => view.querySelector<HTMLTextAreaElement>('textarea.input-title')?.value === 'Hội nghị xúc tiến đầu tư 2026',
      'the editor',
    );
    await untilInAct(
      () => view.querySelector('[aria-label="Nội dung bài"]')?.textContent?.includes('Vốn đăng ký tăng') === true,
      'the body',
    );
    const body = view.querySelector('[aria-label="Nội dung bài"]')!;
    expect(body.querySelector('h2')?.textContent).toBe('Những con số');
    expect(body.querySelector('ol li strong')?.textContent).toBe('Vốn đăng ký tăng');
    expect(view.querySelector('.word-import-dialog')).toBeNull();
    await untilInAct(() => editorLoaded(view), 'the editor to finish loading');

    const [summary] = store.list('active');
    const article = await store.get(summary!.id);
    expect(article).toMatchObject({ title: 'Hội nghị xúc tiến đầu tư 2026', sapo: 'Hơn 300 doanh nghiệp dự hội nghị sáng nay.' });
    expect(article.body.content?.map((block) => block.type)).toEqual(['heading', 'orderedList']);
  });

  it('creates nothing when the user cancels, and puts an emptied guess back in the body', async () => {
    const { store } = await installInProcessApi(await temporaryDirectory(), null, {
      dialogs: { wordFile: await wordFileIn(await temporaryDirectory()) },
    });
    const view = await render(<App />);
    await untilInAct(() => buttonNamed('Nhập từ Word…') !== undefined, 'the import button');
    await act(async () => buttonNamed('Nhập từ Word…')!.click());
    await untilInAct(() => buttonNamed('Tạo bài') !== undefined, 'the confirmation');
    await act(async () => buttonNamed('Hủy')!.click());
    expect(view.querySelector('.word-import-dialog')).toBeNull();
    expect(store.list('active')).toEqual([]);

    // Again, this time with the sapo emptied: its paragraph stays at the top of the body.
    await act(async () => buttonNamed('Nhập từ Word…')!.click());
    await untilInAct(() => buttonNamed('Tạo bài') !== undefined, 'the confirmation');
    await typeInto(view.querySelector('.word-import-dialog textarea')!, '');
    await act(async () => buttonNamed('Tạo bài')!.click());
    await untilInAct(() => store.list('active').length === 1 && editorLoaded(view), 'the article in the editor');
    const article = await store.get(store.list('active')[0]!.id);
    expect(article.sapo).toBe('');
    expect(article.body.content?.[0]).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: 'Hơn 300 doanh nghiệp dự hội nghị sáng nay.' }],
    });
  });

  it('imports a .docx dropped on the library, and says how to convert an old .doc', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    // Under jsdom, structuredClone gives typed arrays of Node's realm, which the contract's instanceof does not take:
    // the bytes are copied into this realm's array, as IPC gives main its own (see ReviewPackages.test.tsx).
    window.api.wordReadBytes = async (request) =>
      structuredClone(
        (await invokeHandler(handlers, 'word:readBytes', { ...request, bytes: new Uint8Array(request.bytes) })) as Awaited<
          ReturnType<typeof window.api.wordReadBytes>
        >,
      );
    const toasts: string[] = [];
    const view = await render(
      <LibraryScreen
        scope="active"
        onScopeChange={() => {}}
        onOpen={() => {}}
        onCreate={() => {}}
        language="vi"
        onLanguageChange={() => {}}
        dataDirectory=""
        showToast={(toast) => void toasts.push(toast.text)}
      />,
    );
    await untilInAct(() => view.textContent.includes('Chưa có bài viết nào'), 'the empty library');
    const fileOf = (name: string, bytes: Uint8Array) =>
      ({ name, size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer }) as unknown as File;
    const drop = async (file: File) => {
      const event = new Event('drop', { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files: [file] } });
      await act(async () => view.querySelector('.library')!.dispatchEvent(event));
    };
    await drop(fileOf('cu.doc', new Uint8Array(compoundFile(['WordDocument']))));
    await untilInAct(() => toasts.length === 1, 'the refusal');
    expect(toasts[0]).toContain('Đây là tệp Word kiểu cũ (.doc)');
    expect(view.querySelector('.word-import-dialog')).toBeNull();

    await drop(fileOf('moi.docx', new Uint8Array(buildDocx({ blocks: [{ parts: [{ text: 'Tít thả vào' }] }] }))));
    await untilInAct(() => buttonNamed('Tạo bài') !== undefined, 'the confirmation');
    expect(view.querySelector<HTMLInputElement>('.word-import-dialog input')!.value).toBe('Tít thả vào');
  });

  it('shows how far reading has got: the text, then the pictures n of m, and nothing while the file dialog is open', async () => {
    const dialogOf = async (progress: WordImportProgress) => {
      const view = await render(<WordImportDialog state={{ phase: 'reading', progress }} onCreate={() => {}} onCancel={() => {}} />);
      return view.querySelector('.word-import-dialog');
    };
    expect(await dialogOf(null)).toBeNull();
    const reading = (await dialogOf({ stage: 'reading' }))!;
    expect(reading.querySelector('[role="status"]')!.textContent).toBe('Đang đọc tệp Word…');
    expect(reading.querySelector('progress')!.hasAttribute('value')).toBe(false);
    const photos = (await dialogOf({ stage: 'photos', done: 2, total: 5 }))!;
    expect(photos.querySelector('[role="status"]')!.textContent).toBe('Đang nhập ảnh 2/5…');
    expect(photos.querySelector('progress')).toMatchObject({ value: 2, max: 5 });
  });
});
