import { inflateSync } from 'node:zlib';

// Pack entry types: 1–4 commit, tree, blob, tag; 0 and 5 unused; 6 and 7 deltas against another object.
const offsetDeltaType = 6;
const referenceDeltaType = 7;
const objectIdBytes = 20;

const numberFormat = new Intl.NumberFormat('vi-VN');

/** Thrown inside the check only, caught below: what is wrong with the pack, for the user. */
class PackProblem extends Error {}

/** A little-endian base-128 number (Git's object and delta sizes), read from `bytes` at `position`. */
function readSize(bytes: Uint8Array, position: number, firstShift = 0, firstValue = 0): { value: number; next: number } {
  let value = firstValue;
  let shift = firstShift;
  let byte: number;
  do {
    if (position >= bytes.byteLength) throw new PackProblem('gói dữ liệu bị cắt cụt.');
    // Beyond 2^53 a size is no longer exact, and no object of the library comes near it.
    if (shift > 49) throw new PackProblem('kích thước đối tượng không hợp lệ.');
    byte = bytes[position++]!;
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return { value, next: position };
}

function assertWithin(size: number, maximumObjectBytes: number): void {
  if (size > maximumObjectBytes) {
    throw new PackProblem(`một đối tượng ${numberFormat.format(size)} byte (tối đa ${numberFormat.format(maximumObjectBytes)}).`);
  }
}

/** An entry's zlib stream inflated, stopping one byte past its declared size; and how many pack bytes it took. */
function inflateEntry(compressed: Uint8Array, declared: number): { buffer: Buffer; consumed: number } {
  // With `info`, zlib answers the output and its engine, whose `bytesWritten` is the compressed bytes read.
  let inflated: { buffer: Buffer; engine: { bytesWritten: number } };
  try {
    inflated = inflateSync(compressed, { info: true, maxOutputLength: declared + 1 }) as unknown as typeof inflated;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw new PackProblem('kích thước đối tượng khác với khai báo.');
    throw error;
  }
  if (inflated.buffer.byteLength !== declared) throw new PackProblem('kích thước đối tượng khác với khai báo.');
  return { buffer: inflated.buffer, consumed: inflated.engine.bytesWritten };
}

/**
 * Checks a pack fetched from the server before isomorphic-git indexes it (which inflates every object whole in memory):
 * each object's size, and each delta's result size, must be within `maximumObjectBytes`, and each object must inflate
 * to exactly the size its header declares (inflating stops one byte past it, so a lying header costs nothing).
 * Returns null for a pack within the limits, else a Vietnamese reason.
 */
export function checkFetchedPack(pack: Uint8Array, maximumObjectBytes: number): string | null {
  try {
    const view = new DataView(pack.buffer, pack.byteOffset, pack.byteLength);
    if (pack.byteLength < 12 + objectIdBytes || view.getUint32(0) !== 0x5041434b) throw new PackProblem('không phải một gói Git.');
    const count = view.getUint32(8);
    let position = 12;
    for (let index = 0; index < count; index += 1) {
      const first = pack[position++];
      if (first === undefined) throw new PackProblem('gói dữ liệu bị cắt cụt.');
      const type = (first >> 4) & 0x07;
      const header = first & 0x80 ? readSize(pack, position, 4, first & 0x0f) : { value: first & 0x0f, next: position };
      position = header.next;
      if (type === 0 || type === 5) throw new PackProblem('loại đối tượng không hợp lệ.');
      assertWithin(header.value, maximumObjectBytes);
      if (type === offsetDeltaType) position = readSize(pack, position).next;
      else if (type === referenceDeltaType) position += objectIdBytes;
      const { buffer, consumed } = inflateEntry(pack.subarray(position), header.value);
      position += consumed;
      // A delta's header names the size of the object it makes: that object is inflated whole when read, so it is capped too.
      if (type === offsetDeltaType || type === referenceDeltaType)
        assertWithin(readSize(buffer, readSize(buffer, 0).next).value, maximumObjectBytes);
    }
    return null;
  } catch (error) {
    if (error instanceof PackProblem) return error.message;
    // zlib's own errors (a truncated or damaged stream): the pack is not one to index.
    return 'gói dữ liệu bị hỏng.';
  }
}
