import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { animatedGif, creatorXmp, gpsTags, pngChunk } from './photoFixtures';

/** Text the metadata below carries (EXIF Artist, XMP creator, text chunks, comments): none may reach an exported copy. */
export const metadataTexts = ['Van Doc', 'Văn Đốc', 'xmpmeta', 'XMP DataXMP', 'Hồ Gươm'];

const exif = { IFD0: { Artist: 'Van Doc', Copyright: '(c) Van Doc' }, IFD2: { DateTimeOriginal: '2022:07:05 09:12:00' }, IFD3: gpsTags };

function plainImage(alpha = false) {
  const background = alpha ? { r: 74, g: 122, b: 156, alpha: 0.5 } : '#4a7a9c';
  return sharp({ create: { width: 300, height: 200, channels: alpha ? 4 : 3, background } });
}

/**
 * A PNG carrying what a PNG can: eXIf (Artist, Copyright, GPS), XMP (an iTXt chunk), a Display P3 iCCP profile,
 * and tEXt, zTXt and iTXt text chunks naming the photographer and the place.
 */
export async function pngWithMetadata(): Promise<Buffer> {
  const png = await plainImage().png().withExif(exif).withXmp(creatorXmp('Văn Đốc')).withIccProfile('p3').toBuffer();
  const texts = [
    pngChunk('tEXt', Buffer.from('Author\0Van Doc', 'latin1')),
    pngChunk('zTXt', Buffer.concat([Buffer.from('Comment\0\0', 'latin1'), deflateSync(Buffer.from('Chụp ở Hồ Gươm, GPS 21.028 105.852'))])),
    pngChunk('iTXt', Buffer.concat([Buffer.from('Description\0\0\0vi\0', 'latin1'), Buffer.from('Mô tả\0Ảnh của Văn Đốc tại Hồ Gươm')])),
  ];
  // Right after IHDR (8 bytes of signature + 25 of IHDR), where tools that add text put it.
  return Buffer.concat([png.subarray(0, 33), ...texts, png.subarray(33)]);
}

/** A WebP carrying EXIF (Artist, Copyright, GPS), XMP and a Display P3 ICC profile; opaque or half transparent. */
export function webpWithMetadata(options: { alpha: boolean }): Promise<Buffer> {
  return plainImage(options.alpha).webp({ quality: 90 }).withExif(exif).withXmp(creatorXmp('Văn Đốc')).withIccProfile('p3').toBuffer();
}

/** GIF data sub-blocks: the bytes cut into runs of at most 255, each after its length, then the 0 that ends them. */
function subBlocks(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let offset = 0; offset < data.length; offset += 255) {
    const part = data.subarray(offset, offset + 255);
    parts.push(Buffer.from([part.length]), part);
  }
  return Buffer.concat([...parts, Buffer.from([0])]);
}

/** XMP as Adobe writes it into a GIF: raw UTF-8 after "XMP DataXMP", then the 258-byte trailer that lets readers skip it. */
function gifXmpExtension(xmp: string): Buffer {
  const trailer = Buffer.alloc(258);
  trailer[0] = 0x01;
  for (let index = 0; index < 256; index += 1) trailer[1 + index] = 0xff - index;
  return Buffer.concat([Buffer.from([0x21, 0xff, 0x0b]), Buffer.from('XMP DataXMP', 'latin1'), Buffer.from(xmp, 'utf8'), trailer]);
}

/** A GIF (one frame, or animatedGif's three) carrying a comment extension and an XMP application extension. */
export async function gifWithMetadata(options: { animated: boolean }): Promise<Buffer> {
  const gif = options.animated ? await animatedGif() : await plainImage().gif().toBuffer();
  const comment = Buffer.concat([Buffer.from([0x21, 0xfe]), subBlocks(Buffer.from('Ảnh: Văn Đốc, Hồ Gươm. Artist: Van Doc'))]);
  // After the header and global colour table: before the first frame, as editors write them.
  const packed = gif[10]!;
  const headerEnd = 13 + ((packed & 0x80) === 0 ? 0 : 3 * 2 ** ((packed & 0x07) + 1));
  return Buffer.concat([gif.subarray(0, headerEnd), comment, gifXmpExtension(creatorXmp('Văn Đốc')), gif.subarray(headerEnd)]);
}
