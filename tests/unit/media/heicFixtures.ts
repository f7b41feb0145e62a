import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** libheif's own test photo (LGPL-3.0, see tests/fixtures/photos/README.md): 451×461, one HEVC image, XMP, no EXIF. */
// A path, not a URL object: under jsdom `URL` is the window's, which fileURLToPath does not take.
export const rainbowHeic = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/photos/rainbow-451x461.heic'));

interface Box {
  type: string;
  start: number;
  /** Where the payload starts (after the header, and after version and flags for a full box). */
  body: number;
  end: number;
}

const fullBoxes = new Set(['meta', 'iloc', 'ipma', 'ispe', 'pitm', 'iinf', 'infe', 'iref', 'hdlr']);

function boxesIn(bytes: Buffer, start: number, end: number): Box[] {
  const boxes: Box[] = [];
  for (let offset = start; offset < end;) {
    const size = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    boxes.push({ type, start: offset, body: offset + 8 + (fullBoxes.has(type) ? 4 : 0), end: offset + size });
    offset += size;
  }
  return boxes;
}

function child(bytes: Buffer, parent: Box, type: string): Box {
  const found = boxesIn(bytes, parent.body, parent.end).find((box) => box.type === type);
  if (found === undefined) throw new Error(`no ${type} box`);
  return found;
}

/** The coded HEVC image of the rainbow photo: its decoder configuration box and its bytes in mdat. */
function rainbowTile(): { hvcC: Buffer; data: Buffer; width: number; height: number } {
  const meta = boxesIn(rainbowHeic, 0, rainbowHeic.length).find((box) => box.type === 'meta')!;
  const ipco = child(rainbowHeic, child(rainbowHeic, meta, 'iprp'), 'ipco');
  const hvcC = child(rainbowHeic, ipco, 'hvcC');
  const ispe = child(rainbowHeic, ipco, 'ispe');
  // iloc version 0, offset/length/base-offset sizes 4: the first item (the image) has one extent.
  const iloc = child(rainbowHeic, meta, 'iloc');
  const firstItem = iloc.body + 4;
  const baseOffset = rainbowHeic.readUInt32BE(firstItem + 4);
  const extentOffset = rainbowHeic.readUInt32BE(firstItem + 10);
  const extentLength = rainbowHeic.readUInt32BE(firstItem + 14);
  return {
    hvcC: rainbowHeic.subarray(hvcC.start, hvcC.end),
    data: rainbowHeic.subarray(baseOffset + extentOffset, baseOffset + extentOffset + extentLength),
    width: rainbowHeic.readUInt32BE(ispe.body),
    height: rainbowHeic.readUInt32BE(ispe.body + 4),
  };
}

function u8(value: number): Buffer {
  return Buffer.from([value]);
}
function u16(value: number): Buffer {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16BE(value);
  return bytes;
}
function u32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
}
function box(type: string, ...parts: Buffer[]): Buffer {
  const payload = Buffer.concat(parts);
  return Buffer.concat([u32(8 + payload.length), Buffer.from(type, 'latin1'), payload]);
}
function fullBox(type: string, version: number, flags: number, ...parts: Buffer[]): Buffer {
  return box(type, u32(version * 2 ** 24 + flags), ...parts);
}

export interface HeicPhotoOptions {
  /** The rainbow tile repeated in a grid of columns × rows (an iPhone photo is a grid of 512×512 tiles). Default 1 × 1. */
  columns?: number;
  rows?: number;
  /** The grid's declared size; default the tiles' whole area. */
  outputWidth?: number;
  outputHeight?: number;
  /** irot: turns the image anticlockwise by this many quarter turns, as an iPhone held upright records it. */
  quarterTurns?: number;
  /** An EXIF block ("Exif\0\0" then TIFF, as sharp's metadata gives it), stored as the photo's Exif item. */
  exif?: Buffer;
}

/**
 * A HEIC file built box by box around the rainbow photo's coded image: a single image or a grid of it (every
 * tile points at the same bytes, so a 12 MP grid stays a few kilobytes), with an optional irot and EXIF item.
 */
