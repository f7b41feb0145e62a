import * as exifrModule from 'exifr';

// exifr's ESM build (what Vite and vitest load) exports `sidecar` by name only; its UMD build (what Node loads) only on default.
const exifr = {
  parse: exifrModule.parse ?? exifrModule.default.parse,
  sidecar: exifrModule.sidecar ?? exifrModule.default.sidecar,
};

/** What the editor prefills from a photo's metadata. */
export interface PhotoMetadata {
  /** The camera's local time, "YYYY-MM-DDTHH:MM:SS", or null. */
  takenAt: string | null;
  /** A photographer's name for the credit, or null. */
  suggestedCredit: string | null;
}

/** The raw metadata blocks of an image, as sharp's `metadata()` returns them for every format. */
export interface MetadataSegments {
  exif?: Uint8Array | undefined;
  xmp?: Uint8Array | undefined;
}

// Only the tags we use are parsed; GPS, maker notes and thumbnails are never even read.
const exifOptions = {
  ifd0: { pick: ['Artist', 'Copyright', 'XPAuthor'] },
  exif: { pick: ['DateTimeOriginal', 'CreateDate'] },
  gps: false,
  ifd1: false,
  interop: false,
  makerNote: false,
  userComment: false,
  xmp: false,
  icc: false,
  iptc: false,
  jfif: false,
  ihdr: false,
  // Raw values: dates stay strings in the camera's local time (revived Dates would pick up our time zone).
  reviveValues: false,
  translateValues: false,
  mergeOutput: false,
};

const xmpOptions = { xmp: true, tiff: false, mergeOutput: false, reviveValues: false };
// A creator name sits in the first kilobytes; a huge packet is not worth a regex-based parser's time.
const maximumXmpBytes = 2 * 1024 * 1024;

type Block = Record<string, unknown>;

function blockOf(parsed: unknown, name: string): Block {
  if (typeof parsed !== 'object' || parsed === null) return {};
  const block = (parsed as Record<string, unknown>)[name];
  return typeof block === 'object' && block !== null ? (block as Block) : {};
}

/** EXIF from sharp starts with the APP1 "Exif\0\0" marker; exifr wants the TIFF structure after it. */
function tiffOf(exif: Uint8Array): Uint8Array | null {
  const start = exif[0] === 0x45 && exif[1] === 0x78 && exif[2] === 0x69 && exif[3] === 0x66 ? 6 : 0;
  const tiff = exif.subarray(start);
  const littleEndian = tiff[0] === 0x49 && tiff[1] === 0x49 && tiff[2] === 0x2a && tiff[3] === 0x00;
  const bigEndian = tiff[0] === 0x4d && tiff[1] === 0x4d && tiff[2] === 0x00 && tiff[3] === 0x2a;
  return littleEndian || bigEndian ? tiff : null;
}

/** "2022:07:05 09:12:00" (EXIF) or "2022-07-05T09:12:00+07:00" (XMP) → "2022-07-05T09:12:00", or null. */
export function parseTakenAt(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^\s*(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (match === null) return null;
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined) return null;
  // Rejects "0000:00:00 00:00:00" (unset clocks) and impossible dates such as 31 February.
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  const two = (part: number) => String(part).padStart(2, '0');
  return `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}`;
}

// What follows "Ã", "Ä"… when UTF-8 was read as Latin-1 or Windows-1252 ("Äá»‘c"); never follows them in Vietnamese.
const mojibakeFollower =
  // Latin-1's C1 controls and symbols, then the characters Windows-1252 puts at 0x80–0x9F.
  '[\\u0080-\\u00BF' +
  '\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC' +
  '\\u2013\\u2014\\u2018-\\u201E\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122]';
const mangledPattern = new RegExp(`[\\uFFFD?\\u0000-\\u001F\\u007F-\\u009F]|[ÂÃÄÅÆ]${mojibakeFollower}|á[º»]`, 'u');

/** EXIF's ASCII fields hold Vietnamese names as "?" or mojibake; such a value is no credit. */
function looksMangled(text: string): boolean {
  return mangledPattern.test(text);
}

/** NFC, one space between words, no separators at the ends; null when nothing is left. */
function tidy(text: string): string | null {
  const tidied = text
    .normalize('NFC')
    .replace(/[\u0000-\u001F\u007F]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.;:\-–—/|]+|[\s,.;:\-–—/|]+$/g, '');
  return tidied === '' ? null : tidied.slice(0, 200);
}

