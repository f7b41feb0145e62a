import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act } from 'react';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { formatBytes } from '../../renderer/src/lib/formatBytes';
import { defaultExportTemplate, type ExportTemplate } from '../../shared/exportTemplateModel';
import type { HandlerTable } from '../../shared/ipcContract';
import { buttonNamed, click, press, typeInto } from '../support/articleEditorPage';
import { installInProcessApi } from '../support/installInProcessApi';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';

const render = useRendering();

const settingsDialog = () => document.querySelector<HTMLDialogElement>('dialog.settings-dialog');
const section = () =>
  [...settingsDialog()!.querySelectorAll('fieldset')].find(
    (fieldset) => fieldset.querySelector('legend')?.textContent === 'Mẫu trình bày',
  )!;
const choice = (label: string) =>
  [...section().querySelectorAll('label')].find((each) => each.textContent === label)!.querySelector<HTMLInputElement>('input')!;
const nameField = () =>
  [...section().querySelectorAll('label')]
    .find((label) => label.querySelector('.field-label')?.textContent === 'Tên cơ quan (đầu trang và khi in)')
    ?.querySelector('input') ?? null;
const labelled = (label: string) => section().querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;
const partOrder = () => [...section().querySelectorAll('.template-part-order li .template-part-name')].map((name) => name.textContent);
const logo = () => section().querySelector<HTMLImageElement>('img.template-logo');

async function openSettings() {
  await untilInAct(() => buttonNamed('Cài đặt') !== undefined, 'the library');
  await click(buttonNamed('Cài đặt'), 'Cài đặt');
  await untilInAct(() => settingsDialog() !== null, 'the settings dialog');
}

async function closeSettings(button: 'Lưu cài đặt' | 'Hủy') {
  await click(buttonNamed(button, settingsDialog()!), button);
  await untilInAct(() => settingsDialog() === null, 'the dialog to close');
  // Closed, the library asks main again (the save, the sync status): its answers land inside act, not after the test.
  await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
}

/** The template main holds, asked inside act (the app's own timers may fire meanwhile). */
async function storedTemplate(handlers: HandlerTable): Promise<ExportTemplate> {
  let stored: ExportTemplate | undefined;
  await act(async () => void (stored = (await handlers['settings:get']({})).exportTemplate));
  return stored!;
}

/** The save reaches main after the dialog closes: waits until main holds the template expected. */
async function storedAs(handlers: HandlerTable, expected: ExportTemplate) {
  let stored: ExportTemplate | undefined;
  await untilInAct(
    () => {
      void handlers['settings:get']({}).then((settings) => (stored = settings.exportTemplate));
      return JSON.stringify(stored) === JSON.stringify(expected);
    },
    `the template saved as ${JSON.stringify(expected).slice(0, 200)}`,
  );
}

