import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HeicDecodeAnswer, HeicDecodeRequest } from './heicDecodeWorker';

/** A HEIC photo's primary image as upright 8-bit RGBA pixels (libheif applies irot/imir while decoding). */
export interface DecodedHeic {
  data: Buffer;
  width: number;
  height: number;
}

/** The worker's failure, kept apart so callers can turn it into their own Vietnamese refusal. */
export class HeicDecodeError extends Error {
  override readonly name = 'HeicDecodeError';
}

// Built (out/main/index.js) the worker is its own entry beside it; from source (vitest, tsx benchmarks) it is TypeScript.
function startWorker(request: HeicDecodeRequest): Worker {
  const here = fileURLToPath(import.meta.url);
  const transfer = [request.bytes.buffer as ArrayBuffer];
  if (!here.endsWith('.ts')) return new Worker(join(dirname(here), 'heicDecodeWorker.js'), { workerData: request, transferList: transfer });
  // tsx's ESM API (the `import` side of 'tsx/esm/api', which a CommonJS resolve cannot name) registers its loader in the worker.
  const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/esm')), 'api', 'index.mjs')).href;
  const source = pathToFileURL(join(dirname(here), 'heicDecodeWorker.ts')).href;
  const code = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(code, { eval: true, workerData: request, transferList: transfer });
}

// A 12 MP photo takes about a second; a file that keeps libheif busy this long is hostile or broken, and would hold the queue.
const decodeTimeoutMs = 60_000;

function decodeInWorker(bytes: Uint8Array, width: number, height: number): Promise<DecodedHeic> {
  // A copy of its own to hand over: the caller keeps its bytes (they are stored as the original).
  const request: HeicDecodeRequest = { bytes: Uint8Array.from(bytes), width, height };
  return new Promise((resolve, reject) => {
    const worker = startWorker(request);
    let settled = false;
    const timeout = setTimeout(() => {
      settled = true;
      void worker.terminate();
      reject(new HeicDecodeError(`the HEIC decoder took over ${decodeTimeoutMs / 1000} s`));
    }, decodeTimeoutMs);
    worker.once('message', (answer: HeicDecodeAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timeout);
      void worker.terminate();
      if (!answer.ok) reject(new HeicDecodeError(answer.message));
      else
        resolve({
          data: Buffer.from(answer.data.buffer, answer.data.byteOffset, answer.data.byteLength),
          width: answer.width,
          height: answer.height,
        });
    });
    worker.once('error', (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timeout);
      reject(new HeicDecodeError(error.message, { cause: error }));
    });
    worker.once('exit', (code) => {
      clearTimeout(timeout);
      if (!settled) reject(new HeicDecodeError(`the HEIC decoder stopped (exit code ${code})`));
    });
  });
}

// One decode at a time: each holds ~250 MB while a 12 MP photo decodes, and a 2-core office PC has no second core to spare.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Decodes a HEIC/HEIF photo in a worker thread (libheif's WASM build blocks its thread for about a second per
 * 12 MP), so the window stays responsive. `width` and `height` are the primary image's as sharp read them from
 * the header, after the size limits were checked. Throws HeicDecodeError when libheif cannot decode it.
 */
export function decodeHeic(bytes: Uint8Array, width: number, height: number): Promise<DecodedHeic> {
  const run = queue.then(
    () => decodeInWorker(bytes, width, height),
    () => decodeInWorker(bytes, width, height),
  );
  queue = run.catch(() => undefined);
  return run;
}
