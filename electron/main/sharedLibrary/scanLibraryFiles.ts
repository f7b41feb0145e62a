import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { errorCodeOf } from '../storage/fileSystemErrors';
import { sharedFileOf } from '../library/libraryLayout';

/** What a library file looked like when scanned: enough to tell, without reading it, that it has not changed. */
export interface ScannedFile {
  size: number;
  mtimeMs: number;
}

export interface LibraryScan {
  /** Every file the shared library carries, by its path relative to the library folder (`/`-separated). */
  files: Map<string, ScannedFile>;
  /**
   * Shared files that have a previous generation (`<file>.prev`): one missing while its previous generation is there
   * is being replaced by a save right now (between its two renames), not deleted.
   */
  withPreviousGeneration: Set<string>;
}

/** Folders of the library that hold only caches. */
const cacheFolders = new Set(['search']);
const statBatch = 64;

/**
 * Lists the library folder's shared files with their size and time; caches, temp files and previous generations
 * skipped. With `scope`, only the paths starting with one of its prefixes (`articles/ab/<id>` takes the article's file
 * and its records folder): a sync of one changed article reads a few folders, not the whole library.
 */
export async function scanLibraryFiles(libraryFolder: string, scope?: readonly string[]): Promise<LibraryScan> {
  const scan: LibraryScan = { files: new Map(), withPreviousGeneration: new Set() };
  if (scope === undefined) {
    await scanFolder(libraryFolder, '', scan);
    return scan;
  }
  for (const prefix of scope) {
    const slash = prefix.lastIndexOf('/');
    await scanFolder(
      join(libraryFolder, ...prefix.slice(0, slash + 1).split('/')),
      prefix.slice(0, slash + 1),
      scan,
      prefix.slice(slash + 1),
    );
  }
  return scan;
}

/** Whether a library path falls in a scope (all of them without one). */
export function isInScope(path: string, scope?: readonly string[]): boolean {
  return scope === undefined || scope.some((prefix) => path.startsWith(prefix));
}

async function scanFolder(folder: string, prefix: string, scan: LibraryScan, namePrefix = ''): Promise<void> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    // A folder emptied by the trash while the scan walked it.
    if (errorCodeOf(error) === 'ENOENT' || errorCodeOf(error) === 'ENOTDIR') return;
    throw error;
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || !entry.name.startsWith(namePrefix)) continue;
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory()) {
      if (prefix === '' && cacheFolders.has(entry.name)) continue;
      await scanFolder(join(folder, entry.name), `${path}/`, scan);
    } else if (entry.isFile()) {
      if (path.endsWith('.prev')) {
        const current = path.slice(0, -'.prev'.length);
        if (sharedFileOf(current) !== null) scan.withPreviousGeneration.add(current);
      } else if (sharedFileOf(path) !== null) files.push(entry.name);
    }
  }
  for (let start = 0; start < files.length; start += statBatch) {
    await Promise.all(
      files.slice(start, start + statBatch).map(async (name) => {
        try {
          const stats = await lstat(join(folder, name));
          if (stats.isFile()) scan.files.set(`${prefix}${name}`, { size: stats.size, mtimeMs: stats.mtimeMs });
        } catch (error) {
          // Replaced or deleted between the listing and the look: the previous-generation rule or the next sync sees it.
          if (errorCodeOf(error) !== 'ENOENT') throw error;
        }
      }),
    );
  }
}
