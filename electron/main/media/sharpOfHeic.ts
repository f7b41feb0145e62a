import sharp, { type Sharp } from 'sharp';
import { mediaLimits } from '../../../shared/mediaModel';
import { decodeHeic } from './decodeHeic';

/**
 * A sharp pipeline over a HEIC photo's decoded pixels (sharp's prebuilt libvips reads HEIF headers but cannot
 * decode HEVC): upright already, so never auto-oriented; no metadata comes along. `width` and `height` are the
 * header's, checked against the limits before this is called. Throws HeicDecodeError when the file cannot be decoded.
 */
export async function sharpOfHeic(bytes: Uint8Array, header: { width: number; height: number; hasAlpha: boolean }): Promise<Sharp> {
  const decoded = await decodeHeic(bytes, header.width, header.height);
  const pipeline = sharp(decoded.data, {
    raw: { width: decoded.width, height: decoded.height, channels: 4 },
    limitInputPixels: mediaLimits.maximumPixels,
  });
  // libheif always gives RGBA; an opaque photo drops the channel so its copies are the same as any JPEG's.
  return header.hasAlpha ? pipeline : pipeline.removeAlpha();
}
