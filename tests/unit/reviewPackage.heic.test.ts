import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryLayout, mediaFileLayout } from '../../electron/main/library/libraryLayout';
import { readReviewPackage } from '../../electron/main/services/readReviewPackage';
import { writeReviewPackage } from '../../electron/main/services/writeReviewPackage';
import { articleContentSchema } from '../../shared/articleModel';
import { bodyWithPhoto } from '../support/bodyWithPhoto';
import { openTestSession } from '../support/openTestSession';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { rainbowHeic } from './media/heicFixtures';

describe('a review package with an iPhone photo', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('carries the original HEIC bytes as media/<id>.heic and reads them back, decoded and checked', async () => {
    const folder = await temporaryDirectory();
    const dataDirectory = join(folder, 'data');
    const session = await openTestSession(dataDirectory);
    const { handlers } = session;
    await handlers['settings:update']({ userName: 'Ngọc Sơn', userRole: 'reporter' });
    const created = await handlers['article:create']({});
    const photo = await handlers['media:importBytes']({ fileName: 'IMG_0001.HEIC', bytes: new Uint8Array(rainbowHeic) });
    const content = articleContentSchema.parse(created);
    await handlers['article:save']({
      id: created.id,
      baseRevision: created.revision,
      content: { ...content, title: 'Hồ Gươm sáng sớm', body: bodyWithPhoto(photo.id), coverMediaId: photo.id },
    });
    const article = await handlers['article:get']({ id: created.id });
    await session.close();
    const target = join(folder, 'bai.banthao');
    const library = libraryLayout(dataDirectory).library;
    const written = await writeReviewPackage({
      target,
      article,
      libraryFolder: library.folder,
      createdBy: { name: 'Ngọc Sơn', role: 'reporter' },
      appVersion: '0.9.0',
    });
    expect(written).toMatchObject({ leftOut: 0, missingPhotoIds: [] });
    expect(written.manifest.entries.map((entry) => entry.path)).toContain(`media/${photo.id}.heic`);
    const read = await readReviewPackage(target);
    expect(read.photos.map(({ id, type, extension }) => ({ id, type, extension }))).toEqual([
      { id: photo.id, type: 'heic', extension: 'heic' },
    ]);
    expect(read.photos[0]!.bytes.equals(rainbowHeic)).toBe(true);
    expect((await readFile(mediaFileLayout(library.media, photo.id).original('heic'))).equals(rainbowHeic)).toBe(true);
  });
});