export function heicPhoto(options: HeicPhotoOptions = {}): Buffer {
  const tile = rainbowTile();
  const { columns = 1, rows = 1, quarterTurns = 0, exif } = options;
  const grid = columns * rows > 1 || options.outputWidth !== undefined;
  const outputWidth = options.outputWidth ?? tile.width * columns;
  const outputHeight = options.outputHeight ?? tile.height * rows;
  const tileIds = grid ? Array.from({ length: columns * rows }, (_, index) => index + 2) : [1];
  const exifId = tileIds.at(-1)! + 1;
  const gridData = Buffer.concat([u8(0), u8(0), u8(rows - 1), u8(columns - 1), u16(outputWidth), u16(outputHeight)]);
  const exifData = exif === undefined ? null : Buffer.concat([u32(6), exif]);

  // Property indexes (1-based): 1 hvcC, 2 the tile's ispe, 3 the grid's ispe, 4 irot.
  const ipco = box(
    'ipco',
    tile.hvcC,
    fullBox('ispe', 0, 0, u32(tile.width), u32(tile.height)),
    fullBox('ispe', 0, 0, u32(outputWidth), u32(outputHeight)),
    box('irot', u8(quarterTurns & 3)),
  );
  const associations: [number, number[]][] = grid
    ? [[1, [3, ...(quarterTurns === 0 ? [] : [0x80 | 4])]], ...tileIds.map((id): [number, number[]] => [id, [0x80 | 1, 2]])]
    : [[1, [0x80 | 1, 2, ...(quarterTurns === 0 ? [] : [0x80 | 4])]]];
  const ipma = fullBox(
    'ipma',
    0,
    0,
    u32(associations.length),
    ...associations.map(([id, list]) => Buffer.concat([u16(id), u8(list.length), Buffer.from(list)])),
  );

  const items: { id: number; type: string; hidden: boolean }[] = [
    ...(grid ? [{ id: 1, type: 'grid', hidden: false }] : []),
    ...tileIds.map((id) => ({ id, type: 'hvc1', hidden: grid })),
    ...(exifData === null ? [] : [{ id: exifId, type: 'Exif', hidden: true }]),
  ];
  const iinf = fullBox(
    'iinf',
    0,
    0,
    u16(items.length),
    ...items.map((item) => fullBox('infe', 2, item.hidden ? 1 : 0, u16(item.id), u16(0), Buffer.from(item.type, 'latin1'), u8(0))),
  );
  const references = [
    ...(grid ? [box('dimg', u16(1), u16(tileIds.length), ...tileIds.map(u16))] : []),
    ...(exifData === null ? [] : [box('cdsc', u16(exifId), u16(1), u16(1))]),
  ];
  const iref = references.length === 0 ? Buffer.alloc(0) : fullBox('iref', 0, 0, ...references);

  // The mdat holds the tile's bytes once, then the grid description and the EXIF block.
  const extents = (mdatStart: number) => {
    const tileAt = mdatStart + 8;
    const gridAt = tileAt + tile.data.length;
    const exifAt = gridAt + (grid ? gridData.length : 0);
    return [
      ...(grid ? [[1, gridAt, gridData.length]] : []),
      ...tileIds.map((id) => [id, tileAt, tile.data.length]),
      ...(exifData === null ? [] : [[exifId, exifAt, exifData.length]]),
    ];
  };
  const meta = (mdatStart: number) => {
    const iloc = fullBox(
      'iloc',
      0,
      0,
      u8(0x44),
      u8(0x00),
      u16(items.length),
      ...extents(mdatStart).map(([id, offset, length]) => Buffer.concat([u16(id!), u16(0), u16(1), u32(offset!), u32(length!)])),
    );
    const hdlr = fullBox('hdlr', 0, 0, u32(0), Buffer.from('pict', 'latin1'), Buffer.alloc(12), u8(0));
    return fullBox('meta', 0, 0, hdlr, fullBox('pitm', 0, 0, u16(1)), iloc, iinf, iref, box('iprp', ipco, ipma));
  };
  const ftyp = box('ftyp', Buffer.from('heic', 'latin1'), u32(0), Buffer.from('mif1heic', 'latin1'));
  const mdatStart = ftyp.length + meta(0).length;
  const mdat = box('mdat', tile.data, ...(grid ? [gridData] : []), ...(exifData === null ? [] : [exifData]));
  return Buffer.concat([ftyp, meta(mdatStart), mdat]);
}
