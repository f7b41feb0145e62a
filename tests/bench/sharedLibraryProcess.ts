import type { NewsroomRole } from '../../shared/articleVocabulary';
import { LibrarySession } from '../../electron/main/application/LibrarySession';
import { createHandlers } from '../../electron/main/ipc/createHandlers';
import { memorySecretBox } from '../support/memorySecretBox';
import { answeredDialogs, sampleResidentMemory } from './benchProcessSupport';

/** What the forked process reports back to sharedLibraryBenchmarks. */
export interface SharedLibraryReport {
  totalMs: number;
  /** Resident memory once the library is open, just before the join. */
  rssBefore: number;
  /** The kernel's resident high-water mark (VmHWM) right after the join, else the sampled peak (see benchProcessSupport). */
  peakRss: number;
  sampledPeakRss: number;
  filesSent: number;
  filesReceived: number;
  changedArticles: number;
  /** The status line's message after the join: null when it went well. */
  message: string | null;
}

/**
 * Runs in a fresh process (forked by sharedLibraryBenchmarks, so the fixtures' memory and the other member's caches do
 * not count): opens a library as main does, names its user and saves the shared library's connection, then joins
 * ("Tham gia", SyncService.join) through the handler table, timing it and reading the peak resident memory.
 * memorySecretBox is the only test support imported: it loads nothing of vitest.
 * Arguments: <data folder> <address> <server user> <password> <name> <role>
 */
async function main(): Promise<void> {
  const [dataDirectory, address, userName, secret, name, role] = process.argv.slice(2);
  if (
    dataDirectory === undefined ||
    address === undefined ||
    userName === undefined ||
    secret === undefined ||
    process.send === undefined
  ) {
    throw new Error('usage: fork with <data folder> <address> <server user> <password> <name> <role>');
  }
  const session = await LibrarySession.open({
    dataDirectory,
    appVersion: 'bench',
    dialogs: answeredDialogs({}),
    secretBox: memorySecretBox(),
    logError: (context, error) => console.error(context, error),
    // Syncs run when the benchmark says: no five-minute sync in the middle of a join.
    sync: { everyMs: 24 * 60 * 60_000 },
  });
  const handlers = createHandlers(session, { onCloseReady: () => {} });
  await handlers['settings:update']({ userName: name ?? 'Bản Thảo', userRole: (role ?? 'reporter') as NewsroomRole });
  await handlers['sharedLibrary:save']({ address, userName, secret, allowPlainHttp: false });
  // Opening's own background work (the search index, a start-up snapshot) is done before the clock starts.
  await session.library.search.ready;
  await session.flush();
  await session.backupService.settled();
  const memory = sampleResidentMemory();
  const { rssBefore } = memory;
  const started = performance.now();
  const outcome = await handlers['sharedLibrary:join']({});
  const totalMs = performance.now() - started;
  // Read before closing, whose snapshot of the library is not part of the join.
  const { sampledPeakRss, peakRss } = await memory.stop();
  const report: SharedLibraryReport = {
    totalMs,
    rssBefore,
    peakRss,
    sampledPeakRss,
    filesSent: outcome.filesSent,
    filesReceived: outcome.filesReceived,
    changedArticles: outcome.changedArticleIds.length,
    message: outcome.status.message,
  };
  await session.close();
  process.send(report, undefined, {}, () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
