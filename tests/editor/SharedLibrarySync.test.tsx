import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { articleContentSchema } from '../../shared/articleModel';
import { typeInto } from '../support/articleEditorPage';
import { installInProcessApi } from '../support/installInProcessApi';
import { memorySecretBox } from '../support/memorySecretBox';
import { sampleContent } from '../support/sampleContent';
import { memberPassword, startSharedNewsroom, type Member, type SharedNewsroom } from '../support/sharedNewsroom';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';

const render = useRendering();
const temporaryDirectory = useTemporaryDirectories();

const buttonNamed = (name: string, scope: ParentNode = document) =>
  [...scope.querySelectorAll('button')].find((button) => button.textContent?.trim() === name);
const section = () => document.querySelector<HTMLElement>('dialog.settings-dialog .shared-library-section');
/** The status line by its accessible name (role=status, "Đồng bộ thư viện chung"), in the library or in Cài đặt. */
const statusLine = (scope: ParentNode = document) =>
  scope.querySelector<HTMLElement>('[role="status"][aria-label="Đồng bộ thư viện chung"]')?.textContent ?? null;
const libraryStatus = () => statusLine(document.querySelector('.library > .sync-status-line') ?? document.createElement('div'));
const titleField = () => document.querySelector<HTMLTextAreaElement>('textarea.input-title');
const sapoField = () => document.querySelector<HTMLTextAreaElement>('textarea.input-sapo');
const toastText = () => document.querySelector('.toast')?.textContent ?? '';
const syncedAt = /^Đã đồng bộ lúc \d{2}:\d{2}$/;

let newsroom: SharedNewsroom;
beforeEach(async () => {
  newsroom = await startSharedNewsroom(temporaryDirectory, ['son', 'ha']);
});
afterEach(async () => {
  await newsroom.close();
});

/** This window's library (Ngọc Sơn's), the connection saved; joined too unless told otherwise. */
async function windowLibrary({ join = true } = {}) {
  const library = await installInProcessApi(await temporaryDirectory(), null, { secretBox: memorySecretBox() });
  await library.handlers['sharedLibrary:save']({
    address: newsroom.address,
    userName: 'son',
    secret: memberPassword,
    allowPlainHttp: false,
  });
  if (join) expect((await library.handlers['sharedLibrary:join']({})).status.message).toBeNull();
  return library;
}

/** Thu Hà, an editor on another computer, joined to the same shared library. */
async function editorElsewhere(): Promise<Member> {
  const member = await newsroom.member({ name: 'Thu Hà', role: 'editor' });
  expect((await member.session.handlers['sharedLibrary:join']({})).status.message).toBeNull();
  return member;
}

async function writeArticle(handlers: Member['session']['handlers'], title: string, sapo = 'Sapo.') {
  const created = await handlers['article:create']({});
  const saved = await handlers['article:save']({ id: created.id, baseRevision: created.revision, content: sampleContent({ title, sapo }) });
  return { id: created.id, revision: saved.revision };
}

async function openSettings() {
  await untilInAct(() => buttonNamed('Cài đặt') !== undefined, 'the library');
  await act(async () => buttonNamed('Cài đặt')!.click());
  await untilInAct(() => section()?.querySelector('input[type="url"]') != null, 'the shared library section');
}

