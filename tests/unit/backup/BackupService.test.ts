import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleContent } from '../../support/sampleContent';
import { useTemporaryDirectories } from '../../support/temporaryDirectory';
import { manualClock, openTestSession } from '../../support/openTestSession';

// The raw text, not a parse: the stored format (envelope, checksum) is not the backup's business.
async function storedText(path: string): Promise<string> {
  return readFile(path, 'utf8');
}

describe('BackupService snapshots', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('keeps an article as it was when the snapshot was taken, whatever is saved later', async () => {
    const data = await temporaryDirectory();
    const { handlers, backupService } = await openTestSession(data);
    const article = await handlers['article:create']({});
    const saved = await handlers['article:save']({ id: article.id, baseRevision: 1, content: sampleContent({ title: 'Bản chụp' }) });
    const entry = await handlers['backup:createNow']({});
    await handlers['article:save']({ id: article.id, baseRevision: saved.revision, content: sampleContent({ title: 'Sửa sau đó' }) });
    await backupService.settled();
    const relative = join('library', 'articles', article.id.slice(0, 2), `${article.id}.json`);
    const snapshotText = await storedText(join(data, 'backups', entry.id, relative));
    expect(snapshotText).toContain('Bản chụp');
    expect(snapshotText).not.toContain('Sửa sau đó');
    expect(await storedText(join(data, relative))).toContain('Sửa sau đó');
    expect(entry).toMatchObject({ articleCount: 1, kind: 'daily' });
    expect(entry.bytes).toBeGreaterThan(0);
  });

  it('still makes a true copy when hard links are refused (FAT, exFAT, another volume)', async () => {
    const data = await temporaryDirectory();
    const refuse = async () => {
      throw Object.assign(new Error('cross-device link'), { code: 'EXDEV' });
    };
    const { handlers, backupService } = await openTestSession(data, { linkFile: refuse });
    const article = await handlers['article:create']({});
    const saved = await handlers['article:save']({ id: article.id, baseRevision: 1, content: sampleContent({ title: 'Trước' }) });
    const entry = await handlers['backup:createNow']({});
    await handlers['article:save']({ id: article.id, baseRevision: saved.revision, content: sampleContent({ title: 'Sau' }) });
    await backupService.settled();
    const relative = join('library', 'articles', article.id.slice(0, 2), `${article.id}.json`);
    const snapshotText = await storedText(join(data, 'backups', entry.id, relative));
    expect(snapshotText).toContain('Trước');
    expect(snapshotText).not.toContain('Sau');
    expect((await stat(join(data, 'backups', entry.id, relative))).nlink).toBe(1);
  });

  it('takes a snapshot after a save only when the newest one is older than the interval', async () => {
    const clock = manualClock();
    const { handlers, backupService } = await openTestSession(await temporaryDirectory(), { now: clock.now });
    const article = await handlers['article:create']({});
    let revision = 1;
    const saveAndSettle = async () => {
      revision = (
        await handlers['article:save']({ id: article.id, baseRevision: revision, content: sampleContent({ title: `v${revision}` }) })
      ).revision;
      await backupService.settled();
      return (await handlers['backup:list']({})).length;
    };
    expect(await saveAndSettle()).toBe(1);
    clock.advanceMinutes(9);
    expect(await saveAndSettle()).toBe(1);
    clock.advanceMinutes(2);
    expect(await saveAndSettle()).toBe(2);
    clock.advanceMinutes(1);
    expect(await saveAndSettle()).toBe(2);
  });

  it('never takes a snapshot while nothing changes, however much time passes', async () => {
    const clock = manualClock();
    const { handlers, backupService } = await openTestSession(await temporaryDirectory(), { now: clock.now });
    const article = await handlers['article:create']({});
    await backupService.settled();
    const taken = await handlers['backup:list']({});
    clock.advanceMinutes(600);
    await handlers['library:list']({ scope: 'active' });
    await handlers['article:get']({ id: article.id });
    await handlers['settings:get']({});
    await backupService.settled();
    expect(await handlers['backup:list']({})).toEqual(taken);
  });

  it('takes a snapshot after a new article is created, as after any other change to the library', async () => {
    const clock = manualClock();
    const { handlers, backupService } = await openTestSession(await temporaryDirectory(), { now: clock.now });
    await handlers['article:create']({});
    await backupService.settled();
    expect((await handlers['backup:list']({})).map((entry) => entry.articleCount)).toEqual([1]);
  });

  it('never lists a half-made snapshot (a crash left its temp folder, or it has no manifest)', async () => {
    const data = await temporaryDirectory();
    const { handlers } = await openTestSession(data);
    const complete = await handlers['backup:createNow']({});
    await mkdir(join(data, 'backups', '.partial-0123456789ab', 'library'), { recursive: true });
    await writeFile(
      join(data, 'backups', '.partial-0123456789ab', 'manifest.json'),
      await readFile(join(data, 'backups', complete.id, 'manifest.json')),
    );
    await mkdir(join(data, 'backups', '2020-01-01T00-00-00', 'library'), { recursive: true });
    expect((await handlers['backup:list']({})).map((entry) => entry.id)).toEqual([complete.id]);
  });

  it('lets a save succeed when the backup fails, and records the failure for the screen', async () => {
    const data = await temporaryDirectory();
    // A file where the backups folder should be: every snapshot fails.
    await writeFile(join(data, 'backups'), 'not a folder');
    const { handlers, backupService } = await openTestSession(data);
    const article = await handlers['article:create']({});
    const saved = await handlers['article:save']({ id: article.id, baseRevision: 1, content: sampleContent({ title: 'Vẫn lưu được' }) });
    await backupService.settled();
    expect(saved.revision).toBe(2);
    expect((await handlers['article:get']({ id: article.id })).title).toBe('Vẫn lưu được');
    const { lastFailure } = await handlers['backup:status']({});
    // Said for the user, naming the backups folder, never with the data folder's absolute path.
    expect(lastFailure?.message).toMatch(/“backups”/);
    expect(lastFailure?.message).not.toContain(data);
  });
});
