import { join } from 'node:path';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { versionLabelMaximumLength as panelLabelMaximumLength } from '../../renderer/src/features/editor/versions/VersionsPanel';
import type { ArticleContent } from '../../shared/articleModel';
import type { Identity } from '../../shared/identity';
import type { HandlerTable } from '../../shared/ipcContract';
import { versionLabelMaximumLength } from '../../shared/versionModel';
import { installInProcessApi, testIdentity } from '../support/installInProcessApi';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';

const render = useRendering();

const buttons = (scope: ParentNode = document) => [...scope.querySelectorAll('button')];
const buttonNamed = (name: string, scope: ParentNode = document) => buttons(scope).find((button) => button.textContent?.trim() === name);
const titleField = () => document.querySelector<HTMLTextAreaElement>('textarea.input-title')!;
const panel = () => document.querySelector<HTMLElement>('.versions-panel')!;
const rows = () => [...panel().querySelectorAll<HTMLElement>('.version-row')];
const rowWith = (text: string) => rows().find((row) => row.textContent.includes(text));
const dialog = () => document.querySelector<HTMLDialogElement>('dialog.version-dialog[open]');

async function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(async () => {
    const prototype = Object.getPrototypeOf(field) as object;
    Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(field, value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(button: HTMLButtonElement | undefined, what: string) {
  if (button === undefined) throw new Error(`No button ${what}`);
  await act(async () => button.click());
}

async function press(target: Element, key: string) {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

/** A draft by the tests' reporter, saved with `content`. */
async function addArticle(handlers: HandlerTable, content: Partial<ArticleContent>) {
  const created = await handlers['article:create']({});
  const saved = await handlers['article:save']({ id: created.id, baseRevision: created.revision, content: sampleContent(content) });
  return { id: created.id, revision: saved.revision };
}

/** An article whose version "Bản gửi thư ký" holds the title `before`, and whose text now has the title `after`. */
async function articleWithVersion(
  library: Awaited<ReturnType<typeof installInProcessApi>>,
  before: string,
  after: string,
): Promise<{ id: string }> {
  const { handlers, session } = library;
  const first = await addArticle(handlers, { title: before });
  await session.flush();
  await handlers['version:save']({ id: first.id, label: 'Bản gửi thư ký' });
  await handlers['article:save']({ id: first.id, baseRevision: first.revision, content: sampleContent({ title: after }) });
  await session.flush();
  return { id: first.id };
}

/** Renders the app and opens the article titled `title` from the library, with its versions listed. */
async function openArticle(title: string) {
  const view = await render(<App />);
  await untilInAct(() => buttonNamed(title) !== undefined, `the row of "${title}"`);
  await click(buttonNamed(title), title);
  await untilInAct(() => titleField()?.value === title && document.querySelector('.versions-panel') !== null, 'the editor');
  await untilInAct(() => !panel().textContent.includes('Đang tải'), 'the version list');
  return view;
}

describe('the versions panel', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('saves a labelled version with Enter and lists it with the time, the user’s name and “Lưu tay”', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    const { id } = await addArticle(handlers, { title: 'Hội nghị sơ kết' });
    await openArticle('Hội nghị sơ kết');

    // An edit still waiting for its autosave is in the version.
    await typeInto(titleField(), 'Hội nghị sơ kết 6 tháng');
    const label = panel().querySelector<HTMLInputElement>('input[name="versionLabel"]')!;
    await typeInto(label, '  Bản gửi thư ký ');
    // Enter in the field sends its form.
    await act(async () => label.form!.requestSubmit());
    await untilInAct(() => rowWith('Bản gửi thư ký') !== undefined, 'the saved version in the list');

    const row = rowWith('Bản gửi thư ký')!;
    expect(row.querySelector('.version-person')!.textContent).toBe('Ngọc Sơn (Phóng viên)');
    expect(row.querySelector('.version-reason')!.textContent).toBe('Lưu tay');
    expect(row.querySelector('.version-label')!.textContent).toBe('“Bản gửi thư ký”');
    expect(row.querySelector('.version-time')!.textContent).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    expect(rows()[0]).toBe(row);
    expect(label.value).toBe('');
    expect(document.querySelector('.toast')!.textContent).toContain('Đã lưu phiên bản');

    const [saved] = await handlers['version:list']({ id });
    expect(saved).toMatchObject({ label: 'Bản gửi thư ký', reason: 'manual', by: testIdentity });
    expect((await handlers['version:get']({ id, versionId: saved!.id })).content.title).toBe('Hội nghị sơ kết 6 tháng');
  });

  it('reads the list again after an export (which takes a version) and once the autosaves pause, not on every save', async () => {
    const directory = await temporaryDirectory();
    const { handlers } = await installInProcessApi(directory, join(directory, 'bai.html'));
    // A body the preflight checklist has nothing to say about ("./." closes it): the export goes straight through.
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Đoạn thân bài./.' }] }] };
    await addArticle(handlers, { title: 'Bài xuất', body });
    let lists = 0;
    const list = window.api.versionList;
    window.api.versionList = async (request) => {
      lists += 1;
      return list(request);
    };
    const view = await openArticle('Bài xuất');
    expect(rowWith('Xuất bài')).toBeUndefined();

    await click(buttonNamed('Xuất HTML'), 'Xuất HTML');
    await untilInAct(() => rowWith('Xuất bài') !== undefined, 'the export’s version in the list');

    const before = lists;
    await typeInto(titleField(), 'Bài xuất, sửa');
    await untilInAct(() => view.querySelector('.save-saved') !== null && lists > before, 'the list read after the save');
    expect(lists).toBe(before + 1);
  });

  it('opens a version read-only with its old title, and Esc closes it back to the button', async () => {
    const library = await installInProcessApi(await temporaryDirectory());
    await articleWithVersion(library, 'Hội nghị sơ kết', 'Hội nghị tổng kết');
    await openArticle('Hội nghị tổng kết');

    const viewButton = buttonNamed('Xem', rowWith('Bản gửi thư ký'))!;
    viewButton.focus();
    await click(viewButton, 'Xem');
    await untilInAct(() => dialog() !== null, 'the version window');
    const box = dialog()!;
    expect(box.querySelector('h2')!.textContent).toMatch(/^Phiên bản lúc \d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    expect(box.textContent).toContain('Ngọc Sơn (Phóng viên) · Lưu tay · “Bản gửi thư ký”');
    expect(box.querySelector('.version-title')!.textContent).toBe('Hội nghị sơ kết');
    expect(box.querySelector('.version-sapo')!.textContent).toBe('Ngày 05/7/2022, tại Trung tâm đã diễn ra Hội nghị.');
    expect(box.querySelector('.version-body')!.textContent).toBe('Đoạn thân bài.');
    expect(box.querySelector('.version-closing')!.textContent).toBe('Tin: Ngọc SơnẢnh: Văn Đốc');
    expect(box.textContent).toContain('Chỉ xem: không sửa được ở đây.');
    // Nothing in it can be typed into.
    expect(box.querySelectorAll('input, textarea, select, [contenteditable]')).toHaveLength(0);
    // The editor still shows the text as it is now.
    expect(titleField().value).toBe('Hội nghị tổng kết');

    await press(box, 'Escape');
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(viewButton);
  });

  it('compares a version with now: the old words in <del>, the new in <ins>, under “Tiêu đề”', async () => {
    const library = await installInProcessApi(await temporaryDirectory());
    await articleWithVersion(library, 'Hội nghị sơ kết công tác', 'Hội nghị tổng kết công tác');
    await openArticle('Hội nghị tổng kết công tác');

    await click(buttonNamed('So sánh với hiện tại', rowWith('Bản gửi thư ký')), 'So sánh với hiện tại');
    await untilInAct(() => dialog() !== null, 'the comparison');
    const box = dialog()!;
    expect(box.querySelector('h2')!.textContent).toMatch(/^So sánh phiên bản lúc \d\d\/\d\d\/\d{4} \d\d:\d\d với bản hiện tại$/);
    const title = box.querySelector('.diff-field-title')!;
    expect(title.querySelector('h3')!.textContent).toBe('Tiêu đề');
    expect([...title.querySelectorAll('del')].map((element) => element.textContent)).toEqual(['sơ']);
    expect([...title.querySelectorAll('ins')].map((element) => element.textContent)).toEqual(['tổng']);
    expect(title.querySelector('.diff-text')!.textContent).toBe('Hội nghị sơtổng kết công tác');
    // Only the title changed.
    expect(box.querySelectorAll('.diff-field')).toHaveLength(1);
    await click(buttonNamed('Đóng', box), 'Đóng');
    expect(dialog()).toBeNull();
  });

  it('compares two ticked versions, older to newer, whichever order they were ticked in', async () => {
    const { handlers, session } = await installInProcessApi(await temporaryDirectory());
    const first = await addArticle(handlers, { title: 'Một' });
    await session.flush();
    await handlers['version:save']({ id: first.id, label: 'bản một' });
    const second = await handlers['article:save']({ id: first.id, baseRevision: first.revision, content: sampleContent({ title: 'Hai' }) });
    await session.flush();
    await handlers['version:save']({ id: first.id, label: 'bản hai' });
    await handlers['article:save']({ id: first.id, baseRevision: second.revision, content: sampleContent({ title: 'Ba' }) });
    await session.flush();
    await openArticle('Ba');

    expect(panel().textContent).toContain('Đánh dấu hai phiên bản để so sánh chúng với nhau.');
    await act(async () => rowWith('bản hai')!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click());
    expect(panel().textContent).toContain('Đã chọn 1 phiên bản: chọn thêm một để so sánh.');
    await act(async () => rowWith('bản một')!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click());
    await click(buttonNamed('So sánh hai bản đã chọn'), 'So sánh hai bản đã chọn');
    await untilInAct(() => dialog() !== null, 'the comparison');
    const title = dialog()!.querySelector('.diff-field-title')!;
    expect(title.querySelector('del')!.textContent).toBe('Một');
    expect(title.querySelector('ins')!.textContent).toBe('Hai');
  });

  it('restores a version after asking: the editor shows the old title and the next edit saves without a conflict', async () => {
    const library = await installInProcessApi(await temporaryDirectory());
    const { store } = library;
    const { id } = await articleWithVersion(library, 'Hội nghị sơ kết', 'Hội nghị tổng kết');
    const view = await openArticle('Hội nghị tổng kết');

    // An edit still waiting for its autosave is saved first, and kept as a version.
    await typeInto(titleField(), 'Hội nghị tổng kết năm');
    await click(buttonNamed('Khôi phục', rowWith('Bản gửi thư ký')), 'Khôi phục');
    const question = dialog()!;
    expect(question.getAttribute('role')).toBe('alertdialog');
    expect(question.textContent).toContain('Khôi phục phiên bản này? Nội dung hiện tại được lưu thành một phiên bản trước khi thay.');
    // "Thôi" changes nothing.
    await click(buttonNamed('Thôi', question), 'Thôi');
    expect(dialog()).toBeNull();
    expect(titleField().value).toBe('Hội nghị tổng kết năm');

    await click(buttonNamed('Khôi phục', rowWith('Bản gửi thư ký')), 'Khôi phục');
    await click(buttonNamed('Khôi phục', dialog()!), 'Khôi phục in the question');
    await untilInAct(() => titleField().value === 'Hội nghị sơ kết', 'the restored title');
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(titleField());
    expect(view.querySelector('.toast')!.textContent).toMatch(/^Đã khôi phục phiên bản lúc \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    expect((await store.get(id)).title).toBe('Hội nghị sơ kết');

    // The text it replaced is a version; the restore is one too.
    await untilInAct(() => rowWith('Khôi phục') !== undefined, 'the restore in the list');
    const versions = await library.handlers['version:list']({ id });
    expect(versions[0]).toMatchObject({ reason: 'restore' });
    // The version just before the restore holds the replaced text.
    const replaced = versions[1]!;
    expect(replaced).toMatchObject({ reason: 'editing' });
    expect((await library.handlers['version:get']({ id, versionId: replaced.id })).content.title).toBe('Hội nghị tổng kết năm');
    // The restore's label names the restored version by the time the list shows, not by an ISO timestamp.
    expect(rows()[0]!.textContent).not.toMatch(/\d{4}-\d\d-\d\dT/);

    // Editing goes on from the restored revision.
    await typeInto(titleField(), 'Hội nghị sơ kết, bản cuối');
    await untilInAct(
      () => view.querySelector('.save-saved') !== null && store.list('active')[0]!.title === 'Hội nghị sơ kết, bản cuối',
      'the save',
    );
    expect(view.querySelector('.save-failed')).toBeNull();
  });

  it('does not offer to restore over approved text', async () => {
    const library = await installInProcessApi(await temporaryDirectory(), null, { identity: { name: 'Thu Hà', role: 'managingEditor' } });
    const { id } = await articleWithVersion(library, 'Bài cũ', 'Bài đã duyệt');
    let article = await library.handlers['article:get']({ id });
    article = await library.handlers['article:move']({ id, baseRevision: article.revision, to: 'submitted', note: '' });
    await library.handlers['article:move']({ id, baseRevision: article.revision, to: 'approved', note: '' });
    await library.session.flush();
    await openArticle('Bài đã duyệt');
    expect(buttonNamed('Khôi phục', rowWith('Bản gửi thư ký'))!.disabled).toBe(true);
    expect(panel().textContent).toContain('Bài đã duyệt hoặc đã đăng: đưa bài về nháp rồi mới khôi phục được.');
  });

  it('shows an editor who requested changes the reporter’s edits since, and tells a user who never reviewed', async () => {
    const editor: Identity = { name: 'Thu Hà', role: 'editor' };
    const library = await installInProcessApi(await temporaryDirectory(), null, { identity: editor });
    const { handlers, session } = library;
    const actAs = (identity: Identity) => handlers['settings:update']({ userName: identity.name, userRole: identity.role });

    // The reporter writes and submits; the editor asks for changes; the reporter rewrites the sapo.
    await actAs(testIdentity);
    const written = await addArticle(handlers, { title: 'Hội nghị sơ kết', sapo: 'Sáng nay, Trung tâm tổ chức hội nghị.' });
    let article = await handlers['article:move']({ id: written.id, baseRevision: written.revision, to: 'submitted', note: '' });
    await session.flush();
    await actAs(editor);
    article = await handlers['article:move']({
      id: article.id,
      baseRevision: article.revision,
      to: 'changesRequested',
      note: 'Thêm số liệu',
    });
    await session.flush();
    await actAs(testIdentity);
    await handlers['article:save']({
      id: article.id,
      baseRevision: article.revision,
      content: sampleContent({
        title: 'Hội nghị sơ kết',
        sapo: 'Sáng nay, Trung tâm tổ chức hội nghị với 120 đại biểu.',
        status: 'changesRequested',
      }),
    });
    await session.flush();

    await actAs(editor);
    await openArticle('Hội nghị sơ kết');
    await click(buttonNamed('Thay đổi từ lần tôi duyệt'), 'Thay đổi từ lần tôi duyệt');
    await untilInAct(() => dialog() !== null, 'the changes since the review');
    const box = dialog()!;
    expect(box.querySelector('h2')!.textContent).toMatch(/^Thay đổi từ lần bạn duyệt lúc \d\d:\d\d \d\d\/\d\d$/);
    expect(box.textContent).toContain('Thu Hà (Biên tập viên) · Chuyển trạng thái → Cần sửa');
    const sapo = box.querySelector('.diff-field-sapo')!;
    expect(sapo.querySelector('h3')!.textContent).toBe('Sapo');
    expect([...sapo.querySelectorAll('ins')].map((element) => element.textContent).join('')).toContain('120 đại biểu');
    expect(sapo.querySelectorAll('del')).toHaveLength(0);
    expect(box.querySelector('.diff-field-title')).toBeNull();
    await press(box, 'Escape');

    // The reporter never reviewed it: a sentence says so, no window opens.
    await act(async () => {
      await actAs(testIdentity);
    });
    await click(buttonNamed('Thay đổi từ lần tôi duyệt'), 'Thay đổi từ lần tôi duyệt');
    await untilInAct(() => panel().querySelector('.versions-notice') !== null, 'the notice');
    expect(panel().querySelector('.versions-notice')!.textContent).toBe(
      'Bạn chưa duyệt bài này lần nào (chưa “Yêu cầu sửa” hay “Duyệt”), nên chưa có gì để so sánh.',
    );
    expect(dialog()).toBeNull();
  });

  it('lets a label be as long as main accepts', () => {
    expect(panelLabelMaximumLength).toBe(versionLabelMaximumLength);
  });
});