/** "© 2022 Văn Đốc. All rights reserved." → "Văn Đốc". */
export function creditFromCopyright(copyright: string): string | null {
  const stripped = copyright
    .normalize('NFC')
    .replace(/©|\(c\)|\bcopyright\b|bản quyền(?:\s+thuộc về)?|all rights reserved|\ball rights\b/giu, ' ')
    .replace(/\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?\b/g, ' ')
    .replace(/^\s*[,.;:\-–]*\s*(?:by|bởi)\s+/iu, ' ');
  return tidy(stripped);
}

/** XP* tags are UTF-16LE with a trailing NUL (raw bytes when not revived). */
function decodeUtf16(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return new TextDecoder('utf-16le').decode(value).replace(/\u0000+$/, '');
  if (Array.isArray(value) && value.every((item) => typeof item === 'number')) return decodeUtf16(Uint8Array.from(value));
  return null;
}

/** XMP values come as a string, a list (rdf:Seq/Bag) or a language alternative ({ lang, value }). */
function xmpText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(xmpText).filter((part): part is string => part !== null && part.trim() !== '');
    return parts.length === 0 ? null : parts.join(', ');
  }
  if (typeof value === 'object' && value !== null && 'value' in value) return xmpText(value.value);
  return null;
}

/** Several names in one field ("A; B") become "A, B" like a composed credit line. */
function asNames(text: string | null): string | null {
  return text === null ? null : tidy(text.split(/\s*;\s*/).join(', '));
}

function firstUsable(candidates: readonly (() => string | null)[]): string | null {
  for (const candidate of candidates) {
    const text = candidate();
    if (text !== null && !looksMangled(text)) return text;
  }
  return null;
}

async function parseQuietly(parse: () => Promise<unknown>): Promise<unknown> {
  try {
    return await parse();
  } catch {
    return null;
  }
}

/**
 * Reads when a photo was taken and who took it. The credit prefers XMP dc:creator (UTF-8) and XPAuthor
 * (UTF-16) over EXIF Artist (ASCII, which mangles Vietnamese names), then a name from Copyright.
 * Never throws: damaged or missing metadata gives nulls.
 */
export async function readPhotoMetadata(segments: MetadataSegments): Promise<PhotoMetadata> {
  const tiff = segments.exif === undefined ? null : tiffOf(segments.exif);
  const xmpPacket = segments.xmp !== undefined && segments.xmp.byteLength <= maximumXmpBytes ? segments.xmp : null;
  const [exif, xmp] = await Promise.all([
    tiff === null ? null : parseQuietly(() => exifr.parse(Buffer.from(tiff.buffer, tiff.byteOffset, tiff.byteLength), exifOptions)),
    xmpPacket === null ? null : parseQuietly(() => exifr.sidecar(Buffer.from(xmpPacket), xmpOptions, 'xmp')),
  ]);
  try {
    const ifd0 = blockOf(exif, 'ifd0');
    const exifBlock = blockOf(exif, 'exif');
    const dublinCore = blockOf(xmp, 'dc');
    const xmpBasic = blockOf(xmp, 'xmp');
    const photoshop = blockOf(xmp, 'photoshop');
    const takenAt =
      parseTakenAt(exifBlock.DateTimeOriginal) ??
      parseTakenAt(exifBlock.CreateDate) ??
      parseTakenAt(photoshop.DateCreated) ??
      parseTakenAt(xmpBasic.CreateDate);
    const asString = (value: unknown) => (typeof value === 'string' ? value : null);
    // EXIF Copyright may hold "photographer\0editor": the photographer's part comes first.
    const exifCopyright = asString(ifd0.Copyright)?.split('\u0000')[0] ?? null;
    const suggestedCredit = firstUsable([
      () => asNames(xmpText(dublinCore.creator)),
      () => asNames(decodeUtf16(ifd0.XPAuthor)),
      () => asNames(asString(ifd0.Artist)),
      () => (exifCopyright === null ? null : creditFromCopyright(exifCopyright)),
      () => {
        const rights = xmpText(dublinCore.rights);
        return rights === null ? null : creditFromCopyright(rights);
      },
    ]);
    return { takenAt, suggestedCredit };
  } catch {
    return { takenAt: null, suggestedCredit: null };
  }
}
