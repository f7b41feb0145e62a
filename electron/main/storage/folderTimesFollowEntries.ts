import { mkdir, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Whether adding or removing a file in a folder moves the folder's mtime on the file system holding `parent` (true on
 * NTFS, ext4, APFS; not promised on every FAT/exFAT driver or network share). Opening the library skips the prefix
 * folders whose mtime did not move since the index was written, so it must know this first. Probed in a dot-folder the
 * store never lists, set a day back, then written into; any failure answers false (the slower, always-right path).
 */
export async function folderTimesFollowEntries(parent: string): Promise<boolean> {
  const probeFolder = join(parent, '.folder-time-probe');
  try {
    await mkdir(probeFolder, { recursive: true });
    const dayAgo = new Date(Date.now() - 86_400_000);
    await utimes(probeFolder, dayAgo, dayAgo);
    const probeFile = join(probeFolder, `${process.pid}.probe`);
    await writeFile(probeFile, '');
    await unlink(probeFile);
    // Well past the coarsest timestamp resolution (FAT: 2 s).
    return (await stat(probeFolder)).mtimeMs > dayAgo.getTime() + 60_000;
  } catch {
    return false;
  }
}
