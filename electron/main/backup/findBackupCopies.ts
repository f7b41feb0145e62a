import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { libraryLayout, relativeLayout, snapshotManifestFile } from '../library/libraryLayout';
import { snapshotIdPattern } from './snapshotId';

/**
 * For a file of the data folder, the paths of its copies in the finished snapshots under `<data>/backups/`,
 * newest first (a snapshot counts once its manifest exists). Used when both generations of a file are damaged.
 */
export function createBackupCopyFinder(dataDirectory: string): (path: string) => Promise<string[]> {
  const backupsFolder = libraryLayout(dataDirectory).backups;
  return async (path) => {
    const inside = relative(dataDirectory, path);
    if (inside.startsWith('..') || inside.startsWith(`${relativeLayout.backups}${sep}`)) return [];
    const names = await readdir(backupsFolder).catch(() => [] as string[]);
    const copies: string[] = [];
    // Snapshot ids are UTC times, so a reverse sort is newest first.
    for (const name of names
      .filter((candidate) => snapshotIdPattern.test(candidate))
      .sort()
      .reverse()) {
      const complete = await stat(snapshotManifestFile(join(backupsFolder, name))).then(
        () => true,
        () => false,
      );
      if (complete) copies.push(join(backupsFolder, name, inside));
    }
    return copies;
  };
}
