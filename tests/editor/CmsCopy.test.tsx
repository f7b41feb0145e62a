import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import {
  buttonNamed,
  buttons,
  click,
  openArticle,
  paragraphsBody,
  press,
  seedContent,
  titleField,
  typeInto,
} from '../support/articleEditorPage';
import { installInProcessApi } from '../support/installInProcessApi';
import { memoryClipboard } from '../support/memoryClipboard';
import { addArticle } from '../support/moveArticlesTo';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';

const render = useRendering();

const previewDialog = () => document.querySelector<HTMLDialogElement>('.preview-dialog');
const previewFrame = () => previewDialog()?.querySelector<HTMLIFrameElement>('iframe') ?? null;
const panel = () => document.querySelector<HTMLDialogElement>('.cms-panel');
const checklist = () => document.querySelector<HTMLElement>('.preflight-dialog');
const copyButton = (label: string) => buttons(panel()!).find((button) => button.getAttribute('aria-label') === `Chép ${label}`);

describe('"Xem trước"', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('shows the HTML export of the text on screen in a frame that runs no script and loads nothing remote', async () => {
    const directory = await temporaryDirectory();
    const { handlers } = await installInProcessApi(directory);
    await addArticle(handlers, seedContent());
    await openArticle(render, seedContent().title!);
    // Typed and not yet saved: the preview saves first, so it shows what is on screen.
    await typeInto(titleField(), 'Tiêu đề vừa sửa');

    await click(buttonNamed('Xem trước'), 'Xem trước');
    await untilInAct(() => previewFrame() !== null, 'the preview frame');
    const frame = previewFrame()!;
    // sandbox present and empty: no scripts, no same origin, no pop-ups, no navigation of the window.
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('src')).toBeNull();
    const page = frame.getAttribute('srcdoc')!;
    expect(page).toContain('<h1>Tiêu đề vừa sửa</h1>');
    expect(page).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+' data:; img-src data:;/,
    );
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('<p class="byline">Tin: Ngọc Sơn</p>');
    // The same page the HTML export writes, but for the two lines of the preview's policy.
    const { html: exported } = await handlers['article:preview']({ id: (await handlers['library:list']({ scope: 'active' }))[0]!.id });
    expect(page).toBe(exported);

    const dialog = previewDialog()!;
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('Xem trước bài xuất');
    for (const name of ['Sao chép cho CMS', 'Xuất thư mục', 'Xuất Word', 'In / PDF', 'Xuất HTML', 'Đóng'])
      expect(buttonNamed(name, dialog), name).toBeDefined();
    await press(dialog, 'Escape');
    expect(previewDialog()).toBeNull();

    await click(buttonNamed('Xem trước'), 'Xem trước');
    await untilInAct(() => previewFrame() !== null, 'the preview frame again');
    await click(buttonNamed('Đóng', previewDialog()!), 'Đóng');
    expect(previewDialog()).toBeNull();
  });

  it('"Xuất Word" in the preview goes through the checklist, then writes the .docx', async () => {
    const directory = await temporaryDirectory();
    const exportPath = join(directory, 'bai-con-thieu.docx');
    await installInProcessApi(directory, exportPath).then(({ handlers }) =>
      addArticle(handlers, { title: 'Bài còn thiếu', sapo: '', body: paragraphsBody(['Mở đầu.', '', 'Kết bài.']) }),
    );
    await openArticle(render, 'Bài còn thiếu');
    await click(buttonNamed('Xem trước'), 'Xem trước');
    await untilInAct(() => previewFrame() !== null, 'the preview frame');

    await click(buttonNamed('Xuất Word', previewDialog()!), 'Xuất Word');
    await untilInAct(() => checklist() !== null, 'the checklist');
    expect(existsSync(exportPath)).toBe(false);
    await click(buttonNamed('Vẫn xuất', checklist()!), 'Vẫn xuất');
    await untilInAct(() => existsSync(exportPath), 'the exported .docx');
    const { value } = await mammoth.convertToHtml({ buffer: readFileSync(exportPath) });
    expect(value).toContain('Bài còn thiếu');
    expect(value).toContain('<p>Kết bài.</p>');
  });
});

