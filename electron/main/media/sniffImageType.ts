import type { ImageType } from '../../../shared/mediaModel';

/** File-name extensions each accepted type may carry (lower case, no dot). */
export const imageExtensions: Readonly<Record<ImageType, readonly string[]>> = {
  jpeg: ['jpg', 'jpeg', 'jpe', 'jfif'],
  png: ['png'],
  webp: ['webp'],
  gif: ['gif'],
  heic: ['heic', 'heif', 'hif'],
};

/** The extension a stored original gets (`<id>.<extension>`). */
export const storedExtensions: Readonly<Record<ImageType, 'jpg' | 'png' | 'webp' | 'gif' | 'heic'>> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  heic: 'heic',
};

/** How each type is named in a message to the user. */
export const imageTypeLabels: Readonly<Record<ImageType, string>> = {
  jpeg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  gif: 'GIF',
  heic: 'HEIC',
};

// HEIF's major brands (an iPhone writes heic); an AVIF file says avif and is refused by name below.
const heifBrands = /^(heic|heix|heim|heis|hevc|hevx|mif1|msf1)$/;

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((character) => character.charCodeAt(0));
}

/**
 * The image type the bytes really are, from their magic numbers (never from the file name),
 * or null when they are none of the accepted types.
 */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  // An ISO-BMFF file whose major brand is HEIF's; whether its images are HEVC is read from the header next.
  if (startsWith(bytes, ascii('ftyp'), 4) && heifBrands.test(String.fromCharCode(...bytes.subarray(8, 12)))) return 'heic';
  return null;
}

/** Markup that is sometimes passed off as a picture (SVG can carry scripts and is refused). */
export type TextMarkup = 'svg' | 'html' | 'xml';

const markupProbeBytes = 4096;

/** Recognises SVG, HTML or other XML text at the start of a file, or returns null. */
export function sniffTextMarkup(bytes: Uint8Array): TextMarkup | null {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, markupProbeBytes));
  // A byte-order mark, then blank lines, often precede the first tag.
  const start = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (!start.startsWith('<')) return null;
  if (/<svg[\s>]/.test(start)) return 'svg';
  if (start.startsWith('<!doctype html') || /<html[\s>]/.test(start)) return 'html';
  return 'xml';
}

/** Names a few common formats we refuse (AVIF, TIFF from scanners…) so the message can say which. */
export function sniffRefusedFormat(bytes: Uint8Array): string | null {
  if (startsWith(bytes, ascii('ftyp'), 4)) return String.fromCharCode(...bytes.subarray(8, 12)).startsWith('avi') ? 'AVIF' : null;
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'TIFF';
  if (startsWith(bytes, ascii('BM'))) return 'BMP';
  if (startsWith(bytes, ascii('%PDF'))) return 'PDF';
  return null;
}

/** The lower-case extension of a file name without the dot ("" when there is none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/**
 * The image type a file name claims by its extension, or null when the extension is missing or not an
 * image extension we know (pasted images arrive as "image.png" or as blob names without one).
 */
export function imageTypeClaimedBy(fileName: string): ImageType | null {
  const extension = extensionOf(fileName);
  for (const [type, extensions] of Object.entries(imageExtensions) as [ImageType, readonly string[]][]) {
    if (extensions.includes(extension)) return type;
  }
  return null;
}
