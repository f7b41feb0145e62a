import type { Editor } from '@tiptap/core';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { identityNameMaximumLength } from '../../renderer/src/lib/identity';
import { moveNoteMaximumLength } from '../../renderer/src/lib/workflowText';
import type { ArticleStatus } from '../../shared/articleVocabulary';
import type { Identity } from '../../shared/identity';
import { settingsSchema } from '../../shared/settingsModel';
import { workflowNoteMaximumLength } from '../../shared/workflowEvent';
import { installInProcessApi } from '../support/installInProcessApi';
import { addArticle, moveArticlesTo } from '../support/moveArticlesTo';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';

const render = useRendering();
const renderApp = () => render(<App />);

const buttons = (scope: ParentNode = document) => [...scope.querySelectorAll('button')];
const buttonNamed = (name: string, scope: ParentNode = document) => buttons(scope).find((button) => button.textContent?.trim() === name);
const moveButtons = () => buttons(document.querySelector('.workflow-actions') ?? document.createElement('div')).map((b) => b.textContent);
const statusBadge = () => document.querySelector('.workflow-bar .status')?.textContent;
const titleField = () => document.querySelector<HTMLTextAreaElement>('textarea.input-title')!;
const bodyEditor = () => document.querySelector<HTMLElement>('.ProseMirror')!;

