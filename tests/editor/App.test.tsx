import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { SettingsStore } from '../../electron/main/storage/SettingsStore';
import { sampleContent } from '../support/sampleContent';
import { installInProcessApi } from '../support/installInProcessApi';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';

const render = useRendering();
const renderApp = () => render(<App />);

/** The editor has loaded its article's review history (read after the article itself). */
const historyRead = (view: HTMLElement) =>
  view.querySelector('.history-panel') !== null && !view.querySelector('.history-panel')!.textContent.includes('Đang tải');

const buttonNamed = (name: string) => [...document.querySelectorAll('button')].find((button) => button.textContent?.includes(name));

describe('App', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('shows an empty library with a clear "Bài mới" action on first run', async () => {
    await installInProcessApi(await temporaryDirectory());
    const view = await renderApp();
    await untilInAct(() => view.textContent.includes('Chưa có bài viết nào'), 'the empty state');
    expect(buttonNamed('Bài mới')).toBeDefined();
  });

  it('opens a new article in the editor, dated today', async () => {
    await installInProcessApi(await temporaryDirectory());
    const view = await renderApp();
    await untilInAct(() => buttonNamed('Bài mới') !== undefined, 'the new-article button');
    await act(async () => buttonNamed('Bài mới')!.click());
    await untilInAct(() => view.querySelector('[aria-label="Nội dung bài"]') !== null && historyRead(view), 'the editor');
    const today = new Date();
    const expected = `${String(today.getDate()).padStart(2, '0')}/${String(today.getMonth() + 1).padStart(2, '0')}/${today.getFullYear()}`;
    const dateInput = [...view.querySelectorAll('label')]
      .find((label) => label.textContent?.startsWith('Ngày đăng'))!
      .querySelector('input')!;
    expect(dateInput.value).toBe(expected);
    expect(document.activeElement).toBe(view.querySelector('textarea.input-title'));
  });

  it('lists articles with status and byline, and moves one to the trash with an undo', async () => {
    const { store } = await installInProcessApi(await temporaryDirectory());
    const article = await store.create();
    await store.save(article.id, 1, sampleContent({ title: 'Hội nghị sơ kết', status: 'submitted' }));
    const view = await renderApp();
    await untilInAct(() => view.textContent.includes('Hội nghị sơ kết'), 'the article row');
    expect(view.querySelector('.article-row')!.textContent).toContain('Chờ duyệt');
    expect(view.querySelector('.article-row')!.textContent).toContain('Tin: Ngọc Sơn');

    await act(async () => buttonNamed('Xóa')!.click());
    await untilInAct(() => view.textContent.includes('Đã chuyển vào thùng rác'), 'the trash toast');
    expect(store.list('trash').map((summary) => summary.id)).toEqual([article.id]);
    await untilInAct(() => view.querySelector('.article-row') === null, 'the row to leave the list');

    await act(async () => buttonNamed('Hoàn tác')!.click());
    await untilInAct(() => view.textContent.includes('Hội nghị sơ kết'), 'the restored row');
    expect(store.list('active').map((summary) => summary.id)).toEqual([article.id]);
  });

  it('after a conflict keeps the text on screen by saving it as a new draft, and never overwrites the newer save', async () => {
    const { store } = await installInProcessApi(await temporaryDirectory());
    const article = await store.create();
    // The reviewed text carries a comment anchor, which names a thread of this article only.
    const anchor = { type: 'commentAnchor', attrs: { threadId: '2026-11-30T08-00-00.000Z-0123456789ab' } };
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Giá xăng giảm', marks: [anchor] }] }] };
    const first = await store.save(article.id, 1, sampleContent({ title: 'Bản gốc', status: 'submitted', body }));
    const view = await renderApp();
    await untilInAct(() => buttonNamed('Bản gốc') !== undefined, 'the article row');
    await act(async () => buttonNamed('Bản gốc')!.click());
    await untilInAct(() => view.querySelector<HTMLTextAreaElement>('.input-title')?.value === 'Bản gốc' && historyRead(view), 'the editor');
    // Saved elsewhere after the editor loaded it (a synced copy, another window).
    await store.save(article.id, first.revision, sampleContent({ title: 'Sửa ở nơi khác', status: 'submitted' }));

    const title = view.querySelector<HTMLTextAreaElement>('.input-title')!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(title, 'Bản của phóng viên');
      title.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await untilInAct(() => buttonNamed('Lưu thành bài mới') !== undefined, 'the conflict with its way out');
    expect(view.querySelector('.save-failed')!.textContent).toContain('không ghi đè');
    expect((await store.get(article.id)).title).toBe('Sửa ở nơi khác');

    await act(async () => buttonNamed('Lưu thành bài mới')!.click());
    await untilInAct(
      () => view.querySelector<HTMLTextAreaElement>('.input-title')?.value === 'Bản của phóng viên (bản của tôi)' && historyRead(view),
      'the new article in the editor',
    );
    const copy = store.list('active').find((summary) => summary.id !== article.id)!;
    expect(copy).toMatchObject({ title: 'Bản của phóng viên (bản của tôi)', status: 'draft' });
    expect((await store.get(copy.id)).sapo).toBe(sampleContent().sapo);
    const copiedBody = JSON.stringify((await store.get(copy.id)).body);
    expect(copiedBody).toContain('Giá xăng giảm');
    expect(copiedBody).not.toContain('commentAnchor');
    expect((await store.get(article.id)).title).toBe('Sửa ở nơi khác');
    expect(view.textContent).toContain('Đã lưu nội dung của bạn thành một bài mới');
  });

  it('restores an article from the trash screen', async () => {
    const { store } = await installInProcessApi(await temporaryDirectory());
    const article = await store.create();
    await store.save(article.id, 1, sampleContent({ title: 'Bài đã xóa' }));
    await store.trash(article.id);
    const view = await renderApp();
    await untilInAct(() => buttonNamed('Thùng rác') !== undefined, 'the trash tab');
    await act(async () => buttonNamed('Thùng rác')!.click());
    await untilInAct(() => view.textContent.includes('Bài đã xóa'), 'the trashed row');
    await act(async () => buttonNamed('Khôi phục')!.click());
    await untilInAct(() => store.list('active').length === 1, 'the restore');
  });
});

describe('App language', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('switches the interface to English and remembers the choice', async () => {
    const dataDirectory = await temporaryDirectory();
    const { settings } = await installInProcessApi(dataDirectory);
    const view = await renderApp();
    await untilInAct(() => view.querySelector('select') !== null, 'the language picker');
    const picker = view.querySelector<HTMLSelectElement>('.language select')!;
    await act(async () => {
      picker.value = 'en';
      picker.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await untilInAct(() => buttonNamed('New article') !== undefined, 'English texts');
    expect(document.documentElement.lang).toBe('en');
    await untilInAct(() => settings.get().language === 'en', 'the saved setting');
    expect((await SettingsStore.open(dataDirectory)).get().language).toBe('en');
  });
});
