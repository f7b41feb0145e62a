import * as nodeFileSystem from 'node:fs/promises';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleStore } from '../../electron/main/storage/ArticleStore';
import type { DurableFileSystem } from '../../electron/main/storage/writeFileDurably';
import { sampleContent } from '../support/sampleContent';
import { flushBeforeCleanup, useTemporaryDirectories } from '../support/temporaryDirectory';

/** The step of a save that fails: writing the temp file, fsyncing it, moving the current file aside, or renaming the temp file in. */
type Step = 'write' | 'fsync' | 'rename-current-aside' | 'rename-temp-in';

/** The real file system, with one step failing with an errno code while `fault` is set. */
function faultyFileSystem(): { fileSystem: DurableFileSystem; fault: { step: Step; code: string } | null } {
  const control: { fileSystem: DurableFileSystem; fault: { step: Step; code: string } | null } = {
    fault: null,
    fileSystem: undefined as never,
  };
  const fail = (step: Step) => {
    if (control.fault?.step === step) throw Object.assign(new Error(`${control.fault.code}: injected`), { code: control.fault.code });
  };
  control.fileSystem = {
    async open(path, flags) {
      const handle = await nodeFileSystem.open(path, flags);
      return {
        async writeFile(data) {
          fail('write');
          await handle.writeFile(data);
        },
        async sync() {
          if (flags !== 'r') fail('fsync');
          await handle.sync();
        },
        close: () => handle.close(),
      };
    },
    async rename(from, to) {
      fail(from.endsWith('.tmp') ? 'rename-temp-in' : 'rename-current-aside');
      await nodeFileSystem.rename(from, to);
    },
    unlink: (path) => nodeFileSystem.unlink(path),
    mkdir: (path, options) => nodeFileSystem.mkdir(path, options),
  };
  return control;
}

const cases: Array<{ step: Step; code: string; expected: string }> = (
  ['write', 'fsync', 'rename-current-aside', 'rename-temp-in'] as const
).flatMap((step) => [
  { step, code: 'ENOSPC', expected: 'disk-full' },
  { step, code: 'EACCES', expected: 'permission-denied' },
]);

describe('a save that meets a full disk or a refused permission', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it.each(cases)(
    'at $step with $code rejects as $expected, keeps the current file byte for byte, leaves no temp file, succeeds once the fault is gone',
    async ({ step, code, expected }) => {
      const directory = await temporaryDirectory();
      const control = faultyFileSystem();
      const store = flushBeforeCleanup(
        await ArticleStore.open({ directory, writeOptions: { fileSystem: control.fileSystem }, indexWriteDelayMs: 60_000 }),
      );
      const article = await store.create();
      await store.save(article.id, 1, sampleContent({ title: 'Đã lưu' }));
      const path = join(directory, 'articles', article.id.slice(0, 2), `${article.id}.json`);
      const before = { current: await readFile(path), previous: await readFile(`${path}.prev`) };

      control.fault = { step, code };
      await expect(store.save(article.id, 2, sampleContent({ title: 'Chưa lưu được' }))).rejects.toMatchObject({ code: expected });
      expect(await readFile(path)).toEqual(before.current);
      // Once the current file is moved aside, putting it back consumes the older generation (no hard links to keep both).
      const previousKept = step !== 'rename-temp-in';
      if (previousKept) expect(await readFile(`${path}.prev`)).toEqual(before.previous);
      expect((await readdir(dirname(path))).sort()).toEqual(
        previousKept ? [`${article.id}.json`, `${article.id}.json.prev`] : [`${article.id}.json`],
      );
      expect(await store.get(article.id)).toMatchObject({ title: 'Đã lưu', revision: 2 });

      control.fault = null;
      await expect(store.save(article.id, 2, sampleContent({ title: 'Đã lưu lại' }))).resolves.toMatchObject({ revision: 3 });
      await store.flush();
      const reopened = flushBeforeCleanup(await ArticleStore.open({ directory }));
      expect(await reopened.get(article.id)).toMatchObject({ title: 'Đã lưu lại', revision: 3 });
    },
  );
});