describe('the shared library in the window', () => {
  it('joins from Cài đặt after asking: the progress, the result, then the status line and the server’s articles', async () => {
    const editor = await editorElsewhere();
    await writeArticle(editor.session.handlers, 'Bài của Thu Hà');
    expect((await editor.session.handlers['sharedLibrary:syncNow']({})).status.message).toBeNull();
    const library = await windowLibrary({ join: false });
    await writeArticle(library.handlers, 'Bài của Ngọc Sơn');

    const view = await render(<App />);
    await untilInAct(() => libraryStatus() !== null, 'the status line of a saved, not joined library');
    expect(libraryStatus()).toBe('Chưa tham gia thư viện chung (Cài đặt → Thư viện chung).');
    // Nothing to sync before joining.
    expect(buttonNamed('Đồng bộ ngay')).toBeUndefined();

    await openSettings();
    // The saved password stands for a passed test: the button is there and enabled.
    await untilInAct(() => buttonNamed('Tham gia thư viện chung', section()!)?.disabled === false, 'the join button');
    await act(async () => buttonNamed('Tham gia thư viện chung', section()!)!.click());
    const confirm = section()!.querySelector('[role="alertdialog"]')!;
    expect(confirm.getAttribute('aria-label')).toBe('Tham gia thư viện chung');
    expect(confirm.textContent).toContain('Bài trên máy chủ sẽ được nhận về máy này');
    expect(confirm.textContent).toContain('được gửi lên máy chủ');
    expect(confirm.textContent).toContain('Không bài nào bị xóa');

    await act(async () => buttonNamed('Tham gia', confirm)!.click());
    // The join runs over the network (git http-backend): the bar shows meanwhile, with its phase in Vietnamese.
    const bar = section()!.querySelector('progress[aria-label="Đang tham gia thư viện chung"]');
    expect(bar).not.toBeNull();
    expect(section()!.querySelector('.sync-progress-phase')!.textContent).toMatch(
      /^Đang (kết nối|tải dữ liệu|nhận bài \d+\/\d+|nhận ảnh \d+\/\d+|ghi thay đổi|gửi lên máy chủ( \d+\/\d+)?)$/,
    );
    await untilInAct(() => section()!.querySelector('.shared-library-join-notice') !== null, 'the join’s result');
    const result = /^Đã tham gia: nhận (\d+) tệp, gửi (\d+) tệp$/.exec(
      section()!.querySelector('.shared-library-join-notice')!.textContent,
    );
    expect(result).not.toBeNull();
    expect(Number(result![1])).toBeGreaterThan(0);
    expect(Number(result![2])).toBeGreaterThan(0);
    expect(section()!.querySelector('progress')).toBeNull();
    // Joined: the status and "Đồng bộ ngay" take the join button's place.
    expect(buttonNamed('Tham gia thư viện chung', section()!)).toBeUndefined();
    expect(statusLine(section()!)).toMatch(syncedAt);
    expect(buttonNamed('Đồng bộ ngay', section()!)).toBeDefined();

    await act(async () => buttonNamed('Hủy')!.click());
    await untilInAct(() => buttonNamed('Bài của Thu Hà') !== undefined, 'the server’s article in the list');
    expect(view.textContent).toContain('Bài của Ngọc Sơn');
    await untilInAct(() => syncedAt.test(libraryStatus() ?? ''), `the library’s status line: ${libraryStatus()}`);
    // Thu Hà gets this library's article at her next sync.
    const back = await editor.session.handlers['sharedLibrary:syncNow']({});
    expect(back.changedArticleIds).toHaveLength(1);
  });

  it('"Đồng bộ ngay" (and Ctrl+Shift+S) brings another member’s articles into the list; the status line says when', async () => {
    const editor = await editorElsewhere();
    await windowLibrary();
    const view = await render(<App />);
    await untilInAct(() => syncedAt.test(libraryStatus() ?? ''), 'the status line');
    const syncNow = buttonNamed('Đồng bộ ngay', document.querySelector('.library > .sync-status-line')!)!;
    expect(syncNow.title).toContain('Ctrl+Shift+S');

    await writeArticle(editor.session.handlers, 'Mưa lớn ở miền Trung');
    await editor.session.handlers['sharedLibrary:syncNow']({});
    await act(async () => syncNow.click());
    await untilInAct(() => buttonNamed('Mưa lớn ở miền Trung') !== undefined, 'the article synced in');
    await untilInAct(() => syncedAt.test(libraryStatus() ?? ''), `the status after the sync: ${libraryStatus()}`);
    expect(syncNow.disabled).toBe(false);

    await writeArticle(editor.session.handlers, 'Lũ rút chậm');
    await editor.session.handlers['sharedLibrary:syncNow']({});
    await act(async () => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'S', code: 'KeyS', ctrlKey: true, shiftKey: true, bubbles: true }));
    });
    await untilInAct(() => buttonNamed('Lũ rút chậm') !== undefined, 'the article synced by the shortcut');
    expect(view.textContent).toContain('Mưa lớn ở miền Trung');
  });

  it('reloads the open article when a sync brings another member’s change, and saves go on from it', async () => {
    const editor = await editorElsewhere();
    const library = await windowLibrary();
    const written = await writeArticle(library.handlers, 'Bão số 9', 'Sapo của phóng viên');
    await library.handlers['sharedLibrary:syncNow']({});
    await editor.session.handlers['sharedLibrary:syncNow']({});
    const there = await editor.session.handlers['article:get']({ id: written.id });
    await editor.session.handlers['article:save']({
      id: written.id,
      baseRevision: there.revision,
      content: { ...articleContentSchema.parse(there), sapo: 'Sapo của biên tập viên' },
    });
    await editor.session.handlers['sharedLibrary:syncNow']({});

    const view = await render(<App />);
    await untilInAct(() => buttonNamed('Bão số 9') !== undefined, 'the article row');
    await act(async () => buttonNamed('Bão số 9')!.click());
    await untilInAct(() => titleField()?.value === 'Bão số 9', 'the editor');

    // The automatic sync (every few minutes): the editor saves and holds, the sync runs, the new text comes in.
    const outcome = await act(async () => library.session.sync.syncNow());
    expect(outcome.changedArticleIds).toEqual([written.id]);
    await untilInAct(() => sapoField()?.value === 'Sapo của biên tập viên', 'Thu Hà’s sapo in the open editor');
    expect(sapoField()!.readOnly).toBe(false);
    const synced = await library.handlers['article:get']({ id: written.id });

    await typeInto(titleField()!, 'Bão số 9 đổ bộ');
    await untilInAct(() => view.textContent.includes('Đã lưu lúc'), 'the save after the sync');
    const after = await library.handlers['article:get']({ id: written.id });
    expect(after).toMatchObject({ title: 'Bão số 9 đổ bộ', sapo: 'Sapo của biên tập viên', revision: synced.revision + 1 });
  });

  it('names a conflict after a sync and opens the three-way view in the server’s words', async () => {
    const editor = await editorElsewhere();
    const library = await windowLibrary();
    const written = await writeArticle(library.handlers, 'Giá xăng tăng');
    await library.handlers['sharedLibrary:syncNow']({});
    await editor.session.handlers['sharedLibrary:syncNow']({});
    const there = await editor.session.handlers['article:get']({ id: written.id });
    await editor.session.handlers['article:save']({
      id: written.id,
      baseRevision: there.revision,
      content: { ...articleContentSchema.parse(there), title: 'Giá xăng tăng mạnh' },
    });
    await editor.session.handlers['sharedLibrary:syncNow']({});
    await library.handlers['article:save']({
      id: written.id,
      baseRevision: written.revision,
      content: sampleContent({ title: 'Giá xăng tăng 500 đồng', sapo: 'Sapo.' }),
    });

    await render(<App />);
    await untilInAct(() => libraryStatus() !== null, 'the status line');
    await act(async () => buttonNamed('Đồng bộ ngay')!.click());
    await untilInAct(
      () => toastText().includes('Bài “Giá xăng tăng 500 đồng” có xung đột sau khi đồng bộ: mở bài để giải quyết.'),
      `the conflict notice: ${toastText()}`,
    );
    await untilInAct(() => (libraryStatus() ?? '').endsWith('1 bài có xung đột'), `the conflict in the status line: ${libraryStatus()}`);

    await act(async () => buttonNamed('Mở bài', document.querySelector('.toast')!)!.click());
    await untilInAct(() => document.querySelector('.conflict-field') !== null, 'the three-way view');
    const dialog = document.querySelector<HTMLElement>('dialog[open]')!;
    expect(dialog.textContent).toMatch(/Bản trên máy chủ \(của Thu Hà, sửa lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\)/);
    const columns = [...dialog.querySelectorAll('.conflict-field-title .conflict-column-name')].map((name) => name.textContent);
    expect(columns).toEqual(['Bản chung', 'Bản trong máy', 'Bản trên máy chủ (Thu Hà)']);
    expect(dialog.textContent).toContain('Lấy bản trên máy chủ');
    expect(dialog.textContent).not.toContain('trong gói');
    expect(document.querySelector('.conflict-banner')!.textContent).toContain(
      'Có xung đột với bản trên máy chủ (của Thu Hà) sau khi đồng bộ',
    );
  });

  it('says offline, with the changes waiting, when the server cannot be reached', async () => {
    const library = await windowLibrary();
    await render(<App />);
    await untilInAct(() => syncedAt.test(libraryStatus() ?? ''), 'the status line');
    await writeArticle(library.handlers, 'Viết trên tàu');
    await newsroom.close();

    await act(async () => buttonNamed('Đồng bộ ngay')!.click());
    await untilInAct(() => (libraryStatus() ?? '').startsWith('Ngoại tuyến'), `offline in the status line: ${libraryStatus()}`);
    expect(libraryStatus()).toBe('Ngoại tuyến — 1 thay đổi chờ gửi');
    expect(buttonNamed('Đồng bộ ngay')!.disabled).toBe(false);
  });
});
