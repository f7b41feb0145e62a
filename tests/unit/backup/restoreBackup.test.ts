import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { encodeStoredJson } from '../../../electron/main/storage/storedJson';
import { defaultHouseStyle } from '../../../shared/houseStyle';
import { defaultSettings } from '../../../shared/settingsModel';
import { bodyWithPhoto } from '../../support/bodyWithPhoto';
import { twoColourJpeg } from '../media/photoFixtures';
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

  it('keeps who uses this copy of the app: the identity is not brought back from the snapshot', async () => {
    const clock = manualClock();
    const session = await openTestSession(await temporaryDirectory(), { now: clock.now });
    const { handlers } = session;
    await handlers['settings:update']({ userName: 'Thu Hà', userRole: 'reporter', backupKeepHours: 30 });
    const snapshot = await handlers['backup:createNow']({});
    clock.advanceMinutes(1);
    await handlers['settings:update']({ userName: 'Minh Quân', userRole: 'editor', backupKeepHours: 40 });

    await handlers['backup:restore']({ id: snapshot.id });

    // The library's own settings come back; the person at the keyboard stays who they said they are.
    expect(await handlers['settings:get']({})).toMatchObject({ userName: 'Minh Quân', userRole: 'editor', backupKeepHours: 30 });
  });

  it('brings back the snapshot’s house style, which lives in the library (library/shared-settings.json)', async () => {
    const clock = manualClock();
    const data = await temporaryDirectory();
    const session = await openTestSession(data, { now: clock.now });
    const { handlers } = session;
    await handlers['settings:update']({ houseStyle: { ...defaultHouseStyle, toneMarks: 'new' } });
    const snapshot = await handlers['backup:createNow']({});
    expect(await stat(join(data, 'backups', snapshot.id, 'library', 'shared-settings.json'))).toBeTruthy();
    clock.advanceMinutes(1);
    await handlers['settings:update']({ houseStyle: { ...defaultHouseStyle, toneMarks: 'off' } });

    await handlers['backup:restore']({ id: snapshot.id });

    expect((await handlers['settings:get']({})).houseStyle).toEqual({ ...defaultHouseStyle, toneMarks: 'new' });
  });

  it('restores a snapshot taken before the shared settings file existed to the house style its settings.json held', async () => {
    const clock = manualClock();
    const data = await temporaryDirectory();
    const session = await openTestSession(data, { now: clock.now });
    const { handlers } = session;
    const snapshot = await handlers['backup:createNow']({});
    // As an older version wrote it: the house style inside settings.json (a new file, not the hard-linked live one).
    const snapshotSettings = join(data, 'backups', snapshot.id, 'settings.json');
    const legacy = { ...defaultSettings, houseStyle: { ...defaultHouseStyle, dates: 'unpadded' } };
    await rm(snapshotSettings, { force: true });
    await writeFile(snapshotSettings, encodeStoredJson({ kind: 'ban-thao/settings', version: 1 }, legacy));
    clock.advanceMinutes(1);
    // Written twice, so the library holds both generations of its shared settings file.
    await handlers['settings:update']({ houseStyle: { ...defaultHouseStyle, toneMarks: 'new' } });
    await handlers['settings:update']({ houseStyle: { ...defaultHouseStyle, toneMarks: 'off' } });

    await handlers['backup:restore']({ id: snapshot.id });

    expect((await handlers['settings:get']({})).houseStyle).toEqual(legacy.houseStyle);
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

  it('lets a save already under way finish before replacing the stores, and keeps it in the before-restore snapshot', async () => {
    const data = await temporaryDirectory();
    const session = await openTestSession(data);
    const { handlers } = session;
    const photo = await handlers['media:importBytes']({ fileName: 'anh.jpg', bytes: new Uint8Array(await twoColourJpeg()) });
    const article = await handlers['article:create']({});
    const saved = await handlers['article:save']({
      id: article.id,
      baseRevision: 1,
      content: sampleContent({ title: 'Gốc', body: bodyWithPhoto(photo.id) }),
    });
    const snapshot = await handlers['backup:createNow']({});
    // The save below stops at its photo check until the test lets it go on.
    let letSaveGoOn = () => {};
    const held = new Promise<void>((resolve) => (letSaveGoOn = resolve));
    const { media, store } = session.library;
    const has = media.has.bind(media);
    vi.spyOn(media, 'has').mockImplementation(async (id) => {
      await held;
      return has(id);
    });
    const oldStoreFlushed = vi.spyOn(store, 'flush');
    const saving = handlers['article:save']({
      id: article.id,
      baseRevision: saved.revision,
      content: sampleContent({ title: 'Sửa trong lúc khôi phục', body: bodyWithPhoto(photo.id) }),
    });
    const restoring = handlers['backup:restore']({ id: snapshot.id });
    // One turn of the event loop runs every step a restore could take without waiting for the save.
    await new Promise((resolve) => setImmediate(resolve));
    expect(oldStoreFlushed).not.toHaveBeenCalled();

    letSaveGoOn();
    const during = await saving;
    await restoring;

    // The restored article is the snapshot's, on disk and in the list alike; the save acknowledged during the restore
    // is in the snapshot taken just before it.
    const restored = await handlers['article:get']({ id: article.id });
    expect(restored).toMatchObject({ title: 'Gốc', revision: saved.revision });
    expect((await handlers['library:list']({ scope: 'active' })).find((summary) => summary.id === article.id)?.revision).toBe(
      saved.revision,
    );
    const before = (await handlers['backup:list']({})).find((entry) => entry.kind === 'before-restore');
    const relative = join('library', 'articles', article.id.slice(0, 2), `${article.id}.json`);
    const kept = JSON.parse(await readFile(join(data, 'backups', before!.id, relative), 'utf8')) as {
      data: { title: string; revision: number };
    };
    expect(kept.data).toMatchObject({ title: 'Sửa trong lúc khôi phục', revision: during.revision });
  });

  it('keeps the session’s listeners across a restore, and one unsubscribe stops them', async () => {
    const session = await openTestSession(await temporaryDirectory());
    const snapshot = await session.handlers['backup:createNow']({});
    const heard: string[] = [];
    const unsubscribe = session.subscribe((change) => void heard.push(change.kind));
    await session.handlers['backup:restore']({ id: snapshot.id });
    await session.handlers['article:create']({});
    unsubscribe();
    await session.handlers['article:create']({});
    expect(heard).toEqual(['library-restored', 'article-created']);
  });
});
