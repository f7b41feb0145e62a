import sharp, { type Sharp } from 'sharp';
import { assertNever } from '../../../shared/assertNever';
import { AppError } from '../../../shared/errorCodes';
import type { ImageType } from '../../../shared/mediaModel';
import { decodeOptions, keepsAnimation } from './decodeOptions';
import { sharpOfHeic } from './sharpOfHeic';

export interface WebImageOptions {
  /** Longest side in pixels; a smaller image is never enlarged. Default 1600. */
  maxSide?: number;
  /** JPEG quality, 1–100. Default 82. */
  quality?: number;
}

/** A web-sized copy of a photo, ready to embed or to write beside an exported page. */
export interface WebImage {
  bytes: Buffer;
  mimeType: 'image/jpeg' | 'image/png' | 'image/gif';
  extension: 'jpg' | 'png' | 'gif';
  width: number;
  height: number;
}

type WebFormat = WebImage['extension'];

/**
 * The output format: JPEG for photos (JPEG, and WebP or HEIC without transparency, which older CMS pages may not
 * show); PNG for anything with transparency and for PNG sources (graphics and screenshots, where JPEG
 * smears text); GIF stays GIF and keeps its animation when small enough to decode whole (see keepsAnimation).
 * An animated WebP is exported as its first frame: the agency's CMS takes GIF for animations.
 */
function webFormatOf(type: ImageType, hasAlpha: boolean): WebFormat {
  switch (type) {
    case 'jpeg':
      return 'jpg';
    case 'webp':
    case 'heic':
      return hasAlpha ? 'png' : 'jpg';
    case 'png':
      return 'png';
    case 'gif':
      return 'gif';
    default:
      return assertNever(type);
  }
}

const mimeTypes: Record<WebFormat, WebImage['mimeType']> = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif' };

function assertOptions(maxSide: number, quality: number): void {
  if (!Number.isInteger(maxSide) || maxSide < 16 || maxSide > 10_000) {
    throw new AppError('invalid-request', `Kích thước ảnh xuất không hợp lệ: ${maxSide} (từ 16 đến 10000 px)`);
  }
  if (!Number.isInteger(quality) || quality < 1 || quality > 100) {
    throw new AppError('invalid-request', `Chất lượng JPEG không hợp lệ: ${quality} (từ 1 đến 100)`);
  }
}

/**
 * Renders a stored original for the web: EXIF orientation applied, longest side at most `maxSide` (never
 * enlarged), converted to 8-bit sRGB, and every piece of metadata stripped (no EXIF, GPS, XMP, IPTC or ICC:
 * sharp drops them unless told to keep them). Throws `invalid-image` when the original cannot be decoded.
 */
export async function renderWebImage(original: Uint8Array, type: ImageType, options: WebImageOptions = {}): Promise<WebImage> {
  const { maxSide = 1600, quality = 82 } = options;
  assertOptions(maxSide, quality);
  try {
    const header = await sharp(original, { limitInputPixels: false }).metadata();
    const frameHeight = header.pageHeight ?? header.height;
    const animated = type === 'gif' && keepsAnimation(header.width, frameHeight, Math.max(1, header.pages ?? 1));
    const format = webFormatOf(type, header.hasAlpha);
    let pipeline: Sharp;
    // HEIC: decoded from the pixels libheif gives (upright, no metadata), since sharp cannot decode HEVC.
    if (type === 'heic') pipeline = await sharpOfHeic(original, header);
    else {
      pipeline = sharp(original, decodeOptions(animated));
      if (!animated) pipeline = pipeline.autoOrient();
    }
    pipeline = pipeline
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      // 8-bit sRGB: 16-bit PNGs and CMYK or wide-gamut JPEGs become what every browser shows the same way.
      .toColourspace('srgb');
    if (format === 'jpg') pipeline = pipeline.jpeg({ quality, mozjpeg: false });
    else if (format === 'png') pipeline = pipeline.png();
    else pipeline = pipeline.gif();
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { bytes: data, mimeType: mimeTypes[format], extension: format, width: info.width, height: info.pageHeight ?? info.height };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('invalid-image', 'Tệp ảnh gốc bị hỏng, không tạo được bản cho web', { cause: error });
  }
}
