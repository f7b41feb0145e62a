import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { errorCodeOf } from '../storage/fileSystemErrors';

/** Relative paths ("ab/abc.json") of the files under a folder, skipping dot-names (temp files); empty when missing. */
export async function listFilesUnder(folder: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true, recursive: true });
  } catch (error) {
    if (errorCodeOf(error) === 'ENOENT') return [];
    throw error;
  }
  const found: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const relative = join(entry.parentPath, entry.name).slice(folder.length + 1);
    if (relative.split(/[\\/]/).some((part) => part.startsWith('.'))) continue;
    found.push(relative);
  }
  return found.sort();
}
