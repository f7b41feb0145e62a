import { randomBytes } from 'node:crypto';
import * as nodeFileSystem from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { toStorageError } from './fileSystemErrors';

/** The slice of `fs/promises` a durable write needs; tests pass a recording or failing one. */
export interface DurableFileSystem {
  open(path: string, flags: string): Promise<{
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
 */
export async function writeFileDurably(path: string, data: string | Uint8Array, options: DurableWriteOptions = {}): Promise<void> {
  const fileSystem = options.fileSystem ?? (nodeFileSystem as unknown as DurableFileSystem);
  const platform = options.platform ?? process.platform;
  const folder = dirname(path);
  // A unique temp name: two writers on one folder never collide (steno's fixed name does).
  const temporaryPath = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fileSystem.mkdir(folder, { recursive: true });
    const handle = await fileSystem.open(temporaryPath, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fileSystem.rename(temporaryPath, path);
  } catch (error) {
    await fileSystem.unlink(temporaryPath).catch(() => undefined);
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
