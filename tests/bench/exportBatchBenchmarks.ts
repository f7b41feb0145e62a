import { fork } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { LibrarySession } from '../../electron/main/application/LibrarySession';
import { createHandlers } from '../../electron/main/ipc/createHandlers';
import { batchExportForms, type BatchExportForm } from '../../shared/batchExportModel';
import type { DocumentNodeJson } from '../../shared/documentJson';
import { seedArticleParts } from '../fixtures/seedArticle';
import { cannedDialogs } from '../support/openTestSession';
import { sampleContent } from '../support/sampleContent';
import { featureLengthBody } from '../support/sizedBodies';
import type { BatchExportReport } from './exportBatchProcess';
import { cameraJpegs } from './mediaBenchmarks';

const articleCount = 100;
const photosPerArticle = 5;
/** Distinct photos the articles share round-robin (each use is rendered again: the export keeps no cache). */
const distinctPhotos = 25;
/**
 * The photos' long side: 2400 px (4.3 megapixels, about 1 MB), what a newsroom's photo desk hands on; the export
 * web-sizes each to 1600 px. BANTHAO_BENCH_CAMERA_PHOTOS=1 uses the 12-megapixel camera originals themselves (4000 px),
 * which takes the three batches well past six minutes.
 */
const cameraOriginals = process.env.BANTHAO_BENCH_CAMERA_PHOTOS === '1';
const photoLongSide = cameraOriginals ? 4000 : 2400;
const previewRuns = 3;

const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const megabytes = (bytes: number) => round(bytes / 1024 / 1024);

/** The value below which `fraction` of the values lie (nearest rank). */
function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}

/** Camera-like photos cut down to the desk's size, each a little different. */
async function deskPhotos(): Promise<Buffer[]> {
  if (cameraOriginals) return cameraJpegs(distinctPhotos, 40);
  const originals = await cameraJpegs(5, 40);
  const photos: Buffer[] = [];
  for (let index = 0; index < distinctPhotos; index += 1) {
    photos.push(
      await sharp(originals[index % originals.length])
        .resize(photoLongSide)
        .linear(1, index)
        .jpeg({ quality: 88 })
        .toBuffer(),
    );
  }
  return photos;
}

/** The seed article's paragraphs with a captioned, credited photo after each of the first five. */
function bodyWithFivePhotos(paragraphs: readonly string[], photoIds: readonly string[]): DocumentNodeJson {
  const content: DocumentNodeJson[] = [];
  paragraphs.forEach((text, index) => {
    content.push({ type: 'paragraph', content: [{ type: 'text', text }] });
    const mediaId = photoIds[index];
    if (index < photosPerArticle && mediaId !== undefined) {
      content.push({
        type: 'figure',
        attrs: { mediaId, alt: `Ảnh ${index + 1}`, credit: 'Văn Đốc' },
        content: [{ type: 'text', text: `Quang cảnh hội nghị, ảnh ${index + 1}.` }],
      });
    }
  });
  return { type: 'doc', content };
}

/** featureLengthBody's figures pointing at real photos. */
function withRealPhotos(body: DocumentNodeJson, photoIds: readonly string[]): DocumentNodeJson {
  let figure = -1;
  const content = (body.content ?? []).map((node) => {
    if (node.type !== 'figure') return node;
    figure += 1;
    return { ...node, attrs: { ...node.attrs, mediaId: photoIds[figure % photoIds.length]! } };
  });
  return { ...body, content };
}

function batchInFreshProcess(dataDirectory: string, form: BatchExportForm, outputFolder: string, ids: readonly string[]) {
  return new Promise<BatchExportReport>((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./exportBatchProcess.ts', import.meta.url)), [dataDirectory, form, outputFolder, ...ids], {
      execArgv: ['--import', 'tsx'],
    });
    let report: BatchExportReport | undefined;
    child.on('message', (message) => {
      report = message as BatchExportReport;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      report !== undefined && code === 0 ? resolve(report) : reject(new Error(`batch export process exited with ${code}`)),
    );
  });
}

/**
 * "Xuất các bài đã chọn…" of 100 articles (the seed article's text) with 5 photos each, in each form (one HTML file
 * each, a folder each, a .docx each), each batch in a fresh process: total time, each article's p50/p95 (announcement
 * to announcement, so its version is counted as in the app) and peak resident memory. Then the preview ("Xem trước")
 * of a 10,000-word article with 30 photos: median of 3.
 */
export async function benchmarkExportBatch(): Promise<Record<string, number>> {
  const root = await mkdtemp(join(tmpdir(), 'banthao-bench-batch-'));
  try {
    const loadAtStart = loadavg()[0]!;
    const dataDirectory = join(root, 'data');
    await mkdir(dataDirectory, { recursive: true });
    const session = await LibrarySession.open({ dataDirectory, appVersion: 'bench', dialogs: cannedDialogs() });
    const handlers = createHandlers(session, { onCloseReady: () => {} });
    const ids: string[] = [];
    const previewTimes: number[] = [];
    try {
      await handlers['settings:update']({ userName: 'Minh Anh', userRole: 'editor' });
      const { media } = (await session.application()).library;
      const photoIds: string[] = [];
      for (const [index, bytes] of (await deskPhotos()).entries()) {
        photoIds.push((await media.importImage({ bytes, fileName: `anh-${index + 1}.jpg` })).id);
      }
      const { title, sapo, paragraphs } = seedArticleParts();
      for (let index = 0; index < articleCount; index += 1) {
        const article = await handlers['article:create']({});
        const mine = Array.from({ length: photosPerArticle }, (_, photo) => photoIds[(index * photosPerArticle + photo) % distinctPhotos]!);
        const content = sampleContent({ title: `${title} (${index + 1})`, sapo, body: bodyWithFivePhotos(paragraphs, mine) });
        await handlers['article:save']({ id: article.id, baseRevision: article.revision, content });
        ids.push(article.id);
      }
      const long = await handlers['article:create']({});
      const longContent = sampleContent({ title: 'Bài dài 10.000 chữ', body: withRealPhotos(featureLengthBody(), photoIds) });
      await handlers['article:save']({ id: long.id, baseRevision: long.revision, content: longContent });
      for (let run = 0; run < previewRuns; run += 1) {
        const started = performance.now();
        await handlers['article:preview']({ id: long.id });
        previewTimes.push(performance.now() - started);
      }
      await session.flush();
      await session.backupService.settled();
    } finally {
      await session.close();
    }
    const figures: Record<string, number> = { articles: articleCount, photosPerArticle, photoLongSide };
    for (const form of batchExportForms) {
      const output = join(root, `out-${form}`);
      await mkdir(output);
      const report = await batchInFreshProcess(dataDirectory, form, output, ids);
      if (report.exported !== articleCount)
        throw new Error(`${form}: ${report.exported} of ${articleCount} exported, ${report.failed} failed`);
      figures[`${form}TotalSeconds`] = round(report.totalMs / 1000);
      figures[`${form}ArticleP50Ms`] = Math.round(percentile(report.articleMs, 0.5));
      figures[`${form}ArticleP95Ms`] = Math.round(percentile(report.articleMs, 0.95));
      figures[`${form}PeakRssMegabytes`] = megabytes(report.peakRss);
      figures[`${form}RssBeforeMegabytes`] = megabytes(report.rssBefore);
    }
    figures['preview10000WordsMedianMs'] = Math.round(percentile(previewTimes, 0.5));
    figures['loadAverageStart'] = round(loadAtStart, 2);
    figures['loadAverageEnd'] = round(loadavg()[0]!, 2);
    return figures;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
