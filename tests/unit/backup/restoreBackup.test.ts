import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleContent } from '../../support/sampleContent';
import { useTemporaryDirectories } from '../../support/temporaryDirectory';
import { manualClock, openTestSession } from '../../support/openTestSession';

describe('restoring a backup', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('brings back the snapshot’s articles, after first snapshotting the current state', async () => {
    const clock = manualClock();
    const data = await temporaryDirectory();
    const session = await openTestSession(data, { now: clock.now });
    const { handlers } = session;
    const kept = await handlers['article:create']({});
    const saved = await handlers['article:save']({ id: kept.id, baseRevision: 1, content: sampleContent({ title: 'Tiêu đề cũ' }) });
    const snapshot = await handlers['backup:createNow']({});
    clock.advanceMinutes(1);
    await handlers['article:save']({ id: kept.id, baseRevision: saved.revision, content: sampleContent({ title: 'Tiêu đề mới' }) });
    const later = await handlers['article:create']({});

    expect(await handlers['backup:restore']({ id: snapshot.id })).toEqual({ restored: true });

    // The same (stable) table now reaches a freshly opened store.
    expect((await session.handlers['article:get']({ id: kept.id })).title).toBe('Tiêu đề cũ');
    expect((await session.handlers['library:list']({ scope: 'active' })).map((summary) => summary.id)).toEqual([kept.id]);
    const before = (await session.handlers['backup:list']({})).find((entry) => entry.kind === 'before-restore');
    expect(before).toMatchObject({ articleCount: 2 });
    const laterRelative = join('library', 'articles', later.id.slice(0, 2), `${later.id}.json`);
    const keptRelative = join('library', 'articles', kept.id.slice(0, 2), `${kept.id}.json`);
    await expect(readFile(join(data, 'backups', before!.id, laterRelative), 'utf8')).resolves.toContain(later.id);
    await expect(readFile(join(data, 'backups', before!.id, keptRelative), 'utf8')).resolves.toContain('Tiêu đề mới');
  });

  it('lets editing go on after a restore, without touching the snapshot it came from', async () => {
    const data = await temporaryDirectory();
    const session = await openTestSession(data);
    const article = await session.handlers['article:create']({});
    const saved = await session.handlers['article:save']({ id: article.id, baseRevision: 1, content: sampleContent({ title: 'Gốc' }) });
    const snapshot = await session.handlers['backup:createNow']({});
    await session.handlers['article:save']({ id: article.id, baseRevision: saved.revision, content: sampleContent({ title: 'Lạc đề' }) });
    await session.handlers['backup:restore']({ id: snapshot.id });

    await session.handlers['article:save']({
      id: article.id,
      baseRevision: saved.revision,
      content: sampleContent({ title: 'Sửa sau khôi phục' }),
    });
    await session.backupService.settled();
    const relative = join('library', 'articles', article.id.slice(0, 2), `${article.id}.json`);
    expect(await readFile(join(data, 'backups', snapshot.id, relative), 'utf8')).toContain('Gốc');
    expect((await session.handlers['article:get']({ id: article.id })).title).toBe('Sửa sau khôi phục');
  });

  it('refuses a snapshot that does not exist and leaves the library as it was', async () => {
    const session = await openTestSession(await temporaryDirectory());
    const article = await session.handlers['article:create']({});
    await session.backupService.settled();
    const snapshotsBefore = await session.handlers['backup:list']({});
    await expect(session.handlers['backup:restore']({ id: '2001-01-01T00-00-00' })).rejects.toMatchObject({ code: 'not-found' });
    expect((await session.handlers['library:list']({ scope: 'active' })).map((summary) => summary.id)).toEqual([article.id]);
    // No before-restore snapshot either: nothing was replaced.
    expect(await session.handlers['backup:list']({})).toEqual(snapshotsBefore);
  });
});
