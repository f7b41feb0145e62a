import { z } from 'zod';
import { mediaIdSchema } from './articleModel';

/** The image formats a photo may arrive in (HEIC: HEVC-coded HEIF, an iPhone's); anything else (SVG, AVIF, TIFF, RAW…) is refused. */
export const imageTypes = ['jpeg', 'png', 'webp', 'gif', 'heic'] as const;
export type ImageType = (typeof imageTypes)[number];

/** What the library knows about one stored photo (its sidecar file). */
export const mediaInfoSchema = z.object({
  id: mediaIdSchema,
  type: z.enum(imageTypes),
  /** Pixel size after the EXIF orientation is applied (as the reader sees it). */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  byteLength: z.number().int().positive(),
  /** When the photo was taken, from EXIF, as the camera's local time "2022-07-05T09:12:00"; null when unknown. */
  takenAt: z.string().nullable(),
  /** A photographer's name from EXIF/XMP (Artist, XPAuthor, dc:creator, Copyright) to prefill the credit. */
  suggestedCredit: z.string().nullable(),
  originalFileName: z.string(),
  importedAt: z.iso.datetime({ offset: true }),
});
export type MediaInfo = z.infer<typeof mediaInfoSchema>;

/** How far "Chèn ảnh" has got: the file being imported (the n-th of the m picked), and whether it is a HEIC to decode. */
export const photoImportProgressSchema = z
  .object({
    index: z.number().int().positive(),
    total: z.number().int().positive(),
    fileName: z.string().max(255),
    heic: z.boolean(),
  })
  .nullable();
export type PhotoImportProgress = z.infer<typeof photoImportProgressSchema>;

export { mediaLimits } from './mediaLimits';
