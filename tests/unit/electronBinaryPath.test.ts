import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinaryPath } from '../../build/start/electronBinaryPath';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

const temporaryDirectory = useTemporaryDirectories();

/** A folder laid out like node_modules/electron after `npm ci`: path.txt and dist/ only when the download worked. */
async function electronPackage(download: 'downloaded' | 'skipped' | 'binary deleted'): Promise<string> {
  const directory = await temporaryDirectory();
  await writeFile(join(directory, 'index.js'), 'throw new Error("Electron failed to install correctly");\n');
  if (download === 'skipped') return directory;
  await writeFile(join(directory, 'path.txt'), 'electron');
  await mkdir(join(directory, 'dist'));
  if (download === 'downloaded') await writeFile(join(directory, 'dist', 'electron'), '');
  return directory;
}

describe("finding Electron's binary without loading the electron package", () => {
  it('is dist/<path.txt> when the download worked', async () => {
    const directory = await electronPackage('downloaded');
    expect(electronBinaryPath(directory, {})).toBe(join(directory, 'dist', 'electron'));
  });

  it('is null when the download was skipped or failed (no path.txt)', async () => {
    expect(electronBinaryPath(await electronPackage('skipped'), {})).toBeNull();
  });

  it('is null when path.txt names a binary that is not there', async () => {
    expect(electronBinaryPath(await electronPackage('binary deleted'), {})).toBeNull();
  });

  it('looks in ELECTRON_OVERRIDE_DIST_PATH instead of dist/ when it is set', async () => {
    const directory = await electronPackage('skipped');
    const override = await temporaryDirectory();
    expect(electronBinaryPath(directory, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBeNull();
    await writeFile(join(override, 'electron'), '');
    expect(electronBinaryPath(directory, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(join(override, 'electron'));
    expect(electronBinaryPath(await electronPackage('downloaded'), { ELECTRON_OVERRIDE_DIST_PATH: await temporaryDirectory() })).toBeNull();
  });
});
