import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import { SettingsStore } from '../../electron/main/storage/SettingsStore';
import { decodeStoredJson, encodeStoredJson } from '../../electron/main/storage/storedJson';
import { defaultExportTemplate, type ExportTemplate } from '../../shared/exportTemplateModel';
import { defaultHouseStyle } from '../../shared/houseStyle';
import { storedSharedSettingsSchema } from '../../shared/sharedSettingsModel';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

const sharedSettingsFormat = { kind: 'ban-thao/shared-settings', version: 1 };

/** What the shared settings file holds, read back through its envelope (checksum checked). */
async function storedData(path: string): Promise<Record<string, unknown>> {
  return decodeStoredJson(await readFile(path), sharedSettingsFormat, z.record(z.string(), z.unknown()), path);
}

describe('a print header saved before templates existed (printHeader in shared-settings.json)', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('opens as the agency template’s header line, and is gone from the file once the shared settings are saved', async () => {
    const directory = await temporaryDirectory();
    const { library } = libraryLayout(directory);
    await mkdir(library.folder, { recursive: true });
    // As an older Bản Thảo wrote it: the house style and the header, decomposed as macOS input gave it.
    const printHeader = 'BÁO ĐIỆN TỬ ĐẢNG CỘNG SẢN'.normalize('NFD');
    await writeFile(library.sharedSettings, encodeStoredJson(sharedSettingsFormat, { houseStyle: defaultHouseStyle, printHeader }));

    const store = await SettingsStore.open(directory);
    const migrated: ExportTemplate = { ...defaultExportTemplate, use: 'agency', headerText: 'BÁO ĐIỆN TỬ ĐẢNG CỘNG SẢN' };
    expect(store.get().exportTemplate).toEqual(migrated);
    expect(store.get()).not.toHaveProperty('printHeader');

    // Saved again (the order changed), the file holds the template and no longer the old key; reopened, it reads the same.
    const exportTemplate: ExportTemplate = { ...migrated, partOrder: ['title', 'date', 'sapo', 'byline'] };
    await store.update({ exportTemplate });
    const stored = await storedData(library.sharedSettings);
    expect(stored).not.toHaveProperty('printHeader');
    expect(stored.exportTemplate).toEqual(exportTemplate);
    expect((await SettingsStore.open(directory)).get().exportTemplate).toEqual(exportTemplate);
  });

  it('makes a header saved on two lines one line, as the template’s name must be, rather than losing the file', () => {
    const houseStyle = { ...defaultHouseStyle, endMark: 'forbidden' as const };
    expect(storedSharedSettingsSchema.parse({ houseStyle, printHeader: 'BÁO A\nBẢN IN\t ' })).toEqual({
      houseStyle,
      exportTemplate: { ...defaultExportTemplate, use: 'agency', headerText: 'BÁO A BẢN IN' },
    });
  });

  it('leaves the default template for a blank header, and never overrides a template already stored', () => {
    expect(storedSharedSettingsSchema.parse({ houseStyle: defaultHouseStyle, printHeader: '   ' })).toEqual({
      houseStyle: defaultHouseStyle,
      exportTemplate: defaultExportTemplate,
    });
    const exportTemplate = { ...defaultExportTemplate, headerText: 'THÔNG TẤN XÃ VIỆT NAM' };
    expect(storedSharedSettingsSchema.parse({ houseStyle: defaultHouseStyle, printHeader: 'Cũ', exportTemplate })).toEqual({
      houseStyle: defaultHouseStyle,
      exportTemplate,
    });
  });
});
