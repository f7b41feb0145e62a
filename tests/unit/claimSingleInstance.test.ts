import { EventEmitter } from 'node:events';
import type { App, BrowserWindow } from 'electron';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { claimSingleInstance, type FocusableWindow, type SingleInstanceApp } from '../../electron/main/claimSingleInstance';

/** Just enough of Electron's `app`: grants or refuses the lock, counts quits, emits 'second-instance'. */
class FakeApp extends EventEmitter {
  quits = 0;
  constructor(private readonly lockGranted: boolean) {
    super();
  }
  requestSingleInstanceLock() {
    return this.lockGranted;
  }
  quit() {
    this.quits += 1;
  }
  secondLaunch() {
    // Electron passes (event, argv, workingDirectory, additionalData).
    this.emit('second-instance', { preventDefault() {} }, ['ban-thao'], '/', {});
  }
}

/** Records what is done to it, in order. */
class FakeWindow implements FocusableWindow {
  calls: string[] = [];
  destroyed = false;
  constructor(public minimized = false) {}
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
    this.calls.push('restore');
  }
  show() {
    this.calls.push('show');
  }
  focus() {
    this.calls.push('focus');
  }
}

describe('claimSingleInstance', () => {
  it('takes the real Electron app and window (checked by tsc)', () => {
    expectTypeOf<App>().toExtend<SingleInstanceApp>();
    expectTypeOf<BrowserWindow>().toExtend<FocusableWindow>();
  });

  it('quits and returns null when another instance holds the lock, without listening for second launches', () => {
    const app = new FakeApp(false);
    expect(claimSingleInstance(app)).toBeNull();
    expect(app.quits).toBe(1);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('keeps running when the lock is granted, and a second launch restores, shows and focuses the window', () => {
    const app = new FakeApp(true);
    const claim = claimSingleInstance(app);
    expect(claim).not.toBeNull();
    expect(app.quits).toBe(0);
    const window = new FakeWindow(true);
    claim!.windowReady(window);
    expect(window.calls).toEqual([]);

    app.secondLaunch();
    expect(window.calls).toEqual(['restore', 'show', 'focus']);

    app.secondLaunch();
    expect(window.calls).toEqual(['restore', 'show', 'focus', 'show', 'focus']);
  });

  it('remembers a second launch made while starting and brings the window forward as soon as it exists, once', () => {
    const app = new FakeApp(true);
    const claim = claimSingleInstance(app)!;
    app.secondLaunch();
    const window = new FakeWindow(true);
    claim.windowReady(window);
    expect(window.calls).toEqual(['restore', 'show', 'focus']);

    const next = new FakeWindow();
    claim.windowReady(next);
    expect(next.calls).toEqual([]);
  });

  it('does not touch a destroyed window; the request waits for the next window', () => {
    const app = new FakeApp(true);
    const claim = claimSingleInstance(app)!;
    const closed = new FakeWindow();
    claim.windowReady(closed);
    closed.destroyed = true;
    app.secondLaunch();
    expect(closed.calls).toEqual([]);

    const reopened = new FakeWindow();
    claim.windowReady(reopened);
    expect(reopened.calls).toEqual(['show', 'focus']);
  });
});
