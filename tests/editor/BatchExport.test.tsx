import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryScreen } from '../../renderer/src/features/library/LibraryScreen';
import { bodyWithPhoto } from '../support/bodyWithPhoto';
import { installInProcessApi, testIdentity } from '../support/installInProcessApi';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { listFilesUnder, twoColourJpeg } from '../unit/media/photoFixtures';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let container: HTMLElement | null = null;

async function renderLibrary(onOpen: (id: string) => void = () => {}) {
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => {
    root = createRoot(container!);
    root.render(
      <LibraryScreen
        scope="active"
        onScopeChange={() => {}}
        onOpen={onOpen}
        onCreate={() => {}}
        language="vi"
        onLanguageChange={() => {}}
        dataDirectory=""
        identity={testIdentity}
        showToast={() => {}}
      />,
    );
  });
  return container;
}

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  root = null;
});

const rowTitles = (view: HTMLElement) => [...view.querySelectorAll('.article-row .title-link')].map((button) => button.textContent);
const checkboxOf = (view: HTMLElement, title: string) =>
  view.querySelector<HTMLInputElement>(`input[type="checkbox"][aria-label="Chọn bài: ${title}"]`)!;
const checkedTitles = (view: HTMLElement) =>
  [...view.querySelectorAll<HTMLInputElement>('.cell-select input:checked')].map((input) => input.getAttribute('aria-label'));
const buttonNamed = (view: ParentNode, name: string) =>
  [...view.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent === name)!;

/** A click as the user makes it, with the keys held. */
async function click(element: HTMLElement, keys: { ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean } = {}) {
  await act(async () => {
    element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...keys }));
  });
}

