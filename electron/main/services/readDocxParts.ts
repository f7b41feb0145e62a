import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/**
 * The named parts of a .docx as UTF-8 text, each only if it unpacks within its limit (counted while inflating, not
 * taken from the zip's directory); a part that is missing, too large or unreadable is left out.
 */
export async function readDocxParts(bytes: Buffer, limits: ReadonlyMap<string, number>): Promise<Map<string, string>> {
  const parts = new Map<string, string>();
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, strictFileNames: false, validateEntrySizes: true });
  } catch {
    return parts;
  }
  const entries: yauzl.Entry[] = [];
  await new Promise<void>((resolve) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      const limit = limits.get(entry.fileName);
      if (limit !== undefined && entry.uncompressedSize <= limit && !parts.has(entry.fileName)) entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', () => resolve());
    zip.readEntry();
  });
  for (const entry of entries) {
    const limit = limits.get(entry.fileName)!;
    try {
      const stream = await zip.openReadStreamPromise(entry);
      const text = await readLimited(stream, limit);
      if (text !== null) parts.set(entry.fileName, text);
    } catch {
      // A damaged part is read as missing: mammoth has read the document already.
    }
  }
  return parts;
}

function readLimited(stream: Readable, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    stream.on('data', (chunk: Buffer) => {
      length += chunk.byteLength;
      if (length > limit) {
        stream.destroy();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(chunks, length).toString('utf8')));
  });
}
