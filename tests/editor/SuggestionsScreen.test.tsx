import type { Editor } from '@tiptap/core';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import type { Identity } from '../../shared/identity';
import { installInProcessApi } from '../support/installInProcessApi';
import { addArticle } from '../support/moveArticlesTo';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';

const render = useRendering();

const buttons = () => [...document.querySelectorAll('button')];
const buttonNamed = (name: string) => buttons().find((button) => button.textContent?.trim() === name);
const titleField = () => document.querySelector<HTMLTextAreaElement>('textarea.input-title')!;
const bodyEditor = () => document.querySelector<HTMLElement>('.ProseMirror')!;
const editorOf = () => (bodyEditor() as HTMLElement & { editor: Editor }).editor;
const trackToggle = () => buttonNamed('Sửa có theo dõi');

async function openArticle(title: string) {
  const view = await render(<App />);
  await untilInAct(() => buttonNamed(title) !== undefined, `the row of "${title}"`);
  await act(async () => buttonNamed(title)!.click());
  await untilInAct(() => titleField()?.value === title && document.querySelector('.workflow-bar') !== null, 'the editor');
  return view;
}

const editor: Identity = { name: 'Thu Hà', role: 'editor' };
const reporter: Identity = { name: 'Ngọc Sơn', role: 'reporter' };

describe('Sửa có theo dõi in the editor', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('is on for an editor on a submitted article: a typed word is a suggestion, listed with its author, saved, rejected', async () => {
    const { handlers, store } = await installInProcessApi(await temporaryDirectory(), null, { identity: editor });
    const id = await addArticle(handlers, { title: 'Bài chờ duyệt' }, 'submitted');
    const view = await openArticle('Bài chờ duyệt');
    expect(trackToggle()?.getAttribute('aria-pressed')).toBe('true');
    const before = editorOf().getHTML();
    const savedRevision = (await store.get(id)).revision;

    await act(async () => {
      const current = editorOf();
      current.view.dispatch(current.state.tr.insertText('Nóng: ', 1));
    });
    expect(bodyEditor().querySelector('ins.suggestion-insertion')?.textContent).toBe('Nóng: ');
    await untilInAct(() => view.querySelector('.suggestion-item') !== null, 'the suggestions list');
    expect(view.querySelector('.suggestion-description')!.textContent).toBe('Thêm “Nóng:”');
    expect(view.querySelector('.suggestion-byline')!.textContent).toMatch(/^Thu Hà, /);
    await untilInAct(() => store.list('active').find((summary) => summary.id === id)!.revision > savedRevision, 'the save');
    const saved = JSON.stringify((await store.get(id)).body);
    expect(saved).toContain('"type":"insertion"');
    expect(saved).toContain('"authorName":"Thu Hà"');

    // Exporting lists the pending suggestion in the checklist first (issue 9, point 8; issue 12, point 7); "Hủy" writes nothing.
    await act(async () => buttonNamed('Xuất HTML')!.click());
    await untilInAct(() => view.querySelector('.preflight-dialog') !== null, 'the export checklist');
    expect([...view.querySelectorAll('.preflight-message')].map((item) => item.textContent)).toContain(
      'Bài còn 1 đề xuất sửa chưa xử lý. Tệp xuất giữ chữ như khi từ chối mọi đề xuất.',
    );
    await act(async () => buttonNamed('Hủy')!.click());
    expect(view.querySelector('.preflight-dialog')).toBeNull();

    await act(async () => buttonNamed('Từ chối tất cả')!.click());
    expect(editorOf().getHTML()).toBe(before);
    expect(view.querySelector('.suggestions-panel')).toBeNull();
  });

  it('is off for a reporter, and the toggle turns it on', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory(), null, { identity: reporter });
    await addArticle(handlers, { title: 'Bài nháp' }, 'draft');
    await openArticle('Bài nháp');
    expect(trackToggle()?.getAttribute('aria-pressed')).toBe('false');
    await act(async () => trackToggle()!.click());
    expect(trackToggle()?.getAttribute('aria-pressed')).toBe('true');
  });
});
