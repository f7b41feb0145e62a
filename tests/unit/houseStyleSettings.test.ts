import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import { SettingsStore } from '../../electron/main/storage/SettingsStore';
import { encodeStoredJson } from '../../electron/main/storage/storedJson';
import { defaultHouseStyle } from '../../shared/houseStyle';
import { settingsSchema } from '../../shared/settingsModel';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

const settingsFormat = { kind: 'ban-thao/settings', version: 1 };

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
