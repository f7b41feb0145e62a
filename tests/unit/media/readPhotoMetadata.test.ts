import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { creditFromCopyright, parseTakenAt, readPhotoMetadata } from '../../../electron/main/media/readPhotoMetadata';
import { asciiValue, cameraJpeg, creatorXmp, tiffWithEntries } from './photoFixtures';

const artistTag = 0x013b;
const xpAuthorTag = 0x9c9d;

/** The EXIF and XMP blocks sharp hands the store, for any format. */
async function segmentsOf(image: Buffer) {
  const metadata = await sharp(image).metadata();
  return { exif: metadata.exif, xmp: metadata.xmp };
}

function utf16le(text: string): Uint8Array {
  return Buffer.from(`${text}\u0000`, 'utf16le');
}

describe('readPhotoMetadata', () => {
  it('reads the date taken from EXIF DateTimeOriginal as the camera local time', async () => {
    const image = await cameraJpeg({ width: 64, height: 48, takenAt: '2022:07:05 09:12:30' });
    expect((await readPhotoMetadata(await segmentsOf(image))).takenAt).toBe('2022-07-05T09:12:30');
  });

  it('prefills the credit from EXIF Artist when it is all there is', async () => {
    const image = await cameraJpeg({ width: 64, height: 48, artist: 'Van Doc' });
    expect((await readPhotoMetadata(await segmentsOf(image))).suggestedCredit).toBe('Van Doc');
  });

  it('prefers the XMP creator (UTF-8) over an Artist whose Vietnamese was lost to ASCII', async () => {
    // libvips writes Artist as ASCII: "Văn Đốc" becomes "Van ?oc", as with many cameras.
    const image = await cameraJpeg({ width: 64, height: 48, artist: 'Văn Đốc', xmpCreator: 'Văn Đốc' });
    const segments = await segmentsOf(image);
    expect((await readPhotoMetadata({ exif: segments.exif })).suggestedCredit).toBeNull();
    expect((await readPhotoMetadata(segments)).suggestedCredit).toBe('Văn Đốc');
  });

  it('joins several XMP creators like a credit line', async () => {
    const xmp = Buffer.from(creatorXmp('Văn Đốc', 'Minh Anh'));
    expect((await readPhotoMetadata({ xmp })).suggestedCredit).toBe('Văn Đốc, Minh Anh');
  });

  it('prefers XPAuthor (UTF-16) over Artist, and normalizes it to NFC', async () => {
    const decomposed = 'Nguyễn Thị Hoà'.normalize('NFD');
    const exif = tiffWithEntries([
      { tag: artistTag, type: 2, bytes: asciiValue('Nguyen Thi Hoa') },
      { tag: xpAuthorTag, type: 1, bytes: utf16le(decomposed) },
    ]);
    const credit = (await readPhotoMetadata({ exif })).suggestedCredit;
    expect(credit).toBe('Nguyễn Thị Hoà'.normalize('NFC'));
    expect(credit).not.toBe(decomposed);
  });

  it('accepts an Artist written as UTF-8 but rejects one in Latin-1 or double-encoded (mojibake)', async () => {
    const utf8 = tiffWithEntries([{ tag: artistTag, type: 2, bytes: asciiValue(Buffer.from('Văn Đốc', 'utf8')) }]);
    const latin1 = tiffWithEntries([{ tag: artistTag, type: 2, bytes: asciiValue(Buffer.from('Lê Hà', 'latin1')) }]);
    const mojibake = tiffWithEntries([{ tag: artistTag, type: 2, bytes: asciiValue(Buffer.from('VÄƒn Äá»‘c', 'utf8')) }]);
    expect((await readPhotoMetadata({ exif: utf8 })).suggestedCredit).toBe('Văn Đốc');
    expect((await readPhotoMetadata({ exif: latin1 })).suggestedCredit).toBeNull();
    expect((await readPhotoMetadata({ exif: mojibake })).suggestedCredit).toBeNull();
  });

  it('falls back to the name in Copyright, without the ©, the word Copyright or the years', async () => {
    const image = await cameraJpeg({ width: 64, height: 48, copyright: 'Copyright (c) 2019-2022 Minh Anh. All rights reserved.' });
    expect((await readPhotoMetadata(await segmentsOf(image))).suggestedCredit).toBe('Minh Anh');
  });

  it('reads metadata from PNG and WebP too (sharp hands over the same blocks)', async () => {
    const source = await cameraJpeg({ width: 64, height: 48, takenAt: '2021:12:31 23:59:59', xmpCreator: 'Văn Đốc' });
    for (const converted of [
      await sharp(source).png().keepExif().keepXmp().toBuffer(),
      await sharp(source).webp().keepExif().keepXmp().toBuffer(),
    ]) {
      expect(await readPhotoMetadata(await segmentsOf(converted))).toEqual({ takenAt: '2021-12-31T23:59:59', suggestedCredit: 'Văn Đốc' });
    }
  });

  it('returns nulls for a photo without metadata', async () => {
    const image = await sharp({ create: { width: 8, height: 8, channels: 3, background: 'white' } })
      .jpeg()
      .toBuffer();
    expect(await readPhotoMetadata(await segmentsOf(image))).toEqual({ takenAt: null, suggestedCredit: null });
  });

  it('never throws on damaged EXIF or XMP: it returns nulls', async () => {
    const truncatedTiff = tiffWithEntries([{ tag: artistTag, type: 2, bytes: asciiValue('Minh Anh') }]).subarray(0, 14);
    const pointsOutside = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0xff, 0xff, 0xff, 0x7f]);
    const inputs = [
      { exif: truncatedTiff },
      { exif: pointsOutside },
      { exif: Buffer.from('Exif\u0000\u0000garbage') },
      { exif: new Uint8Array(0) },
      { xmp: Buffer.from('<x:xmpmeta><rdf:RDF><dc:creator><rdf:Seq><rdf:li>') },
      { xmp: Buffer.from([0xff, 0xfe, 0x00, 0x01]) },
    ];
    for (const input of inputs) await expect(readPhotoMetadata(input)).resolves.toEqual({ takenAt: null, suggestedCredit: null });
  });
});

