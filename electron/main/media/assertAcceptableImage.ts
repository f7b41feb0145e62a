import sharp, { type Metadata } from 'sharp';
import { AppError } from '../../../shared/errorCodes';
import { mediaLimits, type ImageType } from '../../../shared/mediaModel';
import { extensionOf, imageTypeClaimedBy, imageTypeLabels, sniffImageType, sniffRefusedFormat, sniffTextMarkup } from './sniffImageType';

/** What the header checks learned about an image that passed them (nothing has been decoded yet). */
export interface AcceptableImage {
  type: ImageType;
  /** Sharp's header metadata (EXIF/XMP buffers, orientation, frames). */
  metadata: Metadata;
  /** Size of one frame as the reader sees it (EXIF orientation applied). */
  width: number;
  height: number;
  /** Number of frames (1 except for animated GIF/WebP). */
  frames: number;
}

const numberFormat = new Intl.NumberFormat('vi-VN');

/** The name sharp's metadata gives each type's format. */
const sharpFormats: Readonly<Record<ImageType, string>> = { jpeg: 'jpeg', png: 'png', webp: 'webp', gif: 'gif', heic: 'heif' };

/** The message suffix naming the file, so a refusal among ten dropped files says which one. */
function naming(fileName: string): string {
  return fileName.trim() === '' ? '' : `: ${fileName}`;
}

function refuse(message: string, fileName: string, cause?: unknown): AppError {
  return new AppError('invalid-image', `${message}${naming(fileName)}`, cause === undefined ? undefined : { cause });
}

/** The error for an image that cannot be decoded (also used by the decoding steps that follow these checks). */
export function corruptImageError(fileName: string, cause?: unknown): AppError {
  return refuse('Tệp ảnh bị hỏng hoặc không đầy đủ', fileName, cause);
}

/** Refuses early, and before an unknown-size file is read, anything bigger than the byte limit. */
export function assertAcceptableByteLength(byteLength: number, fileName: string): void {
  if (byteLength === 0) throw refuse('Tệp rỗng (0 byte)', fileName);
  if (byteLength > mediaLimits.maximumBytes) {
    // Rounded up so a file just over the limit never reads as "60 MB (tối đa 60 MB)".
    const megabytes = Math.ceil(byteLength / 1024 / 1024);
    throw refuse(`Tệp quá lớn: ${numberFormat.format(megabytes)} MB (tối đa ${mediaLimits.maximumBytes / 1024 / 1024} MB)`, fileName);
  }
}

/** The type the bytes are, after refusing markup, unknown formats and extensions that lie. */
function assertAcceptableType(bytes: Uint8Array, fileName: string): ImageType {
  const markup = sniffTextMarkup(bytes);
  if (markup === 'svg') throw refuse('Không nhận ảnh SVG', fileName);
  if (markup === 'html') throw refuse('Tệp là trang HTML, không phải ảnh', fileName);
  if (markup === 'xml') throw refuse('Tệp là văn bản XML, không phải ảnh', fileName);
  const type = sniffImageType(bytes);
  if (type === null) {
    const known = sniffRefusedFormat(bytes);
    throw refuse(`Định dạng ${known === null ? '' : `${known} `}không được hỗ trợ (chỉ nhận JPEG, PNG, WebP, GIF, HEIC)`, fileName);
  }
  const claimed = imageTypeClaimedBy(fileName);
  if (claimed !== null && claimed !== type) {
    throw refuse(`Tệp tên .${extensionOf(fileName)} nhưng thực chất là ${imageTypeLabels[type]}`, fileName);
  }
  return type;
}

/**
 * Runs every check that needs no decoding, in order: empty, too many bytes, SVG/HTML/XML text, unknown
 * format, lying extension, then the pixel count read from the header (a decompression bomb is refused
 * here, before a single pixel is decoded; for HEIC, before the decoder's worker is even started).
 * Throws `invalid-image` with a Vietnamese message.
 */
export async function assertAcceptableImage(bytes: Uint8Array, fileName: string): Promise<AcceptableImage> {
  assertAcceptableByteLength(bytes.byteLength, fileName);
  const type = assertAcceptableType(bytes, fileName);
  let metadata: Metadata;
  try {
    // No pixel limit here: the header is all that is read, and our own limit gives the clearer message below.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw corruptImageError(fileName, error);
  }
  // The decoder must agree with the magic bytes; a disagreement means a damaged or forged header.
  if (metadata.format !== sharpFormats[type]) throw corruptImageError(fileName);
  // A HEIF file may hold AV1 (AVIF), JPEG or uncompressed images; only HEVC, what phones write, is decoded (decodeHeic).
  if (type === 'heic' && metadata.compression !== 'hevc')
    throw refuse('Định dạng HEIF này không được hỗ trợ (chỉ nhận ảnh HEIC mã hóa HEVC)', fileName);
  const storedWidth = metadata.width;
  // Animated GIF/WebP: the limit is per frame; the frame height is pageHeight when sharp reports one.
  const storedHeight = metadata.pageHeight ?? metadata.height;
  if (!(storedWidth > 0 && storedHeight > 0)) throw corruptImageError(fileName);
  const pixels = storedWidth * storedHeight;
  if (pixels > mediaLimits.maximumPixels) {
    const megapixels = numberFormat.format(Math.ceil(pixels / 1_000_000));
    throw refuse(`Ảnh quá lớn: ${megapixels} megapixel (tối đa ${mediaLimits.maximumPixels / 1_000_000})`, fileName);
  }
  // EXIF orientations 5–8 swap the sides; a HEIC's header already gives its size turned by irot (EXIF's tag is ignored there).
  const swapsSides = type !== 'heic' && (metadata.orientation ?? 1) >= 5;
  return {
    type,
    metadata,
    width: swapsSides ? storedHeight : storedWidth,
    height: swapsSides ? storedWidth : storedHeight,
    frames: Math.max(1, metadata.pages ?? 1),
  };
}
