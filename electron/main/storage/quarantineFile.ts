import { mkdir, rename, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { libraryLayout } from '../library/libraryLayout';
import { errorCodeOf } from './fileSystemErrors';

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (errorCodeOf(error) === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Moves a damaged file, unchanged, to `<data folder>/quarantine/<time>/<its path inside the data folder>` and
 * returns where it went. The time has `-` for `:` (Windows refuses colons in names); a taken name gets a suffix,
 * since rename would silently replace an earlier quarantined file.
 */
export async function quarantineFile(path: string, dataDirectory: string, now: Date): Promise<string> {
  const inside = relative(dataDirectory, path);
  const relativePath = inside === '' || inside.startsWith('..') || isAbsolute(inside) ? basename(path) : inside;
  const stamp = now.toISOString().replaceAll(':', '-');
  for (let attempt = 1; ; attempt += 1) {
    const destination = join(libraryLayout(dataDirectory).quarantine, attempt === 1 ? stamp : `${stamp}-${attempt}`, relativePath);
    if (await exists(destination)) continue;
    await mkdir(dirname(destination), { recursive: true });
    await rename(path, destination);
    return destination;
  }
}
