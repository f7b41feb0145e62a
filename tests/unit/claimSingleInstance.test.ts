import { EventEmitter } from 'node:events';
import { posix } from 'node:path';
import type { App, BrowserWindow } from 'electron';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  claimSingleInstance,
  type FocusableWindow,
  type LaunchCommandLine,
  type SingleInstanceApp,
} from '../../electron/main/claimSingleInstance';

/** A launch of the app with nothing to open, unless `argv` says otherwise. */
function launch(argv: string[] = ['/opt/Ban Thao/ban-thao']): LaunchCommandLine {
  return { argv, workingDirectory: '/home/son', flavor: posix };
}

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
  secondLaunch(argv: string[] = ['ban-thao'], workingDirectory = '/') {
    // Electron passes (event, argv, workingDirectory, additionalData).
    this.emit('second-instance', { preventDefault() {} }, argv, workingDirectory, {});
  }
  /** macOS's open-file (Finder, the Dock); returns whether the app took the file. */
  openFile(path: string): boolean {
    let taken = false;
    this.emit('open-file', { preventDefault: () => (taken = true) }, path);
    return taken;
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
    expect(claimSingleInstance(app, launch())).toBeNull();
    expect(app.quits).toBe(1);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('keeps running when the lock is granted, and a second launch restores, shows and focuses the window', () => {
    const app = new FakeApp(true);
    const claim = claimSingleInstance(app, launch());
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
    const claim = claimSingleInstance(app, launch())!;
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
    const claim = claimSingleInstance(app, launch())!;
    const closed = new FakeWindow();
    claim.windowReady(closed);
    closed.destroyed = true;
    app.secondLaunch();
    expect(closed.calls).toEqual([]);

    const reopened = new FakeWindow();
    claim.windowReady(reopened);
    expect(reopened.calls).toEqual(['show', 'focus']);
  });

  it('lets go of nothing it was not given: a refused claim listens for no open-file either', () => {
    const app = new FakeApp(false);
    expect(claimSingleInstance(app, launch(['ban-thao', '/tmp/a.banthao']))).toBeNull();
    expect(app.listenerCount('open-file')).toBe(0);
  });

  it('hands over the packages of its own command line (a double-click that started the app) once a receiver is there', () => {
    const app = new FakeApp(true);
    const claim = claimSingleInstance(app, launch(['/opt/Ban Thao/ban-thao', '--no-sandbox', 'Goi/bai.banthao', '/tmp/anh.jpg']))!;
    const received: string[] = [];
    claim.windowReady(new FakeWindow());
    expect(received).toEqual([]);
    claim.receivePackagesWith((path) => received.push(path));
    expect(received).toEqual(['/home/son/Goi/bai.banthao']);
  });

  it('queues a second launch’s packages while starting, then brings the window forward and hands them over, in order', () => {
    const app = new FakeApp(true);
    const claim = claimSingleInstance(app, launch())!;
    app.secondLaunch(['/opt/Ban Thao/ban-thao', '--allow-file-access-from-files', 'mot.banthao'], '/home/son/Tải về');
    app.secondLaunch(['/opt/Ban Thao/ban-thao', '/srv/hai.BANTHAO', 'ghi-chu.txt'], '/');
    const window = new FakeWindow(true);
    claim.windowReady(window);
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
    const received: string[] = [];
    claim.receivePackagesWith((path) => received.push(path));
    expect(received).toEqual(['/home/son/Tải về/mot.banthao', '/srv/hai.BANTHAO']);
  });

  it('when running, a second launch with a package brings the window forward and hands the package over at once', () => {
    const app = new FakeApp(true);
    const claim = claimSingleInstance(app, launch())!;
    const window = new FakeWindow(true);
    claim.windowReady(window);
    const received: string[] = [];
    claim.receivePackagesWith((path) => received.push(path));
    app.secondLaunch(['/opt/Ban Thao/ban-thao', 'file:///home/son/T%E1%BA%A3i%20v%E1%BB%81/ba.banthao'], '/');
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
    expect(received).toEqual(['/home/son/Tải về/ba.banthao']);
    // A launch naming nothing still brings the window forward, and hands nothing over.
    app.secondLaunch();
    expect(window.calls).toEqual(['restore', 'show', 'focus', 'show', 'focus']);
    expect(received).toHaveLength(1);
  });

  it('takes macOS’s open-file before ready (queued) and after (at once), and leaves other files to the system', () => {
    const app = new FakeApp(true);
    const claim = claimSingleInstance(app, launch())!;
    expect(app.openFile('/Users/son/Downloads/bai.banthao')).toBe(true);
    expect(app.openFile('/Users/son/Downloads/anh.png')).toBe(false);
    const window = new FakeWindow();
    claim.windowReady(window);
    expect(window.calls).toEqual(['show', 'focus']);
    const received: string[] = [];
    claim.receivePackagesWith((path) => received.push(path));
    expect(received).toEqual(['/Users/son/Downloads/bai.banthao']);
    expect(app.openFile('/Users/son/Desktop/hai.banthao')).toBe(true);
    expect(received).toEqual(['/Users/son/Downloads/bai.banthao', '/Users/son/Desktop/hai.banthao']);
    expect(window.calls).toEqual(['show', 'focus', 'show', 'focus']);
  });
});
