import { bodyWithoutAnchors } from '../../shared/withoutCommentAnchors';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Editor, JSONContent } from '@tiptap/core';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import type { DocumentNodeJson } from '../../shared/documentJson';
import type { HandlerTable } from '../../shared/ipcContract';
import { installInProcessApi } from '../support/installInProcessApi';
import { addArticle, moveArticlesTo } from '../support/moveArticlesTo';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';

const render = useRendering();

// jsdom lays nothing out: ProseMirror's scrolling to the selection (after focus()) asks a range for its rectangles.
if (!('getClientRects' in Range.prototype)) {
  const noRect = { x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON: () => ({}) };
  Object.assign(Range.prototype, { getClientRects: () => [], getBoundingClientRect: () => noRect });
}

const buttons = (scope: ParentNode = document) => [...scope.querySelectorAll('button')];
const buttonNamed = (name: string, scope: ParentNode = document) => buttons(scope).find((button) => button.textContent?.trim() === name);
const panel = () => document.querySelector<HTMLElement>('.comments-panel')!;
const threadItems = (scope: ParentNode = panel()) => [...scope.querySelectorAll<HTMLElement>('.comment-thread')];
const quotes = (scope: ParentNode = panel()) => threadItems(scope).map((item) => item.querySelector('.comment-quote-text')!.textContent);
const commentButton = () => document.querySelector<HTMLButtonElement>('.toolbar button[aria-label="Bình luận"]')!;

/** The body's Tiptap editor (Tiptap hangs it on its element). */
function bodyEditor(): Editor {
  return (document.querySelector('.ProseMirror') as HTMLElement & { editor: Editor }).editor;
}

/** Sets a field's value the way React sees a user's typing. */
async function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(async () => {
    const prototype = Object.getPrototypeOf(field) as object;
    Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(field, value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(element: Element | null | undefined, what: string) {
  if (element === null || element === undefined) throw new Error(`Nothing to click: ${what}`);
  await act(async () => (element as HTMLElement).click());
}

async function press(target: EventTarget, key: string, modifiers: KeyboardEventInit = {}) {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...modifiers }));
  });
}

/** Selects the first occurrence of `text` in the body, as a user's drag would. */
async function selectText(text: string) {
  const editor = bodyEditor();
  let found: { from: number; to: number } | null = null;
  editor.state.doc.descendants((node, position) => {
    const index = node.isText ? node.text!.indexOf(text) : -1;
    if (found === null && index >= 0) found = { from: position + index, to: position + index + text.length };
    return found === null;
  });
  if (found === null) throw new Error(`"${text}" is not in the body`);
  await act(async () => {
    // The editor's own focus(), not Tiptap's (which waits a frame and could take the focus back from the form).
    editor.view.focus();
    editor.commands.setTextSelection(found!);
  });
}

/** A body paragraph from pieces of text, each anchored to the threads named with it. */
function paragraph(...pieces: Array<string | [string, ...string[]]>): JSONContent {
  return {
    type: 'paragraph',
    content: pieces.map((piece) => {
      if (typeof piece === 'string') return { type: 'text', text: piece };
      const [text, ...threadIds] = piece;
      return { type: 'text', text, marks: threadIds.map((threadId) => ({ type: 'commentAnchor', attrs: { threadId } })) };
    }),
  };
}

function body(...paragraphs: JSONContent[]): DocumentNodeJson {
  return { type: 'doc', content: paragraphs } as DocumentNodeJson;
}

/** Saves a new body over the stored article (as if written before the editor opened it). */
async function saveBody(handlers: HandlerTable, id: string, newBody: DocumentNodeJson) {
  const article = await handlers['article:get']({ id });
  await handlers['article:save']({
    id,
    baseRevision: article.revision,
    content: { ...sampleContent({ title: article.title }), body: newBody },
  });
}

/** Renders the app and opens the article titled `title`, its comments read. */
async function openArticle(title: string) {
  const view = await render(<App />);
  await untilInAct(() => buttonNamed(title) !== undefined, `the row of "${title}"`);
  await click(buttonNamed(title), title);
  await untilInAct(() => document.querySelector('.comments-panel') !== null && !panel().textContent.includes('Đang tải'), 'the comments');
  return view;
}

