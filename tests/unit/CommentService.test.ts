import { readdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import { threadsOf, type CommentRecord } from '../../shared/commentModel';
import { openTestSession } from '../support/openTestSession';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

describe('comments on an article', () => {
  const temporaryDirectory = useTemporaryDirectories();

  async function articleWithEditor() {
    const dataDirectory = await temporaryDirectory();
    const session = await openTestSession(dataDirectory);
    await session.handlers['settings:update']({ userName: 'Minh Anh', userRole: 'editor' });
    const { id } = await session.handlers['article:create']({});
    return { session, handlers: session.handlers, dataDirectory, id };
  }

  it('starts a thread on quoted text, stamped with who and when, and lists it', async () => {
    const { handlers, id } = await articleWithEditor();
    const thread = await handlers['comment:start']({ id, text: 'Nguồn của con số này?', quote: '1.000 tỷ đồng' });
    expect(thread).toMatchObject({
      quote: '1.000 tỷ đồng',
      resolved: null,
      comments: [{ text: 'Nguồn của con số này?', by: { name: 'Minh Anh', role: 'editor' } }],
    });
    expect(thread.comments[0]!.id).toBe(thread.id);
    expect(await handlers['comment:list']({ id })).toEqual([thread]);
  });

  it('adds replies in order, resolves and reopens a thread, each as a file of its own', async () => {
    const { session, handlers, dataDirectory, id } = await articleWithEditor();
    const thread = await handlers['comment:start']({ id, text: 'Tít dài quá', quote: 'Hội nghị' });
    await session.handlers['settings:update']({ userName: 'Ngọc Sơn', userRole: 'reporter' });
    await handlers['comment:reply']({ id, threadId: thread.id, text: 'Đã rút gọn' });
    const resolved = await handlers['comment:resolve']({ id, threadId: thread.id, resolved: true });
    expect(resolved.comments.map((comment) => `${comment.by.name}: ${comment.text}`)).toEqual([
      'Minh Anh: Tít dài quá',
      'Ngọc Sơn: Đã rút gọn',
    ]);
    expect(resolved.resolved?.by.name).toBe('Ngọc Sơn');
    const reopened = await handlers['comment:resolve']({ id, threadId: thread.id, resolved: false });
    expect(reopened.resolved).toBeNull();
    const folder = dirname(libraryLayout(dataDirectory).library.commentFile(id, thread.id));
    expect(await readdir(folder)).toHaveLength(4);
  });

  it('refuses an empty comment, a reply to an unknown thread, and comments before the user said who they are', async () => {
    const { handlers, id } = await articleWithEditor();
    await expect(handlers['comment:start']({ id, text: '   ', quote: '' })).rejects.toMatchObject({ code: 'invalid-request' });
    await expect(handlers['comment:reply']({ id, threadId: '2026-11-30T08-00-00.000Z-0123456789ab', text: 'x' })).rejects.toMatchObject({
      code: 'not-found',
    });
    const anonymous = await openTestSession(await temporaryDirectory());
    const article = await anonymous.handlers['article:create']({});
    await expect(anonymous.handlers['comment:start']({ id: article.id, text: 'x', quote: '' })).rejects.toMatchObject({
      code: 'identity-missing',
    });
  });

  it('keeps comment text as text: markup is stored and listed as typed, never interpreted', async () => {
    const { handlers, id } = await articleWithEditor();
    const attack = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const thread = await handlers['comment:start']({ id, text: attack, quote: attack });
    expect((await handlers['comment:list']({ id }))[0]).toMatchObject({ quote: attack, comments: [{ text: attack }] });
    expect(thread.comments[0]?.text).toBe(attack);
  });

  it('skips a damaged comment file and one copied from another article', async () => {
    const { handlers, dataDirectory, id } = await articleWithEditor();
    const kept = await handlers['comment:start']({ id, text: 'Giữ', quote: '' });
    const damaged = await handlers['comment:start']({ id, text: 'Hỏng', quote: '' });
    await writeFile(libraryLayout(dataDirectory).library.commentFile(id, damaged.id), '{"format":"ban-thao/comment"');
    expect((await handlers['comment:list']({ id })).map((thread) => thread.id)).toEqual([kept.id]);
  });

  it('keeps a reply and a resolution whose clock ran behind the thread start (another machine)', () => {
    const by = { name: 'Minh Anh', role: 'editor' as const };
    const base = { articleId: 'abcdef12-0000', by, threadId: 'a' };
    const threads = threadsOf([
      { kind: 'comment', ...base, id: 'a', at: '2026-11-30T08:05:00Z', text: 'Hỏi', quote: '' },
      { kind: 'comment', ...base, id: 'b', at: '2026-11-30T08:03:00Z', text: 'Trả lời', quote: '' },
      { kind: 'resolved', ...base, id: 'c', at: '2026-11-30T08:04:00Z' },
    ]);
    expect(threads[0]?.comments.map((comment) => comment.text)).toEqual(['Hỏi', 'Trả lời']);
    expect(threads[0]?.resolved).toEqual({ by, at: '2026-11-30T08:04:00Z' });
  });

  it('builds threads from records whatever order the files arrive in, ignoring replies to unknown threads', () => {
    const by = { name: 'Minh Anh', role: 'editor' as const };
    const record = (id: string, threadId: string, at: string, kind: CommentRecord['kind'] = 'comment'): CommentRecord =>
      kind === 'comment'
        ? { kind, id, threadId, articleId: 'abcdef12-0000', by, at, text: id, quote: '' }
        : { kind, id, threadId, articleId: 'abcdef12-0000', by, at };
    const threads = threadsOf([
      record('b', 'a', '2026-11-30T08:02:00Z'),
      record('c', 'a', '2026-11-30T08:03:00Z', 'resolved'),
      record('a', 'a', '2026-11-30T08:01:00Z'),
      record('z', 'unknown', '2026-11-30T08:04:00Z'),
    ]);
    expect(threads).toEqual([
      {
        id: 'a',
        quote: '',
        comments: [expect.objectContaining({ text: 'a' }), expect.objectContaining({ text: 'b' })],
        resolved: { by, at: '2026-11-30T08:03:00Z' },
      },
    ]);
  });
});

describe('comment anchors in a saved body', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it.each([['x"] , *'], [null], [42], ['../../etc']])('refuses an anchor whose thread id is %j', async (threadId) => {
    const session = await openTestSession(await temporaryDirectory());
    const article = await session.handlers['article:create']({});
    const body = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Giá xăng', marks: [{ type: 'commentAnchor', attrs: { threadId } }] }] },
      ],
    };
    await expect(
      session.handlers['article:save']({ id: article.id, baseRevision: 1, content: sampleContent({ body }) }),
    ).rejects.toMatchObject({
      code: 'invalid-request',
    });
  });
});

describe('duplicating a commented article', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('gives the copy the text without the source’s comment anchors', async () => {
    const session = await openTestSession(await temporaryDirectory());
    await session.handlers['settings:update']({ userName: 'Minh Anh', userRole: 'editor' });
    const article = await session.handlers['article:create']({});
    const thread = await session.handlers['comment:start']({ id: article.id, text: 'Kiểm tra', quote: 'xăng' });
    const anchor = { type: 'commentAnchor', attrs: { threadId: thread.id } };
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Giá xăng', marks: [anchor] }] }] };
    await session.handlers['article:save']({ id: article.id, baseRevision: 1, content: sampleContent({ body }) });
    const copy = await session.handlers['article:duplicate']({ id: article.id });
    expect(copy.body).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Giá xăng' }] }] });
    expect(await session.handlers['comment:list']({ id: copy.id })).toEqual([]);
  });
});
