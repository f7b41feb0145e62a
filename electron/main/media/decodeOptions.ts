import type { SharpOptions } from 'sharp';
import { mediaLimits } from '../../../shared/mediaModel';

/**
 * Whether an animated image is decoded with all its frames: only when every frame together stays under the
 * pixel limit (a long GIF would otherwise cost gigabytes); beyond that its first frame stands for it.
 */
export function keepsAnimation(width: number, frameHeight: number, frames: number): boolean {
  return frames > 1 && width * frameHeight * frames <= mediaLimits.maximumPixels;
}

/** Sharp input options for a full decode: fail on truncated or corrupt data, never more pixels than the limit. */
export function decodeOptions(animated: boolean): SharpOptions {
  return { failOn: 'truncated', limitInputPixels: mediaLimits.maximumPixels, animated };
}
