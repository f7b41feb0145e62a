import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { articleFormatVersion } from '../../shared/articleModel';
import { migrateArticle } from '../../shared/migrateArticle';
import { ArticleStore } from '../../electron/main/storage/ArticleStore';
import { sampleContent } from '../support/sampleContent';
import { flushBeforeCleanup, useTemporaryDirectories } from '../support/temporaryDirectory';

const fixtureLibraries = fileURLToPath(new URL('../fixtures/libraries/', import.meta.url));

describe('article format migrations', () => {
  const temporaryDirectory = useTemporaryDirectories();

  async function openFixture(version: string) {
    const directory = await temporaryDirectory();
    await cp(join(fixtureLibraries, version), directory, { recursive: true });
    return { directory, store: flushBeforeCleanup(await ArticleStore.open({ directory })) };
  }

  it('opens a version-1 library with every article and its text intact', async () => {
    const { store } = await openFixture('v1');
    expect(
      store
        .list('active')
        .map((summary) => summary.title)
        .sort(),
    ).toEqual(['', 'Hội nghị sơ kết 6 tháng đầu năm']);
    const article = await store.get('5e0c6a1e-1f7b-4c55-9b0a-3f1d2c4b5a60');
    expect(article).toMatchObject({
      formatVersion: articleFormatVersion,
      revision: 7,
      title: 'Hội nghị sơ kết 6 tháng đầu năm',
      bylineName: 'Ngọc Sơn',
    });
  });

  it('keeps a credit typed in version 1 as typed, and leaves an empty one to be composed from the photos', async () => {
    const { store } = await openFixture('v1');
    expect(await store.get('5e0c6a1e-1f7b-4c55-9b0a-3f1d2c4b5a60')).toMatchObject({
      photoCredit: 'Văn Đốc',
      photoCreditMode: 'manual',
      coverMediaId: null,
    });
    expect(await store.get('a1b2c3d4-0000-4000-8000-000000000001')).toMatchObject({
      photoCredit: '',
      photoCreditMode: 'auto',
      coverMediaId: null,
    });
  });

  it('writes the current format on the next save of a migrated article', async () => {
    const { directory, store } = await openFixture('v1');
    const id = '5e0c6a1e-1f7b-4c55-9b0a-3f1d2c4b5a60';
    await store.save(id, 7, sampleContent());
    const onDisk = JSON.parse(await readFile(join(directory, 'articles', '5e', `${id}.json`), 'utf8'));
    expect(onDisk).toMatchObject({
      format: 'ban-thao/article',
      formatVersion: articleFormatVersion,
      checksum: expect.stringMatching(/^sha256-[0-9a-f]{64}$/),
    });
    expect(onDisk.data.formatVersion).toBe(articleFormatVersion);
  });

  it('opens a version-2 library with "review" articles as submitted, and no one recorded as creator or mover', async () => {
    const { store } = await openFixture('v2');
    const statuses = Object.fromEntries(store.list('active').map((summary) => [summary.title, summary.status]));
    expect(statuses).toEqual({
      'Bản nháp về mùa nước nổi': 'draft',
      'Hội nghị sơ kết công tác 6 tháng đầu năm': 'submitted',
      'Khánh thành cầu Mỹ Thuận 2': 'approved',
    });
    // The index of that version is a cache of another shape: rebuilt, never quarantined as damage.
    expect(store.recoveryNotices()).toEqual([]);
    expect(await store.get('b2000000-0000-4000-8000-000000000002')).toMatchObject({
      formatVersion: articleFormatVersion,
      revision: 2,
      createdBy: null,
      lastMove: null,
      updatedBy: null,
      sapo: 'Ngày 05/7/2022, tại Trung tâm đã diễn ra Hội nghị.',
    });
  });

  it('opens a version-3 library naming who last changed each article only where the file shows it', async () => {
    const { store } = await openFixture('v3');
    const reporter = { name: 'Ngọc Sơn', role: 'reporter' };
    const lastChange = Object.fromEntries(store.list('active').map((summary) => [summary.title, summary.updatedBy]));
    expect(lastChange).toEqual({
      // Never moved: its creator's draft.
      'Bản nháp về mùa nước nổi': reporter,
      // Its approval was its last change.
      'Khánh thành cầu Mỹ Thuận 2': { name: 'Thu Hà', role: 'editor' },
      // Saved after it was submitted, by someone the file does not name.
      'Hội nghị sơ kết công tác 6 tháng đầu năm': null,
      // Written before anyone was named.
      'Bài chưa ghi người viết': null,
    });
    expect(store.recoveryNotices()).toEqual([]);
    expect(await store.get('c3000000-0000-4000-8000-000000000002')).toMatchObject({
      formatVersion: articleFormatVersion,
      revision: 4,
      status: 'approved',
      createdBy: reporter,
      lastMove: { from: 'submitted', to: 'approved', by: { name: 'Thu Hà', role: 'editor' } },
    });
  });

  it('takes a version-3 move as the last change when its time is the update’s, whatever offset either is written with', () => {
    const by = { name: 'Thu Hà', role: 'editor' };
    const stored = (lastMoveAt: string, updatedAt: string) => ({
      formatVersion: 3,
      updatedAt,
      createdBy: { name: 'Ngọc Sơn', role: 'reporter' },
      lastMove: { from: 'submitted', to: 'approved', by, at: lastMoveAt },
    });
    expect(migrateArticle(stored('2026-11-02T09:06:00+07:00', '2026-11-02T02:06:00.000Z'))).toMatchObject({
      formatVersion: 4,
      updatedBy: by,
    });
    expect(migrateArticle(stored('2026-11-02T02:06:00.000Z', '2026-11-02T02:07:00.000Z'))).toMatchObject({ updatedBy: null });
  });

  it('names the new version’s saver on the next save of a migrated article', async () => {
    const { store } = await openFixture('v3');
    const editor = { name: 'Minh Anh', role: 'editor' } as const;
    await store.save('c3000000-0000-4000-8000-000000000003', 4, sampleContent(), { by: editor });
    expect((await store.get('c3000000-0000-4000-8000-000000000003')).updatedBy).toEqual(editor);
  });

  it('leaves a file from a newer version untouched for the schema check to refuse', () => {
    const future = { formatVersion: articleFormatVersion + 1, title: 'x' };
    expect(migrateArticle(future)).toBe(future);
  });
});
