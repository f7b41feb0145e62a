import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MediaStore } from '../../../electron/main/media/MediaStore';
import { useTemporaryDirectories } from '../../support/temporaryDirectory';
import { listFilesUnder, twoColourJpeg } from './photoFixtures';

const hour = 60 * 60 * 1000;

describe('MediaStore.removeUnused', () => {
  const temporaryDirectory = useTemporaryDirectories();

  /** A store whose clock the test moves; photos are imported at 08:00. */
  async function openStore() {
    const directory = join(await temporaryDirectory(), 'media');
    const clock = { now: new Date('2024-03-01T08:00:00.000Z') };
    const store = await MediaStore.open({ directory, now: () => clock.now });
    const later = (milliseconds: number) => {
      clock.now = new Date(clock.now.getTime() + milliseconds);
    };
    return { directory, store, later };
  }

  async function importThree(store: MediaStore) {
    const infos = [];
    for (const width of [400, 402, 404])
      infos.push(await store.importImage({ bytes: await twoColourJpeg({ width }), fileName: `${width}.jpg` }));
    return infos.map((info) => info.id);
  }

  it('keeps referenced photos and removes every file of the others', async () => {
    const { directory, store, later } = await openStore();
    const [kept, removedA, removedB] = await importThree(store);
    later(2 * hour);
    const removed = await store.removeUnused(new Set([kept!]));
    expect(removed).toEqual([removedA!, removedB!].sort());
    expect(await store.listIds()).toEqual([kept]);
    expect(await listFilesUnder(directory)).toEqual([
      `${kept!.slice(0, 2)}/${kept}.jpg`,
      `${kept!.slice(0, 2)}/${kept}.json`,
      `${kept!.slice(0, 2)}/${kept}.preview.webp`,
    ]);
    await expect(store.get(removedA!)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('keeps an unreferenced photo imported moments ago (its article may not be saved yet)', async () => {
    const { store, later } = await openStore();
    const [id] = await importThree(store);
    later(10 * 60 * 1000);
    expect(await store.removeUnused(new Set())).toEqual([]);
    expect(await store.has(id!)).toBe(true);
  });

  it('keeps an old photo that was just inserted again', async () => {
    const { store, later } = await openStore();
    const bytes = await twoColourJpeg();
    const { id } = await store.importImage({ bytes, fileName: 'a.jpg' });
    later(48 * hour);
    await store.importImage({ bytes, fileName: 'a.jpg' });
    expect(await store.removeUnused(new Set())).toEqual([]);
    later(2 * hour);
    expect(await store.removeUnused(new Set())).toEqual([id]);
  });

  it('also removes the leftovers of an interrupted import (files without a sidecar) and leaves foreign files alone', async () => {
    const { directory, store, later } = await openStore();
    const orphan = 'c'.repeat(64);
    await mkdir(join(directory, 'cc'), { recursive: true });
    await writeFile(join(directory, 'cc', `${orphan}.jpg`), 'half an import');
    await writeFile(join(directory, 'cc', `${orphan}.preview.webp`), 'half an import');
    await writeFile(join(directory, 'ghi-chu.txt'), 'not ours');
    await writeFile(join(directory, 'cc', 'anh-cua-toi.jpg'), 'not ours');
    later(2 * hour);
    expect(await store.removeUnused(new Set())).toEqual([orphan]);
    expect(await listFilesUnder(directory)).toEqual(['cc/anh-cua-toi.jpg', 'ghi-chu.txt']);
  });

  it('returns nothing and creates nothing when the media folder does not exist yet', async () => {
    const { directory, store } = await openStore();
    expect(await store.removeUnused(new Set())).toEqual([]);
    expect(await store.listIds()).toEqual([]);
    expect(await listFilesUnder(directory)).toEqual([]);
  });
});
