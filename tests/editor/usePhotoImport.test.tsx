import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { ToastMessage } from '../../renderer/src/components/useToast';
import { usePhotoImport } from '../../renderer/src/features/editor/usePhotoImport';
import type { MediaInfo } from '../../shared/mediaModel';
import { rainbowHeic } from '../unit/media/heicFixtures';
import { twoColourJpeg } from '../unit/media/photoFixtures';
import { installInProcessApi } from '../support/installInProcessApi';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';

const render = useRendering();

describe('usePhotoImport with an iPhone photo', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('says the HEIC photo is being decoded, then inserts it through the real media channel', async () => {
    await installInProcessApi(await temporaryDirectory());
    const toasts: ToastMessage[] = [];
    let importFiles: ((files: readonly File[]) => Promise<MediaInfo[]>) | undefined;
    function Probe() {
      importFiles = usePhotoImport((toast) => toasts.push(toast)).importFiles;
      return null;
    }
    await render(<Probe />);
    let imported: MediaInfo[] = [];
    await act(async () => {
      imported = await importFiles!([new File([Uint8Array.from(rainbowHeic)], 'IMG_0001.HEIC', { type: 'image/heic' })]);
    });
    expect(toasts).toEqual([
      { text: 'Đang chèn 1 ảnh…', tone: 'info' },
      { text: 'Đang giải mã ảnh HEIC… (IMG_0001.HEIC)', tone: 'info' },
    ]);
    expect(imported.map((info) => [info.type, info.width, info.height, info.originalFileName])).toEqual([
      ['heic', 451, 461, 'IMG_0001.HEIC'],
    ]);
  });

  it('says which photo picked in "Chèn ảnh" main is importing, and that a HEIC is being decoded', async () => {
    const cardFolder = await temporaryDirectory();
    await writeFile(join(cardFolder, 'IMG_0002.HEIC'), rainbowHeic);
    await writeFile(join(cardFolder, 'bia.jpg'), await twoColourJpeg());
    const library = await installInProcessApi(await temporaryDirectory(), null, {
      dialogs: { imageFiles: [join(cardFolder, 'IMG_0002.HEIC'), join(cardFolder, 'bia.jpg')] },
    });
    // Each file's import waits until the page has shown it: what the user sees, whatever the machine's speed.
    const toasts: ToastMessage[] = [];
    const importFile = library.media.importFile.bind(library.media);
    library.media.importFile = async (path) => {
      const before = toasts.length;
      await untilInAct(() => toasts.length > before, `the progress of ${path}`);
      return importFile(path);
    };
    let importFromDialog: (() => Promise<MediaInfo[]>) | undefined;
    function Probe() {
      importFromDialog = usePhotoImport((toast) => toasts.push(toast)).importFromDialog;
      return null;
    }
    await render(<Probe />);
    let imported: MediaInfo[] = [];
    await act(async () => {
      imported = await importFromDialog!();
    });
    expect(toasts).toEqual([
      { text: 'Đang giải mã ảnh HEIC 1/2… (IMG_0002.HEIC)', tone: 'info' },
      { text: 'Đang chèn ảnh 2/2… (bia.jpg)', tone: 'info' },
    ]);
    expect(imported.map((info) => [info.type, info.originalFileName])).toEqual([
      ['heic', 'IMG_0002.HEIC'],
      ['jpeg', 'bia.jpg'],
    ]);
    expect(await library.handlers['media:importProgress']({})).toBeNull();
  });
});
