import { readdir, rm, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleStore, type LibraryOpenProgress } from '../../electron/main/storage/ArticleStore';
import { readStoredData } from '../support/readStoredData';
import { sampleContent } from '../support/sampleContent';
import { flushBeforeCleanup, useTemporaryDirectories } from '../support/temporaryDirectory';

/** Makes every article file and prefix folder look written an hour ago, as after a normal day's quit and restart. */
async function ageArticleFiles(directory: string): Promise<void> {
  const anHourAgo = new Date(Date.now() - 3_600_000);
  const articles = join(directory, 'articles');
  for (const prefix of await readdir(articles)) {
    for (const name of await readdir(join(articles, prefix))) await utimes(join(articles, prefix, name), anHourAgo, anHourAgo);
    await utimes(join(articles, prefix), anHourAgo, anHourAgo);
  }
}

describe('ArticleStore opening', () => {
  const temporaryDirectory = useTemporaryDirectories();

  async function libraryOf(count: number) {
    const directory = await temporaryDirectory();
    const store = await ArticleStore.open({ directory });
    const ids: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const article = await store.create();
      await store.save(article.id, 1, sampleContent({ title: `Bài ${index}` }));
      ids.push(article.id);
    }
    await store.flush();
    return { directory, ids };
  }

  async function reopen(directory: string) {
    const progress: LibraryOpenProgress[] = [];
    const store = flushBeforeCleanup(await ArticleStore.open({ directory, onProgress: (step) => progress.push({ ...step }) }));
    return { store, progress };
  }

  it('reports reading every article file while it rebuilds a missing index, and writes the index again', async () => {
    const { directory, ids } = await libraryOf(120);
    await rm(join(directory, 'index.json'));
    await rm(join(directory, 'index.json.prev'), { force: true });
    const { store, progress } = await reopen(directory);
    expect(store.list('active')).toHaveLength(120);
    expect(progress.every((step) => step.reason === 'rebuild')).toBe(true);
    expect(progress.at(-1)).toEqual({ reason: 'rebuild', done: 120, total: 120 });
    // Several steps in between, never going backwards: the window can draw a moving bar.
    expect(progress.filter((step) => step.total === 120).length).toBeGreaterThanOrEqual(3);
    const done = progress.map((step) => step.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect((await readStoredData(join(directory, 'index.json'))).articles.map((summary: { id: string }) => summary.id).sort()).toEqual(
      [...ids].sort(),
    );
  });

  it('reads no article file when the index is up to date (prefix folders untouched since it was written)', async () => {
    const { directory } = await libraryOf(30);
    await ageArticleFiles(directory);
    const { store, progress } = await reopen(directory);
    expect(store.list('active')).toHaveLength(30);
    expect(progress.at(-1)).toEqual({ reason: 'catch-up', done: 0, total: 0 });
  });

  it('reads only the article saved after the index was written, found through its folder', async () => {
    const { directory, ids } = await libraryOf(30);
    const crashed = await ArticleStore.open({ directory, indexWriteDelayMs: 3_600_000 });
    await ageArticleFiles(directory);
    // Saved, but the process dies before its delayed index rewrite.
    await crashed.save(ids[7]!, 2, sampleContent({ title: 'Sửa sau cùng' }));
    const { store, progress } = await reopen(directory);
    expect(progress.at(-1)).toEqual({ reason: 'catch-up', done: 1, total: 1 });
    expect(store.list('active').find((summary) => summary.id === ids[7])?.title).toBe('Sửa sau cùng');
    expect((await store.get(ids[7]!)).revision).toBe(3);
  });

  it('forgets an article whose file a sync engine removed, and finds one it added', async () => {
    const source = await libraryOf(1);
    const { directory, ids } = await libraryOf(10);
    await ageArticleFiles(directory);
    const removed = ids[3]!;
    await rm(join(directory, 'articles', removed.slice(0, 2), `${removed}.json`));
    await rm(join(directory, 'articles', removed.slice(0, 2), `${removed}.json.prev`), { force: true });
    // An article synced in from another machine: its file appears in a prefix folder.
    const added = source.ids[0]!;
    const { cp } = await import('node:fs/promises');
    await cp(
      join(source.directory, 'articles', added.slice(0, 2), `${added}.json`),
      join(directory, 'articles', added.slice(0, 2), `${added}.json`),
    );
    const { store } = await reopen(directory);
    const listed = store.list('active').map((summary) => summary.id);
    expect(listed).not.toContain(removed);
    expect(listed).toContain(added);
    expect(listed).toHaveLength(10);
  });
});
