import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { LibraryChange } from '../../electron/main/application/LibraryChange';
import { LibraryEvents } from '../../electron/main/application/LibraryEvents';
import { SettingsService } from '../../electron/main/application/SettingsService';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import { RecoveryLog } from '../../electron/main/storage/RecoveryLog';
import { SettingsStore } from '../../electron/main/storage/SettingsStore';
import { decodeStoredJson, encodeStoredJson } from '../../electron/main/storage/storedJson';
import { defaultExportTemplate } from '../../shared/exportTemplateModel';
import { defaultHouseStyle, type HouseStyle } from '../../shared/houseStyle';
import { settingsSchema } from '../../shared/settingsModel';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

const settingsFormat = { kind: 'ban-thao/settings', version: 1 };
const sharedSettingsFormat = { kind: 'ban-thao/shared-settings', version: 1 };
const newStyle: HouseStyle = { toneMarks: 'new', dates: 'unpadded', endMark: 'forbidden', titleSentenceCase: false };

/** What a settings file holds, read back through its envelope (checksum checked). */
async function storedData(path: string, format: { kind: string; version: number }): Promise<Record<string, unknown>> {
  return decodeStoredJson(await readFile(path), format, z.record(z.string(), z.unknown()), path);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

describe('the house style in the settings', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('is saved with the library and read back when it is opened again', async () => {
    const directory = await temporaryDirectory();
    const store = await SettingsStore.open(directory);
    expect(store.get().houseStyle).toEqual(defaultHouseStyle);
    const houseStyle = { toneMarks: 'new', dates: 'unpadded', endMark: 'forbidden', titleSentenceCase: false } as const;
    await store.update({ houseStyle });
    expect((await SettingsStore.open(directory)).get().houseStyle).toEqual(houseStyle);
  });

  it('opens a settings file written before the house style existed with the default house style, keeping the rest', async () => {
    const directory = await temporaryDirectory();
    const old = { language: 'en', exportImageMaxSide: 1600, exportJpegQuality: 80, userName: 'Ngọc Sơn', userRole: 'reporter' };
    await writeFile(libraryLayout(directory).settings, encodeStoredJson(settingsFormat, old));
    const settings = (await SettingsStore.open(directory)).get();
    expect(settings.houseStyle).toEqual(defaultHouseStyle);
    expect(settings).toMatchObject(old);
  });

  it('gives a stored house style missing a later choice that choice’s default', async () => {
    const directory = await temporaryDirectory();
    const stored = { language: 'vi', houseStyle: { toneMarks: 'new', dates: 'padded' } };
    await writeFile(libraryLayout(directory).settings, encodeStoredJson(settingsFormat, stored));
    expect((await SettingsStore.open(directory)).get().houseStyle).toEqual({ ...defaultHouseStyle, toneMarks: 'new', dates: 'padded' });
  });

  it('refuses a house style with a choice that does not exist', () => {
    expect(
      settingsSchema
        .partial()
        .strict()
        .safeParse({ houseStyle: { ...defaultHouseStyle, toneMarks: 'newest' } }).success,
    ).toBe(false);
  });
});

