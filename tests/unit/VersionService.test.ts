import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryEvents } from '../../electron/main/application/LibraryEvents';
import { VersionService } from '../../electron/main/application/VersionService';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import type { NewsroomRole } from '../../shared/articleVocabulary';
import { manualClock, openTestSession, type TestSession } from '../support/openTestSession';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

/** A body of `paragraphs` Vietnamese paragraphs, the `edited` one changed. */
function longBody(paragraphs: number, edited = -1, edit = '') {
  return {
    type: 'doc',
    content: Array.from({ length: paragraphs }, (_, index) => ({
      type: 'paragraph',
      content: [
        { type: 'text', text: `Đoạn ${index}: Hội nghị sơ kết công tác 6 tháng đầu năm của Trung tâm${index === edited ? edit : ''}.` },
      ],
    })),
  };
}

describe('versions of an article', () => {
  const temporaryDirectory = useTemporaryDirectories();

  async function articleBy(role: NewsroomRole, options: { now?: () => Date } = {}) {
    const dataDirectory = await temporaryDirectory();
    const session = await openTestSession(dataDirectory, options);
    await session.handlers['settings:update']({ userName: 'Ngọc Sơn', userRole: role });
    const created = await session.handlers['article:create']({});
    return { session, handlers: session.handlers, dataDirectory, id: created.id };
  }

  const actAs = (session: TestSession, userName: string, userRole: NewsroomRole) =>
    session.handlers['settings:update']({ userName, userRole });

  it('takes a version by hand with a label and the user, and opens it with the text as it was', async () => {
    const { session, handlers, id } = await articleBy('reporter');
    await handlers['article:save']({ id, baseRevision: 1, content: sampleContent({ title: 'Bản đầu' }) });
    await session.flush();
    const version = await handlers['version:save']({ id, label: 'Gửi thư ký' });
    expect(version).toMatchObject({ label: 'Gửi thư ký', reason: 'manual', by: { name: 'Ngọc Sơn', role: 'reporter' }, revision: 2 });
    await handlers['article:save']({ id, baseRevision: 2, content: sampleContent({ title: 'Bản sau' }) });
    expect((await handlers['version:get']({ id, versionId: version.id })).content.title).toBe('Bản đầu');
    expect((await handlers['version:list']({ id }))[0]?.id).toBe(version.id);
  });

  it('takes a version on each workflow move and each export, stamped with the status it left the article in', async () => {
    const { session, handlers, id } = await articleBy('reporter');
    await handlers['article:move']({ id, baseRevision: 1, to: 'submitted', note: '' });
    // The move answers once its version is written: the list the window asks for next has it.
    expect(await handlers['version:list']({ id })).toMatchObject([{ reason: 'status', status: 'submitted', by: { name: 'Ngọc Sơn' } }]);
    await session.handlers['settings:update']({ userName: 'Người khác', userRole: 'editor' });
    await session.flush();
  });

  it('takes a version after a save once ten minutes of editing have passed, one per burst of saves', async () => {
    const clock = manualClock();
    const { session, handlers, id } = await articleBy('reporter', { now: clock.now });
    let revision = 1;
    for (let minute = 0; minute < 25; minute += 1) {
      revision = (await handlers['article:save']({ id, baseRevision: revision, content: sampleContent({ title: `Phút ${minute}` }) }))
        .revision;
      await session.flush();
      clock.advanceMinutes(1);
    }
    // The first save (no version yet), then minutes 10 and 20.
    expect((await handlers['version:list']({ id })).map((version) => version.reason)).toEqual(['editing', 'editing', 'editing']);
    expect((await handlers['version:list']({ id })).map((version) => version.revision).reverse()).toEqual([2, 12, 22]);
  });

  it('takes one editing version when two saves ask together before the newest version was ever read', async () => {
    const { session, handlers, id } = await articleBy('reporter');
    await session.flush();
    expect(await handlers['version:list']({ id })).toEqual([]);
    // A fresh service has read nothing from disk yet: both calls start while the first is still reading.
    const versions = new VersionService(
      session.library,
      new LibraryEvents((error) => {
        throw error;
      }),
    );
    const taken = await Promise.all([versions.takeIfEditedLong(id), versions.takeIfEditedLong(id)]);
    expect(taken.filter(Boolean)).toHaveLength(1);
    expect((await handlers['version:list']({ id })).map((version) => version.reason)).toEqual(['editing']);
  });

  it('rebuilds every one of 30 versions exactly, storing each after the first as a small change', async () => {
    const { session, handlers, dataDirectory, id } = await articleBy('reporter');
    let revision = 1;
    const titles: string[] = [];
    for (let index = 0; index < 30; index += 1) {
      const content = sampleContent({ title: `Lần ${index}`, body: longBody(200, index, ` (sửa lần ${index})`) });
      revision = (await handlers['article:save']({ id, baseRevision: revision, content })).revision;
      await session.flush();
      await handlers['version:save']({ id, label: `v${index}` });
      titles.push(`Lần ${index}`);
    }
    const versions = (await handlers['version:list']({ id })).filter((version) => version.reason === 'manual').reverse();
    expect(versions).toHaveLength(30);
    for (const [index, version] of versions.entries()) {
      const { content } = await handlers['version:get']({ id, versionId: version.id });
      expect(content.title).toBe(titles[index]);
      expect(JSON.stringify(content.body)).toContain(`(sửa lần ${index})`);
    }
    const folder = dirname(libraryLayout(dataDirectory).library.versionFile(id, 'x'));
    const sizes = await Promise.all((await readdir(folder)).map(async (name) => (await stat(`${folder}/${name}`)).size));
    const whole = Math.max(...sizes);
    // Whole texts: the first and every 25th; the rest are a few lines each.
    expect(sizes.filter((size) => size > whole / 4).length).toBeLessThanOrEqual(3);
  });

  it('keeps listing the other versions when one is damaged, and says so when a version that needed it is opened', async () => {
    const { session, handlers, dataDirectory, id } = await articleBy('reporter');
    let revision = 1;
    for (let index = 0; index < 3; index += 1) {
      revision = (await handlers['article:save']({ id, baseRevision: revision, content: sampleContent({ title: `Lần ${index}` }) }))
        .revision;
      await session.flush();
      await handlers['version:save']({ id, label: `v${index}` });
    }
    const [third, second] = (await handlers['version:list']({ id })).filter((version) => version.reason === 'manual');
    await rm(libraryLayout(dataDirectory).library.versionFile(id, second!.id));
    expect((await handlers['version:list']({ id })).map((version) => version.label)).not.toContain('v1');
    await expect(handlers['version:get']({ id, versionId: third!.id })).rejects.toMatchObject({ code: 'corrupt-file' });
  });

  it('compares a version with the article as it is now, word by word', async () => {
    const { session, handlers, id } = await articleBy('reporter');
    await handlers['article:save']({ id, baseRevision: 1, content: sampleContent({ title: 'Hội nghị sơ kết' }) });
    await session.flush();
    const version = await handlers['version:save']({ id, label: '' });
    await handlers['article:save']({ id, baseRevision: 2, content: sampleContent({ title: 'Hội nghị tổng kết' }) });
    const diff = await handlers['version:compare']({ id, from: version.id, to: null });
    expect(diff.fields.map((field) => field.field)).toEqual(['title']);
  });

  it('shows an editor what changed since they last reviewed, and nothing to someone who never did', async () => {
    const { session, handlers, id } = await articleBy('reporter');
    let article = await handlers['article:move']({ id, baseRevision: 1, to: 'submitted', note: '' });
    await actAs(session, 'Minh Anh', 'editor');
    article = await handlers['article:move']({ id, baseRevision: article.revision, to: 'changesRequested', note: 'Sửa tít' });
    await session.flush();
    await actAs(session, 'Ngọc Sơn', 'reporter');
    await handlers['article:save']({
      id,
      baseRevision: article.revision,
      content: sampleContent({ title: 'Tít mới', status: 'changesRequested' }),
    });
    expect(await handlers['version:sinceMyReview']({ id })).toBeNull();

    await actAs(session, 'Minh Anh', 'editor');
    const since = await handlers['version:sinceMyReview']({ id });
    expect(since?.reviewed).toMatchObject({ reason: 'status', status: 'changesRequested', by: { name: 'Minh Anh' } });
    expect(since?.diff.fields.map((field) => field.field)).toContain('title');
  });

  it('restores a version as a new save, keeping the replaced text as a version and the status as it is', async () => {
    const { session, handlers, id } = await articleBy('reporter');
    await handlers['article:save']({ id, baseRevision: 1, content: sampleContent({ title: 'Tít gốc' }) });
    await session.flush();
    const original = await handlers['version:save']({ id, label: 'gốc' });
    const edited = await handlers['article:save']({ id, baseRevision: 2, content: sampleContent({ title: 'Tít sai' }) });

    const restored = await handlers['version:restore']({ id, versionId: original.id, baseRevision: edited.revision });
    expect(restored).toMatchObject({ title: 'Tít gốc', status: 'draft', revision: edited.revision + 1 });
    await session.flush();
    const [after, before] = await handlers['version:list']({ id });
    expect(after).toMatchObject({ reason: 'restore' });
    expect(before).toMatchObject({ reason: 'editing', label: '' });
    expect((await handlers['version:get']({ id, versionId: before!.id })).content.title).toBe('Tít sai');
  });

  it('keeps formatting-only edits as a version before restoring over them, and takes no extra version for the restore', async () => {
    const { session, handlers, id } = await articleBy('reporter');
    const plain = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Giá xăng tăng' }] }] };
    const italic = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Giá xăng tăng', marks: [{ type: 'italic' }] }] }],
    };
    await handlers['article:save']({ id, baseRevision: 1, content: sampleContent({ body: plain }) });
    await session.flush();
    const original = (await handlers['version:list']({ id }))[0]!;
    const edited = await handlers['article:save']({ id, baseRevision: 2, content: sampleContent({ body: italic }) });
    await handlers['version:restore']({ id, versionId: original.id, baseRevision: edited.revision });
    await session.flush();
    const [restored, kept, ...rest] = await handlers['version:list']({ id });
    expect([restored?.reason, kept?.reason, rest.length]).toEqual(['restore', 'editing', 1]);
    expect((await handlers['version:get']({ id, versionId: kept!.id })).content.body).toEqual(italic);
  });

  it('keeps every version readable when it was given decomposed (NFD) text', async () => {
    const { session, handlers, id } = await articleBy('reporter');
    await session.flush();
    const application = await session.application();
    const decomposed = sampleContent({ title: 'Hội nghị'.normalize('NFD') });
    await application.versions.take(id, 'manual', '', { article: { ...(await handlers['article:get']({ id })), ...decomposed }, by: null });
    const second = await handlers['version:save']({ id, label: 'sau' });
    expect((await handlers['version:get']({ id, versionId: second.id })).content.title).toBe('');
  });

  it('refuses to restore over approved text', async () => {
    const { session, handlers, id } = await articleBy('reporter');
    await session.flush();
    const version = await handlers['version:save']({ id, label: '' });
    let article = await handlers['article:move']({ id, baseRevision: 1, to: 'submitted', note: '' });
    await actAs(session, 'Minh Anh', 'editor');
    article = await handlers['article:move']({ id, baseRevision: article.revision, to: 'approved', note: '' });
    await expect(handlers['version:restore']({ id, versionId: version.id, baseRevision: article.revision })).rejects.toMatchObject({
      code: 'article-locked',
    });
  });

  it('stores versions as text files that name their article (readable evidence, not a cache)', async () => {
    const { session, handlers, dataDirectory, id } = await articleBy('reporter');
    await session.flush();
    const version = await handlers['version:save']({ id, label: 'Bản nộp' });
    const raw = await readFile(libraryLayout(dataDirectory).library.versionFile(id, version.id), 'utf8');
    expect(JSON.parse(raw)).toMatchObject({ format: 'ban-thao/article-version', data: { articleId: id, label: 'Bản nộp' } });
  });
});
