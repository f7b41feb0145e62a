import { createHandlers } from '../../electron/main/ipc/createHandlers';
import { LibrarySearch } from '../../electron/main/search/LibrarySearch';
import { openLibrary } from '../../electron/main/services/openLibrary';

/** What the forked process reports back to libraryBenchmarks. */
export interface LibraryStartReport {
  /** From the first line of this module to the first `library:list` answer: openLibrary + list. */
  openToListMs: number;
  /** Since the process started (includes Node and tsx start-up, which the packaged app does not pay). */
  processToListMs: number;
  listed: number;
  rssAfterListBytes: number;
  /** Until the persisted search index is loaded and reconciled (in the background, after the list). */
  searchReadyMs: number;
  rssAfterSearchBytes: number;
  searchSamplesMs: number[];
  hitsPerQuery: number[];
}

const queries = ['hoi nghi', 'trung tam khuyen cong', 'd', 'nguyen toan thang', 'cong nghiep 2022', 'so ket 6 thang', 'ngoc son', 'van doc', 'dang uy', 'tu van phat trien', 'nhiem vu trong tam', 'bai so 42'];

/**
 * Runs in a fresh process (forked by libraryBenchmarks): opens a built library as the app does, times the first
 * usable list, then loads the persisted search index and times real `library:search` calls.
 * Argument: <data folder>
 */
async function main(): Promise<void> {
  const started = performance.now();
  const [dataDirectory] = process.argv.slice(2);
  if (dataDirectory === undefined || process.send === undefined) throw new Error('usage: fork with <data folder>');
  const { store, settings, media } = await openLibrary(dataDirectory);
  const search = LibrarySearch.start({ store });
  const handlers = createHandlers({
    store,
    settings,
    media,
    search,
    dialogs: { chooseExportPath: async () => null, chooseExportFolder: async () => null, chooseImageFiles: async () => [] },
    appInfo: { version: 'bench', dataDirectory },
    onCloseReady: () => {},
  });
  const list = await handlers['library:list']({ scope: 'active' });
  const listedAt = performance.now();
  const rssAfterListBytes = process.memoryUsage().rss;
  await search.ready;
  const searchReadyMs = performance.now() - listedAt;
  const searchSamplesMs: number[] = [];
  const hitsPerQuery: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    for (const query of queries) {
      const before = performance.now();
      const result = await handlers['library:search']({ query, scope: 'active' });
      searchSamplesMs.push(performance.now() - before);
      if (round === 0) hitsPerQuery.push(result.ids.length);
    }
  }
  const report: LibraryStartReport = {
    openToListMs: listedAt - started,
    processToListMs: listedAt,
    listed: list.length,
    rssAfterListBytes,
    searchReadyMs,
    rssAfterSearchBytes: process.memoryUsage().rss,
    searchSamplesMs,
    hitsPerQuery,
  };
  process.send(report, undefined, {}, () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
