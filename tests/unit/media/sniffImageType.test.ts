import { describe, expect, it } from 'vitest';
import { imageTypeClaimedBy, sniffImageType, sniffRefusedFormat, sniffTextMarkup } from '../../../electron/main/media/sniffImageType';

const bytes = (...values: (number | string)[]) =>
  Uint8Array.from(
    values.flatMap((value) => (typeof value === 'string' ? [...value].map((character) => character.charCodeAt(0)) : [value])),
  );

describe('sniffImageType', () => {
  it('recognises JPEG, PNG, WebP and GIF by their magic bytes', () => {
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('jpeg');
    expect(sniffImageType(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13))).toBe('png');
    expect(sniffImageType(bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 '))).toBe('webp');
    expect(sniffImageType(bytes('GIF89a', 1, 0))).toBe('gif');
    expect(sniffImageType(bytes('GIF87a', 1, 0))).toBe('gif');
  });

  it('recognises HEIC/HEIF by the major brand of its ftyp box, and leaves AVIF and other ISO files alone', () => {
    for (const brand of ['heic', 'heix', 'mif1', 'msf1', 'hevc'])
      expect(sniffImageType(bytes(0, 0, 0, 0x18, 'ftyp', brand, 0, 0, 0, 0))).toBe('heic');
    expect(sniffImageType(bytes(0, 0, 0, 0x1c, 'ftypavif', 0, 0, 0, 0))).toBeNull();
    expect(sniffImageType(bytes(0, 0, 0, 0x18, 'ftypisom', 0, 0, 0, 0))).toBeNull();
  });

  it('returns null for other formats, text, NUL bytes and files too short to tell', () => {
    expect(sniffImageType(bytes('RIFF', 0x24, 0, 0, 0, 'WAVEfmt '))).toBeNull();
    expect(sniffImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(new Uint8Array(64))).toBeNull();
    expect(sniffImageType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffImageType(new Uint8Array(0))).toBeNull();
  });
});

describe('sniffTextMarkup', () => {
  it('recognises SVG even behind a byte-order mark, blank lines, an XML prolog and a doctype', () => {
    const svg = '\uFEFF\n\n<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg width="10"></svg>';
    expect(sniffTextMarkup(new TextEncoder().encode(svg))).toBe('svg');
    expect(sniffTextMarkup(new TextEncoder().encode('<SVG>'))).toBe('svg');
  });

  it('tells HTML and other XML apart from SVG, and ignores binary data', () => {
    expect(sniffTextMarkup(new TextEncoder().encode('<!DOCTYPE html><html><body>'))).toBe('html');
    expect(sniffTextMarkup(new TextEncoder().encode('<?xml version="1.0"?><rss></rss>'))).toBe('xml');
    expect(sniffTextMarkup(bytes(0xff, 0xd8, 0xff, '<svg>'))).toBeNull();
    expect(sniffTextMarkup(new TextEncoder().encode('just text'))).toBeNull();
  });
});

describe('imageTypeClaimedBy', () => {
  it('maps every accepted extension, in any case, to its type', () => {
    expect(['a.jpg', 'b.JPEG', 'c.jfif', 'd.Jpe'].map(imageTypeClaimedBy)).toEqual(['jpeg', 'jpeg', 'jpeg', 'jpeg']);
    expect(['a.png', 'b.webp', 'c.GIF'].map(imageTypeClaimedBy)).toEqual(['png', 'webp', 'gif']);
    expect(['IMG_0001.HEIC', 'b.heif', 'c.hif'].map(imageTypeClaimedBy)).toEqual(['heic', 'heic', 'heic']);
  });

  it('claims nothing for a missing, unknown or folder-only extension (pasted and blob names)', () => {
    expect(['image', 'blob:abc', 'photo.avif', 'ảnh.', '.png', 'folder.png/file', 'C:\\ảnh.jpg\\x'].map(imageTypeClaimedBy)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('sniffRefusedFormat', () => {
  it('names AVIF, TIFF and PDF so the refusal can say which format it was (HEIC is accepted now)', () => {
    expect(sniffRefusedFormat(bytes(0, 0, 0, 0x18, 'ftypheic', 0, 0, 0, 0))).toBeNull();
    expect(sniffRefusedFormat(bytes(0, 0, 0, 0x1c, 'ftypavif', 0, 0, 0, 0))).toBe('AVIF');
    expect(sniffRefusedFormat(bytes('II', 0x2a, 0, 8, 0, 0, 0))).toBe('TIFF');
    expect(sniffRefusedFormat(bytes('%PDF-1.7'))).toBe('PDF');
    expect(sniffRefusedFormat(new Uint8Array(16))).toBeNull();
  });
});
