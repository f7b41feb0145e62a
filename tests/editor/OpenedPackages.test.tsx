import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { articleContentSchema } from '../../shared/articleModel';
import { installInProcessApi } from '../support/installInProcessApi';
import { cannedDialogs, openTestSession } from '../support/openTestSession';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';

const render = useRendering();

const titleField = () => document.querySelector<HTMLTextAreaElement>('textarea.input-title');
const sapoField = () => document.querySelector<HTMLTextAreaElement>('textarea.input-sapo');
const toastText = () => document.querySelector('.toast')?.textContent ?? '';
const buttonNamed = (name: string) => [...document.querySelectorAll('button')].find((button) => button.textContent?.includes(name));

async function typeInto(field: HTMLTextAreaElement, value: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(field, value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/**
 * This newsroom wrote an article and sent it; an editor elsewhere changed the sapo and sent it back: the library (with
 * the article as sent), the article, its last save here, and the package that came back.
 */
async function articleSentBack(temporaryDirectory: () => Promise<string>) {
  const outbox = await temporaryDirectory();
  const library = await installInProcessApi(await temporaryDirectory(), null, {
    dialogs: { packagePath: (suggested) => join(outbox, suggested) },
  });
  const { handlers, session } = library;
  const created = await handlers['article:create']({});
  const saved = await handlers['article:save']({
    id: created.id,
    baseRevision: created.revision,
    content: sampleContent({ title: 'Hội nghị sơ kết', sapo: 'Sapo của phóng viên' }),
  });
  await session.flush();
  const sent = await handlers['package:send']({ id: created.id });
  if (sent.status !== 'saved') throw new Error('not sent');
  const elsewhere = await openTestSession(await temporaryDirectory(), {
    dialogs: cannedDialogs({ packagePath: (suggested) => join(outbox, `lai-${suggested}`) }),
  });
  await elsewhere.handlers['settings:update']({ userName: 'Minh Anh', userRole: 'editor' });
  await elsewhere.handlers['package:receiveBytes']({ fileName: 'goi.banthao', bytes: new Uint8Array(await readFile(sent.path)) });
  const there = await elsewhere.handlers['article:get']({ id: created.id });
  await elsewhere.handlers['article:save']({
    id: created.id,
    baseRevision: there.revision,
    content: { ...articleContentSchema.parse(there), sapo: 'Sapo của biên tập viên' },
  });
  await elsewhere.flush();
  const back = await elsewhere.handlers['package:send']({ id: created.id });
  if (back.status !== 'saved') throw new Error('not sent back');
  return { library, handlers, created, saved, back };
}

describe('a review package opened outside the window (a double-click) reaches the screen the user is on', () => {
  const temporaryDirectory = useTemporaryDirectories();

  /** Another newsroom's library that writes one article and sends it; returns its package. */
  async function packageFromElsewhere(title: string): Promise<string> {
    const outbox = await temporaryDirectory();
    const other = await openTestSession(await temporaryDirectory(), {
      dialogs: cannedDialogs({ packagePath: (suggested) => join(outbox, suggested) }),
    });
    await other.handlers['settings:update']({ userName: 'Minh Anh', userRole: 'editor' });
    const article = await other.handlers['article:create']({});
    await other.handlers['article:save']({ id: article.id, baseRevision: article.revision, content: sampleContent({ title }) });
    await other.flush();
    const sent = await other.handlers['package:send']({ id: article.id });
    if (sent.status !== 'saved') throw new Error('not sent');
    return sent.path;
  }

  it('in the library: the same toast as "Mở gói bài…", and the list shows the new article', async () => {
    const path = await packageFromElsewhere('Cầu Rồng phun lửa');
    const library = await installInProcessApi(await temporaryDirectory());
    const view = await render(<App />);
    await untilInAct(() => view.textContent.includes('Chưa có bài viết nào'), 'the empty library');

    const report = await act(async () => library.openPackage(path));
    expect(report).toMatchObject({ ok: true, outcome: { status: 'created', title: 'Cầu Rồng phun lửa' } });
    await untilInAct(() => toastText().includes('Đã nhận bài mới: Cầu Rồng phun lửa'), 'the toast');
    await untilInAct(() => buttonNamed('Cầu Rồng phun lửa') !== undefined, 'the received article in the list');
  });

  it('says in Vietnamese why a package was not received, naming the file', async () => {
    const library = await installInProcessApi(await temporaryDirectory());
    const view = await render(<App />);
    await untilInAct(() => view.textContent.includes('Chưa có bài viết nào'), 'the empty library');
    const missing = join(await temporaryDirectory(), 'bai-da-xoa.banthao');
    await act(async () => library.openPackage(missing));
    await untilInAct(() => toastText().includes('Chưa nhận được gói bai-da-xoa.banthao'), 'the error toast');
    expect(document.querySelector('.toast')!.getAttribute('role')).toBe('alert');
    expect(toastText()).toContain('Không đọc được tệp gói bài duyệt.');
    expect(toastText()).not.toContain(missing);
  });

  it('in the editor of the article it updates: the new text shown, and saves go on from its revision', async () => {
    const { library, handlers, created, saved, back } = await articleSentBack(temporaryDirectory);

    const view = await render(<App />);
    await untilInAct(() => buttonNamed('Hội nghị sơ kết') !== undefined, 'the article row');
    await act(async () => buttonNamed('Hội nghị sơ kết')!.click());
    await untilInAct(() => titleField()?.value === 'Hội nghị sơ kết', 'the editor');

    // Nothing typed here since sending: the package descends from this copy and is taken over it.
    const report = await act(async () => library.openPackage(back.path));
    expect(report).toMatchObject({ ok: true, outcome: { status: 'updated', articleId: created.id } });
    await untilInAct(() => sapoField()?.value === 'Sapo của biên tập viên', 'the package’s text in the editor');
    expect(toastText()).toContain('Đã cập nhật bài theo gói');
    const updated = await handlers['article:get']({ id: created.id });
    expect(updated.revision).toBe(saved.revision + 1);

    // Typing goes on over the new revision: saved, not refused as a conflict, and the package's sapo stays.
    expect(sapoField()!.readOnly).toBe(false);
    await typeInto(titleField()!, 'Hội nghị sơ kết, bản cuối');
    expect(view.textContent).toContain('Có thay đổi chưa lưu');
    await untilInAct(() => view.textContent.includes('Đã lưu lúc'), 'the save after the update');
    const after = await handlers['article:get']({ id: created.id });
    expect(after).toMatchObject({ title: 'Hội nghị sơ kết, bản cuối', sapo: 'Sapo của biên tập viên', revision: updated.revision + 1 });
  });

  it('with typing not yet saved when the package arrives: saved first, so both sides changed; nothing is overwritten', async () => {
    const { library, handlers, created, back } = await articleSentBack(temporaryDirectory);

    const view = await render(<App />);
    await untilInAct(() => buttonNamed('Hội nghị sơ kết') !== undefined, 'the article row');
    await act(async () => buttonNamed('Hội nghị sơ kết')!.click());
    await untilInAct(() => titleField()?.value === 'Hội nghị sơ kết', 'the editor');
    // Typed a moment ago: the autosave has not run yet when the package is double-clicked.
    await typeInto(titleField()!, 'Hội nghị sơ kết 6 tháng');
    expect(view.textContent).toContain('Có thay đổi chưa lưu');

    const report = await act(async () => library.openPackage(back.path));
    expect(report).toMatchObject({ ok: true, outcome: { status: 'conflict', articleId: created.id } });
    // The typing was saved before the package was looked at, and stays; the package's text waits in the three-way view.
    expect(await handlers['article:get']({ id: created.id })).toMatchObject({
      title: 'Hội nghị sơ kết 6 tháng',
      sapo: 'Sapo của phóng viên',
    });
    expect(await handlers['conflict:get']({ id: created.id })).toMatchObject({ theirs: { sapo: 'Sapo của biên tập viên' } });
    await untilInAct(() => view.textContent.includes('Bản trong gói'), 'the three-way view');
  });

  it('in the editor of another article: the toast shows, the text stays, and editing resumes after the brief hold', async () => {
    const path = await packageFromElsewhere('Bão số 3 đổ bộ');
    const library = await installInProcessApi(await temporaryDirectory());
    const created = await library.handlers['article:create']({});
    await library.handlers['article:save']({
      id: created.id,
      baseRevision: created.revision,
      content: sampleContent({ title: 'Giá xăng giảm' }),
    });
    const view = await render(<App />);
    await untilInAct(() => buttonNamed('Giá xăng giảm') !== undefined, 'the article row');
    await act(async () => buttonNamed('Giá xăng giảm')!.click());
    await untilInAct(() => titleField()?.value === 'Giá xăng giảm', 'the editor');

    // What the body allowed at the moment the page told main it could go on: no typing while the package is received.
    const bodyEditableAtAnswer: (string | null)[] = [];
    const answer = window.api.packageReadyToReceive;
    window.api.packageReadyToReceive = (request) => {
      bodyEditableAtAnswer.push(document.querySelector('.ProseMirror')?.getAttribute('contenteditable') ?? null);
      return answer(request);
    };
    const report = await act(async () => library.openPackage(path));
    expect(report).toMatchObject({ ok: true, outcome: { status: 'created', title: 'Bão số 3 đổ bộ' } });
    expect(bodyEditableAtAnswer).toEqual(['false']);
    await untilInAct(() => toastText().includes('Đã nhận bài mới: Bão số 3 đổ bộ'), 'the toast');
    await untilInAct(
      () => !titleField()!.readOnly && document.querySelector('.ProseMirror')!.getAttribute('contenteditable') === 'true',
      'editing to resume',
    );
    expect(titleField()!.value).toBe('Giá xăng giảm');
    await typeInto(titleField()!, 'Giá xăng giảm mạnh');
    await untilInAct(() => view.textContent.includes('Đã lưu lúc'), 'the save');
    expect(await library.handlers['article:get']({ id: created.id })).toMatchObject({ title: 'Giá xăng giảm mạnh' });
  });
});