describe('"Mẫu trình bày" in Cài đặt', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('saves the agency’s name as one line in NFC, and keeps it when the default is chosen again', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    await render(<App />);

    // The default is chosen and its fields hidden; saving other settings leaves the template as it was.
    await openSettings();
    expect(choice('Mặc định — trang tin của Bản Thảo').checked).toBe(true);
    expect(nameField()).toBeNull();
    await closeSettings('Lưu cài đặt');
    await untilInAct(() => document.body.textContent.includes('Đã lưu cài đặt'), 'the settings saved');
    expect(await storedTemplate(handlers)).toEqual(defaultExportTemplate);

    // Typed decomposed (macOS, "Unicode tổ hợp"), with a tab and stray spaces pasted in.
    await openSettings();
    await click(choice('Mẫu của tòa soạn'), 'Mẫu của tòa soạn');
    const field = nameField()!;
    expect(field.maxLength).toBe(200);
    expect(field.placeholder).toBe('Bản Thảo');
    await typeInto(field, '  THÔNG TẤN XÃ\tVIỆT   NAM '.normalize('NFD'));
    await closeSettings('Lưu cài đặt');
    const agency: ExportTemplate = { ...defaultExportTemplate, use: 'agency', headerText: 'THÔNG TẤN XÃ VIỆT NAM' };
    await storedAs(handlers, agency);

    // Back to the default: only `use` changes, the name waits for the agency template to be chosen again.
    await openSettings();
    expect(choice('Mẫu của tòa soạn').checked).toBe(true);
    expect(nameField()!.value).toBe('THÔNG TẤN XÃ VIỆT NAM');
    await click(choice('Mặc định — trang tin của Bản Thảo'), 'Mặc định');
    expect(nameField()).toBeNull();
    await closeSettings('Lưu cài đặt');
    await storedAs(handlers, { ...agency, use: 'default' });
    await openSettings();
    await click(choice('Mẫu của tòa soạn'), 'Mẫu của tòa soạn');
    expect(nameField()!.value).toBe('THÔNG TẤN XÃ VIỆT NAM');
    await closeSettings('Hủy');
  });

  it('moves the parts with "Lên" and "Xuống" or Alt+arrows, keeping focus on the moved part; "Hủy" stores nothing', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    await render(<App />);
    await openSettings();
    await click(choice('Mẫu của tòa soạn'), 'Mẫu của tòa soạn');
    expect(partOrder()).toEqual(['Ngày', 'Tiêu đề', 'Sapo', 'Tác giả']);
    // Nothing to move past either end.
    expect(labelled('Đưa Ngày lên').disabled).toBe(true);
    expect(labelled('Đưa Tác giả xuống').disabled).toBe(true);
    expect(labelled('Đưa Ngày xuống').textContent).toBe('Xuống');

    await click(labelled('Đưa Ngày xuống'), 'Đưa Ngày xuống');
    expect(partOrder()).toEqual(['Tiêu đề', 'Ngày', 'Sapo', 'Tác giả']);
    expect(document.activeElement).toBe(labelled('Đưa Ngày xuống'));
    // From the keyboard: Alt+↑ on the focused button moves the part back to the top, where "Lên" cannot keep focus.
    await press(document.activeElement!, 'ArrowUp', { altKey: true });
    expect(partOrder()).toEqual(['Ngày', 'Tiêu đề', 'Sapo', 'Tác giả']);
    expect(document.activeElement).toBe(labelled('Đưa Ngày xuống'));
    await press(document.activeElement!, 'ArrowDown', { altKey: true });
    await press(document.activeElement!, 'ArrowDown', { altKey: true });
    await press(document.activeElement!, 'ArrowDown', { altKey: true });
    expect(partOrder()).toEqual(['Tiêu đề', 'Sapo', 'Tác giả', 'Ngày']);
    expect(document.activeElement).toBe(labelled('Đưa Ngày lên'));
    // An arrow without Alt is left to the page (it moves nothing).
    await press(document.activeElement!, 'ArrowUp');
    expect(partOrder()).toEqual(['Tiêu đề', 'Sapo', 'Tác giả', 'Ngày']);

    await closeSettings('Hủy');
    expect(await storedTemplate(handlers)).toEqual(defaultExportTemplate);

    // Opened again, the stored order is shown; moved and saved, it is stored.
    await openSettings();
    await click(choice('Mẫu của tòa soạn'), 'Mẫu của tòa soạn');
    expect(partOrder()).toEqual(['Ngày', 'Tiêu đề', 'Sapo', 'Tác giả']);
    await click(labelled('Đưa Tác giả lên'), 'Đưa Tác giả lên');
    expect(document.activeElement).toBe(labelled('Đưa Tác giả lên'));
    await closeSettings('Lưu cài đặt');
    await storedAs(handlers, { ...defaultExportTemplate, use: 'agency', partOrder: ['date', 'title', 'byline', 'sapo'] });
    await openSettings();
    expect(partOrder()).toEqual(['Ngày', 'Tiêu đề', 'Tác giả', 'Sapo']);
    await closeSettings('Hủy');
  });

  it('shows the chosen logo and stylesheet, lists what the stylesheet lost, and stores both only when saved', async () => {
    const files = await temporaryDirectory();
    const logoPath = join(files, 'logo.png');
    await sharp({ create: { width: 1200, height: 300, channels: 3, background: '#a3161b' } })
      .png()
      .toFile(logoPath);
    const stylesheetPath = join(files, 'toa-soan.css');
    // A house stylesheet of a few kilobytes, with an @import that would fetch from the network.
    const rules = Array.from({ length: 60 }, (_, index) => `.article-body p:nth-child(${index + 1}) { margin: 0 0 ${index}px; }`);
    await writeFile(stylesheetPath, ['@import url("https://evil.example/track.css");', 'h1 { color: #a3161b; }', ...rules].join('\n'));
    const { handlers } = await installInProcessApi(await temporaryDirectory(), null, {
      dialogs: { imageFiles: [logoPath], stylesheetFile: stylesheetPath },
    });
    await render(<App />);
    await openSettings();
    await click(choice('Mẫu của tòa soạn'), 'Mẫu của tòa soạn');
    expect(logo()).toBeNull();
    expect(section().textContent).toContain('Chưa có bảng định kiểu.');

    await click(buttonNamed('Chọn logo…', section()), 'Chọn logo…');
    await untilInAct(() => logo() !== null, 'the logo shown');
    const shown = logo()!.src;
    expect(shown).toMatch(/^data:image\/png;base64,/);
    // Main fits it in 600 × 200 px.
    const { width, height } = await sharp(Buffer.from(shown.split(',')[1]!, 'base64')).metadata();
    expect([width, height]).toEqual([600, 150]);

    await click(buttonNamed('Chọn tệp CSS…', section()), 'Chọn tệp CSS…');
    await untilInAct(() => section().querySelector('.template-removed') !== null, 'what the sanitizer removed');
    const removed = section().querySelector('.template-removed')!;
    const lines = [...removed.querySelectorAll('li')].map((line) => line.textContent);
    expect(lines.length).toBeGreaterThan(0);
    expect(removed.querySelector('p')!.textContent).toBe(`Đã bỏ ${lines.length} phần không được phép:`);
    expect(lines.join('\n')).toContain('@import');
    const stylesheetState = section().querySelector('.template-stylesheet-state')!.textContent;
    expect(stylesheetState).toMatch(/^toa-soan\.css \(\d+,\d KB\)$/);

    await closeSettings('Lưu cài đặt');
    let stored: ExportTemplate | undefined;
    await untilInAct(() => {
      void handlers['settings:get']({}).then((settings) => (stored = settings.exportTemplate));
      return stored?.stylesheet !== '' && stored?.stylesheet !== undefined;
    }, 'the template saved');
    expect(stored!.logo).toBe(shown);
    expect(stored!.stylesheet).not.toContain('@import');
    expect(stored!.stylesheet).not.toContain('evil.example');
    expect(stored!.stylesheet).toContain('h1');
    // The size shown is the stylesheet's, in kilobytes with a decimal comma.
    expect(stylesheetState).toBe(`toa-soan.css (${formatBytes(new TextEncoder().encode(stored!.stylesheet).length)})`);

    // Opened again: the logo and the stylesheet already set, no file chosen; both taken off and saved.
    await openSettings();
    expect(logo()!.src).toBe(shown);
    expect(section().textContent).toContain(`Đã có bảng định kiểu (${formatBytes(new TextEncoder().encode(stored!.stylesheet).length)})`);
    expect(section().querySelector('.template-removed')).toBeNull();
    await click(buttonNamed('Bỏ logo', section()), 'Bỏ logo');
    await click(buttonNamed('Bỏ bảng định kiểu', section()), 'Bỏ bảng định kiểu');
    expect(logo()).toBeNull();
    expect(section().textContent).toContain('Chưa có bảng định kiểu.');
    await closeSettings('Lưu cài đặt');
    await storedAs(handlers, { ...defaultExportTemplate, use: 'agency' });
  });

  it('"Xem thử mẫu" shows the unsaved template on a sample article in a sandboxed frame; Esc closes only that', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    await render(<App />);
    await openSettings();
    await click(choice('Mẫu của tòa soạn'), 'Mẫu của tòa soạn');
    await typeInto(nameField()!, 'BÁO ĐIỆN TỬ TIN TỨC TỈNH');
    await click(labelled('Đưa Tác giả lên'), 'Đưa Tác giả lên');
    await click(buttonNamed('Xem thử mẫu', section()), 'Xem thử mẫu');
    const frame = () => document.querySelector<HTMLIFrameElement>('dialog.preview-dialog iframe');
    await untilInAct(() => frame() !== null, 'the sample in its frame');
    expect(frame()!.getAttribute('sandbox')).toBe('');
    const page = frame()!.getAttribute('srcdoc')!;
    expect(page).toContain('<p class="masthead-name">BÁO ĐIỆN TỬ TIN TỨC TỈNH</p>');
    // Tác giả moved above Sapo: the byline now stands among the top parts, before the sapo.
    expect(page.indexOf('<p class="byline">')).toBeLessThan(page.indexOf('<p class="sapo">'));
    await press(document.querySelector('dialog.preview-dialog')!, 'Escape');
    await untilInAct(() => document.querySelector('dialog.preview-dialog') === null, 'the sample to close');
    expect(settingsDialog()).not.toBeNull();
    // Trying it stored nothing.
    expect(await storedTemplate(handlers)).toEqual(defaultExportTemplate);
    await closeSettings('Hủy');
  });

  it('says in Vietnamese why a file chosen as the logo cannot be used, and keeps the template as it was', async () => {
    const files = await temporaryDirectory();
    const notAnImage = join(files, 'logo.png');
    await writeFile(notAnImage, 'đây không phải là ảnh');
    await installInProcessApi(await temporaryDirectory(), null, { dialogs: { imageFiles: [notAnImage] } });
    await render(<App />);
    await openSettings();
    await click(choice('Mẫu của tòa soạn'), 'Mẫu của tòa soạn');
    await click(buttonNamed('Chọn logo…', section()), 'Chọn logo…');
    await untilInAct(() => section().querySelector('[role="alert"]') !== null, 'the error shown');
    expect(section().querySelector('[role="alert"]')!.textContent).toMatch(/^Không nhận được ảnh này\./);
    expect(logo()).toBeNull();
    expect(buttonNamed('Chọn logo…', section())!.disabled).toBe(false);
  });
});