function storedAnchors(json: unknown): string[] {
  return [...JSON.stringify(json).matchAll(/"type":"commentAnchor","attrs":\{"threadId":"([^"]+)"\}/g)].map((match) => match[1]!);
}

const dateTime = /^\d\d\/\d\d\/\d{4} \d\d:\d\d$/;

describe('comments in the editor', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('starts a comment on the selected text: the thread is stored and the saved body carries its anchor over that text', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    const id = await addArticle(handlers, { title: 'Giá xăng', body: body(paragraph('Giá xăng tăng 500 đồng mỗi lít từ chiều nay.')) });
    await openArticle('Giá xăng');
    expect(panel().textContent).toContain('Chưa có bình luận nào. Bôi đen một đoạn chữ rồi bấm “Bình luận” (Ctrl+Alt+M).');

    await selectText('500 đồng');
    expect(commentButton().title).toBe('Bình luận (Ctrl+Alt+M)');
    await click(commentButton(), 'Bình luận');
    const form = panel().querySelector<HTMLFormElement>('.comment-new')!;
    expect(form.querySelector('.comment-quote-text')!.textContent).toBe('500 đồng');
    const text = form.querySelector('textarea')!;
    expect(document.activeElement).toBe(text);
    // The editor has lost the focus to the form: the text stays marked.
    expect(document.querySelector('.ProseMirror .comment-anchor-pending')!.textContent).toBe('500 đồng');
    await typeInto(text, 'Số liệu lấy từ đâu? <b>Nguồn</b>');
    await press(text, 'Enter');

    await untilInAct(() => threadItems().length === 1, 'the new thread');
    expect(panel().querySelector('.comment-new')).toBeNull();
    expect(document.querySelector('.ProseMirror .comment-anchor-pending')).toBeNull();
    const [stored] = await handlers['comment:list']({ id });
    expect(stored).toMatchObject({ quote: '500 đồng', resolved: null, comments: [{ by: { name: 'Ngọc Sơn', role: 'reporter' } }] });
    expect(stored!.comments[0]!.text).toBe('Số liệu lấy từ đâu? <b>Nguồn</b>');

    // The panel shows who, when and what, as text.
    const item = threadItems()[0]!;
    expect(item.querySelector('.comment-person')!.textContent).toBe('Ngọc Sơn (Phóng viên)');
    expect(item.querySelector('.comment-time')!.textContent).toMatch(dateTime);
    expect(item.querySelector('.comment-text')!.textContent).toBe('Số liệu lấy từ đâu? <b>Nguồn</b>');
    expect(item.querySelector('b')).toBeNull();
    expect(panel().querySelector('.comments-count')!.textContent).toBe(' (1 chưa xử lý)');

    // Highlighted in the body, the new thread the active one.
    const anchor = document.querySelector(`.ProseMirror .comment-anchor[data-comment-thread="${stored!.id}"]`)!;
    expect(anchor.textContent).toBe('500 đồng');
    expect(document.querySelector('.ProseMirror .comment-anchor-active')!.textContent).toBe('500 đồng');
    expect(item.classList.contains('comment-thread-active')).toBe(true);

    // The autosave stores the anchor with the body (Ctrl+S saves now).
    await press(window, 's', { ctrlKey: true });
    await untilInAct(() => document.querySelector('.save-saved') !== null, 'the save');
    const saved = await handlers['article:get']({ id });
    expect(storedAnchors(saved.body)).toEqual([stored!.id]);
    expect(JSON.stringify(saved.body)).toContain(
      `{"type":"text","marks":[{"type":"commentAnchor","attrs":{"threadId":"${stored!.id}"}}],"text":"500 đồng"}`,
    );
  });

  it('opens the form with Ctrl+Alt+M, asks for a selection first when there is none, and cancels with Esc', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    const id = await addArticle(handlers, { title: 'Phím tắt', body: body(paragraph('Một câu để bình luận.')) });
    const view = await openArticle('Phím tắt');
    const editorElement = document.querySelector('.ProseMirror')!;

    await act(async () => {
      bodyEditor().view.focus();
      bodyEditor().commands.setTextSelection(3);
    });
    await press(editorElement, 'm', { ctrlKey: true, altKey: true, code: 'KeyM' });
    expect(panel().querySelector('.comment-new')).toBeNull();
    expect(view.querySelector('.toast')!.textContent).toContain('Hãy bôi đen đoạn chữ cần bình luận trước.');

    await selectText('bình luận');
    // Alt changes the character some layouts give (µ): the key's place decides.
    await press(editorElement, 'µ', { ctrlKey: true, altKey: true, code: 'KeyM' });
    const text = panel().querySelector<HTMLTextAreaElement>('.comment-new textarea')!;
    expect(document.activeElement).toBe(text);
    await typeInto(text, 'Bỏ đi');
    await press(text, 'Escape');
    expect(panel().querySelector('.comment-new')).toBeNull();
    expect(await handlers['comment:list']({ id })).toEqual([]);
    expect(JSON.stringify(bodyEditor().getJSON())).not.toContain('commentAnchor');

    // Text that changes before the selection while the form is open: the anchor still lands on the commented words.
    await selectText('bình luận');
    await press(editorElement, 'm', { ctrlKey: true, altKey: true, code: 'KeyM' });
    await act(async () => {
      bodyEditor().chain().setTextSelection(1).insertContent('Thêm: ').run();
    });
    expect(document.querySelector('.ProseMirror .comment-anchor-pending')!.textContent).toBe('bình luận');
    const again = panel().querySelector<HTMLTextAreaElement>('.comment-new textarea')!;
    await typeInto(again, 'Giữ');
    await click(buttonNamed('Gửi bình luận', panel()), 'Gửi bình luận');
    await untilInAct(() => threadItems().length === 1, 'the thread');
    expect(bodyEditor().getText()).toBe('Thêm: Một câu để bình luận.');
    expect(document.querySelector('.ProseMirror .comment-anchor')!.textContent).toBe('bình luận');
  });

  it('shows replies, and resolving (dimmed, folded) and reopening a thread', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    const id = await addArticle(handlers, { title: 'Trả lời' });
    const thread = await handlers['comment:start']({ id, text: 'Kiểm tra tên riêng', quote: 'Nguyễn Văn A' });
    await saveBody(handlers, id, body(paragraph('Ông ', ['Nguyễn Văn A', thread.id], ' phát biểu.')));
    await openArticle('Trả lời');
    expect(quotes()).toEqual(['Nguyễn Văn A']);

    const reply = threadItems()[0]!.querySelector<HTMLTextAreaElement>('.comment-reply textarea')!;
    await typeInto(reply, 'Đã kiểm tra: đúng.');
    await press(reply, 'Enter');
    await untilInAct(() => threadItems()[0]!.querySelectorAll('.comment').length === 2, 'the reply');
    expect(reply.value).toBe('');
    expect([...threadItems()[0]!.querySelectorAll('.comment-text')].map((each) => each.textContent)).toEqual([
      'Kiểm tra tên riêng',
      'Đã kiểm tra: đúng.',
    ]);
    expect((await handlers['comment:list']({ id }))[0]!.comments).toHaveLength(2);

    await click(buttonNamed('Đã xử lý', threadItems()[0]), 'Đã xử lý');
    await untilInAct(() => threadItems()[0]!.classList.contains('comment-thread-resolved'), 'the resolved thread');
    const resolved = threadItems()[0]!;
    expect(resolved.querySelector('.comment-resolved')!.textContent).toMatch(
      /^Đã xử lý: Ngọc Sơn \(Phóng viên\), \d\d\/\d\d\/\d{4} \d\d:\d\d$/,
    );
    // Folded to its quote: the comments and the reply box are hidden until asked for.
    expect(resolved.querySelector('.comment-list')).toBeNull();
    expect(resolved.querySelector('.comment-reply')).toBeNull();
    expect(panel().querySelector('.comments-count')).toBeNull();
    // Its text is no longer highlighted in the body.
    expect(document.querySelector('.ProseMirror .comment-anchor-resolved')!.textContent).toBe('Nguyễn Văn A');
    await click(buttonNamed('Xem 2 bình luận', resolved), 'Xem 2 bình luận');
    expect(resolved.querySelectorAll('.comment')).toHaveLength(2);
    expect((await handlers['comment:list']({ id }))[0]!.resolved).toMatchObject({ by: { name: 'Ngọc Sơn', role: 'reporter' } });

    await click(buttonNamed('Mở lại', resolved), 'Mở lại');
    await untilInAct(() => !threadItems()[0]!.classList.contains('comment-thread-resolved'), 'the reopened thread');
    expect(threadItems()[0]!.querySelector('.comment-reply')).not.toBeNull();
    expect(document.querySelector('.ProseMirror .comment-anchor-resolved')).toBeNull();
    expect(buttonNamed('Đã xử lý', threadItems()[0])).toBeDefined();
    expect((await handlers['comment:list']({ id }))[0]!.resolved).toBeNull();
  });

  it('lists threads in the order of their text, not of their start; a click selects the text; deleting it detaches it', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    const id = await addArticle(handlers, { title: 'Thứ tự' });
    // Started on the last paragraph first, then the first, then one whose text is already gone.
    const last = await handlers['comment:start']({ id, text: 'Câu kết hơi dài', quote: 'Kết bài' });
    const first = await handlers['comment:start']({ id, text: 'Mở đầu thiếu thời gian', quote: 'Mở đầu' });
    const gone = await handlers['comment:start']({ id, text: 'Đoạn này bỏ đi', quote: 'Đoạn cũ đã xóa' });
    await saveBody(handlers, id, body(paragraph(['Mở đầu', first.id], ' của bài.'), paragraph('Thân bài. ', ['Kết bài', last.id], '.')));
    await openArticle('Thứ tự');

    expect(quotes()).toEqual(['Mở đầu', 'Kết bài', 'Đoạn cũ đã xóa']);
    const detached = panel().querySelector<HTMLElement>('.comments-detached')!;
    expect(detached.querySelector('h3')!.textContent).toBe('Đoạn được bình luận đã bị xóa');
    expect(quotes(detached)).toEqual(['Đoạn cũ đã xóa']);
    expect(threadItems(detached)[0]!.dataset['threadId']).toBe(gone.id);
    expect(detached.querySelector('.comment-text')!.textContent).toBe('Đoạn này bỏ đi');
    expect(panel().querySelector('.comments-count')!.textContent).toBe(' (3 chưa xử lý)');

    // A click on a thread selects its text in the body and draws it stronger.
    await click(threadItems()[1]!.querySelector('.comment-text'), 'the second thread');
    const editor = bodyEditor();
    const { from, to } = editor.state.selection;
    expect(editor.state.doc.textBetween(from, to)).toBe('Kết bài');
    expect(threadItems()[1]!.classList.contains('comment-thread-active')).toBe(true);
    expect([...document.querySelectorAll('.ProseMirror .comment-anchor-active')].map((each) => each.textContent)).toEqual(['Kết bài']);
    // So does its quote, a button for the keyboard.
    const quoteButton = threadItems()[0]!.querySelector<HTMLButtonElement>('button.comment-quote')!;
    expect(quoteButton.getAttribute('aria-label')).toBe('Đến đoạn được bình luận: “Mở đầu”');
    await click(quoteButton, 'the first quote');
    expect(editor.state.doc.textBetween(editor.state.selection.from, editor.state.selection.to)).toBe('Mở đầu');

    // Moving the cursor into commented text makes its thread the active one.
    await selectText('Kết');
    await act(async () => {
      editor.commands.setTextSelection(editor.state.selection.from + 1);
    });
    expect(threadItems()[1]!.classList.contains('comment-thread-active')).toBe(true);

    // Text typed before a commented stretch moves it, and the order follows the text.
    await act(async () => {
      editor.chain().setTextSelection(1).insertContent('Đây là phần ').run();
    });
    expect(quotes()).toEqual(['Mở đầu', 'Kết bài', 'Đoạn cũ đã xóa']);

    // Deleting all the commented text lists its thread with the detached ones, quote kept.
    await selectText('Mở đầu');
    await act(async () => {
      editor.commands.deleteSelection();
    });
    expect(quotes(panel().querySelector('.comment-threads')!)).toEqual(['Kết bài']);
    expect(quotes(panel().querySelector('.comments-detached')!)).toEqual(['Mở đầu', 'Đoạn cũ đã xóa']);
    expect(panel().querySelector('.comments-detached button.comment-quote')).toBeNull();
  });

  it('lists unresolved comments in the checklist before exporting: "Hủy" writes nothing, "Vẫn xuất" exports without them', async () => {
    const directory = await temporaryDirectory();
    const exportPath = join(directory, 'gia-xang.html');
    const { handlers } = await installInProcessApi(directory, exportPath);
    const id = await addArticle(handlers, { title: 'Xuất bài' });
    const open = await handlers['comment:start']({ id, text: 'Chưa rõ nguồn', quote: 'mỗi lít' });
    const done = await handlers['comment:start']({ id, text: 'Đã sửa', quote: 'Giá' });
    await handlers['comment:resolve']({ id, threadId: done.id, resolved: true });
    await saveBody(handlers, id, body(paragraph(['Giá', done.id], ' xăng tăng 500 đồng ', ['mỗi lít', open.id], './.')));
    const view = await openArticle('Xuất bài');
    const checklist = () => view.querySelector<HTMLElement>('.preflight-dialog');

    await click(buttonNamed('Xuất HTML'), 'Xuất HTML');
    await untilInAct(() => checklist() !== null, 'the checklist');
    expect(checklist()!.getAttribute('role')).toBe('alertdialog');
    // Only the open thread counts: the resolved one is not mentioned.
    expect([...checklist()!.querySelectorAll('.preflight-message')].map((item) => item.textContent)).toEqual([
      'Bài còn 1 bình luận chưa xử lý. Bình luận không bao giờ có trong tệp xuất.',
    ]);
    // "Hủy" has the focus: Enter right after Ctrl+E never exports by accident.
    expect(document.activeElement).toBe(buttonNamed('Hủy', checklist()!));
    await click(buttonNamed('Hủy', checklist()!), 'Hủy');
    expect(checklist()).toBeNull();
    expect(existsSync(exportPath)).toBe(false);

    // Ctrl+E asks too; Esc is "Hủy".
    await press(window, 'e', { ctrlKey: true });
    await untilInAct(() => checklist() !== null, 'the checklist again');
    await press(checklist()!.querySelector('button')!, 'Escape');
    expect(checklist()).toBeNull();
    expect(existsSync(exportPath)).toBe(false);

    // "Xuất thư mục" asks the same.
    await click(buttonNamed('Xuất thư mục'), 'Xuất thư mục');
    await untilInAct(() => checklist() !== null, 'the checklist for the folder');
    await click(buttonNamed('Hủy', checklist()!), 'Hủy');

    await click(buttonNamed('Xuất HTML'), 'Xuất HTML');
    await untilInAct(() => checklist() !== null, 'the checklist for the file');
    await click(buttonNamed('Vẫn xuất'), 'Vẫn xuất');
    await untilInAct(() => existsSync(exportPath), 'the exported file');
    const html = readFileSync(exportPath, 'utf8');
    expect(html).toContain('mỗi lít');
    expect(html).not.toMatch(/comment|Chưa rõ nguồn/);
  });

  it('exports without asking once every comment is resolved', async () => {
    const directory = await temporaryDirectory();
    const exportPath = join(directory, 'bai.html');
    const { handlers } = await installInProcessApi(directory, exportPath);
    const id = await addArticle(handlers, { title: 'Đã xử lý hết', body: body(paragraph('Đoạn thân bài./.')) });
    const thread = await handlers['comment:start']({ id, text: 'Sửa rồi', quote: 'Đoạn' });
    await handlers['comment:resolve']({ id, threadId: thread.id, resolved: true });
    const view = await openArticle('Đã xử lý hết');
    await click(buttonNamed('Xuất HTML'), 'Xuất HTML');
    await untilInAct(() => existsSync(exportPath), 'the exported file');
    expect(view.querySelector('.preflight-dialog')).toBeNull();
  });

  it('takes a new comment on approved text (reviewing is not editing): only its anchor is saved, the article stays approved', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    const id = await addArticle(handlers, { title: 'Bài đã duyệt' });
    const thread = await handlers['comment:start']({ id, text: 'Xem lại', quote: 'Đoạn thân bài' });
    await saveBody(handlers, id, body(paragraph(['Đoạn thân bài', thread.id], ' cần hỏi thêm.')));
    await moveArticlesTo(handlers, [{ id, status: 'approved' }], { name: 'Minh Anh', role: 'managingEditor' });
    const savedAnchors: string[] = [];
    const save = window.api.articleSave;
    window.api.articleSave = async (request) => {
      const result = await save(request);
      if (request.id === id) savedAnchors.push(...storedAnchors(request.content.body));
      return result;
    };
    await openArticle('Bài đã duyệt');

    // The formatting toolbar is off; "Bình luận" is offered above the read-only text instead.
    expect(commentButton().matches(':disabled')).toBe(true);
    const readOnlyComment = buttonNamed('Bình luận', document.querySelector('.readonly-comment-bar')!)!;
    expect(readOnlyComment.matches(':disabled')).toBe(false);
    await selectText('hỏi thêm');
    await click(readOnlyComment, 'Bình luận above the read-only text');
    const text = panel().querySelector<HTMLTextAreaElement>('.comment-new textarea')!;
    await typeInto(text, 'Hỏi thêm ai?');
    await press(text, 'Enter');
    await untilInAct(() => threadItems().length === 2, 'the second thread');

    const started = (await handlers['comment:list']({ id })).find((candidate) => candidate.id !== thread.id)!;
    expect(started.quote).toBe('hỏi thêm');
    await untilInAct(() => savedAnchors.includes(started.id), 'the anchor saved');
    const saved = await handlers['article:get']({ id });
    expect(saved.status).toBe('approved');
    expect(JSON.stringify(bodyWithoutAnchors(saved.body))).toContain('Đoạn thân bài cần hỏi thêm.');

    // Ctrl+Alt+M works on the read-only text too (it cannot take the focus, so the page hears the shortcut).
    await selectText('thân');
    const walker = document.createTreeWalker(document.querySelector('.ProseMirror')!, NodeFilter.SHOW_TEXT);
    while (walker.nextNode() !== null && !walker.currentNode.textContent!.includes('thân'));
    const textNode = walker.currentNode;
    const start = textNode.textContent!.indexOf('thân');
    window.getSelection()!.setBaseAndExtent(textNode, start, textNode, start + 'thân'.length);
    await press(window, 'm', { ctrlKey: true, altKey: true, code: 'KeyM' });
    expect(panel().querySelector('.comment-new .comment-quote-text')?.textContent).toBe('thân');

    await click(buttonNamed('Đã xử lý', threadItems()[0]), 'Đã xử lý');
    await untilInAct(() => threadItems()[0]!.classList.contains('comment-thread-resolved'), 'the resolved thread');
    expect((await handlers['article:get']({ id })).status).toBe('approved');
  });

  it('keeps a comment being typed while a move is under way; sent meanwhile, its anchor is saved after the move', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    const id = await addArticle(handlers, { title: 'Bài gửi duyệt', body: body(paragraph('Một câu cần hỏi lại.')) });
    let releaseMove = () => {};
    const move = window.api.articleMove;
    window.api.articleMove = async (request) => {
      await new Promise<void>((resolve) => {
        releaseMove = resolve;
      });
      return move(request);
    };
    const saves: Array<{ status: string; anchors: string[] }> = [];
    const save = window.api.articleSave;
    window.api.articleSave = async (request) => {
      // An earlier test's editor may still retry its last save: only this article's count.
      if (request.id === id) saves.push({ status: request.content.status, anchors: storedAnchors(request.content.body) });
      return save(request);
    };
    const view = await openArticle('Bài gửi duyệt');

    await selectText('hỏi lại');
    await click(commentButton(), 'Bình luận');
    await typeInto(panel().querySelector('.comment-new textarea')!, 'Hỏi ai?');
    await click(buttonNamed('Gửi duyệt'), 'Gửi duyệt');
    await press(view.querySelector('.move-form textarea')!, 'Enter');
    await untilInAct(() => bodyEditor().isEditable === false, 'the move under way');
    // The move under way leaves the form and its text as they were.
    expect(panel().querySelector<HTMLTextAreaElement>('.comment-new textarea')?.value).toBe('Hỏi ai?');

    await click(buttonNamed('Gửi bình luận', panel()), 'Gửi bình luận');
    await untilInAct(() => threadItems().length === 1, 'the thread');
    await act(async () => releaseMove());
    await untilInAct(() => document.querySelector('.workflow-bar .status')?.textContent === 'Chờ duyệt', 'the move');
    const [stored] = await handlers['comment:list']({ id });
    // Held while the move ran, then saved over the revision it made.
    await untilInAct(() => saves.length > 0 && document.querySelector('.save-saved') !== null, 'the save of the anchor');
    expect(saves).toEqual([{ status: 'submitted', anchors: [stored!.id] }]);
    const saved = await handlers['article:get']({ id });
    expect(saved.status).toBe('submitted');
    expect(storedAnchors(saved.body)).toEqual([stored!.id]);
    expect(document.querySelector('.save-failed')).toBeNull();
  });
});
