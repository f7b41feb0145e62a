import type { Clipboard, ClipboardContent } from '../../electron/main/application/Clipboard';

/** A clipboard that keeps what was written, newest last, for tests to read back. */
export function memoryClipboard(): Clipboard & { readonly writes: ClipboardContent[] } {
  const writes: ClipboardContent[] = [];
  return {
    writes,
    async write(content) {
      writes.push(content);
    },
  };
}
