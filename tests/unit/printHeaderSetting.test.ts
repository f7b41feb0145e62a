import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import { decodeStoredJson } from '../../electron/main/storage/storedJson';
import { memoryPrinter } from '../support/memoryPrinter';
import { openTestSession } from '../support/openTestSession';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

/** What a settings file holds, read back through its envelope (checksum checked). */
async function storedData(path: string, kind: string): Promise<Record<string, unknown>> {
  return decodeStoredJson(await readFile(path), { kind, version: 1 }, z.record(z.string(), z.unknown()), path);
}

describe('the print header set in Cài đặt', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('is kept with the library in shared-settings.json, never in settings.json, and heads each printed page', async () => {
    const dataDirectory = await temporaryDirectory();
    const printer = memoryPrinter();
    let session = await openTestSession(dataDirectory, { printer });
    // Sent decomposed, as macOS input gives it, with a personal setting beside it: each goes to its own file, in NFC.
    const printHeader = 'BÁO ĐIỆN TỬ ĐẢNG CỘNG SẢN'.normalize('NFD');
    await session.handlers['settings:update']({ userName: 'Ngọc Sơn', userRole: 'reporter', printHeader });
    const layout = libraryLayout(dataDirectory);
    expect(await storedData(layout.library.sharedSettings, 'ban-thao/shared-settings')).toMatchObject({
      printHeader: 'BÁO ĐIỆN TỬ ĐẢNG CỘNG SẢN',
    });
    expect(await storedData(layout.settings, 'ban-thao/settings')).not.toHaveProperty('printHeader');
    // Longer than a header line may be: refused, the stored one kept.
    await expect(session.handlers['settings:update']({ printHeader: 'x'.repeat(201) })).rejects.toThrow();
    expect((await session.handlers['settings:get']({})).printHeader).toBe('BÁO ĐIỆN TỬ ĐẢNG CỘNG SẢN');

    // Read back from the library after a restart, and printed at the top of the page.
    await session.close();
    session = await openTestSession(dataDirectory, { printer });
    expect((await session.handlers['settings:get']({})).printHeader).toBe('BÁO ĐIỆN TỬ ĐẢNG CỘNG SẢN');
    const created = await session.handlers['article:create']({});
    await session.handlers['article:save']({ id: created.id, baseRevision: created.revision, content: sampleContent() });
    expect(await session.handlers['article:print']({ id: created.id })).toEqual({ status: 'printed' });
    expect(printer.jobs.at(-1)!.html).toContain('<p class="print-header">BÁO ĐIỆN TỬ ĐẢNG CỘNG SẢN · ');
  });
});
