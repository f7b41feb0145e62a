import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

/** What decodeHeic sends: the file's bytes and the primary image's size as sharp read it from the header. */
export interface HeicDecodeRequest {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** The answer: upright RGBA pixels, or why libheif could not give them. */
export type HeicDecodeAnswer = { ok: true; width: number; height: number; data: Uint8Array } | { ok: false; message: string };

interface HeicImage {
  width: number;
  height: number;
  decode(): Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
}

type DecodeAll = (input: { buffer: Uint8Array }) => Promise<HeicImage[] & { dispose(): void }>;

// Loaded at run time, never bundled: libheif-js is LGPL-3.0 and its libheif.wasm must stay a separate, replaceable file.
function loadDecoder(): DecodeAll {
  const requireHere = createRequire(import.meta.url);
  const heicDecodeEntry = requireHere.resolve('heic-decode');
  const requireFromHeicDecode = createRequire(heicDecodeEntry);
  // libheif-wasm/libheif.js reads libheif.wasm from its own folder (heic-decode's default inlines the WASM in a bundle).
  const libheif: unknown = (requireFromHeicDecode('libheif-js/libheif-wasm/libheif.js') as () => unknown)();
  const bindings = requireFromHeicDecode('./lib.js') as (library: unknown) => { all: DecodeAll };
  return bindings(libheif).all;
}

async function decode(request: HeicDecodeRequest): Promise<HeicDecodeAnswer> {
  const images = await loadDecoder()({ buffer: request.bytes });
  try {
    // libheif-js lists every top-level image, not the primary first: the primary is the one of the size sharp read.
    const primary = images.find((image) => image.width === request.width && image.height === request.height);
    if (primary === undefined) return { ok: false, message: `no top-level image of ${request.width}×${request.height}` };
    const decoded = await primary.decode();
    return {
      ok: true,
      width: decoded.width,
      height: decoded.height,
      data: new Uint8Array(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength),
    };
  } finally {
    images.dispose();
  }
}

/** What libheif-js printed: it reports why a decode failed only on console.log. */
const libheifMessages: string[] = [];

function libheifSaid(): string {
  return libheifMessages.length === 0 ? '' : ` (libheif: ${libheifMessages.join('; ').slice(0, 500)})`;
}

// One decode per worker: libheif's WASM memory only grows, so ending the worker is what gives the ~250 MB back.
if (parentPort !== null) {
  const port = parentPort;
  // Kept for the error, which main logs, rather than printed on the app's console.
  console.log = (...parts: unknown[]) => {
    libheifMessages.push(parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' '));
  };
  decode(workerData as HeicDecodeRequest).then(
    (answer) => port.postMessage(answer, answer.ok ? [answer.data.buffer as ArrayBuffer] : []),
    (error: unknown) =>
      port.postMessage({
        ok: false,
        message: `${error instanceof Error ? error.message : String(error)}${libheifSaid()}`,
      } satisfies HeicDecodeAnswer),
  );
}
