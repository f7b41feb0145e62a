import { articleFormatVersion } from '../../shared/articleModel';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errorCodes';
import { ArticleStore } from '../../electron/main/storage/ArticleStore';
import { readStoredData } from '../support/readStoredData';
import { sampleContent } from '../support/sampleContent';
import { flushBeforeCleanup, useTemporaryDirectories } from '../support/temporaryDirectory';

let clockMs = Date.parse('2026-11-26T08:00:00.000Z');
/** A clock that moves one minute per reading, so "newest first" is decidable. */
const tickingClock = () => new Date((clockMs += 60_000));

async function readArticleFile(directory: string, id: string) {
  return readStoredData(join(directory, 'articles', id.slice(0, 2), `${id}.json`));
}

describe('ArticleStore', () => {
  const temporaryDirectory = useTemporaryDirectories();
  const openStore = async (directory?: string) =>
    flushBeforeCleanup(await ArticleStore.open({ directory: directory ?? (await temporaryDirectory()), now: tickingClock }));

  it('starts empty on first run', async () => {
    const store = await openStore();
    expect(store.list('active')).toEqual([]);
    expect(store.list('trash')).toEqual([]);
  });

  it('creates an empty draft dated today and writes it to its own file under an id-prefix folder', async () => {
    const directory = await temporaryDirectory();
    const store = await openStore(directory);
    const article = await store.create();
    const onDisk = await readArticleFile(directory, article.id);
    expect(onDisk).toMatchObject({
      id: article.id,
      status: 'draft',
      title: '',
      revision: 1,
      formatVersion: articleFormatVersion,
      trashedAt: null,
      photoCreditMode: 'auto',
      coverMediaId: null,
      createdBy: null,
      lastMove: null,
      updatedBy: null,
    });
    expect(onDisk.publicationDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('saves content to disk and bumps the revision', async () => {
    const directory = await temporaryDirectory();
    const store = await openStore(directory);
    const article = await store.create();
    const result = await store.save(article.id, 1, sampleContent());
    expect(result.revision).toBe(2);
    expect(await readArticleFile(directory, article.id)).toMatchObject({ ...sampleContent(), revision: 2 });
  });

  it('refuses a save based on an older revision instead of overwriting', async () => {
    const store = await openStore();
    const article = await store.create();
    await store.save(article.id, 1, sampleContent({ title: 'first' }));
    await expect(store.save(article.id, 1, sampleContent({ title: 'stale' }))).rejects.toMatchObject({ code: 'conflict' });
    expect((await store.get(article.id)).title).toBe('first');
  });

  it('refuses a body that does not fit the document schema', async () => {
    const store = await openStore();
    const article = await store.create();
    const body = { type: 'doc', content: [{ type: 'script', content: [{ type: 'text', text: 'alert(1)' }] }] };
    await expect(store.save(article.id, 1, sampleContent({ body }))).rejects.toMatchObject({ code: 'invalid-request' });
  });

  it('lists articles newest change first', async () => {
    const store = await openStore();
    const first = await store.create();
    const second = await store.create();
    await store.save(first.id, 1, sampleContent({ title: 'edited later' }));
    expect(store.list('active').map((summary) => summary.id)).toEqual([first.id, second.id]);
  });

  it('moves an article to the trash and restores it intact', async () => {
    const store = await openStore();
    const article = await store.create();
    await store.save(article.id, 1, sampleContent());
    await store.trash(article.id);
    expect(store.list('active')).toEqual([]);
    expect(store.list('trash').map((summary) => summary.id)).toEqual([article.id]);
    await store.restore(article.id);
    expect(store.list('trash')).toEqual([]);
    expect(await store.get(article.id)).toMatchObject(sampleContent());
  });

  it('duplicates an article as a new draft with "(bản sao)" in its title', async () => {
    const store = await openStore();
    const article = await store.create();
    await store.save(article.id, 1, sampleContent({ status: 'approved' }));
    const copy = await store.duplicate(article.id);
    expect(copy.id).not.toBe(article.id);
    expect(copy).toMatchObject({ title: 'Hội nghị sơ kết (bản sao)', status: 'draft', revision: 1, sapo: sampleContent().sapo });
  });

  it('stamps each change with who the caller names, in the file and in the summary', async () => {
    const store = await openStore();
    const [reporter, editor, managingEditor] = [
      { name: 'Ngọc Sơn', role: 'reporter' },
      { name: 'Thu Hà', role: 'editor' },
      { name: 'Văn Đốc', role: 'managingEditor' },
    ] as const;
    const article = await store.create(reporter);
    expect(article.updatedBy).toEqual(reporter);
    const lastChange = async () => {
      const summary = store.list('active').find((row) => row.id === article.id) ?? store.list('trash').find((row) => row.id === article.id);
      expect(summary?.updatedBy).toEqual((await store.get(article.id)).updatedBy);
      return summary?.updatedBy;
    };
    await store.save(article.id, 1, sampleContent(), { by: editor });
    expect(await lastChange()).toEqual(editor);
    const moved = await store.move(article.id, 2, { from: 'draft', to: 'submitted', by: reporter, at: tickingClock().toISOString() });
    expect(moved.updatedBy).toEqual(reporter);
    await store.trash(article.id, managingEditor);
    expect(await lastChange()).toEqual(managingEditor);
    await store.restore(article.id, editor);
    expect(await lastChange()).toEqual(editor);
    // No one named: no one claimed.
    await store.save(article.id, 5, sampleContent({ status: 'submitted' }));
    expect(await lastChange()).toBeNull();
    expect((await store.duplicate(article.id, managingEditor)).updatedBy).toEqual(managingEditor);
  });

  it('reports an unknown id as not found', async () => {
    const store = await openStore();
    await expect(store.get('0000000000-missing')).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'not-found');
  });

  it('shows every article exactly as left after reopening the library from disk', async () => {
    const directory = await temporaryDirectory();
    const store = await openStore(directory);
    const kept = await store.create();
    await store.save(kept.id, 1, sampleContent());
    const trashed = await store.create();
    await store.trash(trashed.id);
    await store.flush();
    const reopened = await openStore(directory);
    expect(reopened.list('active')).toEqual(store.list('active'));
    expect(reopened.list('trash')).toEqual(store.list('trash'));
    expect(await reopened.get(kept.id)).toEqual(await store.get(kept.id));
  });

  it('rebuilds a missing index from the article files', async () => {
    const directory = await temporaryDirectory();
    const store = await openStore(directory);
    const article = await store.create();
    await store.save(article.id, 1, sampleContent());
    await store.flush();
    await rm(join(directory, 'index.json'));
    const reopened = await openStore(directory);
    expect(reopened.list('active').map((summary) => summary.title)).toEqual(['Hội nghị sơ kết']);
    expect((await readStoredData(join(directory, 'index.json'))).articles).toHaveLength(1);
  });

  it('rebuilds a damaged index instead of treating the library as empty', async () => {
    const directory = await temporaryDirectory();
    const store = await openStore(directory);
    const article = await store.create();
    await store.save(article.id, 1, sampleContent());
    await store.flush();
    await writeFile(join(directory, 'index.json'), '{"formatVersion": 1, "articles": [tru');
    const reopened = await openStore(directory);
    expect(reopened.list('active').map((summary) => summary.id)).toEqual([article.id]);
  });

  it('picks up an article saved after the index was last written (a crash between the two writes)', async () => {
    const directory = await temporaryDirectory();
    const store = await openStore(directory);
    const article = await store.create();
    await store.flush();
    const staleIndex = await readFile(join(directory, 'index.json'), 'utf8');
    await store.save(article.id, 1, sampleContent({ title: 'Tiêu đề mới' }));
    await store.flush();
    await writeFile(join(directory, 'index.json'), staleIndex);
    const reopened = await openStore(directory);
    expect(reopened.list('active')[0]?.title).toBe('Tiêu đề mới');
  });
});

describe('ArticleStore document checks', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it.each([
    ['a level-1 heading', { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'x' }] }],
    ['an unknown alignment', { type: 'paragraph', attrs: { textAlign: 'diagonal' }, content: [{ type: 'text', text: 'x' }] }],
  ])('refuses a body with %s, which the editor can never produce', async (_name, block) => {
    const store = flushBeforeCleanup(await ArticleStore.open({ directory: await temporaryDirectory() }));
    const article = await store.create();
    await expect(store.save(article.id, 1, sampleContent({ body: { type: 'doc', content: [block] } }))).rejects.toMatchObject({
      code: 'invalid-request',
    });
  });
});
