import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import type { NewsroomRole } from '../../shared/articleVocabulary';
import { openTestSession, type TestSession } from '../support/openTestSession';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

describe('moving an article through the editorial flow', () => {
  const temporaryDirectory = useTemporaryDirectories();

  /** A library with one saved draft, the user named as `role`. */
  async function draftBy(role: NewsroomRole = 'reporter') {
    const dataDirectory = await temporaryDirectory();
    const session = await openTestSession(dataDirectory);
    const { handlers } = session;
    await handlers['settings:update']({ userName: 'Ngọc Sơn', userRole: role });
    const created = await handlers['article:create']({});
    const saved = await handlers['article:save']({ id: created.id, baseRevision: 1, content: sampleContent({ title: 'Hội nghị' }) });
    return { session, handlers, dataDirectory, id: created.id, revision: saved.revision };
  }

  /** Acts as someone else on this machine (attribution only: the name and role come from Cài đặt). */
  const actAs = (session: TestSession, userName: string, userRole: NewsroomRole) =>
    session.handlers['settings:update']({ userName, userRole });

  it('stamps a new article with its creator, and a move with who, when and the note, in the article and its history', async () => {
    const { handlers, dataDirectory, id, revision } = await draftBy('reporter');
    expect((await handlers['article:get']({ id })).createdBy).toEqual({ name: 'Ngọc Sơn', role: 'reporter' });

    const moved = await handlers['article:move']({ id, baseRevision: revision, to: 'submitted', note: 'Nhờ anh xem giúp' });
    expect(moved).toMatchObject({ status: 'submitted', revision: revision + 1, lastMove: { from: 'draft', to: 'submitted' } });
    expect(moved.lastMove?.by).toEqual({ name: 'Ngọc Sơn', role: 'reporter' });
    const [event] = await handlers['article:history']({ id });
    expect(event).toMatchObject({ from: 'draft', to: 'submitted', note: 'Nhờ anh xem giúp', by: { name: 'Ngọc Sơn' } });
    expect(event?.at).toBe(moved.lastMove?.at);
    // One small file per move, in the article's own folder.
    const folder = dirname(libraryLayout(dataDirectory).library.workflowEventFile(id, event!.id));
    expect(await readdir(folder)).toEqual([`${event!.id}.json`]);
  });

  it('takes an article round the flow: submitted, changes requested, resubmitted, approved, published', async () => {
    const { session, handlers, id, revision } = await draftBy('reporter');
    let article = await handlers['article:move']({ id, baseRevision: revision, to: 'submitted', note: '' });
    await actAs(session, 'Minh Anh', 'editor');
    article = await handlers['article:move']({ id, baseRevision: article.revision, to: 'changesRequested', note: 'Thiếu nguồn' });
    await actAs(session, 'Ngọc Sơn', 'reporter');
    article = await handlers['article:move']({ id, baseRevision: article.revision, to: 'submitted', note: 'Đã bổ sung' });
    await actAs(session, 'Minh Anh', 'editor');
    article = await handlers['article:move']({ id, baseRevision: article.revision, to: 'approved', note: '' });
    await actAs(session, 'Văn Đốc', 'managingEditor');
    const published = await handlers['article:move']({ id, baseRevision: article.revision, to: 'published', note: '' });
    expect(published.status).toBe('published');

    const history = await handlers['article:history']({ id });
    expect(history.map((event) => `${event.by.name}: ${event.from} → ${event.to}`)).toEqual([
      'Ngọc Sơn: draft → submitted',
      'Minh Anh: submitted → changesRequested',
      'Ngọc Sơn: changesRequested → submitted',
      'Minh Anh: submitted → approved',
      'Văn Đốc: approved → published',
    ]);
    expect((await handlers['library:list']({ scope: 'active' }))[0]).toMatchObject({
      status: 'published',
      lastMove: { by: { name: 'Văn Đốc' } },
    });
  });

  it('refuses a move the role may not make, and changes nothing', async () => {
    const { handlers, dataDirectory, id, revision } = await draftBy('reporter');
    const submitted = await handlers['article:move']({ id, baseRevision: revision, to: 'submitted', note: '' });
    await expect(handlers['article:move']({ id, baseRevision: submitted.revision, to: 'approved', note: '' })).rejects.toMatchObject({
      code: 'invalid-move',
    });
    expect(await handlers['article:get']({ id })).toMatchObject({ status: 'submitted', revision: submitted.revision });
    expect(await readdir(dirname(libraryLayout(dataDirectory).library.workflowEventFile(id, 'x')))).toHaveLength(1);
  });

  it('refuses to move an article before the user has said who they are', async () => {
    const session = await openTestSession(await temporaryDirectory());
    const article = await session.handlers['article:create']({});
    expect(article.createdBy).toBeNull();
    await expect(session.handlers['article:move']({ id: article.id, baseRevision: 1, to: 'submitted', note: '' })).rejects.toMatchObject({
      code: 'identity-missing',
    });
  });

  it('refuses a move based on an older revision (someone saved meanwhile)', async () => {
    const { handlers, id, revision } = await draftBy('reporter');
    await handlers['article:save']({ id, baseRevision: revision, content: sampleContent({ title: 'Sửa thêm' }) });
    await expect(handlers['article:move']({ id, baseRevision: revision, to: 'submitted', note: '' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('never changes the status through a save, and never saves approved text until it is moved back to draft', async () => {
    const { session, handlers, id, revision } = await draftBy('reporter');
    await expect(
      handlers['article:save']({ id, baseRevision: revision, content: sampleContent({ title: 'Hội nghị', status: 'approved' }) }),
    ).rejects.toMatchObject({ code: 'invalid-move' });
    const submitted = await handlers['article:move']({ id, baseRevision: revision, to: 'submitted', note: '' });
    await actAs(session, 'Minh Anh', 'editor');
    const approved = await handlers['article:move']({ id, baseRevision: submitted.revision, to: 'approved', note: '' });
    const edit = sampleContent({ title: 'Sửa sau khi duyệt', status: 'approved' });
    await expect(handlers['article:save']({ id, baseRevision: approved.revision, content: edit })).rejects.toMatchObject({
      code: 'article-locked',
    });

    const draft = await handlers['article:move']({ id, baseRevision: approved.revision, to: 'draft', note: '' });
    const saved = await handlers['article:save']({ id, baseRevision: draft.revision, content: { ...edit, status: 'draft' } });
    expect(saved.revision).toBe(draft.revision + 1);
    expect(await handlers['article:get']({ id })).toMatchObject({ title: 'Sửa sau khi duyệt', status: 'draft' });
  });

  it('lets a comment be anchored on approved text, since a save that only adds comment anchors does not edit it', async () => {
    const { session, handlers, id, revision } = await draftBy('reporter');
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Giá xăng tăng 520 đồng' }] }] };
    const saved = await handlers['article:save']({ id, baseRevision: revision, content: sampleContent({ title: 'Giá xăng', body }) });
    const submitted = await handlers['article:move']({ id, baseRevision: saved.revision, to: 'submitted', note: '' });
    await actAs(session, 'Minh Anh', 'editor');
    const approved = await handlers['article:move']({ id, baseRevision: submitted.revision, to: 'approved', note: '' });
    const anchor = { type: 'commentAnchor', attrs: { threadId: '2026-11-30T08-00-00.000Z-0123456789ab' } };
    const anchored = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Giá xăng tăng ' },
            { type: 'text', text: '520 đồng', marks: [anchor] },
          ],
        },
      ],
    };
    const commented = await handlers['article:save']({
      id,
      baseRevision: approved.revision,
      content: sampleContent({ title: 'Giá xăng', body: anchored, status: 'approved' }),
    });
    expect(commented.revision).toBe(approved.revision + 1);
    const edited = sampleContent({
      title: 'Giá xăng',
      body: { ...anchored, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Giá xăng tăng 510 đồng', marks: [anchor] }] }] },
      status: 'approved',
    });
    await expect(handlers['article:save']({ id, baseRevision: commented.revision, content: edited })).rejects.toMatchObject({
      code: 'article-locked',
    });
  });

  it('moves the article even when its history file cannot be written, and the history still shows the move', async () => {
    const { handlers, dataDirectory, id, revision } = await draftBy('reporter');
    // A file where the article's workflow folder would go: writing the event fails.
    await mkdir(libraryLayout(dataDirectory).library.articleRecords(id), { recursive: true });
    await writeFile(dirname(libraryLayout(dataDirectory).library.workflowEventFile(id, 'x')), 'not a folder');
    const moved = await handlers['article:move']({ id, baseRevision: revision, to: 'submitted', note: 'mất' });
    expect(moved.status).toBe('submitted');
    expect(await handlers['article:history']({ id })).toMatchObject([{ from: 'draft', to: 'submitted', at: moved.lastMove?.at }]);
  });

  it('refuses to move a trashed article', async () => {
    const { handlers, id } = await draftBy('reporter');
    const trashed = await handlers['article:trash']({ id });
    await expect(handlers['article:move']({ id, baseRevision: trashed.revision, to: 'submitted', note: '' })).rejects.toMatchObject({
      code: 'invalid-move',
    });
  });

  it('still lists a move whose history file a crash never wrote, from the article itself', async () => {
    const { handlers, dataDirectory, id, revision } = await draftBy('reporter');
    const moved = await handlers['article:move']({ id, baseRevision: revision, to: 'submitted', note: 'mất' });
    await rm(dirname(libraryLayout(dataDirectory).library.workflowEventFile(id, 'x')), { recursive: true });
    expect(await handlers['article:history']({ id })).toMatchObject([{ from: 'draft', to: 'submitted', at: moved.lastMove?.at, note: '' }]);
  });

  it('skips a damaged history file and lists the others', async () => {
    const { session, handlers, dataDirectory, id, revision } = await draftBy('reporter');
    const submitted = await handlers['article:move']({ id, baseRevision: revision, to: 'submitted', note: '' });
    await actAs(session, 'Minh Anh', 'editor');
    await handlers['article:move']({ id, baseRevision: submitted.revision, to: 'approved', note: '' });
    const [first] = await handlers['article:history']({ id });
    await writeFile(libraryLayout(dataDirectory).library.workflowEventFile(id, first!.id), '{"format":');
    expect((await handlers['article:history']({ id })).map((event) => event.to)).toEqual(['approved']);
  });

  it('removes an article’s history with it when the trash is emptied', async () => {
    const { handlers, dataDirectory, id, revision } = await draftBy('reporter');
    await handlers['article:move']({ id, baseRevision: revision, to: 'submitted', note: '' });
    await handlers['article:trash']({ id });
    await handlers['trash:empty']({});
    await expect(readdir(libraryLayout(dataDirectory).library.articleRecords(id))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
