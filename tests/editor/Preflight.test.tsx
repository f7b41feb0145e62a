import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentNodeJson } from '../../shared/documentJson';
import {
  bodyEditor,
  buttonNamed,
  buttons,
  click,
  openArticle,
  paragraphsBody,
  press,
  sapoField,
  typeInto,
} from '../support/articleEditorPage';
import { installInProcessApi } from '../support/installInProcessApi';
import { addArticle } from '../support/moveArticlesTo';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';
import { twoColourJpeg } from '../unit/media/photoFixtures';

const render = useRendering();

const checklist = () => document.querySelector<HTMLElement>('.preflight-dialog');
const findingTexts = () => [...checklist()!.querySelectorAll('.preflight-message')].map((item) => item.textContent);
/** The "Đến chỗ này" button of the finding whose text starts with `start`. */
const goToButton = (start: string) =>
  buttons(checklist()!).find((button) => button.getAttribute('aria-label')?.startsWith(`Đến chỗ này: ${start}`));

/** No sapo, an empty second paragraph, and a last paragraph not closed by "./.". */
const untidy = { sapo: '', body: paragraphsBody(['Mở đầu bài viết.', '', 'Kết bài.']) };

async function exportAndWaitForChecklist(button = 'Xuất HTML') {
  // A click focuses the button it presses (jsdom's click() does not).
  buttonNamed(button)!.focus();
  await click(buttonNamed(button), button);
  await untilInAct(() => checklist() !== null, 'the checklist');
}

