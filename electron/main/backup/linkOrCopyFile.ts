import { link, readFile } from 'node:fs/promises';
import { errorCodeOf } from '../storage/fileSystemErrors';
import { writeFileDurably, type DurableWriteOptions } from '../storage/writeFileDurably';

/** Makes a hard link; tests pass one that fails to exercise the copy fallback. */
export type LinkFile = (existingPath: string, newPath: string) => Promise<void>;

/**
 * Puts a point-in-time copy of `from` at `to` (which must not exist). Library files are only ever replaced by rename,
 * never changed in place, so a hard link is a true copy; where links fail (FAT, exFAT, another volume) it copies.
 */
export async function linkOrCopyFile(
  from: string,
  to: string,
  options: { linkFile?: LinkFile; writeOptions?: DurableWriteOptions } = {},
): Promise<'linked' | 'copied'> {
  try {
    await (options.linkFile ?? link)(from, to);
    return 'linked';
  } catch (error) {
    if (errorCodeOf(error) === 'ENOENT' || errorCodeOf(error) === 'EEXIST') throw error;
    await writeFileDurably(to, await readFile(from), options.writeOptions);
    return 'copied';
  }
}
