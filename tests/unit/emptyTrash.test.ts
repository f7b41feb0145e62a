import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { mediaFileLayout } from '../../electron/main/library/libraryLayout';
import { bodyWithPhoto } from '../support/bodyWithPhoto';
import { createTestHandlers } from '../support/createTestHandlers';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { listFilesUnder, twoColourJpeg } from './media/photoFixtures';

/** One clock for every opening of a data folder, so a photo's age survives a restart. */
function testClock() {
  let nowMs = Date.parse('2026-11-26T08:00:00Z');
  return { now: () => new Date(nowMs), advanceHours: (hours: number) => (nowMs += hours * 3_600_000) };
}

/** The handler table over the library in `dataDirectory`, as main builds it. */
async function openAt(dataDirectory: string, clock: ReturnType<typeof testClock>) {
  const { handlers, session, ...library } = await createTestHandlers(dataDirectory, {}, { now: clock.now });
  const importPhoto = async (width = 400) =>
    handlers['media:importBytes']({ fileName: `${width}.jpg`, bytes: new Uint8Array(await twoColourJpeg({ width })) });
  const articlePath = (id: string) => library.layout.library.articleFile(id);
  // Snapshots link the very files a test then damages in place: let them finish first.
  const backupsSettled = () => session.backupService.settled();
  return { ...library, session, handlers, importPhoto, articlePath, backupsSettled };
}

/** A torn write: the file's tail is lost, so it no longer parses, but the ids before the tear are still there. */
async function tearTail(path: string): Promise<void> {
  const valid = await readFile(path);
  await writeFile(path, valid.subarray(0, valid.length - 12));
}

describe('emptying the trash', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('keeps a photo only a quarantined article names when no good copy of that article is left', async () => {
    const data = await temporaryDirectory();
    const clock = testClock();
    const first = await openAt(data, clock);
    const photo = await first.importPhoto();
    const article = await first.store.create();
    await first.handlers['article:save']({ id: article.id, baseRevision: 1, content: sampleContent({ body: bodyWithPhoto(photo.id) }) });
    await first.store.flush();
    await first.backupsSettled();
    await first.session.close();
    await tearTail(first.articlePath(article.id));
    await tearTail(`${first.articlePath(article.id)}.prev`);
    clock.advanceHours(2);

    const reopened = await openAt(data, clock);
    // The damaged article has left the library; only its quarantined bytes still name the photo.
    expect(reopened.store.list('active')).toEqual([]);
    const [notice] = reopened.store.recoveryNotices().filter((entry) => entry.file === first.articlePath(article.id));
    expect(await readFile(notice!.quarantinedTo, 'latin1')).toContain(photo.id);

    expect(await reopened.handlers['trash:empty']({})).toEqual({ removedArticles: 0, removedPhotos: 0 });
    expect(await reopened.media.has(photo.id)).toBe(true);
  });

  it('keeps the photo of an article found damaged while the trash is emptied, and still empties the trash', async () => {
    const clock = testClock();
    const library = await openAt(await temporaryDirectory(), clock);
    const photo = await library.importPhoto();
    const damaged = await library.store.create();
    await library.handlers['article:save']({ id: damaged.id, baseRevision: 1, content: sampleContent({ body: bodyWithPhoto(photo.id) }) });
    const trashed = await library.store.create();
    await library.handlers['article:trash']({ id: trashed.id });
    await library.backupsSettled();
    // Its previous generation (revision 1, without the photo) is good: the article falls back to it.
    await tearTail(library.articlePath(damaged.id));
    clock.advanceHours(2);

    expect(await library.handlers['trash:empty']({})).toEqual({ removedArticles: 1, removedPhotos: 0 });
    expect(await library.media.has(photo.id)).toBe(true);
    expect((await library.handlers['article:get']({ id: damaged.id })).revision).toBe(1);
  });

  it('keeps a photo only an article’s previous generation names, until that article is saved again', async () => {
    const clock = testClock();
    const library = await openAt(await temporaryDirectory(), clock);
    const photo = await library.importPhoto();
    const article = await library.store.create();
    // The first save takes the article's first version (without the photo); the next ones, minutes later, take none.
    const first = await library.handlers['article:save']({ id: article.id, baseRevision: 1, content: sampleContent() });
    const withPhoto = await library.handlers['article:save']({
      id: article.id,
      baseRevision: first.revision,
      content: sampleContent({ body: bodyWithPhoto(photo.id) }),
    });
    const without = await library.handlers['article:save']({ id: article.id, baseRevision: withPhoto.revision, content: sampleContent() });
    await library.session.flush();
    clock.advanceHours(2);

    expect(await library.handlers['trash:empty']({})).toEqual({ removedArticles: 0, removedPhotos: 0 });
    expect(await library.media.has(photo.id)).toBe(true);

    await library.handlers['article:save']({
      id: article.id,
      baseRevision: without.revision,
      content: sampleContent({ title: 'Lần lưu sau' }),
    });
    expect(await library.handlers['trash:empty']({})).toEqual({ removedArticles: 0, removedPhotos: 1 });
    expect(await library.media.has(photo.id)).toBe(false);
  });

  it('keeps a photo a version of the article names, so restoring that version brings its photo back', async () => {
    const clock = testClock();
    const library = await openAt(await temporaryDirectory(), clock);
    const photo = await library.importPhoto();
    const article = await library.store.create();
    const withPhoto = await library.handlers['article:save']({
      id: article.id,
      baseRevision: 1,
      content: sampleContent({ body: bodyWithPhoto(photo.id) }),
    });
    await library.session.flush();
    const version = (await library.handlers['version:list']({ id: article.id }))[0]!;
    const without = await library.handlers['article:save']({ id: article.id, baseRevision: withPhoto.revision, content: sampleContent() });
    await library.handlers['article:save']({ id: article.id, baseRevision: without.revision, content: sampleContent({ title: 'Sau' }) });
    clock.advanceHours(2);

    expect(await library.handlers['trash:empty']({})).toEqual({ removedArticles: 0, removedPhotos: 0 });
    expect((await library.handlers['version:get']({ id: article.id, versionId: version.id })).content.body).toEqual(
      bodyWithPhoto(photo.id),
    );
    expect(await library.media.has(photo.id)).toBe(true);
  });

  it('still removes a photo nothing names anywhere once it was imported over an hour ago', async () => {
    const data = await temporaryDirectory();
    const clock = testClock();
    const library = await openAt(data, clock);
    const kept = await library.importPhoto(400);
    const unused = await library.importPhoto(402);
    const showing = await library.store.create();
    await library.handlers['article:save']({ id: showing.id, baseRevision: 1, content: sampleContent({ body: bodyWithPhoto(kept.id) }) });
    const trashed = await library.store.create();
    await library.handlers['article:save']({ id: trashed.id, baseRevision: 1, content: sampleContent({ body: bodyWithPhoto(unused.id) }) });
    await library.handlers['article:trash']({ id: trashed.id });
    await library.backupsSettled();
    // The unused photo's own description, damaged and quarantined, names it too: that is no reason to keep it.
    await tearTail(mediaFileLayout(library.layout.library.media, unused.id).description);
    await expect(library.media.get(unused.id)).rejects.toMatchObject({ code: 'corrupt-file' });
    clock.advanceHours(2);

    expect(await library.handlers['trash:empty']({})).toEqual({ removedArticles: 1, removedPhotos: 1 });
    expect(await library.media.has(kept.id)).toBe(true);
    expect((await listFilesUnder(library.layout.library.media)).filter((path) => path.includes(unused.id))).toEqual([]);
  });
});
