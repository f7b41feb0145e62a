import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { libraryLayout, previousGenerationOf } from '../library/libraryLayout';
import { errorCodeOf } from '../storage/fileSystemErrors';
import type { DurableWriteOptions } from '../storage/writeFileDurably';
import { linkOrCopyFile, type LinkFile } from './linkOrCopyFile';
import { listFilesUnder } from './listFilesUnder';
import { syncFolder } from './syncFolder';

export interface ReplaceOptions {
  dataDirectory: string;
  linkFile?: LinkFile;
  writeOptions?: DurableWriteOptions;
}

/**
 * Swaps a snapshot's files (`source` mirrors the data folder) into the library one at a time, each by an atomic
 * rename. The index goes first and comes back last: a crash in between leaves no index, so the next start rebuilds
 * it from whichever article files are there. The caller has flushed the open stores and re-opens them afterwards.
 */
export async function replaceLibraryWithSnapshot(source: string, options: ReplaceOptions): Promise<void> {
  const live = libraryLayout(options.dataDirectory);
  const snapshot = libraryLayout(source);
  const replace = (from: string, target: string) => replaceFile(from, target, options);
  await unlink(live.library.index).catch((error: unknown) => {
    if (errorCodeOf(error) !== 'ENOENT') throw error;
  });
  // The live search index describes newer revisions than the snapshot's, and search ignores an older revision than
  // the one it holds: left in place, restored articles would be found by text they no longer have.
  await rm(live.library.search, { recursive: true, force: true });
  // Likewise the spell check's words by revision: the next saves number their revisions from the restored ones again.
  await rm(live.library.spellingWords, { force: true });
  const wanted = new Set(await listFilesUnder(snapshot.library.articles));
  for (const relative of await listFilesUnder(live.library.articles)) {
    // The before-restore snapshot holds every article removed here.
    if (!wanted.has(relative)) await rm(join(live.library.articles, relative), { force: true });
  }
  for (const relative of wanted) await replace(join(snapshot.library.articles, relative), join(live.library.articles, relative));
  // Photos are immutable and named by content: bring back the missing ones (the trash may have been emptied since).
  const present = new Set(await listFilesUnder(live.library.media));
  for (const relative of await listFilesUnder(snapshot.library.media)) {
    if (!present.has(relative)) await replace(join(snapshot.library.media, relative), join(live.library.media, relative));
  }
  // The snapshot's words come back (one removed since too); words added since are kept, as a word harms no text.
  const words = new Set(await listFilesUnder(live.library.dictionary));
  for (const relative of await listFilesUnder(snapshot.library.dictionary)) {
    if (!words.has(relative)) await replace(join(snapshot.library.dictionary, relative), join(live.library.dictionary, relative));
  }
  if (await exists(snapshot.settings)) await replace(snapshot.settings, live.settings);
  if (await exists(snapshot.library.sharedSettings)) await replace(snapshot.library.sharedSettings, live.library.sharedSettings);
  else {
    // The snapshot's library had no shared settings file (the defaults, or a house style still in its settings.json, moved
    // at the next open): without both generations here, the library opens with what the snapshot held.
    await rm(live.library.sharedSettings, { force: true });
    await rm(previousGenerationOf(live.library.sharedSettings), { force: true });
  }
  if (await exists(snapshot.library.index)) await replace(snapshot.library.index, live.library.index);
}

/** Replaces `target` by the snapshot's file atomically: link (or copy) beside it, then rename over it. */
async function replaceFile(from: string, target: string, options: ReplaceOptions): Promise<void> {
  const [source, current] = await Promise.all([stat(from), stat(target).catch(() => null)]);
  if (current !== null && current.ino === source.ino && current.dev === source.dev) return;
  await mkdir(dirname(target), { recursive: true });
  const temporary = join(dirname(target), `.restore-${randomBytes(6).toString('hex')}.tmp`);
  try {
    await linkOrCopyFile(from, temporary, { linkFile: options.linkFile, writeOptions: options.writeOptions });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(target));
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
