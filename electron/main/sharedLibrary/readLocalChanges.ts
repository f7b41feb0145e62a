import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errorCodeOf } from '../storage/fileSystemErrors';
import { gitBlobId } from './gitBlobId';
import { isInScope, type LibraryScan } from './scanLibraryFiles';
import type { SyncedFile } from './SyncStateFile';

/** A library file changed here since the last sync: its blob id and the size and time it had before it was read. */
export interface LocalFile {
  oid: string;
  size: number;
  mtimeMs: number;
}

export interface LocalChanges {
  /** Changed or added files (their new blob id), and removed ones (null). */
  changes: Map<string, LocalFile | null>;
  /** Files whose bytes are what the last sync left but whose time moved (rewritten with the same bytes): new look. */
  touched: Map<string, SyncedFile>;
}

const readBatch = 8;

/**
 * What changed in the library (or in the scanned scope of it) since the last sync, against the synced files: a file
 * whose size and time are the ones recorded is not read; any other is read and hashed. A file missing while its
 * previous generation is there is being replaced by a save, not removed.
 */
export async function readLocalChanges(
  libraryFolder: string,
  synced: Record<string, SyncedFile>,
  scan: LibraryScan,
  scope?: readonly string[],
): Promise<LocalChanges> {
  const result: LocalChanges = { changes: new Map(), touched: new Map() };
  const toRead = [...scan.files].filter(([path, file]) => {
    const known = synced[path];
    return known === undefined || known[1] !== file.size || known[2] !== file.mtimeMs;
  });
  for (let start = 0; start < toRead.length; start += readBatch) {
    await Promise.all(
      toRead.slice(start, start + readBatch).map(async ([path, file]) => {
        let bytes: Uint8Array;
        try {
          bytes = await readFile(join(libraryFolder, path));
        } catch (error) {
          // Gone since the scan: the next sync sees what became of it.
          if (errorCodeOf(error) === 'ENOENT') return;
          throw error;
        }
        const oid = gitBlobId(bytes);
        const known = synced[path];
        // The time the scan saw, taken before the read: a save landing after the read moves it again, so it is read next time.
        if (known !== undefined && known[0] === oid) result.touched.set(path, [oid, file.size, file.mtimeMs]);
        else result.changes.set(path, { oid, size: file.size, mtimeMs: file.mtimeMs });
      }),
    );
  }
  for (const path of Object.keys(synced)) {
    if (!scan.files.has(path) && !scan.withPreviousGeneration.has(path) && isInScope(path, scope)) result.changes.set(path, null);
  }
  return result;
}
