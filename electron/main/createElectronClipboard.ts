import { clipboard, ClipboardItem } from 'electron';
import type { Clipboard } from './application/Clipboard';

/**
 * The system clipboard through Electron (45's W3C-style API): HTML and plain text as one item in one atomic write, so
 * a paste takes whichever it can.
 */
export function createElectronClipboard(): Clipboard {
  return {
    async write({ text, html }) {
      await clipboard.write([new ClipboardItem(html === undefined ? { 'text/plain': text } : { 'text/html': html, 'text/plain': text })]);
    },
  };
}
