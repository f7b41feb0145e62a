import { createBackupCopyFinder } from '../backup/findBackupCopies';
import { MediaStore } from '../media/MediaStore';
import { ArticleStore, type LibraryOpenProgress } from '../storage/ArticleStore';
import { RecoveryLog } from '../storage/RecoveryLog';
import { SettingsStore } from '../storage/SettingsStore';
import type { DurableWriteOptions } from '../storage/writeFileDurably';
import { VersionStore } from '../storage/VersionStore';
import { createCommentLog } from '../storage/CommentLog';
import { createConflictLog } from '../storage/ConflictLog';
import { DictionaryStore } from '../storage/DictionaryStore';
import { createWorkflowLog } from '../storage/WorkflowLog';
import { libraryLayout } from './libraryLayout';

export interface OpenLibraryOptions {
  now?: () => Date;
  writeOptions?: DurableWriteOptions;
  onProgress?: (progress: LibraryOpenProgress) => void;
}

/** Opens the stores of a data folder (creating it on first run). */
export async function openLibrary(dataDirectory: string, options: OpenLibraryOptions = {}) {
  const layout = libraryLayout(dataDirectory);
  // One log for every store, read through the article store (`app:notices`); damaged files go to <data>/quarantine.
  const recovery = { dataDirectory, log: new RecoveryLog(), now: options.now };
  const store = await ArticleStore.open({
    directory: layout.library.folder,
    now: options.now,
    writeOptions: options.writeOptions,
    dataDirectory,
    recoveryLog: recovery.log,
    findBackupCopies: createBackupCopyFinder(dataDirectory),
    onProgress: options.onProgress,
  });
  const settings = await SettingsStore.open(dataDirectory, options.writeOptions, recovery);
  const media = await MediaStore.open({ directory: layout.library.media, now: options.now, writeOptions: options.writeOptions, recovery });
  const workflow = createWorkflowLog(layout.library.folder, options.writeOptions);
  const comments = createCommentLog(layout.library.folder, options.writeOptions);
  const versions = new VersionStore(layout.library.folder, options.writeOptions);
  const conflicts = createConflictLog(layout.library.folder, options.writeOptions);
  const dictionary = new DictionaryStore(layout.library.folder, options.writeOptions);
  return { store, settings, media, workflow, comments, versions, conflicts, dictionary, layout };
}

/** The stores of one opened data folder. */
export type LibraryStores = Awaited<ReturnType<typeof openLibrary>>;