describe('the checklist before an export ("Kiểm tra trước khi xuất")', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('lists the findings in reading order with the default button "Hủy", which exports nothing', async () => {
    const directory = await temporaryDirectory();
    const exportPath = join(directory, 'bai.html');
    const { handlers } = await installInProcessApi(directory, exportPath);
    await addArticle(handlers, { title: 'Bài còn thiếu', ...untidy });
    await openArticle(render, 'Bài còn thiếu');

    await exportAndWaitForChecklist();
    const dialog = checklist()!;
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('Kiểm tra trước khi xuất');
    expect(findingTexts()).toEqual(['Bài chưa có sapo.', 'Đoạn 2 để trống.', 'Bài chưa kết thúc bằng dấu ./. theo quy cách của tòa soạn.']);
    expect([...dialog.querySelectorAll('.preflight-severity')].map((item) => item.textContent)).toEqual(['Nên xem', 'Nên xem', 'Nên xem']);
    // Every finding has its own named "Đến chỗ này".
    expect(goToButton('Bài chưa có sapo.')).toBeDefined();
    expect(goToButton('Đoạn 2 để trống.')).toBeDefined();
    expect(document.activeElement).toBe(buttonNamed('Hủy', dialog));

    await click(buttonNamed('Hủy', dialog), 'Hủy');
    expect(checklist()).toBeNull();
    expect(existsSync(exportPath)).toBe(false);
    // The focus goes back to the button that asked for the export.
    await untilInAct(() => document.activeElement === buttonNamed('Xuất HTML'), 'the focus back on "Xuất HTML"');
  });

  it('takes Enter (on anything but a button) and Esc as "Hủy"', async () => {
    const directory = await temporaryDirectory();
    const exportPath = join(directory, 'bai.html');
    const { handlers } = await installInProcessApi(directory, exportPath);
    await addArticle(handlers, { title: 'Bài còn thiếu', ...untidy });
    await openArticle(render, 'Bài còn thiếu');

    await exportAndWaitForChecklist();
    await press(checklist()!.querySelector('.preflight-list')!, 'Enter');
    expect(checklist()).toBeNull();
    await press(window, 'e', { ctrlKey: true });
    await untilInAct(() => checklist() !== null, 'the checklist after Ctrl+E');
    await press(buttonNamed('Vẫn xuất', checklist()!)!, 'Escape');
    expect(checklist()).toBeNull();
    expect(existsSync(exportPath)).toBe(false);
  });

  it('"Đến chỗ này" closes the checklist and puts the caret in the field or the body block, exporting nothing', async () => {
    const directory = await temporaryDirectory();
    const exportPath = join(directory, 'bai.html');
    const { handlers } = await installInProcessApi(directory, exportPath);
    await addArticle(handlers, { title: 'Bài còn thiếu', ...untidy });
    await openArticle(render, 'Bài còn thiếu');

    await exportAndWaitForChecklist();
    await click(goToButton('Bài chưa có sapo.'), 'Đến chỗ này (sapo)');
    expect(checklist()).toBeNull();
    await untilInAct(() => document.activeElement === sapoField(), 'the focus in the sapo');

    await exportAndWaitForChecklist();
    await click(goToButton('Đoạn 2 để trống.'), 'Đến chỗ này (đoạn 2)');
    expect(checklist()).toBeNull();
    const editor = bodyEditor();
    await untilInAct(() => document.activeElement === editor.view.dom, 'the focus in the body');
    const { $from } = editor.state.selection;
    expect($from.index(0)).toBe(1);
    expect($from.parent.textContent).toBe('');

    await exportAndWaitForChecklist();
    await click(goToButton('Bài chưa kết thúc'), 'Đến chỗ này (./.)');
    expect(bodyEditor().state.selection.$from.parent.textContent).toBe('Kết bài.');
    expect(existsSync(exportPath)).toBe(false);

    // A finding fixed is no longer listed.
    await typeInto(sapoField(), 'Sapo đã viết.');
    await exportAndWaitForChecklist();
    expect(findingTexts()).not.toContain('Bài chưa có sapo.');
  });

  it('"Đến chỗ này" of a photo puts the caret in its caption', async () => {
    const directory = await temporaryDirectory();
    const { handlers } = await installInProcessApi(directory, join(directory, 'bai.html'));
    const media = await handlers['media:importBytes']({ fileName: 'anh.jpg', bytes: new Uint8Array(await twoColourJpeg()) });
    const photo: DocumentNodeJson = {
      type: 'figure',
      attrs: { mediaId: media.id, alt: '', credit: 'Văn Đốc' },
      content: [{ type: 'text', text: 'Toàn cảnh hội nghị' }],
    };
    const body = { type: 'doc', content: [...paragraphsBody(['Mở đầu.']).content!, photo, ...paragraphsBody(['Kết bài./.']).content!] };
    await addArticle(handlers, { title: 'Bài có ảnh', body });
    await openArticle(render, 'Bài có ảnh');

    await exportAndWaitForChecklist();
    expect(findingTexts()).toEqual(['Ảnh 1 chưa có mô tả ảnh cho người không xem được ảnh.']);
    await click(goToButton('Ảnh 1'), 'Đến chỗ này (ảnh 1)');
    await untilInAct(() => bodyEditor().state.selection.$from.parent.type.name === 'figure', 'the caret in the caption');
    expect(bodyEditor().state.selection.$from.parent.textContent).toBe('Toàn cảnh hội nghị');
  });

  it('"Vẫn xuất" exports the article as it is', async () => {
    const directory = await temporaryDirectory();
    const exportPath = join(directory, 'bai.html');
    const { handlers } = await installInProcessApi(directory, exportPath);
    await addArticle(handlers, { title: 'Bài còn thiếu', ...untidy });
    await openArticle(render, 'Bài còn thiếu');

    await exportAndWaitForChecklist();
    await click(buttonNamed('Vẫn xuất', checklist()!), 'Vẫn xuất');
    expect(checklist()).toBeNull();
    await untilInAct(() => existsSync(exportPath), 'the exported file');
  });

  it('shows nothing for a clean article: both exports go straight through', async () => {
    const directory = await temporaryDirectory();
    const exportPath = join(directory, 'bai.html');
    const exportFolder = join(directory, 'thu-muc');
    const { handlers } = await installInProcessApi(directory, exportPath, { dialogs: { exportFolder } });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(exportFolder);
    await addArticle(handlers, { title: 'Bài sạch', body: paragraphsBody(['Mở đầu.', 'Kết bài./.']) });
    await openArticle(render, 'Bài sạch');

    await click(buttonNamed('Xuất HTML'), 'Xuất HTML');
    await untilInAct(() => existsSync(exportPath), 'the exported file');
    expect(checklist()).toBeNull();
    await untilInAct(() => !buttonNamed('Xuất thư mục')!.disabled, 'the first export done');
    await click(buttonNamed('Xuất thư mục'), 'Xuất thư mục');
    await untilInAct(() => readdirSync(exportFolder).includes('bai-sach'), 'the exported folder');
    expect(checklist()).toBeNull();
  });
});
