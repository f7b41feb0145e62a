import { link, readFile, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFigures } from '../../../shared/collectFigures';
import type { LinkFile } from '../../../electron/main/backup/linkOrCopyFile';
import { bodyWithPhoto } from '../../support/bodyWithPhoto';
import { sampleContent } from '../../support/sampleContent';
import { useTemporaryDirectories } from '../../support/temporaryDirectory';
import { twoColourJpeg } from '../media/photoFixtures';
import { manualClock, openTestSession } from '../../support/openTestSession';

type Session = Awaited<ReturnType<typeof openTestSession>>;

/** A trashed article showing one photo, the photo's bytes, and where the article's file is. */
async function trashedArticleWithPhoto(session: Session, data: string) {
  const bytes = await twoColourJpeg();
  const photo = await session.handlers['media:importBytes']({ fileName: 'anh.jpg', bytes: new Uint8Array(bytes) });
  const article = await session.handlers['article:create']({});
  await session.handlers['article:save']({ id: article.id, baseRevision: 1, content: sampleContent({ body: bodyWithPhoto(photo.id) }) });
  await session.handlers['article:trash']({ id: article.id });
  // The version the save set off is announced in the background: once the clock moves on, it would take a
  // rolling snapshot of its own beside the one a test takes, and the trash could be emptied during the wrong one.
  await session.flush();
  await session.backupService.settled();
  return { photo, bytes, article, articlePath: join(data, 'library', 'articles', article.id.slice(0, 2), `${article.id}.json`) };
}

/** Whether the restored library shows the article in the trash with its photo readable, byte for byte. */
async function expectRestoredWithPhoto(session: Session, articleId: string, photoId: string, bytes: Buffer) {
  expect(session.library.store.list('trash').map((summary) => summary.id)).toEqual([articleId]);
  const article = await session.handlers['article:get']({ id: articleId });
  expect(collectFigures(article.body).map((figure) => figure.mediaId)).toEqual([photoId]);
  await expect(session.handlers['media:get']({ id: photoId })).resolves.toMatchObject({ id: photoId });
  expect(await readFile(await session.library.media.originalPath(photoId))).toEqual(bytes);
  expect((await stat(session.library.media.previewPath(photoId))).size).toBeGreaterThan(0);
}

describe('snapshots and restores stay consistent', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('brings back a trashed article with its photo after the trash was emptied, from the snapshot’s own links', async () => {
    const data = await temporaryDirectory();
    const clock = manualClock();
    const session = await openTestSession(data, { now: clock.now });
    const { photo, bytes, article } = await trashedArticleWithPhoto(session, data);
    const snapshot = await session.handlers['backup:createNow']({});
    clock.advanceMinutes(120);

    // The library's own link goes; the snapshot keeps its link to the same bytes.
    expect(await session.handlers['trash:empty']({})).toEqual({ removedArticles: 1, removedPhotos: 1 });
    expect(await session.library.media.has(photo.id)).toBe(false);

    await session.handlers['backup:restore']({ id: snapshot.id });
    await expectRestoredWithPhoto(session, article.id, photo.id, bytes);
  });

  it('holds the photos of the articles it holds when the trash is emptied while it is being taken', async () => {
    const data = await temporaryDirectory();
    const clock = manualClock();
    let emptyTrashWhileLinking: string | null = null;
    const linkFile: LinkFile = async (from, to) => {
      await link(from, to);
      if (from !== emptyTrashWhileLinking) return;
      emptyTrashWhileLinking = null;
      expect(await session.handlers['trash:empty']({})).toEqual({ removedArticles: 1, removedPhotos: 1 });
    };
    const session = await openTestSession(data, { now: clock.now, linkFile });
    const { photo, bytes, article, articlePath } = await trashedArticleWithPhoto(session, data);
    clock.advanceMinutes(120);
    await session.backupService.settled();
    emptyTrashWhileLinking = articlePath;

    const snapshot = await session.handlers['backup:createNow']({});
    expect(emptyTrashWhileLinking).toBeNull();
    await session.handlers['backup:restore']({ id: snapshot.id });
    await expectRestoredWithPhoto(session, article.id, photo.id, bytes);
  });

  it('never lists a newer summary than the restored article holds when a save lands while the snapshot is taken', async () => {
    const data = await temporaryDirectory();
    let saveWhileLinking: { path: string; id: string; revision: number } | null = null;
    const linkFile: LinkFile = async (from, to) => {
      await link(from, to);
      if (from !== saveWhileLinking?.path) return;
      const { id, revision } = saveWhileLinking;
      saveWhileLinking = null;
      // The linked version was written long ago, as an article untouched for an hour would be.
      const anHourAgo = new Date(Date.now() - 3_600_000);
      await utimes(to, anHourAgo, anHourAgo);
      await session.handlers['article:save']({ id, baseRevision: revision, content: sampleContent({ title: 'Sửa trong lúc sao lưu' }) });
      await session.library.store.flush();
    };
    const session = await openTestSession(data, { linkFile });
    const article = await session.handlers['article:create']({});
    const saved = await session.handlers['article:save']({
      id: article.id,
      baseRevision: 1,
      content: sampleContent({ title: 'Trước khi sao lưu' }),
    });
    await session.backupService.settled();
    saveWhileLinking = {
      path: join(data, 'library', 'articles', article.id.slice(0, 2), `${article.id}.json`),
      id: article.id,
      revision: saved.revision,
    };

    const snapshot = await session.handlers['backup:createNow']({});
    expect(saveWhileLinking).toBeNull();
    await session.handlers['backup:restore']({ id: snapshot.id });

    expect((await session.handlers['article:get']({ id: article.id })).title).toBe('Trước khi sao lưu');
    expect(session.library.store.list('active').map((summary) => summary.title)).toEqual(['Trước khi sao lưu']);
  });

  it('searches the restored articles’ text, and indexes the saves made after the restore', async () => {
    const session = await openTestSession(await temporaryDirectory());
    const article = await session.handlers['article:create']({});
    const first = await session.handlers['article:save']({
      id: article.id,
      baseRevision: 1,
      content: sampleContent({ title: 'Khánh thành cầu' }),
    });
    const snapshot = await session.handlers['backup:createNow']({});
    const second = await session.handlers['article:save']({
      id: article.id,
      baseRevision: first.revision,
      content: sampleContent({ title: 'Bão lũ' }),
    });
    await session.handlers['article:save']({
      id: article.id,
      baseRevision: second.revision,
      content: sampleContent({ title: 'Bão lũ miền Trung' }),
    });
    await session.handlers['backup:restore']({ id: snapshot.id });
    await session.library.search.ready;
    const found = async (query: string) => (await session.handlers['library:search']({ query, scope: 'active' })).ids;

    expect(await found('bao lu')).toEqual([]);
    expect(await found('khanh thanh')).toEqual([article.id]);
    await session.handlers['article:save']({
      id: article.id,
      baseRevision: first.revision,
      content: sampleContent({ title: 'Giao thông' }),
    });
    expect(await found('giao thong')).toEqual([article.id]);
  });
});
