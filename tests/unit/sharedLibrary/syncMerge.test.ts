import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleContentOf } from '../../../shared/articleModel';
import { libraryLayout } from '../../../electron/main/library/libraryLayout';
import { sampleContent } from '../../support/sampleContent';
import { startSharedNewsroom, type Member, type SharedNewsroom } from '../../support/sharedNewsroom';
import { useTemporaryDirectories } from '../../support/temporaryDirectory';
import { twoColourJpeg } from '../media/photoFixtures';
import { bodyWithPhoto } from '../../support/bodyWithPhoto';

const run = promisify(execFile);
const temporaryDirectory = useTemporaryDirectories();
let newsroom: SharedNewsroom;

beforeEach(async () => {
  newsroom = await startSharedNewsroom(temporaryDirectory);
});
afterEach(async () => {
  await newsroom.close();
});

async function sync(member: Member) {
  const outcome = await member.session.handlers['sharedLibrary:syncNow']({});
  expect(outcome.status.message, `${member.identity.name}'s sync`).toBeNull();
  return outcome;
}

/** A reporter with one article, joined, and an editor joined after: both hold the article. */
async function twoMembersWithAnArticle() {
  const reporter = await newsroom.member({ name: 'Ngọc Sơn', role: 'reporter' });
  const editor = await newsroom.member({ name: 'Thu Hà', role: 'editor' });
  const { id } = await reporter.session.handlers['article:create']({});
  await reporter.session.handlers['article:save']({ id, baseRevision: 1, content: sampleContent() });
  expect((await reporter.session.handlers['sharedLibrary:join']({})).status.message).toBeNull();
  expect((await editor.session.handlers['sharedLibrary:join']({})).status.message).toBeNull();
  return { reporter, editor, id };
}

async function save(member: Member, id: string, change: Parameters<typeof sampleContent>[0]) {
  const stored = await member.session.handlers['article:get']({ id });
  await member.session.handlers['article:save']({ id, baseRevision: stored.revision, content: { ...articleContentOf(stored), ...change } });
}

