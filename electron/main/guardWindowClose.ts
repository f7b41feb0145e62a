import type { BrowserWindow } from 'electron';

/** How long the window waits for the renderer to flush before closing anyway (a hung page must not block quitting). */
const flushTimeoutMs = 5_000;

/**
 * Holds the window open until the renderer has sent its pending edits and the store has them on disk,
 * so quitting with a save in flight waits for it. Returns the function to call when the renderer is ready.
 */
export function guardWindowClose(window: BrowserWindow, flushStore: () => Promise<void>): () => void {
  let closeApproved = false;
  let waiting = false;

  const closeNow = () => {
    if (closeApproved || window.isDestroyed()) return;
    closeApproved = true;
    void flushStore().finally(() => {
      if (!window.isDestroyed()) window.close();
    });
  };

  window.on('close', (event) => {
    if (closeApproved) return;
    event.preventDefault();
    if (waiting) return;
    waiting = true;
    window.webContents.send('app:beforeClose');
    setTimeout(closeNow, flushTimeoutMs);
  });

  return closeNow;
}
