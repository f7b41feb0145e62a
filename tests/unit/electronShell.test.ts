import { existsSync, readdirSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../electron/main/contentSecurityPolicy';
import { ipcChannels } from '../../shared/ipcChannels';
import { FakeElectron, preventableEvent, type FakeBrowserWindow, type FakeInvokeEvent } from '../support/fakeElectron';
import { sampleContent } from '../support/sampleContent';
import { flushBeforeCleanup, useTemporaryDirectories } from '../support/temporaryDirectory';
import { twoColourJpeg } from './media/photoFixtures';

const forbidden = { ok: false, error: { code: 'forbidden-sender', message: expect.any(String) } };
const devServerUrl = 'http://localhost:5173';
const appPage = 'app://banthao/index.html';

/** A call from the top frame of the page at `url`, as Electron describes the sender. */
function topFrameAt(url: string): FakeInvokeEvent {
  return { senderFrame: { url, parent: null } };
}

/** A call from the app's own page: the page the window was told to load. */
function fromPage(window: FakeBrowserWindow): FakeInvokeEvent {
  expect(window.loadedUrl).not.toBeNull();
  return topFrameAt(window.loadedUrl!);
}

/** Resolves once `condition` holds, polling; the library opens on real files, so give it seconds. */
function until(condition: () => void | Promise<void>): Promise<void> {
  return vi.waitFor(condition, { timeout: 8_000, interval: 10 });
}

// Each test opens a real library; `until` gives up after 8 s so a hang fails with its assertion, not a timeout.
describe('the Electron shell (electron/main/index.ts) over a fake electron module', { timeout: 20_000 }, () => {
  const temporaryDirectory = useTemporaryDirectories();
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.doUnmock('electron');
  });

  /** Quits a started app the way Electron would, so the library lets go of the temp folder before it is removed. */
  async function shutDown(electron: FakeElectron): Promise<void> {
    if (electron.ipcHandlers.size === 0) return;
    if (electron.app.quits === 0) electron.app.emit('window-all-closed');
    await until(() => expect(electron.app.quits).toBeGreaterThan(0));
  }

  /** Runs index.ts afresh (it starts on import) with BANTHAO_DATA_DIR in a new temp folder. */
  async function launch(options: { lockGranted?: boolean; isPackaged?: boolean; rendererUrl?: string } = {}) {
    const dataDirectory = await temporaryDirectory();
    const electron = new FakeElectron(options);
    flushBeforeCleanup({ flush: () => shutDown(electron) });
    vi.stubEnv('BANTHAO_DATA_DIR', dataDirectory);
    vi.stubEnv('ELECTRON_RENDERER_URL', options.rendererUrl);
    vi.resetModules();
    // doMock, not the hoisted vi.mock: each launch needs a fake of its own, seen by the next import only.
    vi.doMock('electron', () => electron.module);
    await import('../../electron/main/index');
    return { electron, dataDirectory };
  }

  /** Makes the app ready and returns its one window once start() has made it. */
  async function readyWindow(electron: FakeElectron): Promise<FakeBrowserWindow> {
    electron.app.becomeReady();
    await until(() => expect(electron.windows).toHaveLength(1));
    return electron.windows[0]!;
  }

  async function untilLibraryReady(electron: FakeElectron, window: FakeBrowserWindow): Promise<void> {
    await until(async () =>
      expect(await electron.invoke('app:startup', fromPage(window))).toEqual({ ok: true, value: { state: 'ready' } }),
    );
  }

  it('quits at once when another instance holds the single-instance lock, and opens nothing, even once ready', async () => {
    const { electron, dataDirectory } = await launch({ lockGranted: false });
    expect(electron.app.quits).toBe(1);
    electron.app.becomeReady();
    // start() would have run within the microtasks after 'ready'; a macrotask later it still has not.
    await new Promise((resolve) => setImmediate(resolve));
    expect(electron.windows).toEqual([]);
    expect(electron.ipcHandlers.size).toBe(0);
    expect(electron.protocolHandlers.size).toBe(0);
    expect(electron.privilegedSchemes).toEqual([]);
    expect(electron.app.listenerCount('second-instance')).toBe(0);
    expect(electron.app.listenerCount('window-all-closed')).toBe(0);
    // The data folder is untouched: no library.lock, no library/.
    expect(await readdir(dataDirectory)).toEqual([]);
  });

  it('on ready registers all IPC channels and protocols and opens a hardened app://banthao window before the library is open', async () => {
    const { electron, dataDirectory } = await launch();
    expect(electron.app.getPath('userData')).toBe(dataDirectory);
    // Before 'ready' only the scheme privileges may be (and must be) registered, both schemes in Electron's one call.
    expect(electron.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
      { scheme: 'banthao-media', privileges: { standard: true, secure: true } },
    ]);
    expect(electron.ipcHandlers.size).toBe(0);
    expect(electron.windows).toEqual([]);

    let startupWhenWindowCreated: Promise<unknown> | undefined;
    electron.app.once('browser-window-created', (_event, window: FakeBrowserWindow) => {
      // A microtask later the window has been told its page, and no file I/O of the opening can have finished.
      queueMicrotask(() => {
        startupWhenWindowCreated = electron.invoke('app:startup', fromPage(window));
      });
    });
    const window = await readyWindow(electron);
    expect(startupWhenWindowCreated).toBeDefined();
    expect(await startupWhenWindowCreated).toMatchObject({ ok: true, value: { state: 'opening' } });

    expect([...electron.ipcHandlers.keys()].sort()).toEqual([...ipcChannels].sort());
    expect([...electron.protocolHandlers.keys()].sort()).toEqual(['app', 'banthao-media']);
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    // The page comes from the app scheme, never file://; the preload from the build folder (out/ when bundled, electron/ under vitest).
    expect(window.loadedUrl).toBe(appPage);
    const preload = window.options.webPreferences!.preload!;
    expect(preload).toMatch(/[\\/]preload[\\/]index\.cjs$/);
    // app:// serves the renderer folder beside the preload's, and nothing above it: main/index.ts is right there.
    const buildFolder = dirname(dirname(preload));
    expect(existsSync(join(buildFolder, 'main', 'index.ts'))).toBe(true);
    for (const climb of [
      'app://banthao/..%2fmain%2findex.ts',
      'app://banthao/%2e%2e%5cmain%5cindex.ts',
      'app://banthao/..\\main\\index.ts',
    ]) {
      const refused = await electron.fetch(climb);
      expect(refused.status, climb).toBe(404);
      expect(refused.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy);
    }

    // Shown only once painted; no navigation, no pop-up, CSP on every response, every permission denied.
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
    const navigation = preventableEvent();
    window.webContents.emit('will-navigate', navigation, 'https://example.com/');
    expect(navigation.defaultPrevented).toBe(true);
    expect(window.webContents.windowOpenHandler?.()).toEqual({ action: 'deny' });
    let headers: Record<string, string[]> = {};
    window.webContents.headersListener?.({ responseHeaders: {} }, (response) => (headers = response.responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy]);
    let granted: boolean | null = null;
    electron.permissionRequestHandler?.(window.webContents, 'media', (answer) => (granted = answer));
    expect(granted).toBe(false);
    expect(electron.permissionCheckHandler?.()).toBe(false);
    expect(JSON.stringify(electron.applicationMenu?.template)).toContain('"role":"quit"');

    await untilLibraryReady(electron, window);
  });

  it('answers the page (app:startup ready, library:list and article:create reach the data folder) and refuses other senders', async () => {
    const { electron, dataDirectory } = await launch();
    const window = await readyWindow(electron);
    const page = fromPage(window);
    await untilLibraryReady(electron, window);
    expect(await electron.invoke('app:info', page)).toEqual({ ok: true, value: { version: '0.0.0-test', dataDirectory } });
    expect(await electron.invoke('library:list', page, { scope: 'active' })).toEqual({ ok: true, value: [] });

    const created = (await electron.invoke('article:create', page)) as { ok: true; value: { id: string } };
    expect(created).toMatchObject({ ok: true, value: { revision: 1, status: 'draft' } });
    const { id } = created.value;
    const stored = await readFile(join(dataDirectory, 'library', 'articles', id.slice(0, 2), `${id}.json`), 'utf8');
    expect(stored).toContain(`"id":"${id}"`);
    expect(await electron.invoke('library:list', page, { scope: 'active' })).toMatchObject({ ok: true, value: [{ id }] });

    const builtPage = join(dirname(dirname(window.options.webPreferences!.preload!)), 'renderer', 'index.html');
    const strangers: FakeInvokeEvent[] = [
      { senderFrame: { url: appPage, parent: { url: appPage } } }, // an iframe inside our page
      topFrameAt('http://evil.example/'),
      topFrameAt('app://other/index.html'),
      topFrameAt(pathToFileURL(builtPage).href), // our own page, opened from disk
      topFrameAt(pathToFileURL(join(dataDirectory, 'index.html')).href), // another local file
      { senderFrame: null }, // a frame already gone
    ];
    for (const stranger of strangers) expect(await electron.invoke('article:create', stranger)).toEqual(forbidden);
    expect(await electron.invoke('library:list', page, { scope: 'active' })).toMatchObject({ ok: true, value: [{ id }] });
  });

  it('brings the minimized window back and focuses it when the app is launched again', async () => {
    const { electron } = await launch();
    const window = await readyWindow(electron);
    window.minimize();
    electron.app.emit('second-instance', preventableEvent(), ['ban-thao'], '/', {});
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
    expect(window.isMinimized()).toBe(false);
    await untilLibraryReady(electron, window);
  });

  it('receives a package a second launch names: brings the window forward, asks the loaded page to save, then reports', async () => {
    const { electron } = await launch();
    const window = await readyWindow(electron);
    await untilLibraryReady(electron, window);
    window.webContents.emit('did-finish-load');
    window.minimize();
    const missing = join(await temporaryDirectory(), 'goi.banthao');
    electron.app.emit('second-instance', preventableEvent(), ['ban-thao', '--no-sandbox', missing], '/', {});
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
    await until(() => expect(window.webContents.sent).toContain('package:receiving'));
    const [, requestId] = window.webContents.messages.find(([channel]) => channel === 'package:receiving')!;
    // Nothing is received before the page answers that its edits are saved.
    expect(window.webContents.sent).not.toContain('package:received');
    expect(await electron.invoke('package:readyToReceive', fromPage(window), { requestId })).toEqual({ ok: true, value: {} });
    await until(() =>
      expect(window.webContents.messages).toContainEqual([
        'package:received',
        { fileName: 'goi.banthao', ok: false, error: { code: 'not-found', message: 'Không đọc được tệp gói bài duyệt.' } },
      ]),
    );
  });

  it('receives the package of its own command line (a double-click that starts it) and reports once the page has loaded', async () => {
    const missing = join(await temporaryDirectory(), 'mo-bang-nhap-dup.banthao');
    const argv = process.argv;
    process.argv = ['ban-thao', missing];
    let launched: Awaited<ReturnType<typeof launch>>;
    try {
      launched = await launch();
    } finally {
      process.argv = argv;
    }
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const window = await readyWindow(launched.electron);
    await untilLibraryReady(launched.electron, window);
    // Received (main logs the missing file) while the page has not loaded: nothing was asked of it, the report waits.
    await until(() => expect(logged).toHaveBeenCalledWith('Bản Thảo: không nhận được gói mo-bang-nhap-dup.banthao', expect.anything()));
    logged.mockRestore();
    expect(window.webContents.sent).toEqual([]);
    window.webContents.emit('did-finish-load');
    await until(() => expect(window.webContents.sent).toEqual(['package:received']));
    expect(window.webContents.messages[0]).toEqual([
      'package:received',
      { fileName: 'mo-bang-nhap-dup.banthao', ok: false, error: { code: 'not-found', message: expect.any(String) } },
    ]);
  });

  it('closes the library session (library.lock removed) before quitting when the last window has closed', async () => {
    const { electron, dataDirectory } = await launch();
    const window = await readyWindow(electron);
    await untilLibraryReady(electron, window);
    const lockPath = join(dataDirectory, 'library.lock');
    expect(JSON.parse(await readFile(lockPath, 'utf8'))).toMatchObject({ pid: process.pid, appVersion: '0.0.0-test' });

    let lockHeldAtQuit: boolean | null = null;
    electron.app.once('before-quit', () => (lockHeldAtQuit = existsSync(lockPath)));
    electron.app.emit('window-all-closed');
    expect(electron.app.quits).toBe(0);
    await until(() => expect(electron.app.quits).toBe(1));
    expect(lockHeldAtQuit).toBe(false);
    expect(existsSync(lockPath)).toBe(false);
  });

  it('waits for the snapshot of the last save before letting go of the library and quitting', async () => {
    const { electron, dataDirectory } = await launch();
    const window = await readyWindow(electron);
    await untilLibraryReady(electron, window);
    const page = fromPage(window);
    const { value: article } = (await electron.invoke('article:create', page)) as { value: { id: string } };
    expect(
      await electron.invoke('article:save', page, { id: article.id, baseRevision: 1, content: sampleContent({ title: 'Bài cuối' }) }),
    ).toMatchObject({ ok: true });
    let backupsAtQuit: string[] = [];
    electron.app.once('before-quit', () => (backupsAtQuit = readdirSync(join(dataDirectory, 'backups'))));
    electron.app.emit('window-all-closed');
    await until(() => expect(electron.app.quits).toBe(1));
    expect(backupsAtQuit).toHaveLength(1);
    expect(backupsAtQuit[0]).not.toMatch(/^\.partial-/);
  });

  it('holds the window open on close until the page says its saves are sent, then closes it and quits', async () => {
    const { electron, dataDirectory } = await launch();
    const window = await readyWindow(electron);
    await untilLibraryReady(electron, window);

    expect(window.close()).toBe(false);
    expect(window.isDestroyed()).toBe(false);
    expect(window.webContents.sent).toEqual(['app:beforeClose']);
    // A second close while waiting does not ask twice.
    expect(window.close()).toBe(false);
    expect(window.webContents.sent).toEqual(['app:beforeClose']);

    expect(await electron.invoke('app:closeReady', fromPage(window))).toEqual({ ok: true, value: {} });
    await until(() => expect(window.isDestroyed()).toBe(true));
    // The fake emits 'window-all-closed' for the last window, as Electron does.
    await until(() => expect(electron.app.quits).toBe(1));
    expect(existsSync(join(dataDirectory, 'library.lock'))).toBe(false);
  });

  it('serves banthao-media photos: 404 for a bad id, host or unknown photo, the display copy for one imported by the dialog', async () => {
    const { electron, dataDirectory } = await launch();
    const window = await readyWindow(electron);
    const serve = electron.protocolHandlers.get('banthao-media')!;
    // Refused before the library is even open.
    expect((await serve(new Request('banthao-media://photo/not-an-id'))).status).toBe(404);
    await untilLibraryReady(electron, window);
    expect((await serve(new Request(`banthao-media://photo/${'a'.repeat(64)}`))).status).toBe(404);

    const photoPath = join(dataDirectory, 'Ảnh hiện trường.jpg');
    await writeFile(photoPath, await twoColourJpeg());
    electron.dialogAnswers.push({ canceled: false, filePaths: [photoPath] });
    const imported = (await electron.invoke('media:importFromDialog', fromPage(window))) as {
      ok: true;
      value: { imported: { id: string }[] };
    };
    expect(imported).toMatchObject({ ok: true, value: { imported: [{ originalFileName: 'Ảnh hiện trường.jpg' }], refused: [] } });
    expect(electron.dialogCalls).toEqual([
      {
        kind: 'open',
        owner: null,
        options: expect.objectContaining({ defaultPath: electron.app.getPath('pictures'), properties: ['openFile', 'multiSelections'] }),
      },
    ]);

    const id = imported.value.imported[0]!.id;
    const response = await serve(new Request(`banthao-media://photo/${id}`));
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(bytes.subarray(8, 12).toString('latin1')).toBe('WEBP');
    expect((await serve(new Request(`banthao-media://elsewhere/${id}`))).status).toBe(404);
  });

  it('exports through a save dialog owned by the focused window, starting in Documents; a cancelled dialog writes nothing', async () => {
    const { electron, dataDirectory } = await launch();
    const window = await readyWindow(electron);
    const page = fromPage(window);
    await untilLibraryReady(electron, window);
    const { value: article } = (await electron.invoke('article:create', page)) as { value: { id: string } };

    window.focus();
    const target = join(dataDirectory, 'bai.html');
    electron.dialogAnswers.push({ canceled: false, filePath: target, filePaths: [] });
    expect(await electron.invoke('article:exportHtml', page, { id: article.id })).toEqual({
      ok: true,
      value: { status: 'saved', path: target },
    });
    expect(await readFile(target, 'utf8')).toMatch(/^<!doctype html>/i);
    expect(electron.dialogCalls).toHaveLength(1);
    expect(electron.dialogCalls[0]).toMatchObject({ kind: 'save', owner: window });
    const defaultPath = electron.dialogCalls[0]!.options.defaultPath as string;
    expect(dirname(defaultPath)).toBe(electron.app.getPath('documents'));
    expect(defaultPath).toMatch(/\.html$/);

    expect(await electron.invoke('article:exportHtml', page, { id: article.id })).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(electron.dialogCalls).toHaveLength(2);
  });

  it('in development loads ELECTRON_RENDERER_URL and trusts only that origin’s page; a packaged app ignores the variable', async () => {
    const development = await launch({ rendererUrl: devServerUrl });
    const devWindow = await readyWindow(development.electron);
    expect(devWindow.loadedUrl).toBe(devServerUrl);
    expect(await development.electron.invoke('app:info', topFrameAt(`${devServerUrl}/`))).toMatchObject({ ok: true });
    expect(await development.electron.invoke('app:info', topFrameAt('http://localhost:5174/'))).toEqual(forbidden);
    expect(await development.electron.invoke('app:info', topFrameAt(appPage))).toEqual(forbidden);

    const packaged = await launch({ rendererUrl: devServerUrl, isPackaged: true });
    const packagedWindow = await readyWindow(packaged.electron);
    expect(packagedWindow.loadedUrl).toBe(appPage);
    expect(await packaged.electron.invoke('app:info', topFrameAt(`${devServerUrl}/`))).toEqual(forbidden);
    expect(await packaged.electron.invoke('app:info', fromPage(packagedWindow))).toMatchObject({ ok: true });
  });
});
