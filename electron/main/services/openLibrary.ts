import { join } from 'node:path';
import { createBackupCopyFinder } from '../backup/findBackupCopies';
import { MediaStore } from '../media/MediaStore';
import { ArticleStore, type LibraryOpenProgress } from '../storage/ArticleStore';
import { RecoveryLog } from '../storage/RecoveryLog';
import { SettingsStore } from '../storage/SettingsStore';
import type { DurableWriteOptions } from '../storage/writeFileDurably';

/** Where everything lives inside the data folder. */
export function libraryPaths(dataDirectory: string) {
  return {
    library: join(dataDirectory, 'library'),
    // Kept apart from the article files, so a sync engine can treat photos (large, immutable) differently.
    media: join(dataDirectory, 'library', 'media'),
    exports: join(dataDirectory, 'exports'),
  };
}

/** Opens the stores of a data folder (creating it on first run). */
export async function openLibrary(dataDirectory: string, options: { now?: () => Date; writeOptions?: DurableWriteOptions; onProgress?: (progress: LibraryOpenProgress) => void } = {}) {
  const paths = libraryPaths(dataDirectory);
  // One log for every store, read through the article store (`app:notices`); damaged files go to <data>/quarantine.
  const recovery = { dataDirectory, log: new RecoveryLog(), now: options.now };
  const store = await ArticleStore.open({
    directory: paths.library,
    now: options.now,
    writeOptions: options.writeOptions,
    dataDirectory,
    recoveryLog: recovery.log,
    findBackupCopies: createBackupCopyFinder(dataDirectory),
    onProgress: options.onProgress,
  });
  const settings = await SettingsStore.open(dataDirectory, options.writeOptions, recovery);
  const media = await MediaStore.open({ directory: paths.media, now: options.now, writeOptions: options.writeOptions, recovery });
  return { store, settings, media, paths };
}
