import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeHandler } from '../../electron/main/ipc/invokeHandler';
import { openLibrary } from '../../electron/main/library/openLibrary';
import { corruptions } from '../support/corruptions';
import { createTestHandlers } from '../support/createTestHandlers';
import { sampleContent } from '../support/sampleContent';
import { flushBeforeCleanup, useTemporaryDirectories } from '../support/temporaryDirectory';

const openedAt = new Date('2026-11-26T08:00:00.000Z');
const quarantineStamp = '2026-11-26T08-00-00.000Z';

async function open(dataDirectory: string) {
  const library = await openLibrary(dataDirectory, { now: () => openedAt });
  flushBeforeCleanup(library.store);
  return library;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** A data folder holding one article saved twice (so a previous generation exists) and settings changed twice. */
async function libraryWithHistory(dataDirectory: string) {
  const library = await open(dataDirectory);
  const article = await library.store.create();
  await library.store.save(article.id, 1, sampleContent({ title: 'Bản thứ hai' }));
  await library.store.flush();
  await library.store.save(article.id, 2, sampleContent({ title: 'Bản thứ ba' }));
  await library.store.flush();
  await library.settings.update({ exportJpegQuality: 70 });
  await library.settings.update({ exportJpegQuality: 90 });
  const { layout } = library;
  return {
    id: article.id,
    articlePath: layout.library.articleFile(article.id),
    indexPath: layout.library.index,
    settingsPath: layout.settings,
  };
}

async function damage(path: string, how: (valid: Buffer) => Buffer): Promise<Buffer> {
  const damaged = how(await readFile(path));
  await writeFile(path, damaged);
  return damaged;
}

describe.each(corruptions)('a stored file damaged as %s', (_name, how) => {
  const temporaryDirectory = useTemporaryDirectories();

  it('is quarantined unchanged and the article is loaded from its previous generation, with a notice', async () => {
    const dataDirectory = await temporaryDirectory();
    const { id, articlePath } = await libraryWithHistory(dataDirectory);
    const damaged = await damage(articlePath, how);
    const reopened = await open(dataDirectory);
    const quarantinedTo = join(dataDirectory, 'quarantine', quarantineStamp, relative(dataDirectory, articlePath));
    expect(await readFile(quarantinedTo)).toEqual(damaged);
    expect(await reopened.store.get(id)).toMatchObject({ title: 'Bản thứ hai', revision: 2 });
    expect(reopened.store.recoveryNotices()).toEqual([
      { file: articlePath, quarantinedTo, restoredFrom: 'previous-generation', at: openedAt.toISOString() },
    ]);
  });

  it('is quarantined unchanged when it is the index, and the library still lists every article', async () => {
    const dataDirectory = await temporaryDirectory();
    const { id, indexPath } = await libraryWithHistory(dataDirectory);
    const damaged = await damage(indexPath, how);
    const reopened = await open(dataDirectory);
    const quarantinedTo = join(dataDirectory, 'quarantine', quarantineStamp, 'library', 'index.json');
    expect(await readFile(quarantinedTo)).toEqual(damaged);
    expect(reopened.store.list('active').map((summary) => [summary.id, summary.title])).toEqual([[id, 'Bản thứ ba']]);
    expect(reopened.store.recoveryNotices()).toEqual([
      { file: indexPath, quarantinedTo, restoredFrom: 'previous-generation', at: openedAt.toISOString() },
    ]);
  });

  it('is quarantined unchanged when it is settings.json, and the previous settings are loaded', async () => {
    const dataDirectory = await temporaryDirectory();
    const { settingsPath } = await libraryWithHistory(dataDirectory);
    const damaged = await damage(settingsPath, how);
    const reopened = await open(dataDirectory);
    const quarantinedTo = join(dataDirectory, 'quarantine', quarantineStamp, 'settings.json');
    expect(await readFile(quarantinedTo)).toEqual(damaged);
    expect(reopened.settings.get().exportJpegQuality).toBe(70);
    expect(reopened.store.recoveryNotices()).toEqual([
      { file: settingsPath, quarantinedTo, restoredFrom: 'previous-generation', at: openedAt.toISOString() },
    ]);
  });
});

describe('recovery when no good generation is left', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('opens the library without the article, keeps both damaged generations in quarantine and reports them', async () => {
    const dataDirectory = await temporaryDirectory();
    const { id, articlePath } = await libraryWithHistory(dataDirectory);
    const kept = await (await open(dataDirectory)).store.create();
    await writeFile(articlePath, '');
    await writeFile(`${articlePath}.prev`, '{"truncated');
    const reopened = await open(dataDirectory);
    expect(reopened.store.list('active').map((summary) => summary.id)).toEqual([kept.id]);
    const notices = reopened.store.recoveryNotices();
    expect(notices.map((notice) => [notice.file, notice.restoredFrom])).toEqual([
      [articlePath, null],
      [`${articlePath}.prev`, null],
    ]);
    expect(await readFile(notices[1]!.quarantinedTo, 'utf8')).toBe('{"truncated');
    await expect(reopened.store.get(id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('falls back to default settings only after quarantining the damaged file and saying so', async () => {
    const dataDirectory = await temporaryDirectory();
    const { settingsPath } = await libraryWithHistory(dataDirectory);
    await rm(`${settingsPath}.prev`);
    await writeFile(settingsPath, Buffer.alloc(64, 0));
    const reopened = await open(dataDirectory);
    expect(reopened.settings.get().exportJpegQuality).toBe(82);
    expect(reopened.store.recoveryNotices()).toMatchObject([{ file: settingsPath, restoredFrom: null }]);
    expect(await exists(settingsPath)).toBe(false);
  });

  it('reports an article damaged while the app runs when it is next opened, and serves the previous generation', async () => {
    const dataDirectory = await temporaryDirectory();
    const { id, articlePath } = await libraryWithHistory(dataDirectory);
    const running = await open(dataDirectory);
    await writeFile(articlePath, 'garbage');
    expect(await running.store.get(id)).toMatchObject({ title: 'Bản thứ hai' });
    expect(running.store.recoveryNotices()).toMatchObject([{ file: articlePath, restoredFrom: 'previous-generation' }]);
  });
});

describe('what is not damage', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('reads a missing current file with a good previous generation (a crash between two renames) without any notice', async () => {
    const dataDirectory = await temporaryDirectory();
    const { id, articlePath } = await libraryWithHistory(dataDirectory);
    await rm(articlePath);
    const reopened = await open(dataDirectory);
    expect(await reopened.store.get(id)).toMatchObject({ title: 'Bản thứ hai' });
    expect(reopened.store.recoveryNotices()).toEqual([]);
    expect(await exists(join(dataDirectory, 'quarantine'))).toBe(false);
  });

  it('rewrites an index of an older version without quarantining it (it is only a cache)', async () => {
    const dataDirectory = await temporaryDirectory();
    const { id, indexPath } = await libraryWithHistory(dataDirectory);
    await writeFile(indexPath, JSON.stringify({ formatVersion: 1, articles: [] }));
    const reopened = await open(dataDirectory);
    expect(reopened.store.list('active').map((summary) => summary.id)).toEqual([id]);
    expect(reopened.store.recoveryNotices()).toEqual([]);
  });

  it('starts a fresh data folder with no notices and no quarantine folder', async () => {
    const dataDirectory = await temporaryDirectory();
    const library = await open(dataDirectory);
    expect(library.store.recoveryNotices()).toEqual([]);
    expect(await readdir(dataDirectory)).not.toContain('quarantine');
  });

  it('deletes both generations when the trash is emptied, so an article never comes back', async () => {
    const dataDirectory = await temporaryDirectory();
    const { id, articlePath } = await libraryWithHistory(dataDirectory);
    const library = await open(dataDirectory);
    await library.store.trash(id);
    await library.store.emptyTrash();
    expect(await exists(articlePath)).toBe(false);
    expect(await exists(`${articlePath}.prev`)).toBe(false);
    expect((await open(dataDirectory)).store.list('trash')).toEqual([]);
  });
});

describe('app:notices', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('gives the renderer every recovery made while opening the library', async () => {
    const dataDirectory = await temporaryDirectory();
    const { articlePath } = await libraryWithHistory(dataDirectory);
    await writeFile(articlePath, '');
    const { handlers } = await createTestHandlers(dataDirectory);
    const envelope = await invokeHandler(handlers, 'app:notices', {});
    expect(envelope).toMatchObject({ ok: true, value: [{ file: articlePath, restoredFrom: 'previous-generation' }] });
  });
});
