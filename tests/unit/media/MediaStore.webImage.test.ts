import { join } from 'node:path';
import * as exifrModule from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MediaStore } from '../../../electron/main/media/MediaStore';
import { useTemporaryDirectories } from '../../support/temporaryDirectory';
import { animatedGif, cameraJpeg, translucentImage, twoColourJpeg } from './photoFixtures';

// exifr's ESM build carries `gps` on the namespace, its UMD build on the default export.
const exifr = { parse: exifrModule.parse ?? exifrModule.default.parse, gps: exifrModule.gps ?? exifrModule.default.gps };

describe('MediaStore.renderWebImage', () => {
  const temporaryDirectory = useTemporaryDirectories();

  async function storeWith(bytes: Uint8Array, fileName: string) {
    const store = await MediaStore.open({ directory: join(await temporaryDirectory(), 'media') });
    const info = await store.importImage({ bytes, fileName });
    return { store, info };
  }

  it('strips GPS, Artist, Copyright, XMP and every other metadata block from the exported copy', async () => {
    const original = await cameraJpeg({
      width: 4000,
      height: 3000,
      artist: 'Van Doc',
      copyright: '(c) Van Doc',
      takenAt: '2022:07:05 09:12:00',
      xmpCreator: 'Văn Đốc',
    });
    // The fixture really carries what must be stripped, or this test would prove nothing.
    expect(await exifr.gps(original)).toMatchObject({ latitude: expect.closeTo(21.024, 2), longitude: expect.closeTo(105.858, 2) });
    const { store, info } = await storeWith(original, 'hoi-nghi.jpg');
    const web = await store.renderWebImage(info.id);
    expect(await exifr.gps(web.bytes)).toBeUndefined();
    const everything = (await exifr.parse(web.bytes, {
      tiff: true,
      gps: true,
      exif: true,
      xmp: true,
      iptc: true,
      icc: true,
      jfif: false,
    })) as Record<string, unknown> | undefined;
    expect(everything?.Artist).toBeUndefined();
    expect(everything?.Copyright).toBeUndefined();
    expect(everything?.GPSLatitude).toBeUndefined();
    expect(everything?.DateTimeOriginal).toBeUndefined();
    expect(everything?.creator).toBeUndefined();
    const metadata = await sharp(web.bytes).metadata();
    expect([metadata.exif, metadata.xmp, metadata.iptc, metadata.icc]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('resizes so the longest side is at most 1600 px by default, as a JPEG with the given quality', async () => {
    const { store, info } = await storeWith(await cameraJpeg({ width: 2400, height: 1800, noise: true }), 'a.jpg');
    const web = await store.renderWebImage(info.id);
    expect(web).toMatchObject({ mimeType: 'image/jpeg', extension: 'jpg', width: 1600, height: 1200 });
    const metadata = await sharp(web.bytes).metadata();
    expect([metadata.format, metadata.width, metadata.height, metadata.space]).toEqual(['jpeg', 1600, 1200, 'srgb']);
    const lowQuality = await store.renderWebImage(info.id, { quality: 30 });
    expect(lowQuality.bytes.length).toBeLessThan(web.bytes.length * 0.7);
  });

  it('respects a smaller maxSide on a portrait photo', async () => {
    const { store, info } = await storeWith(await cameraJpeg({ width: 1000, height: 2000 }), 'a.jpg');
    const web = await store.renderWebImage(info.id, { maxSide: 500 });
    expect([web.width, web.height]).toEqual([250, 500]);
  });

  it('never enlarges a photo smaller than maxSide', async () => {
    const { store, info } = await storeWith(await twoColourJpeg(), 'nho.jpg');
    const web = await store.renderWebImage(info.id, { maxSide: 1600 });
    expect([web.width, web.height]).toEqual([400, 300]);
    expect([(await sharp(web.bytes).metadata()).width]).toEqual([400]);
  });

  it('applies the EXIF orientation: Orientation 6 gives a portrait web image with no orientation tag', async () => {
    const { store, info } = await storeWith(await twoColourJpeg({ orientation: 6 }), 'doc.jpg');
    const web = await store.renderWebImage(info.id);
    const metadata = await sharp(web.bytes).metadata();
    expect([web.width, web.height, metadata.width, metadata.height, metadata.orientation]).toEqual([300, 400, 300, 400, undefined]);
    const { data } = await sharp(web.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(data[(40 * 300 + 150) * 3]).toBeGreaterThan(200);
  });

  it('converts a wide-gamut (Display P3) photo to sRGB without attaching a profile', async () => {
    const p3 = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#20c040' } })
      .jpeg()
      .withIccProfile('p3')
      .toBuffer();
    expect((await sharp(p3).metadata()).icc).toBeDefined();
    const { store, info } = await storeWith(p3, 'p3.jpg');
    const metadata = await sharp((await store.renderWebImage(info.id)).bytes).metadata();
    expect([metadata.space, metadata.icc]).toEqual(['srgb', undefined]);
  });

  it('keeps transparency as PNG (from PNG and from WebP with alpha)', async () => {
    for (const format of ['png', 'webp'] as const) {
      const { store, info } = await storeWith(await translucentImage(format), `logo.${format}`);
      const web = await store.renderWebImage(info.id);
      expect(web).toMatchObject({ mimeType: 'image/png', extension: 'png' });
      expect((await sharp(web.bytes).metadata()).hasAlpha).toBe(true);
    }
  });

  it('turns an opaque WebP into a JPEG', async () => {
    const webp = await sharp({ create: { width: 200, height: 100, channels: 3, background: '#336699' } })
      .webp()
      .toBuffer();
    const { store, info } = await storeWith(webp, 'a.webp');
    expect(await store.renderWebImage(info.id)).toMatchObject({ mimeType: 'image/jpeg', extension: 'jpg', width: 200, height: 100 });
  });

  it('keeps a GIF a GIF, animation included, resized frame by frame', async () => {
    const { store, info } = await storeWith(await animatedGif(), 'vui.gif');
    const web = await store.renderWebImage(info.id, { maxSide: 150 });
    expect(web).toMatchObject({ mimeType: 'image/gif', extension: 'gif', width: 150, height: 100 });
    const metadata = await sharp(web.bytes, { animated: true }).metadata();
    expect([metadata.format, metadata.pages, metadata.pageHeight]).toEqual(['gif', 3, 100]);
  });

  it('refuses a nonsensical size or quality', async () => {
    const { store, info } = await storeWith(await twoColourJpeg(), 'a.jpg');
    for (const options of [{ maxSide: 0 }, { maxSide: 12.5 }, { quality: 0 }, { quality: 101 }]) {
      await expect(store.renderWebImage(info.id, options)).rejects.toMatchObject({ code: 'invalid-request' });
    }
  });
});
