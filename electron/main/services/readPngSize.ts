const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The pixel size a PNG's header (IHDR) states; null when the bytes are not a PNG with a sane size. */
export function readPngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || pngSignature.some((byte, index) => bytes[index] !== byte)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The first chunk must be IHDR: its width and height follow the chunk's length and type.
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 && width <= 10_000 && height <= 10_000 ? { width, height } : null;
}

const pngDataUriPrefix = 'data:image/png;base64,';

/** The bytes of a `data:image/png;base64,` URI; null for anything else. */
export function pngBytesOfDataUri(dataUri: string): Buffer | null {
  return dataUri.startsWith(pngDataUriPrefix) ? Buffer.from(dataUri.slice(pngDataUriPrefix.length), 'base64') : null;
}
