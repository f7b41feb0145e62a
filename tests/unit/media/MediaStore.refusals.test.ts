import { randomBytes } from 'node:crypto';
import * as nodeFileSystem from 'node:fs/promises';
import { mkdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MediaStore, type MediaFileSystem } from '../../../electron/main/media/MediaStore';
import { mediaLimits } from '../../../shared/mediaModel';
import { useTemporaryDirectories } from '../../support/temporaryDirectory';
import { cameraJpeg, listFilesUnder, pngBomb } from './photoFixtures';

describe('MediaStore refuses bad input with a clear message and stores nothing', () => {
  const temporaryDirectory = useTemporaryDirectories();

  async function openStore(fileSystem?: MediaFileSystem) {
    const folder = await temporaryDirectory();
    const directory = join(folder, 'media');
    return { folder, directory, store: await MediaStore.open({ directory, ...(fileSystem === undefined ? {} : { fileSystem }) }) };
  }

  async function expectRefusal(bytes: Uint8Array, fileName: string, message: string | RegExp) {
    const { directory, store } = await openStore();
    const refusal = store.importImage({ bytes, fileName });
    await expect(refusal).rejects.toMatchObject({ code: 'invalid-image' });
    await expect(refusal).rejects.toThrow(message);
    expect(await listFilesUnder(directory)).toEqual([]);
  }

  it('refuses a 0-byte file', async () => {
    await expectRefusal(new Uint8Array(0), 'anh.jpg', 'Tệp rỗng (0 byte): anh.jpg');
  });

  it('refuses bytes over the size limit before looking at them', async () => {
    await expectRefusal(new Uint8Array(mediaLimits.maximumBytes + 1), 'to.jpg', 'Tệp quá lớn: 61 MB (tối đa 60 MB): to.jpg');
  });

  it('refuses an SVG, even when it is named .png', async () => {
    const svg = new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expectRefusal(svg, 'logo.svg', 'Không nhận ảnh SVG: logo.svg');
    await expectRefusal(svg, 'logo.png', 'Không nhận ảnh SVG: logo.png');
  });

  it('refuses an HTML page saved with an image name', async () => {
    await expectRefusal(new TextEncoder().encode('<!DOCTYPE html><html><body>'), 'anh.jpg', 'Tệp là trang HTML, không phải ảnh: anh.jpg');
  });

  it('refuses random bytes and NUL bytes as an unsupported format', async () => {
    // A random prefix that happens to be an image signature is astronomically unlikely; pin it anyway.
    const random = randomBytes(4096);
    random[0] = 0x00;
    await expectRefusal(random, 'anh.jpg', 'Định dạng không được hỗ trợ (chỉ nhận JPEG, PNG, WebP, GIF, HEIC): anh.jpg');
    await expectRefusal(new Uint8Array(4096), 'anh.png', 'Định dạng không được hỗ trợ (chỉ nhận JPEG, PNG, WebP, GIF, HEIC): anh.png');
  });

  it('names the format of an AVIF photo in the refusal', async () => {
    const avif = Buffer.concat([Buffer.from([0, 0, 0, 0x1c]), Buffer.from('ftypavif'), Buffer.alloc(64)]);
    await expectRefusal(avif, 'anh.avif', 'Định dạng AVIF không được hỗ trợ (chỉ nhận JPEG, PNG, WebP, GIF, HEIC): anh.avif');
  });

  it('refuses a HEIC header with nothing readable behind it as a damaged file', async () => {
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(64)]);
    await expectRefusal(heic, 'IMG_0001.HEIC', 'Tệp ảnh bị hỏng hoặc không đầy đủ: IMG_0001.HEIC');
  });

  it('refuses photo.jpg that is really a PNG (the extension lies)', async () => {
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: 'red' } })
      .png()
      .toBuffer();
    await expectRefusal(png, 'photo.jpg', 'Tệp tên .jpg nhưng thực chất là PNG: photo.jpg');
  });

  it('refuses a truncated JPEG (the first half of a real photo)', async () => {
    const jpeg = await cameraJpeg({ width: 800, height: 600, noise: true });
    await expectRefusal(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'cat-doi.jpg', 'Tệp ảnh bị hỏng hoặc không đầy đủ: cat-doi.jpg');
  });

  it('refuses a JPEG missing only its last 4 KB (a copy from the camera card cut short)', async () => {
    const jpeg = await cameraJpeg({ width: 800, height: 600, noise: true });
    await expectRefusal(jpeg.subarray(0, jpeg.length - 4096), 'a.jpg', 'Tệp ảnh bị hỏng hoặc không đầy đủ: a.jpg');
  });

  it('refuses a PNG whose pixel data is corrupt though its header is fine', async () => {
    const png = await sharp({
      create: { width: 200, height: 200, channels: 3, background: 'red', noise: { type: 'gaussian', mean: 100, sigma: 40 } },
    })
      .png()
      .toBuffer();
    const damaged = Buffer.from(png);
    for (let index = 100; index < damaged.length - 20; index += 7) damaged[index] = 0xff - (damaged[index] ?? 0);
    await expectRefusal(damaged, 'hong.png', 'Tệp ảnh bị hỏng hoặc không đầy đủ: hong.png');
  });

  // Decoding 10 gigapixels would exhaust memory long before any answer: an answer at all shows the header decided.
  it('refuses a decompression bomb (a PNG header claiming 100000x100000) from its header', async () => {
    await expectRefusal(pngBomb(100_000, 100_000), 'bom.png', 'Ảnh quá lớn: 10.000 megapixel (tối đa 40): bom.png');
  });

  it('refuses an image just over 40 megapixels, counted from the header', async () => {
    await expectRefusal(pngBomb(8000, 5001), 'lon.png', 'Ảnh quá lớn: 41 megapixel (tối đa 40): lon.png');
  });

  it('refuses a 200 MB file via importFile without reading it', async () => {
    const reads: string[] = [];
    const recording: MediaFileSystem = {
      stat: (path) => nodeFileSystem.stat(path),
      readFile: async (path) => {
        reads.push(path);
        return nodeFileSystem.readFile(path);
      },
    };
    const { folder, directory, store } = await openStore(recording);
    const huge = join(folder, 'video.jpg');
    await writeFile(huge, '');
    // Sparse: 200 MB on paper, no blocks on disk, created in a moment.
    await truncate(huge, 200 * 1024 * 1024);
    const refusal = store.importFile(huge);
    await expect(refusal).rejects.toMatchObject({ code: 'invalid-image' });
    await expect(refusal).rejects.toThrow('Tệp quá lớn: 200 MB (tối đa 60 MB): video.jpg');
    // Refused from its size alone: not one byte was read.
    expect(reads).toEqual([]);
    expect(await listFilesUnder(directory)).toEqual([]);
  });

  it('refuses a 0-byte file via importFile without reading it', async () => {
    const reads: string[] = [];
    const { folder, directory, store } = await openStore({
      stat: (path) => nodeFileSystem.stat(path),
      readFile: async (path) => {
        reads.push(path);
        return nodeFileSystem.readFile(path);
      },
    });
    await writeFile(join(folder, 'rong.png'), '');
    await expect(store.importFile(join(folder, 'rong.png'))).rejects.toThrow('Tệp rỗng (0 byte): rong.png');
    expect(reads).toEqual([]);
    expect(await listFilesUnder(directory)).toEqual([]);
  });

  it('imports an ordinary file via importFile, named by its base name', async () => {
    const { folder, store } = await openStore();
    await writeFile(join(folder, 'Hội nghị.jpg'), await cameraJpeg({ width: 64, height: 48 }));
    expect((await store.importFile(join(folder, 'Hội nghị.jpg'))).originalFileName).toBe('Hội nghị.jpg');
  });

  it('answers not-found for a missing file and invalid-image for a folder', async () => {
    const { folder, store } = await openStore();
    await expect(store.importFile(join(folder, 'khong-co.jpg'))).rejects.toMatchObject({ code: 'not-found' });
    await mkdir(join(folder, 'thu-muc.jpg'));
    await expect(store.importFile(join(folder, 'thu-muc.jpg'))).rejects.toMatchObject({ code: 'invalid-image' });
  });
});
