import { open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { constants, inflateSync } from 'node:zlib';

const offsetDeltaType = 6;
const referenceDeltaType = 7;
// Enough compressed bytes for any object or delta header (a dynamic Huffman table comes first); inflated, at most ~1 MiB.
const headBytes = 1024;

/** The pack indexes read, by path: a pack and its index never change once written under their hash. */
export type PackIndexCache = Map<string, Buffer>;

/** The first bytes of a file (null when it is not there). */
async function readHead(path: string, position: number): Promise<Buffer | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return null;
  }
  try {
    const buffer = Buffer.alloc(headBytes);
    const { bytesRead } = await handle.read(buffer, 0, headBytes, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** What the first compressed bytes of a zlib stream inflate to, without reading (or inflating) the rest. */
function inflateHead(compressed: Uint8Array): Buffer {
  return inflateSync(compressed, { finishFlush: constants.Z_SYNC_FLUSH });
}

/** A little-endian base-128 number (a delta's sizes), read from `bytes` at `position`. */
function readVarint(bytes: Uint8Array, position: number): { value: number; next: number } {
  let value = 0;
  for (let shift = 0; position < bytes.byteLength && shift < 50; shift += 7) {
    const byte = bytes[position++]!;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return { value, next: position };
  }
  throw new Error('bad size');
}

/** The offset of `oid` in the pack a version 2 index describes, or null. */
function offsetIn(index: Buffer, oid: Buffer): number | null {
  if (index.readUInt32BE(0) !== 0xff744f63 || index.readUInt32BE(4) !== 2) return null;
  const fanout = 8;
  const count = index.readUInt32BE(fanout + 255 * 4);
  let low = oid[0]! === 0 ? 0 : index.readUInt32BE(fanout + (oid[0]! - 1) * 4);
  let high = index.readUInt32BE(fanout + oid[0]! * 4);
  const names = fanout + 256 * 4;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const order = index.compare(oid, 0, 20, names + middle * 20, names + middle * 20 + 20);
    if (order === 0) {
      const offset = index.readUInt32BE(names + count * 24 + middle * 4);
      // A large-offset entry is a pack past 2 GiB, which a fetch (capped at 1 GiB) never brings.
      return offset & 0x80000000 ? null : offset;
    }
    if (order < 0) low = middle + 1;
    else high = middle;
  }
  return null;
}

/** The size of the object a pack entry makes: its header's, or for a delta the result size its delta data begins with. */
function sizeOfPackEntry(entry: Buffer): number {
  let position = 0;
  let byte = entry[position++]!;
  const type = (byte >> 4) & 0x07;
  let size = byte & 0x0f;
  for (let shift = 4; byte & 0x80; shift += 7) {
    byte = entry[position++]!;
    size += (byte & 0x7f) * 2 ** shift;
  }
  if (type !== offsetDeltaType && type !== referenceDeltaType) return size;
  if (type === offsetDeltaType) while (entry[position++]! & 0x80);
  else position += 20;
  const delta = inflateHead(entry.subarray(position));
  return readVarint(delta, readVarint(delta, 0).next).value;
}

/**
 * The size of a Git object read from its header alone (a loose object's first inflated bytes, or its pack entry's
 * header), so a file too large for its kind is refused without being inflated whole. Null when the object is not found.
 */
export async function readObjectSize(gitdir: string, oid: string, cache: PackIndexCache = new Map()): Promise<number | null> {
  const loose = await readHead(join(gitdir, 'objects', oid.slice(0, 2), oid.slice(2)), 0);
  if (loose !== null) {
    const header = inflateHead(loose);
    const match = /^[a-z]+ (\d+)\0/.exec(header.subarray(0, Math.min(header.byteLength, 32)).toString('latin1'));
    if (match === null) throw new Error(`bad object header: ${oid}`);
    return Number(match[1]);
  }
  const packFolder = join(gitdir, 'objects', 'pack');
  const name = Buffer.from(oid, 'hex');
  const indexes = (await readdir(packFolder).catch(() => [] as string[])).filter((file) => file.endsWith('.idx'));
  for (const file of indexes) {
    const path = join(packFolder, file);
    let index = cache.get(path);
    if (index === undefined) cache.set(path, (index = await readFile(path)));
    const offset = offsetIn(index, name);
    if (offset === null) continue;
    const entry = await readHead(path.replace(/\.idx$/, '.pack'), offset);
    if (entry !== null) return sizeOfPackEntry(entry);
  }
  return null;
}
