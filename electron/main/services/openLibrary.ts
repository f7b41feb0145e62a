import { join } from 'node:path';
import { MediaStore } from '../media/MediaStore';
import { ArticleStore } from '../storage/ArticleStore';
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
export async function openLibrary(dataDirectory: string, options: { now?: () => Date; writeOptions?: DurableWriteOptions } = {}) {
  const paths = libraryPaths(dataDirectory);
  const store = await ArticleStore.open({ directory: paths.library, now: options.now, writeOptions: options.writeOptions });
  const settings = await SettingsStore.open(dataDirectory, options.writeOptions);
  const media = await MediaStore.open({ directory: paths.media, now: options.now, writeOptions: options.writeOptions });
  return { store, settings, media, paths };
}
