import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { ToastMessage } from '../../renderer/src/components/useToast';
import { usePhotoImport } from '../../renderer/src/features/editor/usePhotoImport';
import type { MediaInfo } from '../../shared/mediaModel';
import { rainbowHeic } from '../unit/media/heicFixtures';
import { installInProcessApi } from '../support/installInProcessApi';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
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
});
