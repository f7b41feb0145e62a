import type { IncomingMessage } from 'node:http';

/** A request's body, or null once it passes `limit` bytes (the rest is left unread; the caller closes the connection). */
export function readRequestBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  if (Number(request.headers['content-length'] ?? 0) > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // Not destroy(): the socket must stay open long enough to carry the 413.
      request.off('data', onData).pause();
      resolve(null);
    };
    request
      .on('data', onData)
      .once('end', () => resolve(Buffer.concat(chunks)))
      .once('error', reject);
  });
}
