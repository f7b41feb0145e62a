import type { Dialogs } from '../../electron/main/ipc/createHandlers';
import { createHandlers } from '../../electron/main/ipc/createHandlers';
import { openLibrary } from '../../electron/main/services/openLibrary';
import { LibrarySearch } from '../../electron/main/search/LibrarySearch';
import { flushBeforeCleanup } from './temporaryDirectory';

/** Dialogs a test answers in advance: an export path or folder, files to insert; cancelled by default. */
export function cannedDialogs(answers: { exportPath?: string; exportFolder?: string; imageFiles?: string[] } = {}): Dialogs {
  return {
    chooseExportPath: async () => answers.exportPath ?? null,
    chooseExportFolder: async () => answers.exportFolder ?? null,
    chooseImageFiles: async () => answers.imageFiles ?? [],
  };
}

/** The real handler table over a library in `dataDirectory`, as main builds it. */
export async function createTestHandlers(dataDirectory: string, answers: Parameters<typeof cannedDialogs>[0] = {}) {
  const library = await openLibrary(dataDirectory);
  flushBeforeCleanup(library.store);
  // Search shards are written late; a test's temp folder must not be recreated by one after cleanup.
  const search = flushBeforeCleanup(LibrarySearch.start({ store: library.store }));
  const handlers = createHandlers({
    store: library.store,
    settings: library.settings,
    media: library.media,
    dialogs: cannedDialogs(answers),
    appInfo: { version: 'test', dataDirectory },
    onCloseReady: () => {},
    search,
  });
  return { handlers, search, ...library };
}