describe('parseTakenAt', () => {
  it('accepts EXIF and XMP forms and drops the time zone (the camera local time is shown as is)', () => {
    expect(parseTakenAt('2022:07:05 09:12:00')).toBe('2022-07-05T09:12:00');
    expect(parseTakenAt('2021-01-02T03:04:05+07:00')).toBe('2021-01-02T03:04:05');
    expect(parseTakenAt('2021-01-02T03:04')).toBe('2021-01-02T03:04:00');
  });

  it('rejects unset clocks, impossible dates and non-strings', () => {
    expect(
      ['0000:00:00 00:00:00', '2023:02:30 10:00:00', '2023:01:01 25:00:00', '2023-01-01', '', 'hôm qua', 1_656_999_999].map(parseTakenAt),
    ).toEqual([null, null, null, null, null, null, null]);
  });
});

describe('creditFromCopyright', () => {
  it('strips copyright marks, years and boilerplate, and keeps Vietnamese names whole', () => {
    expect(creditFromCopyright('© 2022 Văn Đốc')).toBe('Văn Đốc');
    expect(creditFromCopyright('(C) Minh Anh 2020–2022')).toBe('Minh Anh');
    expect(creditFromCopyright('Bản quyền thuộc về TTXVN 2022')).toBe('TTXVN');
    expect(creditFromCopyright('B\u1ea3n quy\u1ec1n 2022 Lê Hà'.normalize('NFD'))).toBe('Lê Hà');
    expect(creditFromCopyright('Copyright by Lê Hà, 2021')).toBe('Lê Hà');
    expect(creditFromCopyright('© 2022')).toBeNull();
  });
});
