import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleContent } from '../../support/sampleContent';
import { startSharedNewsroom, type SharedNewsroom } from '../../support/sharedNewsroom';
import { useTemporaryDirectories } from '../../support/temporaryDirectory';

const temporaryDirectory = useTemporaryDirectories();
let newsroom: SharedNewsroom;

beforeEach(async () => {
  newsroom = await startSharedNewsroom(temporaryDirectory);
});
afterEach(async () => {
  await newsroom.close();
});

describe('the shared library through the office Git server', () => {
  it('carries an article from the reporter who joined first to the editor who joins next, and edits back', async () => {
    const reporter = await newsroom.member({ name: 'Ngọc Sơn', role: 'reporter' });
    const editor = await newsroom.member({ name: 'Thu Hà', role: 'editor' });
    const created = await reporter.session.handlers['article:create']({});
    await reporter.session.handlers['article:save']({ id: created.id, baseRevision: 1, content: sampleContent({ title: 'Bài của Sơn' }) });

    const joined = await reporter.session.handlers['sharedLibrary:join']({});
    expect(joined.status).toMatchObject({ state: 'idle', message: null });
    expect(joined.filesSent).toBeGreaterThan(0);

    const steps: string[] = [];
    editor.session.sync.attachWindow({
      savePendingEdits: async () => void steps.push('saved'),
      synced: () => void steps.push('synced'),
      progress: ({ phase, done, total }) =>
        void steps.push(phase === 'articles' || phase === 'photos' ? `${phase} ${done}/${total}` : phase),
    });
    const editorJoined = await editor.session.handlers['sharedLibrary:join']({});
    // The download first, editors untouched; then the window's typing is saved and its editors held only while
    // articles (then photos: none here) are written, counted; released before the commit (nothing to send here).
    expect(steps.filter((step, index) => step !== steps[index - 1])).toEqual([
      'fetching',
      'saved',
      'articles 0/2',
      'articles 1/2',
      'synced',
      'committing',
    ]);
    expect(editorJoined.status.message).toBeNull();
    expect(editorJoined.changedArticleIds).toEqual([created.id]);
    const received = await editor.session.handlers['article:get']({ id: created.id });
    expect(received.title).toBe('Bài của Sơn');
    expect((await editor.session.handlers['library:list']({ scope: 'active' })).map((summary) => summary.id)).toContain(created.id);

    await editor.session.handlers['article:save']({
      id: created.id,
      baseRevision: received.revision,
      content: sampleContent({ title: 'Bài của Sơn, đã biên tập' }),
    });
    const sent = await editor.session.handlers['sharedLibrary:syncNow']({});
    expect(sent.status.message).toBeNull();
    expect(sent.filesSent).toBeGreaterThan(0);

    const back = await reporter.session.handlers['sharedLibrary:syncNow']({});
    expect(back.changedArticleIds).toEqual([created.id]);
    expect((await reporter.session.handlers['article:get']({ id: created.id })).title).toBe('Bài của Sơn, đã biên tập');
  });

  it('syncs by itself soon after a workflow move, and every few minutes', async () => {
    const reporter = await newsroom.member({ name: 'Ngọc Sơn', role: 'reporter' }, { sync: { afterMoveMs: 20, everyMs: 3_600_000 } });
    const editor = await newsroom.member({ name: 'Thu Hà', role: 'editor' }, { sync: { everyMs: 200 } });
    expect((await reporter.session.handlers['sharedLibrary:join']({})).status.message).toBeNull();
    expect((await editor.session.handlers['sharedLibrary:join']({})).status.message).toBeNull();
    const held: string[] = [];
    for (const member of [reporter, editor]) {
      member.session.sync.attachWindow({ savePendingEdits: async () => void held.push(member.identity.name), synced: () => {} });
    }
    const created = await reporter.session.handlers['article:create']({});
    await reporter.session.handlers['article:save']({ id: created.id, baseRevision: 1, content: sampleContent({ title: 'Gửi duyệt' }) });
    await reporter.session.handlers['article:move']({ id: created.id, baseRevision: 2, to: 'submitted', note: '' });
    // Nobody presses "Đồng bộ ngay": the move sends it, the editor's timer brings it.
    await vi.waitFor(
      async () => {
        const list = await editor.session.handlers['library:list']({ scope: 'active' });
        expect(list.map((summary) => [summary.id, summary.status])).toEqual([[created.id, 'submitted']]);
      },
      { timeout: 10_000, interval: 100 },
    );
    // An automatic sync holds the window's editors only when the server brought something: the reporter's never did.
    expect(held).not.toContain('Ngọc Sơn');
    expect(held).toContain('Thu Hà');
  });
});
