import { fork } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { openLibrary } from '../../electron/main/library/openLibrary';
import type { ExportReport } from './exportArticleProcess';

const width = 4000;
const height = 3000;
const importRuns = 5;
const exportPhotoCount = 20;

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
export async function cameraJpegs(count: number, firstVariant: number): Promise<Buffer[]> {
  const pixels = cameraLikePixels();
  const jpegs: Buffer[] = [];
  for (let variant = firstVariant; variant < firstVariant + count; variant += 1) {
    jpegs.push(
      await sharp(pixels, { raw: { width, height, channels: 3 } })
        .linear(1, variant)
        .jpeg({ quality: 90 })
        .toBuffer(),
    );
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

/** Runs one real export in a fresh process (see exportArticleProcess.ts) and waits for its report. */
function exportInFreshProcess(
  dataDirectory: string,
  articleId: string,
  form: 'file' | 'folder',
  outputFolder: string,
): Promise<ExportReport> {
  return new Promise((resolve, reject) => {
    const child = fork(
      fileURLToPath(new URL('./exportArticleProcess.ts', import.meta.url)),
      [dataDirectory, articleId, form, outputFolder],
      {
        execArgv: ['--import', 'tsx'],
      },
    );
    let report: ExportReport | undefined;
    child.on('message', (message) => {
      report = message as ExportReport;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      report !== undefined && code === 0 ? resolve(report) : reject(new Error(`export process exited with ${code}`)),
    );
  });
}

/**
 * Photo figures for `npm run bench`:
 * - importing a 12-megapixel camera JPEG through MediaStore.importImage (checks, hash, full decode, preview,
 *   three durable writes): the median over 5 different photos — the wait before a photo shows in the editor;
 * - exporting an article with 20 such photos in both forms (one HTML file with embedded photos; a folder with
 *   index.html and images/), each through the real export code in a fresh process (the fixtures' memory would
 *   otherwise swamp the figure): total time, and that process's resident memory before and at its peak.
 * Prints nothing; returns the figures.
 */
export async function benchmarkMedia(): Promise<Record<string, number>> {
  const folder = await mkdtemp(join(tmpdir(), 'banthao-bench-media-'));
  try {
    const { store: articles, media: store } = await openLibrary(join(folder, 'data'));
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
    const averagePhotoBytes = exportPhotos.reduce((sum, bytes) => sum + bytes.length, 0) / exportPhotos.length;
    const article = await articles.create();
    const body = {
      type: 'doc',
      content: ids.flatMap((mediaId, index) => [
        { type: 'paragraph', content: [{ type: 'text', text: `Đoạn ${index + 1} của bài viết có ảnh.` }] },
        { type: 'figure', attrs: { mediaId, alt: '', credit: 'Văn Đốc' }, content: [{ type: 'text', text: `Chú thích ảnh ${index + 1}` }] },
      ]),
    };
    await articles.save(article.id, article.revision, { ...article, title: 'Bài có hai mươi ảnh', body, coverMediaId: ids[0]! });
    await articles.flush();
    const outputFolder = join(folder, 'exports');
    await mkdir(outputFolder, { recursive: true });
    const file = await exportInFreshProcess(join(folder, 'data'), article.id, 'file', outputFolder);
    const directory = await exportInFreshProcess(join(folder, 'data'), article.id, 'folder', outputFolder);

    return {
      photoMegapixels: (width * height) / 1_000_000,
      photoJpegMegabytes: megabytes(averagePhotoBytes),
      importMedianMs: round(median(importTimes)),
      importMinimumMs: round(Math.min(...importTimes)),
      importMaximumMs: round(Math.max(...importTimes)),
      exportPhotos: exportPhotoCount,
      exportHtmlFileMs: round(file.totalMs),
      exportHtmlFileMegabytes: megabytes(file.outputBytes),
      exportHtmlFileRssBeforeMegabytes: megabytes(file.rssBefore),
      exportHtmlFilePeakRssMegabytes: megabytes(file.peakRss),
      exportFolderMs: round(directory.totalMs),
      exportFolderRssBeforeMegabytes: megabytes(directory.rssBefore),
      exportFolderPeakRssMegabytes: megabytes(directory.peakRss),
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
