import { LibrarySession } from '../../electron/main/application/LibrarySession';
import { createHandlers } from '../../electron/main/ipc/createHandlers';
import type { BatchExportForm } from '../../shared/batchExportModel';
import { answeredDialogs, sampleResidentMemory } from './benchProcessSupport';

/** What the forked process reports back to exportBatchBenchmarks. */
export interface BatchExportReport {
  totalMs: number;
  /** Each article's time: from the previous article's announcement (or the start) to its own. */
  articleMs: number[];
  exported: number;
  failed: number;
  rssBefore: number;
  /** The kernel's resident high-water mark (VmHWM) right after the batch, else the sampled peak. */
  peakRss: number;
  sampledPeakRss: number;
}

/**
 * Runs in a fresh process (forked by exportBatchBenchmarks, so building the library does not count): opens the library
 * as main does and exports every article through `batch:export` into `<output folder>`, as the library screen's
 * "Xuất các bài đã chọn…" does, sampling resident memory meanwhile. No test support is imported (it would load vitest).
 * Arguments: <data folder> <html|folder|docx> <output folder> <article id>…
 */
async function main(): Promise<void> {
  const [dataDirectory, form, outputFolder, ...ids] = process.argv.slice(2);
  if (dataDirectory === undefined || form === undefined || outputFolder === undefined || process.send === undefined) {
    throw new Error('usage: fork with <data folder> <html|folder|docx> <output folder> <article id>…');
  }
  const dialogs = answeredDialogs({ chooseExportFolder: async () => outputFolder });
  const session = await LibrarySession.open({ dataDirectory, appVersion: 'bench', dialogs });
  const handlers = createHandlers(session, { onCloseReady: () => {} });
  await session.library.search.ready;
  await session.flush();
  await session.backupService.settled();
  const announced: number[] = [];
  await session.run(async (application) =>
    application.events.subscribe((change) => {
      if (change.kind === 'article-exported') announced.push(performance.now());
    }),
  );
  const memory = sampleResidentMemory();
  const { rssBefore } = memory;
  const started = performance.now();
  const outcome = await handlers['batch:export']({ ids, form: form as BatchExportForm });
  const totalMs = performance.now() - started;
  const { sampledPeakRss, peakRss } = await memory.stop();
  if (outcome.status !== 'done') throw new Error('the batch was cancelled');
  const articleMs = announced.map((at, index) => at - (index === 0 ? started : announced[index - 1]!));
  const exported = outcome.items.filter((item) => item.status === 'exported').length;
  const failed = outcome.items.filter((item) => item.status === 'failed').length;
  const report: BatchExportReport = { totalMs, articleMs, exported, failed, rssBefore, peakRss, sampledPeakRss };
  await session.close();
  process.send(report, undefined, {}, () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