/** Sets a field's value the way React sees a user's typing or choosing. */
async function typeInto(field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  await act(async () => {
    const prototype = Object.getPrototypeOf(field) as object;
    Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(field, value);
    field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
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

/** Renders the app and opens the article titled `title` from the library. */
async function openArticle(title: string) {
  const view = await renderApp();
  await untilInAct(() => buttonNamed(title) !== undefined, `the row of "${title}"`);
  await click(buttonNamed(title), title);
  await untilInAct(() => titleField()?.value === title && document.querySelector('.workflow-bar') !== null, 'the editor');
  await untilInAct(() => !document.querySelector('.history-panel')!.textContent.includes('Đang tải'), 'the review history');
  return view;
}

const editor: Identity = { name: 'Thu Hà', role: 'editor' };

describe('first run', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('asks who you are before the library, says it is not a password, and stores the name and role', async () => {
    const { settings } = await installInProcessApi(await temporaryDirectory(), null, { identity: null });
    const view = await renderApp();
    await untilInAct(() => view.textContent.includes('Bạn là ai?'), 'the first-run question');
    expect(view.textContent).toContain('Tên này được ghi vào mỗi bước duyệt, bình luận và phiên bản; đây không phải mật khẩu.');
    expect(buttonNamed('+ Bài mới')).toBeUndefined();
    const name = view.querySelector<HTMLInputElement>('input[name="userName"]')!;
    const role = view.querySelector<HTMLSelectElement>('select[name="userRole"]')!;
    expect(document.activeElement).toBe(name);
    expect([...role.options].map((option) => option.textContent)).toEqual([
      'Chọn vai trò…',
      'Phóng viên',
      'Biên tập viên',
      'Thư ký tòa soạn',
    ]);

    // The name alone: the role is asked for, nothing is stored.
    await typeInto(name, '  Ngọc Sơn ');
    await click(buttonNamed('Bắt đầu làm việc'), 'Bắt đầu làm việc');
    expect(view.textContent).toContain('Hãy chọn vai trò của bạn.');
    expect(document.activeElement).toBe(role);
    expect(settings.get().userRole).toBeNull();

    await typeInto(role, 'reporter');
    expect(view.textContent).not.toContain('Hãy chọn vai trò của bạn.');
    // Enter on the role sends the form, as it would from the name.
    await press(role, 'Enter');
    await untilInAct(() => buttonNamed('+ Bài mới') !== undefined, 'the library');
    expect(view.textContent).not.toContain('Bạn là ai?');
    expect(settings.get()).toMatchObject({ userName: 'Ngọc Sơn', userRole: 'reporter' });
  });

  it('lets the name and role be changed in Cài đặt, and the editor then offers that role’s moves', async () => {
    const { handlers, settings } = await installInProcessApi(await temporaryDirectory());
    await addArticle(handlers, { title: 'Bài chờ duyệt' }, 'submitted');
    const view = await renderApp();
    await untilInAct(() => buttonNamed('Cài đặt') !== undefined, 'the library');
    await click(buttonNamed('Cài đặt'), 'Cài đặt');
    await untilInAct(() => view.querySelector('dialog input[name="userName"]') !== null, 'the settings dialog');
    const dialog = view.querySelector('dialog')!;
    expect(dialog.querySelector<HTMLInputElement>('input[name="userName"]')!.value).toBe('Ngọc Sơn');
    expect(dialog.textContent).toContain('đây không phải mật khẩu');
    await typeInto(dialog.querySelector<HTMLInputElement>('input[name="userName"]')!, 'Thu Hà');
    await typeInto(dialog.querySelector<HTMLSelectElement>('select[name="userRole"]')!, 'editor');
    await click(buttonNamed('Lưu cài đặt', dialog), 'Lưu cài đặt');
    await untilInAct(() => settings.get().userName === 'Thu Hà', 'the saved name');
    expect(settings.get().userRole).toBe('editor');

    await click(buttonNamed('Bài chờ duyệt'), 'the row');
    await untilInAct(() => document.querySelector('.history-entry') !== null, 'the editor with its history');
    expect(moveButtons()).toContain('Duyệt');
  });
});

describe('the review workflow in the editor', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('offers a reporter only "Gửi duyệt" on a draft; once sent with a note: "Chờ duyệt", their name and note in the history', async () => {
    const { handlers, store } = await installInProcessApi(await temporaryDirectory());
    const id = await addArticle(handlers, { title: 'Hội nghị sơ kết' });
    const view = await openArticle('Hội nghị sơ kết');
    expect(statusBadge()).toBe('Nháp');
    expect(moveButtons()).toEqual(['Gửi duyệt']);
    expect(view.querySelector('.workflow-holder')!.textContent).toMatch(/^Ngọc Sơn \(Phóng viên\) tạo bài lúc \d\d:\d\d \d\d\/\d\d$/);
    expect(view.querySelector('.history-panel')!.textContent).toContain('Bài chưa qua bước duyệt nào.');

    // An edit still waiting for its autosave goes out before the move, which builds on its revision.
    await typeInto(titleField(), 'Hội nghị sơ kết 6 tháng');
    await click(buttonNamed('Gửi duyệt'), 'Gửi duyệt');
    const note = view.querySelector<HTMLTextAreaElement>('.move-form textarea')!;
    expect(view.querySelector('.move-form')!.textContent).toContain('Ghi chú (không bắt buộc)');
    expect(document.activeElement).toBe(note);
    await typeInto(note, 'Nhờ anh xem giúp số liệu');
    await press(note, 'Enter');

    await untilInAct(() => statusBadge() === 'Chờ duyệt', 'the new status');
    expect(view.querySelector('.move-form')).toBeNull();
    const stored = await store.get(id);
    expect(stored).toMatchObject({ status: 'submitted', title: 'Hội nghị sơ kết 6 tháng' });
    expect(moveButtons()).toEqual(['Rút về nháp']);
    expect(view.querySelector('.workflow-holder')!.textContent).toContain('Ngọc Sơn (Phóng viên) gửi duyệt lúc');
    await untilInAct(() => view.querySelectorAll('.history-entry').length === 1, 'the history entry');
    const entry = view.querySelector('.history-entry')!;
    expect(entry.querySelector('.history-person')!.textContent).toBe('Ngọc Sơn (Phóng viên)');
    expect(entry.querySelector('.history-move')!.textContent).toBe('Nháp → Chờ duyệt');
    expect(entry.querySelector('.history-note')!.textContent).toBe('Nhờ anh xem giúp số liệu');
    expect(entry.querySelector('.history-time')!.textContent).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);

    // The next autosave builds on the revision the move made: saved, no conflict.
    await typeInto(titleField(), 'Hội nghị sơ kết 6 tháng đầu năm');
    await untilInAct(() => view.querySelector('.save-saved') !== null && store.list('active')[0]!.title.endsWith('đầu năm'), 'the save');
    expect(view.querySelector('.save-failed')).toBeNull();
    expect((await store.get(id)).status).toBe('submitted');
  });

  it('offers an editor "Yêu cầu sửa" and "Duyệt" on a submitted article and never "Đăng"; Esc closes the note without moving', async () => {
    const { handlers, store } = await installInProcessApi(await temporaryDirectory(), null, { identity: editor });
    const id = await addArticle(handlers, { title: 'Bài chờ duyệt' }, 'submitted');
    const view = await openArticle('Bài chờ duyệt');
    expect(statusBadge()).toBe('Chờ duyệt');
    expect(moveButtons()).toContain('Yêu cầu sửa');
    expect(moveButtons()).toContain('Duyệt');
    expect(moveButtons()).not.toContain('Đăng');

    await click(buttonNamed('Yêu cầu sửa'), 'Yêu cầu sửa');
    await press(view.querySelector('.move-form textarea')!, 'Escape');
    expect(view.querySelector('.move-form')).toBeNull();
    expect((await store.get(id)).status).toBe('submitted');

    await click(buttonNamed('Duyệt'), 'Duyệt');
    await press(view.querySelector('.move-form textarea')!, 'Enter');
    await untilInAct(() => statusBadge() === 'Đã duyệt', 'the approval');
    await untilInAct(() => view.querySelectorAll('.history-entry').length === 2, 'the history of both moves');
    expect((await store.get(id)).lastMove).toMatchObject({ to: 'approved', by: editor });
    expect(moveButtons()).not.toContain('Đăng');
  });

  it('keeps approved text read-only, asks before taking it back to draft, and then lets the title be typed and saved', async () => {
    const { handlers, store } = await installInProcessApi(await temporaryDirectory());
    const id = await addArticle(handlers, { title: 'Bài đã duyệt' }, 'approved');
    const saves: Array<[ArticleStatus, string]> = [];
    const save = window.api.articleSave;
    window.api.articleSave = async (request) => {
      saves.push([request.content.status, request.content.title]);
      return save(request);
    };
    const view = await openArticle('Bài đã duyệt');
    expect(statusBadge()).toBe('Đã duyệt');
    expect(view.textContent).toContain('Bài đã duyệt — muốn sửa, bài sẽ về Nháp.');
    expect(titleField().readOnly).toBe(true);
    expect(view.querySelector<HTMLTextAreaElement>('textarea.input-sapo')!.readOnly).toBe(true);
    expect(bodyEditor().getAttribute('contenteditable')).toBe('false');
    expect(view.querySelector<HTMLInputElement>('.field-byline input')!.readOnly).toBe(true);
    expect(view.querySelector<HTMLInputElement>('.field-credit input')!.readOnly).toBe(true);
    // Typing at it changes nothing.
    await typeInto(titleField(), 'Sửa lén');
    expect(titleField().value).toBe('Bài đã duyệt');

    await click(buttonNamed('Sửa bài (đưa về nháp)'), 'Sửa bài (đưa về nháp)');
    const question = view.querySelector('[role="alertdialog"]')!;
    expect(question.textContent).toContain('Sửa bài đã duyệt sẽ đưa bài về Nháp và người duyệt phải duyệt lại. Tiếp tục?');
    expect(buttonNamed('Thôi', question)).toBeDefined();
    await click(buttonNamed('Thôi', question), 'Thôi');
    expect(view.querySelector('[role="alertdialog"]')).toBeNull();
    expect((await store.get(id)).status).toBe('approved');

    await click(buttonNamed('Sửa bài (đưa về nháp)'), 'Sửa bài (đưa về nháp)');
    await click(buttonNamed('Đưa về nháp và sửa'), 'Đưa về nháp và sửa');
    await untilInAct(() => statusBadge() === 'Nháp', 'the draft status');
    expect(titleField().readOnly).toBe(false);
    expect(bodyEditor().getAttribute('contenteditable')).toBe('true');
    expect(view.textContent).not.toContain('muốn sửa, bài sẽ về Nháp');
    expect((await store.get(id)).lastMove).toMatchObject({ from: 'approved', to: 'draft', by: { name: 'Ngọc Sơn', role: 'reporter' } });

    await typeInto(titleField(), 'Bài đã duyệt, sửa lại');
    await untilInAct(() => store.list('active')[0]!.title === 'Bài đã duyệt, sửa lại', 'the save of the reopened article');
    expect((await store.get(id)).status).toBe('draft');
    // Not one save was sent while the text was locked.
    expect(saves).toEqual([['draft', 'Bài đã duyệt, sửa lại']]);
    await untilInAct(() => view.querySelectorAll('.history-entry').length === 3, 'the history of three moves');
    expect(view.querySelector('.history-entry .history-move')!.textContent).toBe('Đã duyệt → Nháp');
  });

  it('stops the body taking keystrokes as a move starts, and saves a change that reached it meanwhile after the move', async () => {
    const { handlers, store } = await installInProcessApi(await temporaryDirectory());
    const id = await addArticle(handlers, { title: 'Bài đang gửi' });
    let releaseMove = () => {};
    const move = window.api.articleMove;
    window.api.articleMove = async (request) => {
      await new Promise<void>((resolve) => {
        releaseMove = resolve;
      });
      return move(request);
    };
    const view = await openArticle('Bài đang gửi');
    const editorOf = () => (bodyEditor() as HTMLElement & { editor: Editor }).editor;

    await click(buttonNamed('Gửi duyệt'), 'Gửi duyệt');
    const note = view.querySelector<HTMLTextAreaElement>('.move-form textarea')!;
    let editableAsTheMoveStarts: boolean | null = null;
    await act(async () => {
      note.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      // Before React renders the read-only form: no keystroke can land between the click and the render.
      editableAsTheMoveStarts = editorOf().isEditable;
    });
    expect(editableAsTheMoveStarts).toBe(false);
    expect(bodyEditor().getAttribute('contenteditable')).toBe('false');

    // A change that reaches the document anyway (as a comment's anchor does) is saved once the move is done.
    await act(async () => {
      const editor = editorOf();
      editor.view.dispatch(editor.state.tr.insertText(' Thêm', editor.state.doc.content.size - 1));
    });
    await act(async () => releaseMove());
    await untilInAct(() => statusBadge() === 'Chờ duyệt', 'the move');
    await untilInAct(() => store.list('active')[0]!.revision > 3 && view.querySelector('.save-saved') !== null, 'the save after the move');
    const stored = await store.get(id);
    expect(stored.status).toBe('submitted');
    expect(JSON.stringify(stored.body)).toContain(' Thêm');
    expect(view.querySelector('.save-failed')).toBeNull();
  });

  it('says a move from a stale window met a change made elsewhere, and leaves the article as it was', async () => {
    const { handlers, store } = await installInProcessApi(await temporaryDirectory());
    const id = await addArticle(handlers, { title: 'Bài nháp' });
    const view = await openArticle('Bài nháp');
    // Moved elsewhere after the editor opened it (another window): this move is based on an older revision.
    await moveArticlesTo(handlers, [{ id, status: 'submitted' }]);
    await click(buttonNamed('Gửi duyệt'), 'Gửi duyệt');
    await press(view.querySelector('.move-form textarea')!, 'Enter');
    await untilInAct(() => view.querySelector('.toast-error') !== null, 'the error toast');
    expect(view.querySelector('.toast-error')!.textContent).toContain('Bài đã được lưu ở nơi khác');
    expect(statusBadge()).toBe('Nháp');
    expect(view.querySelector('.move-form')).not.toBeNull();
    expect((await store.get(id)).lastMove?.by.name).toBe('Thu Hà');
  });

  it('lets the note and the name be as long as main accepts', () => {
    expect(moveNoteMaximumLength).toBe(workflowNoteMaximumLength);
    expect(settingsSchema.shape.userName.safeParse('x'.repeat(identityNameMaximumLength)).success).toBe(true);
    expect(settingsSchema.shape.userName.safeParse('x'.repeat(identityNameMaximumLength + 1)).success).toBe(false);
  });
});
