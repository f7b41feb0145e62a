import { stat } from 'node:fs/promises';
import type { Dialogs } from '../../electron/main/application/Dialogs';
import { LibrarySession } from '../../electron/main/application/LibrarySession';
import { createHandlers } from '../../electron/main/ipc/createHandlers';
import { readReviewPackage } from '../../electron/main/services/readReviewPackage';
import { answeredDialogs, sampleResidentMemory } from './benchProcessSupport';

/** What the forked process reports back to reviewBenchmarks. */
export interface PackageReport {
  totalMs: number;
  /** The package file's size (written by `send`, read by `receive`). */
  packageBytes: number;
  /** Resident memory once the library is open, just before the operation. */
  rssBefore: number;
  /**
   * The process's resident high-water mark, read right after the operation: the kernel's VmHWM where /proc has it (Linux),
   * otherwise the sampled peak. Not getrusage's maxRSS: Linux carries the parent's peak across fork and exec into it.
   */
  peakRss: number;
  /** The resident memory sampled every 20 ms during the operation (as exportArticleProcess does), its largest value. */
  sampledPeakRss: number;
  /** What receiving did (`created` expected); `saved` for a send, `read` for a read. */
  status: string;
}

/** Dialogs answered in advance with the file this run works on; the rest are cancelled. */
function dialogsFor(packagePath: string): Dialogs {
  return answeredDialogs({ choosePackagePath: async () => packagePath, choosePackageToOpen: async () => packagePath });
}

/**
 * Runs in a fresh process (forked by reviewBenchmarks, so the fixtures' memory and the first library's caches do not
 * count): opens a library as main does and sends a review package ("Gửi gói", PackageService.send) or receives one
 * ("Mở gói bài…", PackageService.receive) through the handler table, or only reads and checks one (readReviewPackage,
 * the first half of receiving), timing it and reading the peak resident memory.
 * No test support is imported (it would load vitest into the measured process).
 * Arguments: send <data folder> <article id> <package path> | receive|read <data folder> <package path>
 */
async function main(): Promise<void> {
  const [operation, dataDirectory, ...rest] = process.argv.slice(2);
  const packagePath = operation === 'send' ? rest[1] : rest[0];
  if (dataDirectory === undefined || packagePath === undefined || process.send === undefined) {
    throw new Error('usage: fork with send <data folder> <article id> <package path> | receive|read <data folder> <package path>');
  }
  const session = await LibrarySession.open({ dataDirectory, appVersion: 'bench', dialogs: dialogsFor(packagePath) });
  const handlers = createHandlers(session, { onCloseReady: () => {} });
  // Opening's own background work (the search index, a start-up snapshot) is done before the clock starts.
  await session.library.search.ready;
  await session.flush();
  await session.backupService.settled();
  const memory = sampleResidentMemory();
  const { rssBefore } = memory;
  const started = performance.now();
  let status: string;
  if (operation === 'send') {
    const articleId = rest[0];
    if (articleId === undefined) throw new Error('send needs an article id');
    status = (await handlers['package:send']({ id: articleId })).status;
  } else if (operation === 'receive') {
    status = (await handlers['package:openFromDialog']({})).status;
  } else if (operation === 'read') {
    // Only the first half of receiving: the package read and every check passed, nothing written.
    await readReviewPackage(packagePath);
    status = 'read';
  } else {
    throw new Error(`unknown operation ${operation}`);
  }
  const totalMs = performance.now() - started;
  // Read before closing, whose snapshot of the library is not part of the operation.
  const { sampledPeakRss, peakRss } = await memory.stop();
  const report: PackageReport = { totalMs, packageBytes: (await stat(packagePath)).size, rssBefore, peakRss, sampledPeakRss, status };
  await session.close();
  process.send(report, undefined, {}, () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
