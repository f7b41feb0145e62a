import sharp, { type Sharp } from 'sharp';
import { corruptImageError, type AcceptableImage } from './assertAcceptableImage';
import { decodeOptions, keepsAnimation } from './decodeOptions';
import { sharpOfHeic } from './sharpOfHeic';

/** Longest side of the display copy the editor shows. */
export const previewMaximumSide = 1600;
const previewQuality = 80;
// A local display copy: effort 1 encodes 12 MP photos about 3x faster than the default 4 at the same size.
const previewEffort = 1;

/**
 * The display copy of a photo that passed the header checks: EXIF orientation applied, longest side at
 * most 1600 px, WebP (alpha kept), no metadata. This is the full decode, so a truncated or corrupt file
 * fails here with `invalid-image`. A HEIC photo is decoded in a worker thread (see decodeHeic).
 */
export async function renderPreview(bytes: Uint8Array, image: AcceptableImage, fileName: string): Promise<Buffer> {
  const frameHeight = image.metadata.pageHeight ?? image.metadata.height;
  const animated = keepsAnimation(image.metadata.width, frameHeight, image.frames);
  try {
    let pipeline: Sharp;
    if (image.type === 'heic')
      pipeline = await sharpOfHeic(bytes, { width: image.width, height: image.height, hasAlpha: image.metadata.hasAlpha });
    else {
      pipeline = sharp(bytes, decodeOptions(animated));
      // Multi-frame images carry no EXIF orientation, and sharp can only turn them by 180°.
      if (!animated) pipeline = pipeline.autoOrient();
    }
    return await pipeline
      .resize({ width: previewMaximumSide, height: previewMaximumSide, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: previewQuality, effort: previewEffort })
      .toBuffer();
  } catch (error) {
    throw corruptImageError(fileName, error);
  }
}
