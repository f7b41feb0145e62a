import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { MediaStore } from '../../electron/main/media/MediaStore';

const width = 4000;
const height = 3000;
const importRuns = 5;
const exportPhotoCount = 20;
const webMaximumSide = 1600;
const rssSampleIntervalMs = 20;

/**
 * 12 megapixels of camera-like content: colour gradients, a soft pattern and grain. Flat colour would
 * compress to almost nothing and decode unrealistically fast; this gives a 5–6 MB JPEG at quality 90.
 */
function cameraLikePixels(): Buffer {
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 0x9e3779b9;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      // xorshift32: fast, deterministic grain (Math.random would dominate the set-up time).
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      const grain = ((seed >>> 0) % 61) - 30;
      const at = (y * width + x) * 3;
      pixels[at] = Math.max(0, Math.min(255, (x * 255) / width + grain));
      pixels[at + 1] = Math.max(0, Math.min(255, (y * 255) / height + grain));
      pixels[at + 2] = Math.max(0, Math.min(255, 128 + 60 * Math.sin(x / 150) * Math.cos(y / 120) + grain));
    }
  }
  return pixels;
}

/** `count` different 12-megapixel JPEGs (each brightened by one more level, so no two share a hash). */
async function cameraJpegs(count: number, firstVariant: number): Promise<Buffer[]> {
  const pixels = cameraLikePixels();
  const jpegs: Buffer[] = [];
  for (let variant = firstVariant; variant < firstVariant + count; variant += 1) {
    jpegs.push(await sharp(pixels, { raw: { width, height, channels: 3 } }).linear(1, variant).jpeg({ quality: 90 }).toBuffer());
  }
  return jpegs;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const megabytes = (bytes: number) => round(bytes / 1024 / 1024);

/** Samples the resident set size while `task` runs; sharp works off the main thread, so the timer keeps ticking. */
async function withPeakRss<Result>(task: () => Promise<Result>): Promise<{ result: Result; peakRss: number }> {
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, rssSampleIntervalMs);
  try {
    const result = await task();
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return { result, peakRss };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Photo figures for `npm run bench`:
 * - importing a 12-megapixel camera JPEG through MediaStore.importImage (checks, hash, full decode, preview,
 *   three durable writes): the median over 5 different photos — the wait before a photo shows in the editor;
 * - rendering 20 such photos, one after another as an export does, to web copies at 1600 px: total time and
 *   the process's peak resident memory while doing it.
 * Prints nothing; returns the figures.
 */
export async function benchmarkMedia(): Promise<Record<string, number>> {
  const folder = await mkdtemp(join(tmpdir(), 'banthao-bench-media-'));
  try {
    const store = await MediaStore.open({ directory: join(folder, 'media') });
    const importPhotos = await cameraJpegs(importRuns, 0);
    const importTimes: number[] = [];
    for (const [index, bytes] of importPhotos.entries()) {
      const started = performance.now();
      await store.importImage({ bytes, fileName: `import-${index}.jpg` });
      importTimes.push(performance.now() - started);
    }

    const exportPhotos = await cameraJpegs(exportPhotoCount, importRuns);
    const ids: string[] = [];
    for (const [index, bytes] of exportPhotos.entries()) ids.push((await store.importImage({ bytes, fileName: `export-${index}.jpg` })).id);
    // What the fixtures hold is not what an export costs: let it go before measuring.
    const averagePhotoBytes = exportPhotos.reduce((sum, bytes) => sum + bytes.length, 0) / exportPhotos.length;
    exportPhotos.length = 0;
    importPhotos.length = 0;
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const { result: webBytes, peakRss } = await withPeakRss(async () => {
      let total = 0;
      for (const id of ids) total += (await store.renderWebImage(id, { maxSide: webMaximumSide })).bytes.length;
      return total;
    });
    const renderMs = performance.now() - started;

    return {
      photoMegapixels: (width * height) / 1_000_000,
      photoJpegMegabytes: megabytes(averagePhotoBytes),
      importMedianMs: round(median(importTimes)),
      importMinimumMs: round(Math.min(...importTimes)),
      importMaximumMs: round(Math.max(...importTimes)),
      webRenderPhotos: exportPhotoCount,
      webRenderTotalMs: round(renderMs),
      webRenderPerPhotoMs: round(renderMs / exportPhotoCount),
      webRenderAverageOutputKilobytes: round(webBytes / exportPhotoCount / 1024),
      webRenderRssBeforeMegabytes: megabytes(rssBefore),
      webRenderPeakRssMegabytes: megabytes(peakRss),
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
