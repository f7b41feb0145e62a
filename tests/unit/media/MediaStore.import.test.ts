import { createHash } from 'node:crypto';
import * as nodeFileSystem from 'node:fs/promises';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MediaStore } from '../../../electron/main/media/MediaStore';
import type { DurableFileSystem } from '../../../electron/main/storage/writeFileDurably';
import { AppError } from '../../../shared/errorCodes';
import { mediaInfoSchema } from '../../../shared/mediaModel';
import { useTemporaryDirectories } from '../../support/temporaryDirectory';
import { animatedGif, cameraJpeg, listFilesUnder, translucentImage, twoColourJpeg } from './photoFixtures';

const fixedNow = new Date('2024-03-01T08:00:00.000Z');

describe('MediaStore.importImage', () => {
  const temporaryDirectory = useTemporaryDirectories();

  async function openStore(options: { writeFileSystem?: DurableFileSystem } = {}) {
    const directory = join(await temporaryDirectory(), 'media');
    const writeOptions = options.writeFileSystem === undefined ? {} : { fileSystem: options.writeFileSystem };
    return { directory, store: await MediaStore.open({ directory, now: () => fixedNow, writeOptions }) };
  }

  it('names a photo by the SHA-256 of its bytes and stores original, preview and sidecar under the id prefix', async () => {
    const { directory, store } = await openStore();
    const bytes = await twoColourJpeg();
    const info = await store.importImage({ bytes, fileName: 'anh.jpg' });
    const id = createHash('sha256').update(bytes).digest('hex');
    expect(info.id).toBe(id);
    expect(await listFilesUnder(directory)).toEqual([
      `${id.slice(0, 2)}/${id}.jpg`,
      `${id.slice(0, 2)}/${id}.json`,
      `${id.slice(0, 2)}/${id}.preview.webp`,
    ]);
    expect(await readFile(join(directory, id.slice(0, 2), `${id}.jpg`))).toEqual(bytes);
    expect(mediaInfoSchema.parse(JSON.parse(await readFile(join(directory, id.slice(0, 2), `${id}.json`), 'utf8')).data)).toEqual(info);
    expect(info).toMatchObject({
      type: 'jpeg',
      width: 400,
      height: 300,
      byteLength: bytes.length,
      originalFileName: 'anh.jpg',
      importedAt: fixedNow.toISOString(),
    });
  });

  it('stores the same photo once when it is inserted twice, and returns the first sidecar unchanged', async () => {
    const { directory, store } = await openStore();
    const bytes = await twoColourJpeg();
    const first = await store.importImage({ bytes, fileName: 'lan-1.jpg' });
    const sidecarPath = join(directory, first.id.slice(0, 2), `${first.id}.json`);
    const sidecarBefore = await nodeFileSystem.stat(sidecarPath);
    const second = await store.importImage({ bytes: Uint8Array.from(bytes), fileName: 'lan-2.jpg' });
    expect(second).toEqual(first);
    expect(second.originalFileName).toBe('lan-1.jpg');
    expect((await nodeFileSystem.stat(sidecarPath)).mtimeMs).toBe(sidecarBefore.mtimeMs);
    expect(await listFilesUnder(directory)).toHaveLength(3);
  });

  it('gives different bytes different ids', async () => {
    const { directory, store } = await openStore();
    const first = await store.importImage({ bytes: await twoColourJpeg(), fileName: 'a.jpg' });
    const second = await store.importImage({ bytes: await twoColourJpeg({ width: 402 }), fileName: 'a.jpg' });
    expect(second.id).not.toBe(first.id);
    expect(await store.listIds()).toEqual([first.id, second.id].sort());
    expect(await listFilesUnder(directory)).toHaveLength(6);
  });

  it('survives concurrent imports of the same bytes: one id, one set of files, no temp files left', async () => {
    const { directory, store } = await openStore();
    const bytes = await cameraJpeg({ width: 640, height: 480, noise: true });
    const results = await Promise.all(Array.from({ length: 6 }, (_, index) => store.importImage({ bytes, fileName: `copy-${index}.jpg` })));
    // Whichever import got the id first wrote the sidecar; every caller gets that same sidecar back.
    expect(new Set(results.map((info) => JSON.stringify(info))).size).toBe(1);
    expect(await listFilesUnder(directory)).toHaveLength(3);
    expect(await store.get(results[0]!.id)).toEqual(results[0]);
  });

  it('writes the original, then the preview, and the sidecar last (the sidecar commits the photo)', async () => {
    const renamedTo: string[] = [];
    const recording: DurableFileSystem = {
      open: (path, flags) => nodeFileSystem.open(path, flags),
      rename: async (from, to) => {
        await nodeFileSystem.rename(from, to);
        renamedTo.push(to.slice(to.lastIndexOf('/') + 1).replace(/^[a-f0-9]{64}/, '<id>'));
      },
      unlink: (path) => nodeFileSystem.unlink(path),
      mkdir: (path, options) => nodeFileSystem.mkdir(path, options),
    };
    const { store } = await openStore({ writeFileSystem: recording });
    await store.importImage({ bytes: await twoColourJpeg(), fileName: 'a.jpg' });
    expect(renamedTo).toEqual(['<id>.jpg', '<id>.preview.webp', '<id>.json']);
  });

  it('treats a photo whose sidecar is missing as not stored, and a new import completes it', async () => {
    const { directory, store } = await openStore();
    const bytes = await twoColourJpeg();
    const { id } = await store.importImage({ bytes, fileName: 'a.jpg' });
    await rm(join(directory, id.slice(0, 2), `${id}.json`));
    await expect(store.get(id)).rejects.toMatchObject({ code: 'not-found' });
    expect(await store.has(id)).toBe(false);
    expect(await store.listIds()).toEqual([]);
    await store.importImage({ bytes, fileName: 'a.jpg' });
    expect(await store.has(id)).toBe(true);
  });

  it('restores a missing preview when the same photo is imported again', async () => {
    const { store } = await openStore();
    const bytes = await twoColourJpeg();
    const { id } = await store.importImage({ bytes, fileName: 'a.jpg' });
    await rm(store.previewPath(id));
    await store.importImage({ bytes, fileName: 'a.jpg' });
    expect((await sharp(store.previewPath(id)).metadata()).format).toBe('webp');
  });

  it('leaves no files behind when the disk fills up while the sidecar is written', async () => {
    const failing: DurableFileSystem = {
      open: (path, flags) => nodeFileSystem.open(path, flags),
      rename: async (from, to) => {
        if (to.endsWith('.json')) throw Object.assign(new Error('ENOSPC: injected'), { code: 'ENOSPC' });
        await nodeFileSystem.rename(from, to);
      },
      unlink: (path) => nodeFileSystem.unlink(path),
      mkdir: (path, options) => nodeFileSystem.mkdir(path, options),
    };
    const { directory, store } = await openStore({ writeFileSystem: failing });
    await expect(store.importImage({ bytes: await twoColourJpeg(), fileName: 'a.jpg' })).rejects.toMatchObject({ code: 'disk-full' });
    expect(await listFilesUnder(directory)).toEqual([]);
  });

  it('applies the EXIF orientation: a 400x300 photo with Orientation 6 is stored as 300x400 and its preview is portrait', async () => {
    const { store } = await openStore();
    const info = await store.importImage({ bytes: await twoColourJpeg({ orientation: 6 }), fileName: 'doc.jpg' });
    expect([info.width, info.height]).toEqual([300, 400]);
    const preview = sharp(store.previewPath(info.id));
    const metadata = await preview.metadata();
    expect([metadata.width, metadata.height, metadata.orientation]).toEqual([300, 400, undefined]);
    // Orientation 6 turns the image clockwise: the red left half ends up on top.
    const { data } = await preview.raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * 300 + x) * 3, (y * 300 + x) * 3 + 3)];
    expect(pixel(150, 40)[0]).toBeGreaterThan(200);
    expect(pixel(150, 360)[2]).toBeGreaterThan(200);
  });

  it('prefills the credit from XMP/Artist and reads the date taken', async () => {
    const { store } = await openStore();
    const withXmp = await store.importImage({
      bytes: await cameraJpeg({ width: 400, height: 300, artist: 'Van Doc', xmpCreator: 'Văn Đốc', takenAt: '2022:07:05 09:12:00' }),
      fileName: 'a.jpg',
    });
    expect([withXmp.suggestedCredit, withXmp.takenAt]).toEqual(['Văn Đốc', '2022-07-05T09:12:00']);
    const withArtist = await store.importImage({
      bytes: await cameraJpeg({ width: 400, height: 300, artist: 'Minh Anh' }),
      fileName: 'b.jpg',
    });
    expect([withArtist.suggestedCredit, withArtist.takenAt]).toEqual(['Minh Anh', null]);
    const withCopyright = await store.importImage({
      bytes: await cameraJpeg({ width: 400, height: 300, copyright: '(c) 2022 Le Ha' }),
      fileName: 'c.jpg',
    });
    expect(withCopyright.suggestedCredit).toBe('Le Ha');
  });

  it('keeps the display copy small and free of metadata: longest side 1600, WebP, no EXIF or GPS', async () => {
    const { store } = await openStore();
    const info = await store.importImage({
      bytes: await cameraJpeg({ width: 4000, height: 3000, artist: 'Van Doc' }),
      fileName: 'big.jpg',
    });
    const metadata = await sharp(store.previewPath(info.id)).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['webp', 1600, 1200]);
    expect([metadata.exif, metadata.xmp, metadata.icc]).toEqual([undefined, undefined, undefined]);
    expect([info.width, info.height]).toEqual([4000, 3000]);
  });

  it('accepts PNG with transparency and keeps the alpha in the preview', async () => {
    const { store } = await openStore();
    const info = await store.importImage({ bytes: await translucentImage('png'), fileName: 'logo.png' });
    expect(info.type).toBe('png');
    expect((await sharp(store.previewPath(info.id)).metadata()).hasAlpha).toBe(true);
  });

  it('accepts an animated GIF, sized by one frame, and stores it as .gif', async () => {
    const { directory, store } = await openStore();
    const info = await store.importImage({ bytes: await animatedGif(), fileName: 'vui.gif' });
    expect([info.type, info.width, info.height]).toEqual(['gif', 300, 200]);
    expect(await listFilesUnder(directory)).toContain(`${info.id.slice(0, 2)}/${info.id}.gif`);
    expect((await sharp(store.previewPath(info.id)).metadata()).pages).toBe(3);
  });

  it('accepts a WebP, and a pasted image whose name has no extension or a blob name', async () => {
    const { store } = await openStore();
    const webp = await sharp({ create: { width: 120, height: 90, channels: 3, background: '#123456' } })
      .webp()
      .toBuffer();
    expect((await store.importImage({ bytes: webp, fileName: 'paste.webp' })).type).toBe('webp');
    const png = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#654321' } })
      .png()
      .toBuffer();
    expect((await store.importImage({ bytes: png, fileName: 'image' })).type).toBe('png');
    expect((await store.importImage({ bytes: await twoColourJpeg(), fileName: 'blob:7c1e-44' })).type).toBe('jpeg');
  });

  it('records only the base name of a path-like file name, NFC-normalized', async () => {
    const { store } = await openStore();
    const info = await store.importImage({ bytes: await twoColourJpeg(), fileName: 'C:\\Ảnh\\Hội nghị.jpg'.normalize('NFD') });
    expect(info.originalFileName).toBe('Hội nghị.jpg'.normalize('NFC'));
  });
});

describe('MediaStore ids and paths', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('refuses to build a path or read a sidecar from an id that is not 64 lowercase hex digits', async () => {
    const store = await MediaStore.open({ directory: join(await temporaryDirectory(), 'media') });
    const hostile = ['../../etc/passwd', `${'a'.repeat(63)}/`, 'A'.repeat(64), `${'a'.repeat(64)}/../x`, ''];
    for (const id of hostile) {
      expect(() => store.previewPath(id)).toThrow(AppError);
      await expect(store.originalPath(id)).rejects.toMatchObject({ code: 'invalid-request' });
      await expect(store.get(id)).rejects.toMatchObject({ code: 'invalid-request' });
      await expect(store.renderWebImage(id)).rejects.toMatchObject({ code: 'invalid-request' });
      expect(await store.has(id)).toBe(false);
    }
  });

  it('answers not-found for a well-formed id that is not stored', async () => {
    const store = await MediaStore.open({ directory: join(await temporaryDirectory(), 'media') });
    await expect(store.get('b'.repeat(64))).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.renderWebImage('b'.repeat(64))).rejects.toMatchObject({ code: 'not-found' });
  });
});
