import { useCallback } from 'react';
import { mediaLimits } from '../../../../shared/mediaLimits';
import type { MediaInfo, PhotoImportProgress } from '../../../../shared/mediaModel';
import type { ToastMessage } from '../../components/useToast';
import { useMessages } from '../../i18n/MessagesContext';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describeError';

const megabyte = 1024 * 1024;
/** How often the progress of the photos picked in "Chèn ảnh" is asked (main answers at once). */
const progressPollMs = 250;

/** An iPhone photo, by its type or name: decoding one takes a second or more, so the user is told. */
function isHeic(file: File, fileName: string): boolean {
  return file.type === 'image/heic' || file.type === 'image/heif' || /\.(?:heic|heif|hif)$/i.test(fileName);
}

/** Imports photos from the dialog or from dropped/pasted files, telling the user about progress and refusals. */
export function usePhotoImport(showToast: (toast: ToastMessage) => void) {
  const messages = useMessages();

  const importFromDialog = useCallback(async (): Promise<MediaInfo[]> => {
    // Main imports the picked files itself; asked while it does, it says which one (nothing while the dialog is open).
    let polling = true;
    let shown = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = (progress: PhotoImportProgress) => {
      if (!polling || progress === null) return;
      const { index, total, fileName, heic } = progress;
      // One photo reads as the drop path does; several say which one of them.
      let text = heic ? messages.decodingPickedHeic(index, total, fileName) : messages.importingPickedPhoto(index, total, fileName);
      if (total === 1) text = heic ? messages.decodingHeic(fileName) : messages.insertingPhotos(1);
      if (text !== shown) showToast({ text, tone: 'info' });
      shown = text;
    };
    const poll = () => {
      timer = setTimeout(() => {
        void api.mediaImportProgress({}).then(
          (progress) => {
            show(progress);
            if (polling) poll();
          },
          () => undefined,
        );
      }, progressPollMs);
    };
    poll();
    try {
      const { imported, refused } = await api.mediaImportFromDialog({});
      if (refused.length > 0)
        showToast({ text: refused.map((item) => messages.photoRefused(item.fileName, item.message)).join(' · '), tone: 'error' });
      return imported;
    } catch (error) {
      showToast({ text: describeError(messages, error), tone: 'error' });
      return [];
    } finally {
      polling = false;
      clearTimeout(timer);
    }
  }, [messages, showToast]);

  const importFiles = useCallback(
    async (files: readonly File[]): Promise<MediaInfo[]> => {
      const imported: MediaInfo[] = [];
      const refusals: string[] = [];
      if (files.length > 0) showToast({ text: messages.insertingPhotos(files.length), tone: 'info' });
      for (const file of files) {
        const fileName = file.name || 'anh-dan.png';
        // Checked before reading: a 200 MB file must not be loaded into memory just to be refused.
        if (file.size === 0 || file.size > mediaLimits.maximumBytes) {
          const reason =
            file.size === 0
              ? 'tệp rỗng (0 byte)'
              : `tệp quá lớn: ${Math.round(file.size / megabyte)} MB (tối đa ${mediaLimits.maximumBytes / megabyte} MB)`;
          refusals.push(messages.photoRefused(fileName, reason));
          continue;
        }
        if (isHeic(file, fileName)) showToast({ text: messages.decodingHeic(fileName), tone: 'info' });
        try {
          imported.push(await api.mediaImportBytes({ fileName, bytes: new Uint8Array(await file.arrayBuffer()) }));
        } catch (error) {
          refusals.push(messages.photoRefused(fileName, describeError(messages, error)));
        }
      }
      if (refusals.length > 0) showToast({ text: refusals.join(' · '), tone: 'error' });
      return imported;
    },
    [messages, showToast],
  );

  return { importFromDialog, importFiles };
}
