import { useCallback, useEffect } from 'react';
import type { LegacyEncoding } from '../../../../../shared/legacyEncodings/LegacyEncoding';
import type { ToastMessage } from '../../../components/useToast';
import { useMessages } from '../../../i18n/MessagesContext';
import type { LegacyConversion } from './convertLegacyText';
import type { PasteReport } from './CleanPaste';
import { legacyPasteEvent, type LegacyPasteDetail } from './legacyPasteEvent';

/**
 * The notices after a paste: "Đã chuyển N đoạn từ mã TCVN3 (ABC) sang Unicode" with "Hoàn tác", which takes back the
 * conversion only (the text is pasted again as it came: the detection may have been wrong, and the paste itself is
 * one Ctrl+Z away), and the pictures left out. Returns the body's report handler; plain fields report by DOM event.
 */
export function usePasteNotices(showToast: (toast: ToastMessage) => void): (report: PasteReport) => void {
  const messages = useMessages();
  const text = messages.legacyEncoding;

  const showConversion = useCallback(
    (legacy: LegacyConversion, undoConversion: () => boolean, detail?: string) => {
      const names = legacy.encodings.map((encoding: LegacyEncoding) => text.name[encoding]).join(', ');
      showToast({
        text: text.pasteConverted(legacy.paragraphs, names),
        detail: detail ?? text.pasteUndoHint,
        tone: 'info',
        action: {
          label: text.undo,
          run: () => {
            if (!undoConversion()) showToast({ text: text.pasteUndoTooLate, tone: 'error' });
          },
        },
      });
    },
    [showToast, text],
  );

  useEffect(() => {
    const onLegacyPaste = (event: Event) => {
      const { legacy, undoConversion } = (event as CustomEvent<LegacyPasteDetail>).detail;
      showConversion(legacy, undoConversion);
    };
    window.addEventListener(legacyPasteEvent, onLegacyPaste);
    return () => window.removeEventListener(legacyPasteEvent, onLegacyPaste);
  }, [showConversion]);

  return useCallback(
    (report: PasteReport) => {
      const dropped = report.droppedImages > 0 ? text.picturesDropped(report.droppedImages) : undefined;
      if (report.legacy !== null) showConversion(report.legacy, report.undoConversion, dropped);
      else if (dropped !== undefined) showToast({ text: dropped, tone: 'info' });
    },
    [showConversion, showToast, text],
  );
}