describe('the shared settings (library/shared-settings.json)', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('are composed with this person’s settings into the one settings object the window sees', async () => {
    const directory = await temporaryDirectory();
    const { settings } = libraryLayout(directory);
    await writeFile(settings, encodeStoredJson(settingsFormat, { language: 'en', userName: 'Ngọc Sơn', userRole: 'editor' }));
    await SettingsStore.open(directory).then((store) => store.update({ houseStyle: newStyle }));
    const composed = (await SettingsStore.open(directory)).get();
    expect(composed).toMatchObject({ language: 'en', userName: 'Ngọc Sơn', userRole: 'editor', houseStyle: newStyle, spellCheck: true });
    expect(settingsSchema.strict().safeParse(composed).success).toBe(true);
  });

  it('write each part to its own file, and only the file whose part changed', async () => {
    const directory = await temporaryDirectory();
    const { settings, library } = libraryLayout(directory);
    const store = await SettingsStore.open(directory);
    await store.update({ language: 'en' });
    expect(await exists(library.sharedSettings)).toBe(false);
    expect(await storedData(settings, settingsFormat)).not.toHaveProperty('houseStyle');

    const personalBytes = await readFile(settings);
    expect(await store.update({ houseStyle: newStyle })).toMatchObject({ language: 'en', houseStyle: newStyle });
    expect(await storedData(library.sharedSettings, sharedSettingsFormat)).toEqual({
      houseStyle: newStyle,
      exportTemplate: defaultExportTemplate,
    });
    expect(await readFile(settings)).toEqual(personalBytes);

    const sharedBytes = await readFile(library.sharedSettings);
    // The whole object sent back, as the settings dialog may: only the personal part differs.
    await store.update({ ...store.get(), userName: 'Thu Hà', userRole: 'reporter' });
    expect(await readFile(library.sharedSettings)).toEqual(sharedBytes);
    expect(await storedData(settings, settingsFormat)).toMatchObject({ language: 'en', userName: 'Thu Hà', userRole: 'reporter' });
  });

  it('are moved out of an old settings.json at open: the house style goes to the library, the rest stays', async () => {
    const directory = await temporaryDirectory();
    const { settings, library } = libraryLayout(directory);
    const old = { language: 'en', exportJpegQuality: 70, userName: 'Ngọc Sơn', userRole: 'reporter', houseStyle: { toneMarks: 'new' } };
    await writeFile(settings, encodeStoredJson(settingsFormat, old));

    const store = await SettingsStore.open(directory);

    const houseStyle = { ...defaultHouseStyle, toneMarks: 'new' };
    expect(store.get()).toMatchObject({ language: 'en', exportJpegQuality: 70, userName: 'Ngọc Sơn', houseStyle });
    expect(await storedData(library.sharedSettings, sharedSettingsFormat)).toEqual({ houseStyle, exportTemplate: defaultExportTemplate });
    const personal = await storedData(settings, settingsFormat);
    expect(personal).toMatchObject({ language: 'en', exportJpegQuality: 70, userName: 'Ngọc Sơn', userRole: 'reporter' });
    expect(personal).not.toHaveProperty('houseStyle');
    expect((await SettingsStore.open(directory)).get().houseStyle).toEqual(houseStyle);
  });

  it('keep the library’s house style over one left in settings.json, which is dropped', async () => {
    const directory = await temporaryDirectory();
    const { settings, library } = libraryLayout(directory);
    // A crash between the move's two writes, then a sync brought another house style into the library.
    await writeFile(settings, encodeStoredJson(settingsFormat, { language: 'vi', houseStyle: defaultHouseStyle }));
    await mkdir(library.folder, { recursive: true });
    await writeFile(library.sharedSettings, encodeStoredJson(sharedSettingsFormat, { houseStyle: newStyle }));
    const store = await SettingsStore.open(directory);
    expect(store.get().houseStyle).toEqual(newStyle);
    expect(await storedData(library.sharedSettings, sharedSettingsFormat)).toEqual({ houseStyle: newStyle });
    expect(await storedData(settings, settingsFormat)).not.toHaveProperty('houseStyle');
  });

  it('write no shared file for a library that never chose a house style', async () => {
    const directory = await temporaryDirectory();
    const { settings, library } = libraryLayout(directory);
    await writeFile(settings, encodeStoredJson(settingsFormat, { language: 'en' }));
    const store = await SettingsStore.open(directory);
    expect(store.get().houseStyle).toEqual(defaultHouseStyle);
    expect(await exists(library.sharedSettings)).toBe(false);
  });

  it('are read again when a sync replaces the file, and the new settings are announced once', async () => {
    const directory = await temporaryDirectory();
    const { library } = libraryLayout(directory);
    const store = await SettingsStore.open(directory);
    await store.update({ language: 'en' });
    const events = new LibraryEvents((error) => {
      throw error;
    });
    const announced: LibraryChange[] = [];
    events.subscribe((change) => void announced.push(change));
    const service = new SettingsService(store, events);

    // Another machine's copy, as a sync writes it: a whole new file renamed into place.
    await mkdir(library.folder, { recursive: true });
    await writeFile(`${library.sharedSettings}.incoming`, encodeStoredJson(sharedSettingsFormat, { houseStyle: newStyle }));
    await rename(`${library.sharedSettings}.incoming`, library.sharedSettings);
    await service.reloadShared();
    expect(service.get()).toMatchObject({ language: 'en', houseStyle: newStyle });
    expect(announced).toEqual([{ kind: 'settings-changed', settings: service.get() }]);

    // The same content again is no change.
    await service.reloadShared();
    expect(announced).toHaveLength(1);
  });

  it('fall back to the defaults when a sync removed the file', async () => {
    const directory = await temporaryDirectory();
    const { library } = libraryLayout(directory);
    const store = await SettingsStore.open(directory);
    await store.update({ houseStyle: newStyle });
    await rm(library.sharedSettings);
    await rm(`${library.sharedSettings}.prev`, { force: true });
    expect(await store.reloadShared()).toBe(true);
    expect(store.get().houseStyle).toEqual(defaultHouseStyle);
  });

  it('are quarantined when damaged, with the previous generation loaded and a notice', async () => {
    const directory = await temporaryDirectory();
    const { library } = libraryLayout(directory);
    const first = await SettingsStore.open(directory);
    await first.update({ houseStyle: newStyle });
    await first.update({ houseStyle: { ...newStyle, toneMarks: 'off' } });
    const damaged = Buffer.alloc(64, 0);
    await writeFile(library.sharedSettings, damaged);

    const log = new RecoveryLog();
    const at = new Date('2026-11-30T08:00:00.000Z');
    const store = await SettingsStore.open(directory, {}, { dataDirectory: directory, log, now: () => at });

    expect(store.get().houseStyle).toEqual(newStyle);
    const quarantinedTo = join(directory, 'quarantine', '2026-11-30T08-00-00.000Z', 'library', 'shared-settings.json');
    expect(log.list()).toEqual([
      { file: library.sharedSettings, quarantinedTo, restoredFrom: 'previous-generation', at: at.toISOString() },
    ]);
    expect(await readFile(quarantinedTo)).toEqual(damaged);
  });

  it('keep what is shown and write it back when a sync leaves a damaged file with no good generation', async () => {
    const directory = await temporaryDirectory();
    const { library } = libraryLayout(directory);
    const log = new RecoveryLog();
    const at = new Date('2026-11-30T09:00:00.000Z');
    const store = await SettingsStore.open(directory, {}, { dataDirectory: directory, log, now: () => at });
    await store.update({ houseStyle: newStyle });
    await rm(`${library.sharedSettings}.prev`, { force: true });
    await writeFile(library.sharedSettings, '{"truncated');

    expect(await store.reloadShared()).toBe(false);

    expect(store.get().houseStyle).toEqual(newStyle);
    expect(log.list()).toMatchObject([{ file: library.sharedSettings, restoredFrom: null, at: at.toISOString() }]);
    expect(await storedData(library.sharedSettings, sharedSettingsFormat)).toEqual({
      houseStyle: newStyle,
      exportTemplate: defaultExportTemplate,
    });
    const quarantinedTo = join(directory, 'quarantine', '2026-11-30T09-00-00.000Z', 'library', 'shared-settings.json');
    expect(await readFile(quarantinedTo, 'utf8')).toBe('{"truncated');
  });

  it('open with the defaults and a notice when the file is damaged with no good generation', async () => {
    const directory = await temporaryDirectory();
    const { library } = libraryLayout(directory);
    await SettingsStore.open(directory).then((store) => store.update({ houseStyle: newStyle }));
    await rm(`${library.sharedSettings}.prev`, { force: true });
    await writeFile(library.sharedSettings, 'garbage');
    const log = new RecoveryLog();
    const store = await SettingsStore.open(directory, {}, { dataDirectory: directory, log });
    expect(store.get().houseStyle).toEqual(defaultHouseStyle);
    expect(log.list()).toMatchObject([{ file: library.sharedSettings, restoredFrom: null }]);
    expect(await exists(library.sharedSettings)).toBe(false);
  });
});