describe('"Sao chép cho CMS"', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('puts the fragment on the clipboard as HTML and text, then copies each field with its own "Đã chép"', async () => {
    const directory = await temporaryDirectory();
    const clipboard = memoryClipboard();
    const { handlers } = await installInProcessApi(directory, null, { clipboard });
    const id = await addArticle(handlers, seedContent());
    await openArticle(render, seedContent().title!);

    await click(buttonNamed('Sao chép cho CMS'), 'Sao chép cho CMS');
    await untilInAct(() => panel() !== null, 'the CMS panel');
    expect(clipboard.writes).toHaveLength(1);
    const [whole] = clipboard.writes;
    expect(whole!.html).toMatch(/^<article>\n {2}<header>\n {4}<time datetime="\d{4}-\d{2}-\d{2}">/);
    expect(whole!.html).not.toMatch(/<html|<head>|<body/);
    expect(whole!.html).toContain(`<h1>${seedContent().title}</h1>`);
    expect(whole!.text.split('\n\n')[0]).toBe(seedContent().title);
    expect(whole!.text).toContain('\n\nTin: Ngọc Sơn');
    // An export: a version was taken.
    expect((await handlers['version:list']({ id })).some((version) => version.reason === 'export')).toBe(true);

    expect([...panel()!.querySelectorAll('.cms-field-label')].map((label) => label.textContent)).toEqual([
      'Tiêu đề',
      'Sapo',
      'Nội dung',
      'Tác giả',
      'Nguồn ảnh',
    ]);
    expect(buttons(panel()!).filter((button) => button.textContent === 'Đã chép')).toEqual([]);

    await click(copyButton('Tiêu đề'), 'Chép Tiêu đề');
    await untilInAct(() => copyButton('Tiêu đề')!.textContent === 'Đã chép', '"Đã chép" on the title');
    expect(clipboard.writes.at(-1)).toEqual({ text: seedContent().title });

    await click(copyButton('Nội dung'), 'Chép Nội dung');
    await untilInAct(() => copyButton('Nội dung')!.textContent === 'Đã chép', '"Đã chép" on the body');
    expect(copyButton('Tiêu đề')!.textContent).toBe('Chép');
    const body = clipboard.writes.at(-1)!;
    expect(body.html).toMatch(/^<p>/);
    expect(body.html).not.toContain('<h1>');
    expect(body.text.split('\n\n')).toEqual(seedContent().body!.content!.map((paragraph) => paragraph.content?.[0]?.text));

    await click(copyButton('Tác giả'), 'Chép Tác giả');
    await untilInAct(() => clipboard.writes.at(-1)?.text === 'Tin: Ngọc Sơn', 'the byline copied');

    await press(panel()!, 'Escape');
    expect(panel()).toBeNull();
  });

  it('goes through the checklist before an export first: nothing is copied until "Vẫn xuất"', async () => {
    const directory = await temporaryDirectory();
    const clipboard = memoryClipboard();
    const { handlers } = await installInProcessApi(directory, null, { clipboard });
    await addArticle(handlers, { title: 'Bài còn thiếu', sapo: '', body: paragraphsBody(['Mở đầu.', '', 'Kết bài.']) });
    await openArticle(render, 'Bài còn thiếu');

    await click(buttonNamed('Sao chép cho CMS'), 'Sao chép cho CMS');
    await untilInAct(() => checklist() !== null, 'the checklist');
    expect(clipboard.writes).toEqual([]);
    await click(buttonNamed('Vẫn xuất', checklist()!), 'Vẫn xuất');
    await untilInAct(() => panel() !== null, 'the CMS panel');
    expect(clipboard.writes).toHaveLength(1);
    expect(clipboard.writes[0]!.html).toContain('<h1>Bài còn thiếu</h1>');
  });
});
