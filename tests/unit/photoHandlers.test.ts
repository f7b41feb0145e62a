import { readdir, rm, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../shared/articleModel';
import type { HandlerTable } from '../../shared/ipcContract';
import { invokeHandler } from '../../electron/main/ipc/invokeHandler';
import { mediaFileLayout } from '../../electron/main/library/libraryLayout';
import { listPeopleNames } from '../../electron/main/services/listPeopleNames';
import { createTestHandlers } from '../support/createTestHandlers';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { rainbowHeic } from './media/heicFixtures';
import { twoColourJpeg } from './media/photoFixtures';

/** A library whose clock the test moves (photos are kept for an hour after import before cleanup may take them). */
async function libraryWithClock(dataDirectory: string) {
  let nowMs = Date.parse('2026-11-26T08:00:00Z');
  const library = await createTestHandlers(dataDirectory, {}, { now: () => new Date(nowMs) });
  return { ...library, advanceHours: (hours: number) => (nowMs += hours * 3_600_000) };
}

async function call<Channel extends keyof HandlerTable>(handlers: HandlerTable, channel: Channel, request: unknown) {
  const envelope = await invokeHandler(handlers, channel, request);
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as Awaited<ReturnType<HandlerTable[Channel]>>;
}

const bodyWithPhoto = (mediaId: string) => ({
  type: 'doc',
  content: [
    { type: 'figure', attrs: { mediaId, alt: '', credit: 'Văn Đốc' }, content: [{ type: 'text', text: 'Chú thích' }] },
    { type: 'paragraph' },
  ],
});

describe('photo handlers', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('removes a photo only once the trash holding its last article is emptied', async () => {
    const library = await libraryWithClock(await temporaryDirectory());
    const photo = await call(library.handlers, 'media:importBytes', { fileName: 'a.jpg', bytes: new Uint8Array(await twoColourJpeg()) });
    const article = await library.store.create();
    await call(library.handlers, 'article:save', {
      id: article.id,
      baseRevision: 1,
      content: sampleContent({ body: bodyWithPhoto(photo.id) }),
    });
    await call(library.handlers, 'article:trash', { id: article.id });
    library.advanceHours(2);
    expect(await library.media.has(photo.id)).toBe(true);

    expect(await call(library.handlers, 'trash:empty', {})).toEqual({ removedArticles: 1, removedPhotos: 1 });
    expect(await library.media.has(photo.id)).toBe(false);
    expect(library.store.list('trash')).toEqual([]);
  });

  it('keeps a photo another article still shows when the trash is emptied', async () => {
    const library = await libraryWithClock(await temporaryDirectory());
    const photo = await call(library.handlers, 'media:importBytes', { fileName: 'a.jpg', bytes: new Uint8Array(await twoColourJpeg()) });
    for (const trashIt of [true, false]) {
      const article = await library.store.create();
      await call(library.handlers, 'article:save', {
        id: article.id,
        baseRevision: 1,
        content: sampleContent({ body: bodyWithPhoto(photo.id) }),
      });
      if (trashIt) await call(library.handlers, 'article:trash', { id: article.id });
    }
    library.advanceHours(2);
    expect(await call(library.handlers, 'trash:empty', {})).toEqual({ removedArticles: 1, removedPhotos: 0 });
    expect(await library.media.has(photo.id)).toBe(true);
  });

  it('refuses to save a body naming a photo the library does not hold', async () => {
    const library = await libraryWithClock(await temporaryDirectory());
    const article = await library.store.create();
    const envelope = await invokeHandler(library.handlers, 'article:save', {
      id: article.id,
      baseRevision: 1,
      content: sampleContent({ body: bodyWithPhoto('a'.repeat(64)) }),
    });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('still saves the text of an article whose photo has gone missing since, but refuses a new unknown photo', async () => {
    const dataDirectory = await temporaryDirectory();
    const library = await libraryWithClock(dataDirectory);
    const photo = await library.media.importImage({ bytes: await twoColourJpeg(), fileName: 'a.jpg' });
    const article = await library.store.create();
    const saved = await call(library.handlers, 'article:save', {
      id: article.id,
      baseRevision: 1,
      content: sampleContent({ body: bodyWithPhoto(photo.id) }),
    });
    // The photo's files are lost (a damaged disk, a sync that has not brought them yet).
    await rm(mediaFileLayout(library.layout.library.media, photo.id).folder, { recursive: true });
    expect(await library.media.has(photo.id)).toBe(false);
    const edited = sampleContent({ title: 'Sửa sau khi mất ảnh', body: bodyWithPhoto(photo.id) });
    const again = await call(library.handlers, 'article:save', { id: article.id, baseRevision: saved.revision, content: edited });
    expect(again.revision).toBe(saved.revision + 1);
    expect((await library.store.get(article.id)).title).toBe('Sửa sau khi mất ảnh');
    const forged = await invokeHandler(library.handlers, 'article:save', {
      id: article.id,
      baseRevision: again.revision,
      content: sampleContent({ body: bodyWithPhoto('b'.repeat(64)) }),
    });
    expect(forged).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('reports each refused file of the insert dialog by name and imports the rest', async () => {
    const dataDirectory = await temporaryDirectory();
    const cardFolder = await temporaryDirectory();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${cardFolder}/good.jpg`, await twoColourJpeg());
    await writeFile(`${cardFolder}/drawing.svg`, '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const library = await createTestHandlers(dataDirectory, { imageFiles: [`${cardFolder}/good.jpg`, `${cardFolder}/drawing.svg`] });
    const { handlers } = library;
    const result = await call(handlers, 'media:importFromDialog', {});
    expect(result.imported).toHaveLength(1);
    expect(result.refused).toEqual([{ fileName: 'drawing.svg', message: expect.stringContaining('SVG') }]);
    expect((await readdir(library.layout.library.media, { recursive: true })).filter((name) => name.endsWith('.svg'))).toEqual([]);
  });

  it('says which picked file it is importing, and whether it is a HEIC to decode, then nothing once done', async () => {
    const cardFolder = await temporaryDirectory();
    await writeFile(`${cardFolder}/IMG_0001.HEIC`, rainbowHeic);
    await writeFile(`${cardFolder}/Ảnh bìa.jpg`, await twoColourJpeg());
    await writeFile(`${cardFolder}/drawing.svg`, '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const picked = ['IMG_0001.HEIC', 'Ảnh bìa.jpg', 'drawing.svg'].map((name) => `${cardFolder}/${name}`);
    const library = await createTestHandlers(await temporaryDirectory(), { imageFiles: picked });
    expect(await call(library.handlers, 'media:importProgress', {})).toBeNull();
    // What the window would hear, asked through the channel as each file's import begins.
    const heard: unknown[] = [];
    const importFile = library.media.importFile.bind(library.media);
    library.media.importFile = async (path) => {
      heard.push(await call(library.handlers, 'media:importProgress', {}));
      return importFile(path);
    };
    const result = await call(library.handlers, 'media:importFromDialog', {});
    expect(result.imported.map((photo) => photo.type)).toEqual(['heic', 'jpeg']);
    expect(heard).toEqual([
      { index: 1, total: 3, fileName: 'IMG_0001.HEIC', heic: true },
      { index: 2, total: 3, fileName: 'Ảnh bìa.jpg', heic: false },
      { index: 3, total: 3, fileName: 'drawing.svg', heic: false },
    ]);
    expect(await call(library.handlers, 'media:importProgress', {})).toBeNull();
  });
});

describe('listPeopleNames', () => {
  const summary = (bylineName: string, photoCredit: string) => ({ bylineName, photoCredit }) as ArticleSummary;

  it('offers bylines and each photo credit once, most used first', () => {
    const names = listPeopleNames([summary('Ngọc Sơn', 'Văn Đốc, Minh Anh'), summary('Minh Anh', 'Văn Đốc'), summary('văn đốc', '')]);
    expect(names).toEqual(['Văn Đốc', 'Minh Anh', 'Ngọc Sơn']);
  });

  it('ignores empty names', () => expect(listPeopleNames([summary('  ', ' , ')])).toEqual([]));
});
