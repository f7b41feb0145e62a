import { EventEmitter } from 'node:events';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { guardWindowClose } from '../../electron/main/guardWindowClose';

/** Just enough of a BrowserWindow: emits 'close' with a preventable event and records what main does. */
class FakeWindow extends EventEmitter {
  closed = 0;
  sent: string[] = [];
  webContents = { send: (channel: string) => this.sent.push(channel) };
  isDestroyed = () => false;
  close() {
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    this.emit('close', event);
    if (!event.defaultPrevented) this.closed += 1;
  }
}

describe('guardWindowClose', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks the renderer to flush and keeps the window open until the store has written everything', async () => {
    const window = new FakeWindow();
    let finishFlush = () => {};
    const flushStore = vi.fn(() => new Promise<void>((resolve) => (finishFlush = resolve)));
    const onCloseReady = guardWindowClose(window as unknown as BrowserWindow, flushStore);

    window.close();
    expect(window.closed).toBe(0);
    expect(window.sent).toEqual(['app:beforeClose']);

    onCloseReady();
    await vi.advanceTimersByTimeAsync(0);
    expect(flushStore).toHaveBeenCalledOnce();
    expect(window.closed).toBe(0);

    finishFlush();
    await vi.advanceTimersByTimeAsync(0);
    expect(window.closed).toBe(1);
  });

  it('closes anyway after a timeout when the renderer never answers, still waiting for the store', async () => {
    const window = new FakeWindow();
    const flushStore = vi.fn(async () => undefined);
    guardWindowClose(window as unknown as BrowserWindow, flushStore);
    window.close();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(window.closed).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(flushStore).toHaveBeenCalledOnce();
    expect(window.closed).toBe(1);
  });
});
