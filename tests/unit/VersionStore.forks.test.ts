import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { libraryFolderLayout } from '../../electron/main/library/libraryLayout';
import { VersionStore } from '../../electron/main/storage/VersionStore';
import type { ArticleContent } from '../../shared/articleModel';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

const articleId = 'bai-viet-chung-01';

/** Two libraries holding the same article: each takes versions on its own, then takes in the other's files. */
async function twoLibraries(temporaryDirectory: () => Promise<string>) {
  let minute = 0;
  const make = (folder: string) => {
    const store = new VersionStore(folder);
    const layout = libraryFolderLayout(folder);
    return {
      store,
      take: (content: ArticleContent, label: string) => {
        minute += 1;
        const at = new Date(Date.UTC(2026, 10, 30, 8, minute));
        return store.take(articleId, content, { at, by: null, label, reason: 'manual', revision: minute, status: 'draft' });
      },
      filesOf: async (ids: readonly string[]) =>
        Promise.all(ids.map(async (id) => ({ id, bytes: new Uint8Array(await readFile(layout.versionFile(articleId, id))) }))),
    };
  };
  return { here: make(await temporaryDirectory()), there: make(await temporaryDirectory()) };
}

describe('VersionStore with forked history (both sides took versions after a common one)', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('lists both branches, rebuilds each version, and takes the next one after adopting the other branch', async () => {
    const { here, there } = await twoLibraries(temporaryDirectory);
    const common = await here.take(sampleContent({ title: 'Chung' }), 'chung');
    await there.store.adoptFiles(articleId, await here.filesOf([common.id]));

    // Each side takes a branch of its own, long enough to pass a whole-text keyframe (every 25th) on one of them.
    const mine: { id: string; title: string }[] = [];
    const theirs: { id: string; title: string }[] = [];
    for (let step = 0; step < 30; step += 1) {
      const title = `Bản trong máy ${step}`;
      mine.push({ id: (await here.take(sampleContent({ title, sapo: `Sapo ${step}` }), title)).id, title });
      if (step % 10 === 0) {
        const theirTitle = `Bản trong gói ${step}`;
        theirs.push({ id: (await there.take(sampleContent({ title: theirTitle, sapo: 'Sapo gói' }), theirTitle)).id, title: theirTitle });
      }
    }

    // Their newest is the newest of all: the merge below is then stored as a change from their text, not this side's.
    theirs.push({
      id: (await there.take(sampleContent({ title: 'Bản trong gói cuối', sapo: 'Sapo gói' }), 'cuối')).id,
      title: 'Bản trong gói cuối',
    });

    // Here takes in their branch: every version of both is listed newest first and rebuilds to its own text.
    expect(await here.store.adoptFiles(articleId, await there.filesOf([common.id, ...theirs.map((version) => version.id)]))).toBe(
      theirs.length,
    );
    const listed = await here.store.list(articleId);
    expect(listed).toHaveLength(1 + mine.length + theirs.length);
    expect(listed.map((version) => version.at)).toEqual([...listed.map((version) => version.at)].sort().reverse());
    for (const version of [...mine, ...theirs]) {
      expect((await here.store.get(articleId, version.id)).content.title, version.id).toBe(version.title);
    }
    expect((await here.store.get(articleId, common.id)).content.title).toBe('Chung');

    // The next version (the merge) is stored against whichever version is newest, and rebuilds to its own text.
    const merged = sampleContent({ title: 'Bản gộp', sapo: 'Sapo gói' });
    const merge = await here.take(merged, 'gộp');
    expect((await here.store.get(articleId, merge.id)).content).toEqual(merged);

    // The other side takes in this one's branch and the merge: the same texts there.
    await there.store.adoptFiles(articleId, await here.filesOf([...mine.map((version) => version.id), merge.id]));
    expect((await there.store.get(articleId, merge.id)).content).toEqual(merged);
    expect((await there.store.get(articleId, mine.at(-1)!.id)).content.title).toBe(mine.at(-1)!.title);
    const next = await there.take(sampleContent({ title: 'Sau khi gộp' }), 'sau');
    expect((await there.store.get(articleId, next.id)).content.title).toBe('Sau khi gộp');
  });
});