/** What both libraries must agree on: every article's content, status and trash, and every record file's name. */
async function libraryOf(member: Member) {
  const { handlers } = member.session;
  const summaries = [...(await handlers['library:list']({ scope: 'active' })), ...(await handlers['library:list']({ scope: 'trash' }))];
  const articles = await Promise.all(
    summaries.map(async ({ id }) => {
      const article = await handlers['article:get']({ id });
      const records = await readdir(libraryLayout(member.dataDirectory).library.articleRecords(id), { recursive: true }).catch(() => []);
      return { ...articleContentOf(article), id, trashedAt: article.trashedAt, lastMove: article.lastMove, records: records.sort() };
    }),
  );
  return articles.sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('syncing the shared library: what merges by itself and what is a conflict', () => {
  it('merges changes to different fields of one article made on two machines, and comments from both add up', async () => {
    const { reporter, editor, id } = await twoMembersWithAnArticle();
    await save(reporter, id, { sapo: 'Sapo do phóng viên sửa.' });
    await save(editor, id, { title: 'Tít do biên tập viên sửa' });
    await reporter.session.handlers['comment:start']({ id, text: 'Đã bổ sung số liệu', quote: 'Hội nghị' });
    await editor.session.handlers['comment:start']({ id, text: 'Kiểm tra lại tên', quote: 'sơ kết' });

    await sync(reporter);
    const merged = await sync(editor);
    expect(merged.conflictArticleIds).toEqual([]);
    await sync(reporter);

    for (const member of [reporter, editor]) {
      const article = await member.session.handlers['article:get']({ id });
      expect(article).toMatchObject({ title: 'Tít do biên tập viên sửa', sapo: 'Sapo do phóng viên sửa.' });
      expect((await member.session.handlers['comment:list']({ id })).map((thread) => thread.comments[0]!.text).sort()).toEqual([
        'Kiểm tra lại tên',
        'Đã bổ sung số liệu',
      ]);
      expect(await member.session.handlers['conflict:list']({})).toEqual([]);
    }
    expect(await libraryOf(editor)).toEqual(await libraryOf(reporter));
  });

  it('keeps both titles when both changed it, shows the three texts, and settles everywhere once resolved', async () => {
    const { reporter, editor, id } = await twoMembersWithAnArticle();
    await save(reporter, id, { title: 'Tít của Sơn' });
    await save(editor, id, { title: 'Tít của Hà' });
    await sync(reporter);
    const second = await sync(editor);
    expect(second.conflictArticleIds).toEqual([id]);
    expect(second.status.conflicts).toBe(1);

    const view = await editor.session.handlers['conflict:get']({ id });
    expect(view).toMatchObject({
      conflict: { source: 'sync', sentBy: { name: 'Ngọc Sơn', role: 'reporter' }, baseVersionId: null },
      base: { title: 'Hội nghị sơ kết' },
      mine: { title: 'Tít của Hà' },
      theirs: { title: 'Tít của Sơn' },
    });
    // Nothing was overwritten: the editor's title stands, the reporter's is in the record; no conflict marker anywhere.
    expect((await editor.session.handlers['article:get']({ id })).title).toBe('Tít của Hà');

    // The record travels: the reporter sees the same conflict after the next sync.
    await sync(editor);
    await sync(reporter);
    expect(await reporter.session.handlers['conflict:list']({})).toEqual([id]);

    const article = await editor.session.handlers['article:get']({ id });
    await editor.session.handlers['conflict:resolve']({
      id,
      conflictId: view!.conflict.id,
      baseRevision: article.revision,
      choices: {
        title: { side: 'mine', text: 'Tít chung của Sơn và Hà' },
        sapo: { side: 'mine', text: null },
        body: { side: 'mine' },
        byline: { side: 'mine', text: null },
        credit: { side: 'mine', text: null },
        publicationDate: { side: 'mine' },
      },
    });
    await sync(editor);
    await sync(reporter);
    for (const member of [reporter, editor]) {
      expect((await member.session.handlers['article:get']({ id })).title).toBe('Tít chung của Sơn và Hà');
      expect(await member.session.handlers['conflict:list']({})).toEqual([]);
    }
    expect(await libraryOf(editor)).toEqual(await libraryOf(reporter));
  });

  it('does not let an approval cover text edited meanwhile: the approved text stays and the edit waits in a conflict', async () => {
    const { reporter, editor, id } = await twoMembersWithAnArticle();
    const submitted = await reporter.session.handlers['article:move']({
      id,
      baseRevision: (await reporter.session.handlers['article:get']({ id })).revision,
      to: 'submitted',
      note: '',
    });
    await sync(reporter);
    await sync(editor);
    const atEditor = await editor.session.handlers['article:get']({ id });
    expect(atEditor.status).toBe('submitted');
    await editor.session.handlers['article:move']({ id, baseRevision: atEditor.revision, to: 'approved', note: 'Đạt' });
    // Meanwhile the reporter, still offline, corrects the title of what was sent.
    await save(reporter, id, { title: 'Tít sửa sau khi gửi' });
    expect(submitted.status).toBe('submitted');
    await sync(editor);
    const outcome = await sync(reporter);
    expect(outcome.conflictArticleIds).toEqual([id]);
    const atReporter = await reporter.session.handlers['article:get']({ id });
    expect(atReporter).toMatchObject({ status: 'approved', title: 'Hội nghị sơ kết' });
    expect((await reporter.session.handlers['conflict:get']({ id }))?.theirs.title).toBe('Tít sửa sau khi gửi');
  });

  it('carries photos with their article, and a trash emptied on one machine empties it on the other', async () => {
    const { reporter, editor, id } = await twoMembersWithAnArticle();
    const photo = await reporter.session.handlers['media:importBytes']({
      fileName: 'anh.jpg',
      bytes: new Uint8Array(await twoColourJpeg({ width: 320 })),
    });
    if (!('id' in photo)) throw new Error('the photo was refused');
    await save(reporter, id, { coverMediaId: null });
    await sync(reporter);
    const pulled = await sync(editor);
    expect(pulled.filesReceived).toBeGreaterThan(0);
    expect(await editor.session.handlers['media:get']({ id: photo.id })).toMatchObject({ id: photo.id });

    await reporter.session.handlers['article:trash']({ id });
    await sync(reporter);
    await sync(editor);
    expect((await editor.session.handlers['library:list']({ scope: 'trash' })).map((summary) => summary.id)).toEqual([id]);
    await editor.session.handlers['trash:empty']({});
    await sync(editor);
    await sync(reporter);
    expect(await reporter.session.handlers['library:list']({ scope: 'trash' })).toEqual([]);
    expect(await libraryOf(editor)).toEqual(await libraryOf(reporter));
  });

  it('shares the house style, a library-wide choice, and keeps each person’s own settings', async () => {
    const { reporter, editor } = await twoMembersWithAnArticle();
    const before = await reporter.session.handlers['settings:get']({});
    await reporter.session.handlers['settings:update']({ houseStyle: { ...before.houseStyle, dates: 'unpadded' }, exportJpegQuality: 70 });
    await sync(reporter);
    await sync(editor);
    const settings = await editor.session.handlers['settings:get']({});
    expect(settings.houseStyle.dates).toBe('unpadded');
    expect(settings).toMatchObject({ userName: 'Thu Hà', exportJpegQuality: before.exportJpegQuality });
  });

  it('shares the agency’s template, merged with a house-style choice made on the other side, and exports with it there', async () => {
    const { reporter, editor, id } = await twoMembersWithAnArticle();
    const before = await reporter.session.handlers['settings:get']({});
    const template = {
      ...before.exportTemplate,
      use: 'agency' as const,
      headerText: 'BÁO ĐIỆN TỬ TIN TỨC TỈNH',
      partOrder: ['title', 'byline', 'sapo', 'date'] as Array<'date' | 'title' | 'sapo' | 'byline'>,
      stylesheet: 'h1 { color: #0a3d62; }',
    };
    await reporter.session.handlers['settings:update']({ exportTemplate: template });
    await editor.session.handlers['settings:update']({ houseStyle: { ...before.houseStyle, endMark: 'required' } });
    await sync(reporter);
    await sync(editor);
    await sync(reporter);
    for (const member of [reporter, editor]) {
      const settings = await member.session.handlers['settings:get']({});
      expect(settings.exportTemplate).toEqual({ ...template, stylesheet: expect.stringMatching(/^h1\s*\{\s*color:\s*#0a3d62;?\s*\}$/) });
      expect(settings.houseStyle.endMark).toBe('required');
    }
    const { html } = await editor.session.handlers['article:preview']({ id });
    expect(html).toContain('<p class="masthead-name">BÁO ĐIỆN TỬ TIN TỨC TỈNH</p>');
    expect(html.indexOf('<h1>')).toBeLessThan(html.indexOf('<p class="byline">'));
  });

  it('sets a hostile file from the server aside with a notice, and syncs the rest', async () => {
    const { reporter, editor, id } = await twoMembersWithAnArticle();
    // Someone pushes, with plain Git, an article file that is not one and a photo whose bytes are not its name.
    const scratch = await mkdtemp(join(tmpdir(), 'banthao-hostile-'));
    try {
      await run('git', ['clone', '--quiet', newsroom.address.replace('http://', `http://minh:mat-khau-toa-soan-2026@`), scratch]);
      const hostileId = '00000000-dead-beef-0000-000000000000';
      await run('mkdir', ['-p', join(scratch, 'articles', '00'), join(scratch, 'media', 'ab')]);
      await writeFile(join(scratch, 'articles', '00', `${hostileId}.json`), '{"format":"ban-thao/article","data":{"id":"<script>"}}');
      await writeFile(join(scratch, 'media', 'ab', `${'ab'.repeat(32)}.jpg`), 'not a photo');
      await run('git', ['-C', scratch, '-c', 'user.name=Minh', '-c', 'user.email=minh@toasoan.vn', 'add', '.']);
      await run('git', ['-C', scratch, '-c', 'user.name=Minh', '-c', 'user.email=minh@toasoan.vn', 'commit', '--quiet', '-m', 'hỏng']);
      await run('git', ['-C', scratch, 'push', '--quiet', 'origin', 'main']);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    await save(reporter, id, { sapo: 'Sapo mới sau tệp hỏng.' });
    await sync(reporter);
    const outcome = await sync(editor);
    expect(outcome.status.refusedFiles.map((file) => file.path).sort()).toEqual([
      `articles/00/00000000-dead-beef-0000-000000000000.json`,
      `media/ab/${'ab'.repeat(32)}.jpg`,
    ]);
    expect(outcome.status.refusedFiles[0]!.reason).toMatch(/Không nhận tệp/);
    expect((await editor.session.handlers['article:get']({ id })).sapo).toBe('Sapo mới sau tệp hỏng.');
    const quarantined = await readdir(libraryLayout(editor.dataDirectory).quarantine, { recursive: true });
    expect(quarantined.some((path) => path.endsWith(`${'ab'.repeat(32)}.jpg`))).toBe(true);
    // Never written into the library, and not pushed back over (the server keeps what it has).
    expect(await readdir(libraryLayout(editor.dataDirectory).library.media).catch(() => [])).not.toContain('ab');
  });

  it('says what is wrong with the server in Vietnamese and keeps the changes for later', async () => {
    const { reporter, id } = await twoMembersWithAnArticle();
    await save(reporter, id, { title: 'Sửa khi mất mạng' });
    await newsroom.close();
    const offline = await reporter.session.handlers['sharedLibrary:syncNow']({});
    expect(offline.status).toMatchObject({ state: 'offline', message: expect.stringMatching(/Không kết nối được máy chủ/) });
    expect(offline.status.changesWaiting).toBeGreaterThan(0);
    newsroom = await startSharedNewsroom(temporaryDirectory);
    const wrong = await newsroom.member({ name: 'Minh Anh', role: 'editor' }, { password: 'sai-mat-khau' });
    expect((await wrong.session.handlers['sharedLibrary:join']({})).status).toMatchObject({
      state: 'error',
      message: expect.stringMatching(/không nhận tên đăng nhập hoặc mật khẩu/),
    });
  });

  it('after a backup is restored, deletes nothing from the server and reverts nothing there: older files are past versions', async () => {
    const { reporter, editor, id } = await twoMembersWithAnArticle();
    const snapshot = await reporter.session.handlers['backup:createNow']({});
    const { id: later } = await editor.session.handlers['article:create']({});
    await save(editor, later, { title: 'Bài viết sau bản sao lưu' });
    await save(editor, id, { sapo: 'Sapo sửa sau bản sao lưu.' });
    await sync(editor);
    await sync(reporter);
    expect((await reporter.session.handlers['article:get']({ id: later })).title).toBe('Bài viết sau bản sao lưu');

    // The reporter goes back to the snapshot: the later article is not in it, the first one has its older sapo.
    await reporter.session.handlers['backup:restore']({ id: snapshot.id });
    await sync(reporter);
    await sync(editor);
    for (const member of [reporter, editor]) {
      expect((await member.session.handlers['article:get']({ id: later })).title).toBe('Bài viết sau bản sao lưu');
    }
    // The restored sapo is a version the server once had, not a change made here: the newer one is taken, no conflict.
    for (const member of [reporter, editor]) {
      expect((await member.session.handlers['article:get']({ id })).sapo).toBe('Sapo sửa sau bản sao lưu.');
      expect(await member.session.handlers['conflict:list']({})).toEqual([]);
    }
  });

  it('joining again changes nothing that is already the same, and takes in only what moved on', async () => {
    const { reporter, editor, id } = await twoMembersWithAnArticle();
    const { id: untouched } = await reporter.session.handlers['article:create']({});
    await save(reporter, untouched, { title: 'Bài không ai sửa nữa' });
    await sync(reporter);
    await sync(editor);
    await save(editor, id, { sapo: 'Sapo của Hà trước khi Sơn tham gia lại.' });
    await sync(editor);
    const before = await reporter.session.handlers['article:get']({ id });
    const again = await reporter.session.handlers['sharedLibrary:join']({});
    expect(again.status.message).toBeNull();
    // The editor's change comes in; the untouched article is left alone (no rewrite, no conflict, nothing sent).
    expect(again.changedArticleIds).toEqual([id]);
    expect(again.conflictArticleIds).toEqual([]);
    expect(again.filesSent).toBe(0);
    const after = await reporter.session.handlers['article:get']({ id });
    expect(after).toMatchObject({ title: before.title, sapo: 'Sapo của Hà trước khi Sơn tham gia lại.' });
  });

  it('never writes the server’s copy over a change made here after the look (or one no announcement named): it merges', async () => {
    const { reporter, editor, id } = await twoMembersWithAnArticle();
    await save(editor, id, { sapo: 'Sapo của Hà.' });
    await sync(editor);
    // A save the sync's look does not cover: written by the store without the announcement a sync's scope follows.
    await reporter.session.run(async (application) => {
      const stored = await application.library.store.get(id);
      await application.library.store.save(
        id,
        stored.revision,
        { ...articleContentOf(stored), title: 'Tít của Sơn' },
        { by: reporter.identity },
      );
    });
    const outcome = await sync(reporter);
    expect(outcome.conflictArticleIds).toEqual([]);
    expect(await reporter.session.handlers['article:get']({ id })).toMatchObject({ title: 'Tít của Sơn', sapo: 'Sapo của Hà.' });
    await sync(editor);
    expect(await editor.session.handlers['article:get']({ id })).toMatchObject({ title: 'Tít của Sơn', sapo: 'Sapo của Hà.' });
  });

  it('keeps a photo the server dropped while an article here still shows it, and sends it back', async () => {
    const { reporter, editor, id } = await twoMembersWithAnArticle();
    const photo = await editor.session.handlers['media:importBytes']({
      fileName: 'anh.jpg',
      bytes: new Uint8Array(await twoColourJpeg({ width: 330 })),
    });
    if (!('id' in photo)) throw new Error('the photo was refused');
    await save(editor, id, { body: bodyWithPhoto(photo.id) });
    await sync(editor);
    await sync(reporter);
    // Someone removes the photo's files on the server with plain Git, while the article still shows it.
    const scratch = await mkdtemp(join(tmpdir(), 'banthao-drop-'));
    try {
      await run('git', ['clone', '--quiet', newsroom.address.replace('http://', `http://minh:mat-khau-toa-soan-2026@`), scratch]);
      await run('git', ['-C', scratch, 'rm', '--quiet', '-r', `media/${photo.id.slice(0, 2)}`]);
      await run('git', ['-C', scratch, '-c', 'user.name=Minh', '-c', 'user.email=minh@toasoan.vn', 'commit', '--quiet', '-m', 'bỏ ảnh']);
      await run('git', ['-C', scratch, 'push', '--quiet', 'origin', 'main']);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    await sync(reporter);
    expect(await reporter.session.handlers['media:get']({ id: photo.id })).toMatchObject({ id: photo.id });
    // Sent back: a member who never had it gets it again from the server.
    const third = await newsroom.member({ name: 'Minh Anh', role: 'editor' });
    expect((await third.session.handlers['sharedLibrary:join']({})).status.message).toBeNull();
    expect(await third.session.handlers['media:get']({ id: photo.id })).toMatchObject({ id: photo.id });
  });
});
