import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Printer } from '../../electron/main/application/Printer';

type PrintCallback = (success: boolean, failureReason: string) => void;
type RequestListener = (details: { url: string }, callback: (answer: { cancel: boolean }) => void) => void;

/** What the print window was made with and what was done to it; `answer` is how the system dialog ends. */
class PrintWindowRecord {
  options: Record<string, unknown> = {};
  loadedUrl: string | null = null;
  /** The page the print scheme serves while the window prints; null once unhandled. */
  served: (() => Response) | null = null;
  printOptions: unknown = null;
  /** The page's text as the dialog saw it (read from the scheme while printing). */
  printedHtml: string | null = null;
  destroyed = false;
  requestListener: RequestListener | null = null;
  permissionAnswer: boolean | null = null;
}

function fakeElectron(answer: { success: boolean; failureReason: string }) {
  const records: PrintWindowRecord[] = [];
  class BrowserWindow {
    readonly record = new PrintWindowRecord();
    readonly webContents = {
      session: {
        setPermissionRequestHandler: (handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void) =>
          handler(null, 'media', (granted) => (this.record.permissionAnswer = granted)),
        webRequest: { onBeforeRequest: (listener: RequestListener) => (this.record.requestListener = listener) },
        protocol: {
          handle: (_scheme: string, handler: () => Response) => void (this.record.served = handler),
          isProtocolHandled: () => this.record.served !== null,
          unhandle: () => void (this.record.served = null),
        },
      },
      on: () => undefined,
      setWindowOpenHandler: () => undefined,
      print: (options: unknown, callback: PrintCallback) => {
        this.record.printOptions = options;
        void this.record.served!()
          .text()
          .then((text) => {
            this.record.printedHtml = text;
            callback(answer.success, answer.failureReason);
          });
      },
    };
    constructor(options: Record<string, unknown>) {
      this.record.options = options;
      records.push(this.record);
    }
    loadURL(url: string): Promise<void> {
      this.record.loadedUrl = url;
      return Promise.resolve();
    }
    isDestroyed(): boolean {
      return this.record.destroyed;
    }
    destroy(): void {
      this.record.destroyed = true;
    }
  }
  return { records, module: { BrowserWindow } };
}

async function printerOver(answer: {
  success: boolean;
  failureReason: string;
}): Promise<{ printer: Printer; records: PrintWindowRecord[] }> {
  const electron = fakeElectron(answer);
  vi.resetModules();
  vi.doMock('electron', () => electron.module);
  const { createElectronPrinter } = await import('../../electron/main/createElectronPrinter');
  return { printer: createElectronPrinter(), records: electron.records };
}

const page = '<!DOCTYPE html>\n<html lang="vi"><head><title>Bài</title></head><body><p>In</p></body></html>\n';

describe('the Electron printer (createElectronPrinter.ts)', () => {
  afterEach(() => vi.doUnmock('electron'));

  it('prints the page, served from memory, in a hidden window with no script, Node or preload, through the dialog', async () => {
    const { printer, records } = await printerOver({ success: true, failureReason: '' });
    expect(await printer.print({ html: page, name: 'hoi-nghi' })).toEqual({ status: 'printed' });
    const [record] = records;
    expect(record!.options).toEqual({
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
    expect(record!.printOptions).toEqual({ silent: false, printBackground: true });
    expect(record!.printedHtml).toBe(page);
    expect(record!.loadedUrl).toBe('banthao-print://page/hoi-nghi.html');
    // The scheme is let go once printed, and the window destroyed.
    expect(record!.served).toBeNull();
    expect(record!.destroyed).toBe(true);
    expect(record!.permissionAnswer).toBe(false);
    // Only the page itself and its data: photos load; anything remote or any other file is cancelled.
    const cancelled = (url: string) => {
      let answer: boolean | null = null;
      record!.requestListener!({ url }, ({ cancel }) => (answer = cancel));
      return answer;
    };
    expect(cancelled('banthao-print://page/hoi-nghi.html')).toBe(false);
    expect(cancelled('banthao-print://page/khac.html')).toBe(true);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    expect(cancelled('https://example.com/a.css')).toBe(true);
    expect(cancelled(pathToFileURL(fileURLToPath(new URL('.', import.meta.url))).href)).toBe(true);
  });

  it('reports a cancelled dialog as cancelled and a failed print as an export failure, cleaning up either way', async () => {
    const cancelled = await printerOver({ success: false, failureReason: 'cancelled' });
    expect(await cancelled.printer.print({ html: page, name: 'bai' })).toEqual({ status: 'cancelled' });
    expect(cancelled.records[0]!.destroyed).toBe(true);
    const failed = await printerOver({ success: false, failureReason: 'failed' });
    await expect(failed.printer.print({ html: page, name: 'bai' })).rejects.toMatchObject({ code: 'export-failed' });
    expect(failed.records[0]!.destroyed).toBe(true);
    expect(failed.records[0]!.served).toBeNull();
  });
});
