import { fork } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { decodeHeic } from '../../electron/main/media/decodeHeic';
import type { MediaStore } from '../../electron/main/media/MediaStore';
import { openLibrary } from '../../electron/main/library/openLibrary';
import { heicPhoto } from '../unit/media/heicFixtures';
import type { ExportReport } from './exportArticleProcess';
import { cameraLikePixels } from './cameraLikePixels';

const width = 4000;
const height = 3000;
const importRuns = 5;
const exportPhotoCount = 20;
const heicRuns = 3;
// An iPhone photo is a grid of tiles: 9 × 7 of the 452 × 462 fixture tile is 4068 × 3234, 13 megapixels.
const heicColumns = 9;
const heicRows = 7;

/** `count` different 12-megapixel JPEGs (each brightened by one more level, so no two share a hash). */
export async function cameraJpegs(count: number, firstVariant: number): Promise<Buffer[]> {
  // 12 megapixels: a 5–6 MB JPEG at quality 90.
  const pixels = cameraLikePixels(width, height, 30);
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

/** While `work` runs: the process's resident memory at its peak (sampled every 10 ms) and the longest the event loop stalled. */
async function watched<Result>(work: () => Promise<Result>): Promise<{ result: Result; peakRss: number; longestStallMs: number }> {
  let peakRss = process.memoryUsage.rss();
  let longestStallMs = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longestStallMs = Math.max(longestStallMs, now - last - 10);
    last = now;
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 10);
  try {
    const result = await work();
    return { result, peakRss, longestStallMs };
  } finally {
    clearInterval(timer);
  }
}

/**
 * HEIC figures: decoding a 13-megapixel iPhone-style grid in the worker (decodeHeic alone), importing one (checks,
 * decode, preview, writes) with the peak memory and the longest main-thread stall meanwhile, and its export copy.
 * The tiles repeat one small coded picture, so libde265 has less to do than for a real photo's 2–3 MB of HEVC.
 */
async function benchmarkHeic(store: MediaStore): Promise<Record<string, number>> {
  const photos = Array.from({ length: heicRuns }, (_, index) =>
    heicPhoto({ columns: heicColumns, rows: heicRows, outputWidth: 452 * heicColumns - index, outputHeight: 462 * heicRows }),
  );
  const rssBefore = process.memoryUsage.rss();
  const importTimes: number[] = [];
  let peakRss = rssBefore;
  let longestStallMs = 0;
  let lastId = '';
  for (const [index, bytes] of photos.entries()) {
    const started = performance.now();
    const run = await watched(() => store.importImage({ bytes, fileName: `IMG_${index}.HEIC` }));
    importTimes.push(performance.now() - started);
    peakRss = Math.max(peakRss, run.peakRss);
    longestStallMs = Math.max(longestStallMs, run.longestStallMs);
    lastId = run.result.id;
  }
  // Decoding alone comes after the imports, so their memory figures start from a process that has decoded nothing.
  const decodeTimes: number[] = [];
  for (const [index, bytes] of photos.entries()) {
    const started = performance.now();
    await decodeHeic(bytes, 452 * heicColumns - index, 462 * heicRows);
    decodeTimes.push(performance.now() - started);
  }
  const exportStarted = performance.now();
  await store.renderWebImage(lastId);
  return {
    heicMegapixels: round((452 * heicColumns * 462 * heicRows) / 1_000_000),
    heicDecodeMedianMs: round(median(decodeTimes)),
    heicImportMedianMs: round(median(importTimes)),
    heicImportRssBeforeMegabytes: megabytes(rssBefore),
    heicImportPeakRssMegabytes: megabytes(peakRss),
    heicImportLongestMainThreadStallMs: round(longestStallMs),
    heicExportCopyMs: round(performance.now() - exportStarted),
  };
}

/**
 * Photo figures for `npm run bench`:
 * - importing a 12-megapixel camera JPEG through MediaStore.importImage (checks, hash, full decode, preview,
 *   three durable writes): the median over 5 different photos — the wait before a photo shows in the editor;
 * - exporting an article with 20 such photos in both forms (one HTML file with embedded photos; a folder with
 *   index.html and images/), each through the real export code in a fresh process (the fixtures' memory would
 *   otherwise swamp the figure): total time, and that process's resident memory before and at its peak;
 * - HEIC decoding, import and export copy (benchmarkHeic), measured first, before the JPEG fixtures take memory.
 * Prints nothing; returns the figures.
 */
export async function benchmarkMedia(): Promise<Record<string, number>> {
  const folder = await mkdtemp(join(tmpdir(), 'banthao-bench-media-'));
  try {
    const { store: articles, media: store } = await openLibrary(join(folder, 'data'));
    const heic = await benchmarkHeic(store);
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
      ...heic,
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
