import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { decodeHeic } from '../../../electron/main/media/decodeHeic';
import { MediaStore } from '../../../electron/main/media/MediaStore';
import { writeExportFolder } from '../../../electron/main/services/exportArticle';
import type { Article } from '../../../shared/articleModel';
import { mediaLimits } from '../../../shared/mediaModel';
import { figure, paragraph, text } from '../../fixtures/everyFeatureBody';
import { seedArticle } from '../../fixtures/seedArticle';
import { exportValidationMessages } from '../../support/exportValidation';
import { useTemporaryDirectories } from '../../support/temporaryDirectory';
import { heicPhoto, rainbowHeic } from './heicFixtures';
import { jpegSegments } from './imageStructure';
import { cameraJpeg, listFilesUnder } from './photoFixtures';

// The real decoder, watched: an oversize photo must be refused without a decode ever starting.
vi.mock('../../../electron/main/media/decodeHeic', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../electron/main/media/decodeHeic')>();
  return { ...real, decodeHeic: vi.fn(real.decodeHeic) };
});

/** An iPhone's EXIF block: the photographer, the time taken, GPS, and Orientation 6 (which HEIF readers ignore for irot). */
async function iphoneExif(): Promise<Buffer> {
  const jpeg = await cameraJpeg({ width: 8, height: 8, artist: 'Van Doc', takenAt: '2024:02:10 07:45:00', orientation: 6 });
  const { exif } = await sharp(jpeg).metadata();
  if (exif === undefined) throw new Error('sharp wrote no EXIF');
  return exif;
}

/** The image shrunk to 8×8 RGB, to compare two renderings of the same picture despite lossy coding. */
async function thumbnail(image: Buffer | Sharp): Promise<Buffer> {
  const pipeline = Buffer.isBuffer(image) ? sharp(image) : image;
  return pipeline.removeAlpha().resize(8, 8, { fit: 'fill' }).raw().toBuffer();
}

function meanDifference(left: Buffer, right: Buffer): number {
  let total = 0;
  for (let index = 0; index < left.length; index += 1) total += Math.abs(left[index]! - right[index]!);
  return total / left.length;
}

const fileNames = (directory: string) => listFilesUnder(directory).catch(() => []);

