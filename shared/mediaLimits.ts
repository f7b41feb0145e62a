/** Size limits checked before a photo is decoded (zod-free, so the renderer can check a dropped file first). */
export const mediaLimits = {
  /** Bigger files are refused unread (a camera JPEG is 5–25 MB). */
  maximumBytes: 60 * 1024 * 1024,
  /** Decompression-bomb guard, read from the header before decoding. */
  maximumPixels: 40_000_000,
} as const;
