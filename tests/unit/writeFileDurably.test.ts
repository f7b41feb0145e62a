import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import * as nodeFileSystem from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errorCodes';
import { writeFileDurably, type DurableFileSystem } from '../../electron/main/storage/writeFileDurably';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

type Step = 'write' | 'fsync' | 'rename';

/** A real file system that records each step and can fail one of them with a given errno code. */
function recordingFileSystem(log: string[], failAt?: { step: Step; code: string }): DurableFileSystem {
  const fail = (step: Step) => {
    if (failAt?.step === step) throw Object.assign(new Error(`${failAt.code}: injected`), { code: failAt.code });
  };
  return {
    async open(path, flags) {
      const handle = await nodeFileSystem.open(path, flags);
      const what = flags === 'r' ? 'folder' : 'file';
      log.push(`open ${what}`);
      return {
        async writeFile(data) {
          fail('write');
          await handle.writeFile(data);
          log.push('write');
        },
        async sync() {
          if (what === 'file') fail('fsync');
          await handle.sync();
          log.push(`fsync ${what}`);
        },
        async close() {
          await handle.close();
          log.push(`close ${what}`);
        },
      };
    },
    async rename(from, to) {
      fail('rename');
      await nodeFileSystem.rename(from, to);
      log.push('rename');
    },
    async unlink(path) {
      await nodeFileSystem.unlink(path);
      log.push('unlink temp');
    },
    async mkdir(path, options) {
      return nodeFileSystem.mkdir(path, options);
    },
  };
}

describe('writeFileDurably', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('writes the temp file, fsyncs it, renames it, fsyncs the folder, and only then resolves', async () => {
    const folder = await temporaryDirectory();
    const log: string[] = [];
    const target = join(folder, 'article.json');
    await writeFileDurably(target, '{"a":1}', { fileSystem: recordingFileSystem(log), platform: 'linux' }).then(() =>
      log.push('acknowledged'),
    );
    expect(log).toEqual([
      'open file',
      'write',
      'fsync file',
      'close file',
      'rename',
      'open folder',
      'fsync folder',
      'close folder',
      'acknowledged',
    ]);
    expect(await readFile(target, 'utf8')).toBe('{"a":1}');
  });

  it('keeps the previous generation by renaming the current file aside just before the temp file takes its place', async () => {
    const folder = await temporaryDirectory();
    const log: string[] = [];
    const target = join(folder, 'article.json');
    await writeFile(target, 'generation 1');
    await writeFileDurably(target, 'generation 2', { fileSystem: recordingFileSystem(log), platform: 'linux' }, `${target}.prev`);
    expect(log).toEqual([
      'open file',
      'write',
      'fsync file',
      'close file',
      'rename',
      'rename',
      'open folder',
      'fsync folder',
      'close folder',
    ]);
    expect(await readFile(target, 'utf8')).toBe('generation 2');
    expect(await readFile(`${target}.prev`, 'utf8')).toBe('generation 1');
  });

  it('writes a first generation when there is no current file to keep', async () => {
    const folder = await temporaryDirectory();
    const target = join(folder, 'article.json');
    await writeFileDurably(target, 'generation 1', {}, `${target}.prev`);
    expect(await readdir(folder)).toEqual(['article.json']);
  });

  it('skips the folder fsync on Windows, where a folder cannot be opened for it', async () => {
    const folder = await temporaryDirectory();
    const log: string[] = [];
    await writeFileDurably(join(folder, 'a.json'), 'x', { fileSystem: recordingFileSystem(log), platform: 'win32' });
    expect(log).toEqual(['open file', 'write', 'fsync file', 'close file', 'rename']);
  });

  it('creates missing parent folders', async () => {
    const folder = await temporaryDirectory();
    const target = join(folder, 'articles', 'ab', 'abcdef12.json');
    await writeFileDurably(target, 'content');
    expect(await readFile(target, 'utf8')).toBe('content');
  });

  const failures: Array<{ step: Step; code: string; expected: string }> = [
    { step: 'write', code: 'ENOSPC', expected: 'disk-full' },
    { step: 'fsync', code: 'ENOSPC', expected: 'disk-full' },
    { step: 'rename', code: 'ENOSPC', expected: 'disk-full' },
    { step: 'write', code: 'EACCES', expected: 'permission-denied' },
    { step: 'fsync', code: 'EIO', expected: 'storage-failed' },
    { step: 'rename', code: 'EPERM', expected: 'permission-denied' },
  ];

  it.each(failures)('keeps the old file and leaves no temp file when $step fails with $code', async ({ step, code, expected }) => {
    const folder = await temporaryDirectory();
    const target = join(folder, 'article.json');
    await writeFile(target, 'old content');
    const log: string[] = [];
    const attempt = writeFileDurably(target, 'new content', { fileSystem: recordingFileSystem(log, { step, code }), platform: 'linux' });
    await expect(attempt).rejects.toSatisfy((error: unknown) => error instanceof AppError && error.code === expected);
    expect(await readFile(target, 'utf8')).toBe('old content');
    expect(await readdir(folder)).toEqual(['article.json']);
    expect(log).toContain('unlink temp');
  });

  it('lets two writes to one folder run at once without their temp files colliding', async () => {
    const folder = await temporaryDirectory();
    await mkdir(folder, { recursive: true });
    await Promise.all([writeFileDurably(join(folder, 'a.json'), 'A'), writeFileDurably(join(folder, 'b.json'), 'B')]);
    expect((await readdir(folder)).sort()).toEqual(['a.json', 'b.json']);
  });
});