describe('MediaStore imports HEIC photos from iPhones', () => {
  const temporaryDirectory = useTemporaryDirectories();

  async function openStore() {
    const directory = join(await temporaryDirectory(), 'media');
    return { directory, store: await MediaStore.open({ directory }) };
  }

  it('keeps the original HEIC bytes untouched and makes a WebP display copy of the decoded picture', async () => {
    const { directory, store } = await openStore();
    const info = await store.importImage({ bytes: rainbowHeic, fileName: 'IMG_0001.HEIC' });
    const id = createHash('sha256').update(rainbowHeic).digest('hex');
    expect(info).toMatchObject({
      id,
      type: 'heic',
      width: 451,
      height: 461,
      byteLength: rainbowHeic.length,
      takenAt: null,
      suggestedCredit: null,
    });
    expect(await fileNames(directory)).toEqual([
      `${id.slice(0, 2)}/${id}.heic`,
      `${id.slice(0, 2)}/${id}.json`,
      `${id.slice(0, 2)}/${id}.preview.webp`,
    ]);
    expect((await readFile(join(directory, id.slice(0, 2), `${id}.heic`))).equals(rainbowHeic)).toBe(true);
    const preview = await sharp(await readFile(store.previewPath(id))).metadata();
    expect([preview.format, preview.width, preview.height]).toEqual(['webp', 451, 461]);
  });

  it('turns the picture by the file irot (an iPhone held upright), ignores EXIF Orientation, and reads the date and credit', async () => {
    const { store } = await openStore();
    const exif = await iphoneExif();
    // irot 3: three quarter turns anticlockwise, a quarter turn clockwise; EXIF still says 6, which must not turn it twice.
    const bytes = heicPhoto({ quarterTurns: 3, exif });
    const info = await store.importImage({ bytes, fileName: 'IMG_0002.HEIC' });
    expect(info).toMatchObject({ type: 'heic', width: 462, height: 452, takenAt: '2024-02-10T07:45:00', suggestedCredit: 'Van Doc' });
    const upright = await decodeHeic(heicPhoto(), 452, 462);
    const expected = await thumbnail(sharp(upright.data, { raw: { width: 452, height: 462, channels: 4 } }).rotate(90));
    const preview = await readFile(store.previewPath(info.id));
    expect((await sharp(preview).metadata()).width).toBe(462);
    expect(meanDifference(await thumbnail(preview), expected)).toBeLessThan(8);
    // The wrong way round (anticlockwise) would be far off: the check can tell the two apart.
    const wrongWay = await thumbnail(sharp(upright.data, { raw: { width: 452, height: 462, channels: 4 } }).rotate(-90));
    expect(meanDifference(await thumbnail(preview), wrongWay)).toBeGreaterThan(20);
  });

  it('exports a JPEG copy of the upright picture with no EXIF, GPS, XMP or ICC at all', async () => {
    const { store } = await openStore();
    const bytes = heicPhoto({ quarterTurns: 3, exif: await iphoneExif() });
    const info = await store.importImage({ bytes, fileName: 'IMG_0003.HEIC' });
    const web = await store.renderWebImage(info.id, { maxSide: 300 });
    expect([web.mimeType, web.extension, web.width, web.height]).toEqual(['image/jpeg', 'jpg', 300, 294]);
    const metadata = await sharp(web.bytes).metadata();
    expect([metadata.format, metadata.width, metadata.height, metadata.channels]).toEqual(['jpeg', 300, 294, 3]);
    expect([metadata.exif, metadata.xmp, metadata.icc, metadata.iptc]).toEqual([undefined, undefined, undefined, undefined]);
    expect(jpegSegments(web.bytes).filter((segment) => segment.startsWith('APP') && segment !== 'APP0')).toEqual([]);
    for (const secret of ['GPS', 'Van Doc', 'Exif']) expect(web.bytes.includes(Buffer.from(secret, 'latin1')), secret).toBe(false);
  });

  it('decodes an iPhone-style grid of tiles into one picture', async () => {
    const { store } = await openStore();
    const info = await store.importImage({ bytes: heicPhoto({ columns: 3, rows: 2 }), fileName: 'IMG_0004.HEIC' });
    expect([info.width, info.height]).toEqual([3 * 452, 2 * 462]);
    const preview = await sharp(await readFile(store.previewPath(info.id))).metadata();
    expect([preview.width, preview.height]).toEqual([1356, 924]);
  });

  it('refuses a truncated HEIC with the Vietnamese message and leaves the library as it was', async () => {
    const { directory, store } = await openStore();
    await store.importImage({ bytes: rainbowHeic, fileName: 'IMG_0001.HEIC' });
    const before = await fileNames(directory);
    // The header (ftyp and meta) is whole; the coded picture in mdat is cut in half.
    const truncated = rainbowHeic.subarray(0, rainbowHeic.length - 3000);
    const refusal = store.importImage({ bytes: truncated, fileName: 'IMG_0005.HEIC' });
    await expect(refusal).rejects.toMatchObject({ code: 'invalid-image', message: 'Tệp ảnh bị hỏng hoặc không đầy đủ: IMG_0005.HEIC' });
    expect(await fileNames(directory)).toEqual(before);
  });

  it('refuses a HEIC over the pixel limit from its header, before any decoding starts', async () => {
    const { directory, store } = await openStore();
    vi.mocked(decodeHeic).mockClear();
    const bomb = heicPhoto({ columns: 2, rows: 2, outputWidth: 20_000, outputHeight: 15_000 });
    expect(bomb.length).toBeLessThan(10_000);
    const refusal = store.importImage({ bytes: bomb, fileName: 'IMG_0006.HEIC' });
    const limit = mediaLimits.maximumPixels / 1_000_000;
    await expect(refusal).rejects.toMatchObject({
      code: 'invalid-image',
      message: `Ảnh quá lớn: 300 megapixel (tối đa ${limit}): IMG_0006.HEIC`,
    });
    expect(vi.mocked(decodeHeic)).not.toHaveBeenCalled();
    expect(await fileNames(directory)).toEqual([]);
  });

  it('refuses a file named .heic that is really a JPEG, and an AVIF passed off as HEIF (libheif-js decodes no AV1)', async () => {
    const { directory, store } = await openStore();
    const jpeg = await cameraJpeg({ width: 16, height: 16 });
    await expect(store.importImage({ bytes: jpeg, fileName: 'IMG_0007.HEIC' })).rejects.toThrow(
      'Tệp tên .heic nhưng thực chất là JPEG: IMG_0007.HEIC',
    );
    const avif = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#4a7a9c' } })
      .heif({ compression: 'av1' })
      .toBuffer();
    // With the generic mif1 brand the header reads as HEVC; the decode is what fails.
    avif.write('mif1', 8, 'latin1');
    await expect(store.importImage({ bytes: avif, fileName: 'anh.heif' })).rejects.toMatchObject({
      code: 'invalid-image',
      message: 'Tệp ảnh bị hỏng hoặc không đầy đủ: anh.heif',
    });
    expect(await fileNames(directory)).toEqual([]);
  });
});

describe('exporting an article with a HEIC photo', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('writes a clean page and a JPEG copy of the photo without its GPS', async () => {
    const root = await temporaryDirectory();
    const media = await MediaStore.open({ directory: join(root, 'media') });
    const photo = await media.importImage({ bytes: heicPhoto({ quarterTurns: 3, exif: await iphoneExif() }), fileName: 'IMG_0008.HEIC' });
    const parent = join(root, 'exports');
    await mkdir(parent);
    const article: Article = {
      ...seedArticle(),
      body: { type: 'doc', content: [figure(photo.id, [text('Hồ Gươm sáng sớm')], { credit: 'Văn Đốc' }), paragraph([text('Đoạn một.')])] },
    };
    const settings = { exportImageMaxSide: 1600, exportJpegQuality: 82 };
    const folder = await writeExportFolder(article, parent, { media, settings });
    if (folder === null) throw new Error('the export was cancelled');
    const html = await readFile(join(folder, 'index.html'), 'utf8');
    expect(await exportValidationMessages(html)).toEqual([]);
    const images = await readdir(join(folder, 'images'));
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/\.jpg$/);
    expect(html).toContain(`src="images/${images[0]}"`);
    const copy = await readFile(join(folder, 'images', images[0]!));
    const metadata = await sharp(copy).metadata();
    expect([metadata.format, metadata.width, metadata.height, metadata.exif]).toEqual(['jpeg', 462, 452, undefined]);
    for (const secret of ['GPS', 'Van Doc']) expect(copy.includes(Buffer.from(secret, 'latin1')), secret).toBe(false);
  });
});
