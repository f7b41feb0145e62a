import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibrarySearch } from '../../../electron/main/search/LibrarySearch';
import { ArticleStore } from '../../../electron/main/storage/ArticleStore';
import { createTestHandlers } from '../../support/createTestHandlers';
import { sampleContent } from '../../support/sampleContent';
import { flushBeforeCleanup, useTemporaryDirectories } from '../../support/temporaryDirectory';

describe('LibrarySearch', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('finds a saved article through library:search, with its title and a snippet to highlight', async () => {
    const { handlers, search } = await createTestHandlers(await temporaryDirectory());
    await search.ready;
    const article = await handlers['article:create']({});
    await handlers['article:save']({
      id: article.id,
      baseRevision: 1,
      content: sampleContent({ title: 'Hội nghị sơ kết', sapo: 'Đồng chí Nguyễn Toàn Thắng phát biểu.' }),
    });
    const result = await handlers['library:search']({ query: 'dong chi', scope: 'active' });
    expect(result.ids).toEqual([article.id]);
    const snippet = result.highlights[0]!.snippet!;
    expect(snippet.ranges.map(([start, end]) => snippet.text.slice(start, end))).toEqual(['Đồng', 'chí']);
    const byTitle = await handlers['library:search']({ query: 'hoi nghi', scope: 'active' });
    expect(byTitle.highlights[0]!.titleRanges).toEqual([
      [0, 3],
      [4, 8],
    ]);
  });

  it('follows duplicate, trash, restore and emptying the trash', async () => {
    const { handlers, search } = await createTestHandlers(await temporaryDirectory());
    await search.ready;
    const article = await handlers['article:create']({});
    await handlers['article:save']({ id: article.id, baseRevision: 1, content: sampleContent({ title: 'Hội thảo' }) });
    const copy = await handlers['article:duplicate']({ id: article.id });
    const ids = async (scope: 'active' | 'trash') => (await handlers['library:search']({ query: 'hoi thao', scope })).ids.sort();
    expect(await ids('active')).toEqual([article.id, copy.id].sort());
    await handlers['article:trash']({ id: copy.id });
    expect(await ids('trash')).toEqual([copy.id]);
    await handlers['article:restore']({ id: copy.id });
    await handlers['article:trash']({ id: article.id });
    await handlers['trash:empty']({});
    expect(await ids('active')).toEqual([copy.id]);
    expect(await ids('trash')).toEqual([]);
  });

  it('keeps its index on disk and, at the next start, reads only the articles it missed', async () => {
    const directory = await temporaryDirectory();
    const first = await createTestHandlers(directory);
    await first.search.ready;
    const kept = await first.handlers['article:create']({});
    await first.handlers['article:save']({ id: kept.id, baseRevision: 1, content: sampleContent({ title: 'Hội nghị' }) });
    await first.search.flush();
    // Saved behind the index's back (as after a crash before its shard was written).
    const missed = await first.store.create();
    await first.store.save(missed.id, 1, sampleContent({ title: 'Hội nghị bị lỡ' }));
    await first.store.flush();

    const store = flushBeforeCleanup(await ArticleStore.open({ directory: join(directory, 'library') }));
    const read: string[] = [];
    const counting = { directory: store.directory, list: store.list.bind(store), get: (id: string) => (read.push(id), store.get(id)) };
    const search = flushBeforeCleanup(LibrarySearch.start({ store: counting }));
    await search.ready;
    expect(read).toEqual([missed.id]);
    expect((await search.search({ query: 'hoi nghi', scope: 'active', snippetCount: 0 })).ids.sort()).toEqual([kept.id, missed.id].sort());
  });

  it('re-indexes from the article files when a shard is damaged', async () => {
    const directory = await temporaryDirectory();
    const first = await createTestHandlers(directory);
    await first.search.ready;
    const article = await first.handlers['article:create']({});
    await first.handlers['article:save']({ id: article.id, baseRevision: 1, content: sampleContent({ title: 'Hội nghị' }) });
    await first.search.flush();
    await first.store.flush();
    const folder = join(directory, 'library', 'search');
    for (const name of await readdir(folder)) await writeFile(join(folder, name), '\0\0\0');

    const store = flushBeforeCleanup(await ArticleStore.open({ directory: join(directory, 'library') }));
    const search = flushBeforeCleanup(LibrarySearch.start({ store }));
    await search.ready;
    expect((await search.search({ query: 'hoi', scope: 'active' })).ids).toEqual([article.id]);
  });
});
