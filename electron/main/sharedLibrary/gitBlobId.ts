import { createHash } from 'node:crypto';

/** The id Git gives a file's bytes (SHA-1 of `blob <size>\0` and the bytes): compared without writing an object. */
export function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}
