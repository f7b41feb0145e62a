/** The chunk types of a PNG, in file order ("IHDR", "tEXt", …). */
export function pngChunkTypes(bytes: Buffer): string[] {
  const types: string[] = [];
  // 8 bytes of signature, then chunks of length, type, data and CRC.
  for (let offset = 8; offset < bytes.length; offset += 12 + bytes.readUInt32BE(offset)) {
    types.push(bytes.toString('latin1', offset + 4, offset + 8));
  }
  return types;
}

/** The offset just past a run of GIF data sub-blocks (each a length byte and that many bytes; 0 ends the run). */
function skipSubBlocks(bytes: Buffer, offset: number): number {
  let at = offset;
  while (bytes[at] !== 0) {
    if (at >= bytes.length) throw new Error('GIF data sub-blocks run past the end of the file');
    at += 1 + bytes[at]!;
  }
  return at + 1;
}

/** The size of a GIF colour table announced by a packed-fields byte (0 when there is none). */
function colourTableSize(packed: number): number {
  return (packed & 0x80) === 0 ? 0 : 3 * 2 ** ((packed & 0x07) + 1);
}

/**
 * The blocks of a GIF after its header, in file order: "image", "graphic control", "comment", "plain text",
 * or "application <identifier>" ("application NETSCAPE2.0", "application XMP DataXMP").
 */
export function gifBlocks(bytes: Buffer): string[] {
  const blocks: string[] = [];
  let offset = 13 + colourTableSize(bytes[10]!);
  while (offset < bytes.length && bytes[offset] !== 0x3b) {
    if (bytes[offset] === 0x2c) {
      // Image descriptor (10 bytes), optional local colour table, LZW code size, image data.
      offset += 10 + colourTableSize(bytes[offset + 9]!) + 1;
      offset = skipSubBlocks(bytes, offset);
      blocks.push('image');
    } else if (bytes[offset] === 0x21) {
      const label = bytes[offset + 1]!;
      offset += 2;
      const names: Record<number, string> = { 0xf9: 'graphic control', 0xfe: 'comment', 0x01: 'plain text' };
      blocks.push(
        label === 0xff
          ? `application ${bytes.toString('latin1', offset + 1, offset + 1 + bytes[offset]!)}`
          : (names[label] ?? `extension ${label}`),
      );
      offset = skipSubBlocks(bytes, offset);
    } else {
      throw new Error(`not a GIF block at byte ${offset}: ${bytes[offset]}`);
    }
  }
  return blocks;
}

/** The marker segments of a JPEG before its image data: "APP0", "APP1", "COM", "DQT", "SOF0", … up to "SOS". */
export function jpegSegments(bytes: Buffer): string[] {
  const names: Record<number, string> = { 0xfe: 'COM', 0xdb: 'DQT', 0xc4: 'DHT', 0xdd: 'DRI', 0xda: 'SOS' };
  const segments: string[] = [];
  // After SOI (FFD8), each segment is FF, a marker byte, and a big-endian length that counts itself.
  for (let offset = 2; offset + 4 <= bytes.length; offset += 2 + bytes.readUInt16BE(offset + 2)) {
    if (bytes[offset] !== 0xff) throw new Error(`not a JPEG marker at byte ${offset}`);
    const marker = bytes[offset + 1]!;
    const name =
      marker >= 0xe0 && marker <= 0xef
        ? `APP${marker - 0xe0}`
        : marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4
          ? `SOF${marker - 0xc0}`
          : (names[marker] ?? `FF${marker.toString(16)}`);
    segments.push(name);
    if (name === 'SOS') break;
  }
  return segments;
}
