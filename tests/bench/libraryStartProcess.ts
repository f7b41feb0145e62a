import { createHandlers } from '../../electron/main/ipc/createHandlers';
import { LibrarySession } from '../../electron/main/application/LibrarySession';
import { cannedDialogs } from '../support/createTestHandlers';

/** What the forked process reports back to libraryBenchmarks. */
export interface LibraryStartReport {
  /** From the first line of this module to the first `library:list` answer: the session opening as main does + list. */
  openToListMs: number;
  /** Since the process started (includes Node and tsx start-up, which the packaged app does not pay). */
  processToListMs: number;
  listed: number;
  /** Article files opening had to read (all of them for a rebuilt index) and how many progress answers told of it. */
  articlesRead: number;
  progressAnswers: number;
  rssAfterListBytes: number;
  /** Until the persisted search index is loaded and reconciled (in the background, after the list). */
  searchReadyMs: number;
  rssAfterSearchBytes: number;
  searchSamplesMs: number[];
  hitsPerQuery: number[];
}

const queries = [
  'hoi nghi',
  'trung tam khuyen cong',
  'd',
  'nguyen toan thang',
  'cong nghiep 2022',
  'so ket 6 thang',
  'ngoc son',
  'van doc',
  'dang uy',
  'tu van phat trien',
  'nhiem vu trong tam',
  'bai so 42',
];

/**
 * Runs in a fresh process (forked by libraryBenchmarks): starts a LibrarySession on a built library as main does,
 * asks `app:startup` as the window would while it opens, times the first usable `library:list`, then waits for the
 * persisted search index and times real `library:search` calls. Arguments: <data folder> [--no-search]
 */
async function main(): Promise<void> {
  const started = performance.now();
  const [dataDirectory, ...flags] = process.argv.slice(2);
  if (dataDirectory === undefined || process.send === undefined) throw new Error('usage: fork with <data folder>');
  const session = LibrarySession.start({
    dataDirectory,
    appVersion: 'bench',
    dialogs: cannedDialogs(),
  });
  const handlers = createHandlers(session, { onCloseReady: () => {} });
  let progressAnswers = 0;
  let articlesRead = 0;
  // The window's StartupGate asks every 150 ms; answers are cheap and must not slow the opening down.
  const poller = setInterval(() => {
    void handlers['app:startup']({}).then((status) => {
      if (status.state !== 'opening' || status.total === 0) return;
      progressAnswers += 1;
      articlesRead = status.total;
    });
  }, 150);
  const list = await handlers['library:list']({ scope: 'active' });
  const listedAt = performance.now();
  clearInterval(poller);
  const rssAfterListBytes = process.memoryUsage().rss;
  const searchSamplesMs: number[] = [];
  const hitsPerQuery: number[] = [];
  let searchReadyMs = 0;
  if (!flags.includes('--no-search')) {
    await session.library.search.ready;
    searchReadyMs = performance.now() - listedAt;
    for (let round = 0; round < 5; round += 1) {
      for (const query of queries) {
        const before = performance.now();
        const result = await handlers['library:search']({ query, scope: 'active' });
        searchSamplesMs.push(performance.now() - before);
        if (round === 0) hitsPerQuery.push(result.ids.length);
      }
    }
  }
  const report: LibraryStartReport = {
    openToListMs: listedAt - started,
    processToListMs: listedAt,
    listed: list.length,
    articlesRead,
    progressAnswers,
    rssAfterListBytes,
    searchReadyMs,
    rssAfterSearchBytes: process.memoryUsage().rss,
    searchSamplesMs,
    hitsPerQuery,
  };
  // Quitting as the app does: the index written, the lock let go for the next run.
  await session.close();
  process.send(report, undefined, {}, () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