describe('choosing articles in the library and exporting them together', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('chooses rows by checkbox, Ctrl/Cmd-click, Shift-click, Ctrl+A or "Chọn tất cả"; a plain click still opens', async () => {
    const library = await installInProcessApi(await temporaryDirectory());
    for (const title of ['Bài A', 'Bài B', 'Bài C', 'Bài D', 'Bài E']) {
      const article = await library.handlers['article:create']({});
      await library.handlers['article:save']({ id: article.id, baseRevision: 1, content: sampleContent({ title }) });
    }
    const onOpen = vi.fn();
    const view = await renderLibrary(onOpen);
    await untilInAct(() => rowTitles(view).length === 5, 'the rows');
    const [first, second, third, , fifth] = rowTitles(view);

    await click(checkboxOf(view, first!));
    expect(view.textContent).toContain('Đã chọn 1 bài');
    // Ctrl-click (Cmd on a Mac) on a title chooses it instead of opening it.
    await click(view.querySelector<HTMLElement>(`.title-link[aria-label="${third}"]`)!, { ctrlKey: true });
    expect(onOpen).not.toHaveBeenCalled();
    expect(checkedTitles(view)).toEqual([`Chọn bài: ${first}`, `Chọn bài: ${third}`]);
    // Shift-click: every row from the last one chosen (the third) to this one.
    await click(checkboxOf(view, fifth!), { shiftKey: true });
    expect(view.textContent).toContain('Đã chọn 4 bài');
    expect(checkboxOf(view, second!).checked).toBe(false);
    // Cmd-click again takes one out.
    await click(view.querySelector<HTMLElement>(`.title-link[aria-label="${first}"]`)!, { metaKey: true });
    expect(view.textContent).toContain('Đã chọn 3 bài');
    // A plain click opens the article, as before, and leaves the choice alone.
    await click(view.querySelector<HTMLElement>(`.title-link[aria-label="${second}"]`)!);
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(view.textContent).toContain('Đã chọn 3 bài');

    const list = view.querySelector<HTMLElement>('.article-list')!;
    await act(async () => {
      list.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', ctrlKey: true, bubbles: true, cancelable: true }));
    });
    expect(view.textContent).toContain('Đã chọn 5 bài');
    const selectAll = view.querySelector<HTMLInputElement>('input[aria-label="Chọn tất cả"]')!;
    expect(selectAll.checked).toBe(true);
    await click(selectAll);
    expect(checkedTitles(view)).toEqual([]);
    expect(view.textContent).not.toContain('Đã chọn');
    await click(selectAll);
    expect(view.textContent).toContain('Đã chọn 5 bài');
    await click(buttonNamed(view, 'Bỏ chọn'));
    expect(checkedTitles(view)).toEqual([]);

    // Space toggles the current row (the first, as the list starts).
    await act(async () => {
      list.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true }));
    });
    expect(checkedTitles(view)).toEqual([`Chọn bài: ${first}`]);
  }, 30_000);

  it('exports the chosen articles in the form picked and lists each result (file or failure) with the preflight notes', async () => {
    const root = await temporaryDirectory();
    const output = join(root, 'xuat');
    await mkdir(output);
    const dataDirectory = join(root, 'data');
    const openedFolders: string[] = [];
    const library = await installInProcessApi(dataDirectory, null, { dialogs: { exportFolder: output, openedFolders } });
    const photo = await library.handlers['media:importBytes']({ fileName: 'anh.jpg', bytes: new Uint8Array(await twoColourJpeg()) });
    const gone = await library.handlers['media:importBytes']({
      fileName: 'hong.jpg',
      bytes: new Uint8Array(await twoColourJpeg({ width: 200 })),
    });
    for (const [title, photoId] of [
      ['Hội nghị sơ kết', photo.id],
      ['Bài hỏng ảnh', gone.id],
      ['Đại hội Chi bộ', photo.id],
    ] as const) {
      const article = await library.handlers['article:create']({});
      const content = sampleContent({ title, sapo: '', body: bodyWithPhoto(photoId) });
      await library.handlers['article:save']({ id: article.id, baseRevision: 1, content });
    }
    // The photo of "Bài hỏng ảnh" is gone from the library: that article cannot be exported.
    for (const file of await listFilesUnder(dataDirectory)) if (file.includes(gone.id)) await rm(join(dataDirectory, file));

    const view = await renderLibrary();
    await untilInAct(() => rowTitles(view).length === 3, 'the rows');
    await act(async () => {
      view
        .querySelector<HTMLElement>('.article-list')!
        .dispatchEvent(new KeyboardEvent('keydown', { key: 'a', ctrlKey: true, bubbles: true, cancelable: true }));
    });
    await click(buttonNamed(view, 'Xuất các bài đã chọn…'));
    const dialog = view.querySelector<HTMLElement>('dialog.batch-export-dialog')!;
    expect(dialog.textContent).toContain('Xuất 3 bài');
    await click(view.querySelector<HTMLInputElement>('input[type="radio"][value="docx"]')!);
    await click(buttonNamed(dialog, 'Xuất'));
    await untilInAct(() => dialog.querySelector('.batch-export-results') !== null, 'the result list');

    const lines = [...dialog.querySelectorAll('.batch-export-result')];
    expect(lines).toHaveLength(3);
    const byTitle = new Map(lines.map((line) => [line.querySelector('strong')!.textContent, line]));
    expect(byTitle.get('Hội nghị sơ kết')!.textContent).toContain('Đã xuất → hoi-nghi-so-ket.docx');
    expect(byTitle.get('Đại hội Chi bộ')!.textContent).toContain('Đã xuất → dai-hoi-chi-bo.docx');
    expect(byTitle.get('Bài hỏng ảnh')!.className).toContain('batch-export-failed');
    expect(byTitle.get('Bài hỏng ảnh')!.textContent).toContain('Lỗi: ');
    for (const line of lines) expect(line.textContent).toContain('Bài chưa có sapo.');
    expect(dialog.textContent).toContain('Đã xuất 2 bài, 1 bài lỗi.');
    expect(dialog.textContent).toContain(`Thư mục: ${output}`);
    expect((await readdir(output)).sort()).toEqual(['dai-hoi-chi-bo.docx', 'hoi-nghi-so-ket.docx']);

    // "Mở thư mục": main shows the folder the batch wrote in the file manager.
    expect(openedFolders).toEqual([]);
    await click(buttonNamed(dialog, 'Mở thư mục'));
    await untilInAct(() => openedFolders.length === 1, 'the folder opened');
    expect(openedFolders).toEqual([output]);
    expect(dialog.querySelector('.batch-export-results')).not.toBeNull();

    await click(buttonNamed(dialog, 'Đóng'));
    expect(view.querySelector('dialog.batch-export-dialog')).toBeNull();
  }, 30_000);
});
