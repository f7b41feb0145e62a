import { BrowserWindow } from 'electron';
import { AppError } from '../../shared/errorCodes';
import type { Printer, PrintOutcome } from './application/Printer';

/** The print window's own scheme: the page is served from memory, never written to a file or loaded from file://. */
export const printScheme = 'banthao-print';
/** The page's address, named as the export names the article (the test driver keeps the page under that name). */
export const printPageUrl = (name: string) => `${printScheme}://page/${encodeURIComponent(name === '' ? 'bai-viet' : name)}.html`;

/**
 * Prints through the system dialog (which offers "Save as PDF"): the print page served from memory through a scheme
 * of the print window's own session (a page with photos is too large for a data: URL, and main loads nothing from
 * file://), in a hidden window that runs no script, has no Node and no preload, and loads nothing but that page and
 * its data: photos.
 */
export function createElectronPrinter(): Printer {
  return {
    async print({ html, name }) {
      const pageUrl = printPageUrl(name);
      const window = new BrowserWindow({
        show: false,
        webPreferences: {
          partition: 'banthao-print',
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          javascript: false,
          webSecurity: true,
          spellcheck: false,
        },
      });
      const { session } = window.webContents;
      try {
        session.protocol.handle(printScheme, () => new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }));
        session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
        session.webRequest.onBeforeRequest((details, callback) => {
          callback({ cancel: details.url !== pageUrl && !details.url.startsWith('data:') });
        });
        window.webContents.on('will-navigate', (event) => event.preventDefault());
        window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
        await window.loadURL(pageUrl);
        return await new Promise<PrintOutcome>((resolve, reject) => {
          window.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
            if (success) resolve({ status: 'printed' });
            else if (failureReason === 'cancelled') resolve({ status: 'cancelled' });
            else reject(new AppError('export-failed', 'Không in được bài: máy in hoặc hộp thoại in báo lỗi.'));
          });
        });
      } finally {
        if (session.protocol.isProtocolHandled(printScheme)) session.protocol.unhandle(printScheme);
        if (!window.isDestroyed()) window.destroy();
      }
    },
  };
}
