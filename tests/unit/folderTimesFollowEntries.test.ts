import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderTimesFollowEntries } from '../../electron/main/storage/folderTimesFollowEntries';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

describe('folderTimesFollowEntries', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it("finds that this machine's temp file system moves a folder's mtime when a file is added, and leaves no probe file", async () => {
    const parent = await temporaryDirectory();
    expect(await folderTimesFollowEntries(parent)).toBe(true);
    expect(await readdir(join(parent, '.folder-time-probe'))).toEqual([]);
  });

  it('answers false (the always-right slow path) when it cannot probe', async () => {
    const parent = await temporaryDirectory();
    const notAFolder = join(parent, 'file');
    await writeFile(notAFolder, 'x');
    expect(await folderTimesFollowEntries(notAFolder)).toBe(false);
  });
});
