import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openLibrary } from '../../electron/main/library/openLibrary';
import { renderStandaloneHtml, writeExportFolder } from '../../electron/main/services/exportArticle';

/** What the forked process reports back to mediaBenchmarks. */
export interface ExportReport {
  totalMs: number;
  outputBytes: number;
  rssBefore: number;
  peakRss: number;
}

const rssSampleIntervalMs = 20;

/**
 * Runs in a fresh process (forked by mediaBenchmarks, so the fixtures' memory does not count): one real export
 * of an article, as the handler runs it, sampling the resident set size meanwhile.
 * Arguments: <data folder> <article id> <file|folder> <output folder>
 */
async function main(): Promise<void> {
  const [dataDirectory, articleId, form, outputFolder] = process.argv.slice(2);
  if (dataDirectory === undefined || articleId === undefined || outputFolder === undefined || process.send === undefined) {
    throw new Error('usage: fork with <data folder> <article id> <file|folder> <output folder>');
  }
  const { store, settings, media } = await openLibrary(dataDirectory);
  const article = await store.get(articleId);
  const dependencies = { media, settings: settings.get() };
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  // sharp works off the main thread, so the timer keeps ticking during each render.
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, rssSampleIntervalMs);
  const started = performance.now();
  let outputBytes = 0;
  if (form === 'file') {
    const html = await renderStandaloneHtml(article, dependencies);
    await writeFile(join(outputFolder, 'export.html'), html);
    outputBytes = Buffer.byteLength(html);
  } else {
    await writeExportFolder(article, outputFolder, dependencies);
  }
  const totalMs = performance.now() - started;
  clearInterval(timer);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const report: ExportReport = { totalMs, outputBytes, rssBefore, peakRss };
  process.send(report);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
