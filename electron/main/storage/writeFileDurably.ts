import { randomBytes } from 'node:crypto';
import * as nodeFileSystem from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorCodeOf, toStorageError } from './fileSystemErrors';

/** The slice of `fs/promises` a durable write needs; tests pass a recording or failing one. */
export interface DurableFileSystem {
  open(
    path: string,
    flags: string,
  ): Promise<{
    writeFile(data: string | Uint8Array): Promise<void>;
    sync(): Promise<void>;
    close(): Promise<void>;
  }>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
}

export interface DurableWriteOptions {
  fileSystem?: DurableFileSystem;
  platform?: NodeJS.Platform;
}

/**
 * Writes a file so that a crash or power cut leaves either the old or the new content, never a mix:
 * temp file, fsync, rename over the target, fsync of the folder (not possible on Windows), then resolve.
 *
 * With `previousGenerationPath`, the current file is first renamed there (no hard links: not every file system
 * has them), then the temp file takes its place. A crash between the two renames leaves no current file and the
 * previous generation holding the last acknowledged save; readers fall back to it. A failed step puts the current
 * file back, so the old file stays where it was.
 */
export async function writeFileDurably(
  path: string,
  data: string | Uint8Array,
  options: DurableWriteOptions = {},
  previousGenerationPath?: string,
): Promise<void> {
  const fileSystem: DurableFileSystem = options.fileSystem ?? nodeFileSystem;
  const platform = options.platform ?? process.platform;
  const folder = dirname(path);
  // A unique temp name: two writers on one folder never collide (steno's fixed name does).
  const temporaryPath = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let currentMovedAside = false;
  try {
    await fileSystem.mkdir(folder, { recursive: true });
    const handle = await fileSystem.open(temporaryPath, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (previousGenerationPath !== undefined) {
      try {
        await fileSystem.rename(path, previousGenerationPath);
        currentMovedAside = true;
      } catch (error) {
        // No current file (first save, or a crash between the two renames): the previous generation stays as it is.
        if (errorCodeOf(error) !== 'ENOENT') throw error;
      }
    }
    await fileSystem.rename(temporaryPath, path);
  } catch (error) {
    await fileSystem.unlink(temporaryPath).catch(() => undefined);
    if (currentMovedAside && previousGenerationPath !== undefined)
      await fileSystem.rename(previousGenerationPath, path).catch(() => undefined);
    throw toStorageError(error, path);
  }
  if (platform !== 'win32') {
    try {
      const folderHandle = await fileSystem.open(folder, 'r');
      try {
        await folderHandle.sync();
      } finally {
        await folderHandle.close();
      }
    } catch (error) {
      throw toStorageError(error, folder);
    }
  }
}
