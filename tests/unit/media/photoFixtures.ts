import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/** A 400x300 JPEG, left half red and right half blue, so a rotation can be seen in the pixels. */
export async function twoColourJpeg(options: { orientation?: number; width?: number; height?: number } = {}): Promise<Buffer> {
  const { width = 400, height = 300 } = options;
  const blueHalf = await sharp({ create: { width: width / 2, height, channels: 3, background: '#0000ff' } })
    .png()
    .toBuffer();
  let image = sharp({ create: { width, height, channels: 3, background: '#ff0000' } })
    .composite([{ input: blueHalf, left: width / 2, top: 0 }])
    .jpeg({ quality: 90 });
  if (options.orientation !== undefined) image = image.withMetadata({ orientation: options.orientation });
  return image.toBuffer();
}

/** An XMP packet whose dc:creator lists these names (XMP is UTF-8, so Vietnamese survives). */
export function creatorXmp(...names: string[]): string {
  const items = names.map((name) => `<rdf:li>${name}</rdf:li>`).join('');
  return (
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">' +
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/">' +
    `<dc:creator><rdf:Seq>${items}</rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`
  );
}

/** Hà Nội's Opera House, written as EXIF GPS rationals (degrees, minutes, seconds). */
export const gpsTags = {
  GPSLatitudeRef: 'N',
  GPSLatitude: '21/1 1/1 27/1',
  GPSLongitudeRef: 'E',
  GPSLongitude: '105/1 51/1 28/1',
};

/**
 * A camera-like JPEG: the given size, EXIF Artist/Copyright/date/orientation, GPS (IFD3 is libvips' GPS
 * directory) and optionally an XMP creator. libvips writes EXIF text as ASCII, as many cameras do.
 */
export async function cameraJpeg(options: {
  width: number;
  height: number;
  orientation?: number;
  artist?: string;
  copyright?: string;
  takenAt?: string;
  xmpCreator?: string;
  noise?: boolean;
}): Promise<Buffer> {
  const { width, height } = options;
  const noise = options.noise === true ? { type: 'gaussian' as const, mean: 128, sigma: 30 } : undefined;
  const ifd0: Record<string, string> = {};
  if (options.artist !== undefined) ifd0.Artist = options.artist;
  if (options.copyright !== undefined) ifd0.Copyright = options.copyright;
  let image = sharp({ create: { width, height, channels: 3, background: '#4a7a9c', ...(noise === undefined ? {} : { noise }) } })
    .jpeg({ quality: 85 })
    .withExif({ IFD0: ifd0, IFD2: options.takenAt === undefined ? {} : { DateTimeOriginal: options.takenAt }, IFD3: gpsTags });
  if (options.orientation !== undefined) image = image.withMetadata({ orientation: options.orientation });
  if (options.xmpCreator !== undefined) image = image.withXmp(creatorXmp(options.xmpCreator));
  return image.toBuffer();
}

/** One PNG chunk: length, type, data, CRC-32 over type and data. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A decompression bomb: a valid PNG header (correct CRC) claiming width x height RGB pixels, followed by
 * a tiny IDAT. Decoding it would need width*height*3 bytes; only the header must ever be read.
 */
export function pngBomb(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 3-frame animated GIF, 300x200 per frame. */
export async function animatedGif(): Promise<Buffer> {
  const frames = await Promise.all(
    ['#ff0000', '#00ff00', '#0000ff'].map((background) =>
      sharp({ create: { width: 300, height: 200, channels: 3, background } })
        .png()
        .toBuffer(),
    ),
  );
  return sharp(frames, { join: { animated: true } })
    .gif({ delay: [100, 100, 100], loop: 0 })
    .toBuffer();
}

/** A PNG (or WebP) with a half-transparent background. */
export function translucentImage(format: 'png' | 'webp', width = 320, height = 240): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 4, background: { r: 20, g: 120, b: 200, alpha: 0.5 } } });
  return (format === 'png' ? image.png() : image.webp({ quality: 90 })).toBuffer();
}

export interface TiffEntry {
  tag: number;
  /** 1 = BYTE (XP* tags), 2 = ASCII. */
  type: 1 | 2;
  bytes: Uint8Array;
}

/**
 * A little-endian TIFF/EXIF block with only IFD0 entries, for text that libvips would not write
 * (raw UTF-8 or Latin-1 bytes in Artist, as some cameras and tools do).
 */
export function tiffWithEntries(entries: readonly TiffEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  const directorySize = 2 + sorted.length * 12 + 4;
  const values: Buffer[] = [];
  let valueOffset = 8 + directorySize;
  const directory = Buffer.alloc(directorySize);
  directory.writeUInt16LE(sorted.length, 0);
  sorted.forEach((entry, index) => {
    const at = 2 + index * 12;
    directory.writeUInt16LE(entry.tag, at);
    directory.writeUInt16LE(entry.type, at + 2);
    directory.writeUInt32LE(entry.bytes.length, at + 4);
    if (entry.bytes.length <= 4) {
      Buffer.from(entry.bytes).copy(directory, at + 8);
    } else {
      directory.writeUInt32LE(valueOffset, at + 8);
      values.push(Buffer.from(entry.bytes));
      valueOffset += entry.bytes.length;
    }
  });
  const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]);
  return Buffer.concat([header, directory, ...values]);
}

/** ASCII-typed (type 2) TIFF value: the bytes as given, NUL-terminated. */
export function asciiValue(bytes: Uint8Array | string): Uint8Array {
  const raw = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return Buffer.concat([raw, Buffer.from([0])]);
}

/** Every file under a folder (relative paths, hidden temp files included); [] when the folder does not exist. */
export async function listFilesUnder(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
      .sort();
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return [];
    throw error;
  }
}
