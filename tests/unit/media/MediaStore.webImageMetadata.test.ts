import { join } from 'node:path';
import * as exifrModule from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MediaStore } from '../../../electron/main/media/MediaStore';
import type { WebImage } from '../../../electron/main/media/renderWebImage';
import { useTemporaryDirectories } from '../../support/temporaryDirectory';
import { gifBlocks, jpegSegments, pngChunkTypes } from './imageStructure';
import { gifWithMetadata, metadataTexts, pngWithMetadata, webpWithMetadata } from './photosWithMetadata';

// exifr's ESM build carries `gps` on the namespace, its UMD build on the default export.
const exifr = { parse: exifrModule.parse ?? exifrModule.default.parse, gps: exifrModule.gps ?? exifrModule.default.gps };

// Pixels, transparency and pixel density (pHYs) only: none of these says who took the photo, where or when.
const pngPixelChunks = new Set(['IHDR', 'PLTE', 'tRNS', 'pHYs', 'IDAT', 'IEND']);
const gifPixelBlocks = new Set(['image', 'graphic control', 'application NETSCAPE2.0']);

/** Fails unless the exported bytes carry no EXIF, GPS, XMP, IPTC, ICC, text chunk or comment, read every way we can. */
async function expectNoMetadata(web: WebImage): Promise<void> {
  for (const text of metadataTexts) expect(web.bytes.includes(Buffer.from(text, 'utf8')), `"${text}" in the exported bytes`).toBe(false);
  const metadata = await sharp(web.bytes).metadata();
  expect([metadata.exif, metadata.xmp, metadata.iptc, metadata.icc, metadata.comments]).toEqual([
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
  ]);
  if (web.extension === 'gif') {
    // exifr does not read GIF: the file's own blocks are the proof.
    expect(gifBlocks(web.bytes).filter((block) => !gifPixelBlocks.has(block))).toEqual([]);
    return;
  }
  if (web.extension === 'png') expect(pngChunkTypes(web.bytes).filter((type) => !pngPixelChunks.has(type))).toEqual([]);
  // APP0 is JFIF (pixel density); APP1 would be EXIF or XMP, APP2 ICC, APP13 IPTC, COM a comment.
  else
    expect(jpegSegments(web.bytes).filter((segment) => (segment.startsWith('APP') && segment !== 'APP0') || segment === 'COM')).toEqual([]);
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
  for (const tag of ['Artist', 'Copyright', 'GPSLatitude', 'DateTimeOriginal', 'creator', 'ProfileDescription'])
    expect(everything?.[tag], tag).toBeUndefined();
}

describe('MediaStore.renderWebImage strips metadata from every source format', () => {
  const temporaryDirectory = useTemporaryDirectories();

  async function exported(bytes: Buffer, fileName: string): Promise<WebImage> {
    const store = await MediaStore.open({ directory: join(await temporaryDirectory(), 'media') });
    const info = await store.importImage({ bytes, fileName });
    return store.renderWebImage(info.id);
  }

  it('exports a PNG with EXIF, GPS, XMP, an ICC profile and tEXt, zTXt and iTXt chunks as a PNG with none of them', async () => {
    const original = await pngWithMetadata();
    // The fixture really carries what must be stripped, or this test would prove nothing.
    expect(pngChunkTypes(original)).toEqual(expect.arrayContaining(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'iCCP']));
    expect(await exifr.gps(original)).toMatchObject({ latitude: expect.closeTo(21.024, 2), longitude: expect.closeTo(105.858, 2) });
    const web = await exported(original, 'do-hoa.png');
    expect(web.extension).toBe('png');
    await expectNoMetadata(web);
  });

  it.each([
    ['an opaque WebP', 'JPEG', false, 'jpg'],
    ['a half-transparent WebP', 'PNG', true, 'png'],
  ] as const)('exports %s with EXIF, GPS, XMP and an ICC profile as a %s with none of them', async (_, __, alpha, extension) => {
    const original = await webpWithMetadata({ alpha });
    const source = await sharp(original).metadata();
    expect([source.exif, source.xmp, source.icc].map((block) => block !== undefined)).toEqual([true, true, true]);
    expect(original.includes(Buffer.from('Van Doc'))).toBe(true);
    const web = await exported(original, 'anh.webp');
    expect(web.extension).toBe(extension);
    await expectNoMetadata(web);
  });

  it.each([
    ['a still GIF', false],
    ['an animated GIF', true],
  ] as const)('exports %s with a comment and an XMP extension as a GIF with neither', async (_, animated) => {
    const original = await gifWithMetadata({ animated });
    expect(gifBlocks(original)).toEqual(expect.arrayContaining(['comment', 'application XMP DataXMP']));
    const web = await exported(original, 'vui.gif');
    expect(web.extension).toBe('gif');
    expect((await sharp(web.bytes, { animated: true }).metadata()).pages).toBe(animated ? 3 : 1);
    await expectNoMetadata(web);
  });
});
