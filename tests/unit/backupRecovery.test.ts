import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../electron/main/library/openLibrary';
import { readStoredData } from '../support/readStoredData';
import { sampleContent } from '../support/sampleContent';
import { flushBeforeCleanup, useTemporaryDirectories } from '../support/temporaryDirectory';

async function open(dataDirectory: string) {
  const library = await openLibrary(dataDirectory);
  flushBeforeCleanup(library.store);
  return library;
}

/** An article backed up as "Bản đã sao lưu", then saved twice more (so both generations are newer than the backup). */
async function articleWithBackup(dataDirectory: string, options: { manifest: boolean }) {
  const library = await open(dataDirectory);
  const article = await library.store.create();
  await library.store.save(article.id, 1, sampleContent({ title: 'Bản đã sao lưu' }));
  await library.store.flush();
  const articlePath = library.layout.library.articleFile(article.id);
  const snapshot = join(dataDirectory, 'backups', '2026-11-26T07-00-00');
  const copy = join(snapshot, relative(dataDirectory, articlePath));
  await mkdir(dirname(copy), { recursive: true });
  await cp(articlePath, copy);
  if (options.manifest) await writeFile(join(snapshot, 'manifest.json'), '{}');
  await library.store.save(article.id, 2, sampleContent({ title: 'Bản thứ ba' }));
  await library.store.save(article.id, 3, sampleContent({ title: 'Bản thứ tư' }));
  await library.store.flush();
  // Both generations destroyed: a disk error, not a crash.
  await writeFile(articlePath, Buffer.alloc(200));
  await writeFile(`${articlePath}.prev`, '{"format":"ban-thao/article", "data": trunc');
  return { id: article.id, articlePath };
}

describe('recovery from a backup', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('takes an article back from the newest backup when both of its generations are damaged, and says so', async () => {
    const dataDirectory = await temporaryDirectory();
    const { id, articlePath } = await articleWithBackup(dataDirectory, { manifest: true });
    const library = await open(dataDirectory);
    expect((await library.store.get(id)).title).toBe('Bản đã sao lưu');
    expect(library.store.recoveryNotices().map((notice) => notice.restoredFrom)).toEqual(['backup', 'backup']);
    expect((await readStoredData(articlePath)).title).toBe('Bản đã sao lưu');
  });

  it('never uses an unfinished snapshot (no manifest): the article is reported lost instead', async () => {
    const dataDirectory = await temporaryDirectory();
    const { id, articlePath } = await articleWithBackup(dataDirectory, { manifest: false });
    const library = await open(dataDirectory);
    await expect(library.store.get(id)).rejects.toMatchObject({ code: 'not-found' });
    expect(library.store.recoveryNotices().map((notice) => notice.restoredFrom)).toEqual([null, null]);
    await expect(readFile(articlePath)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
