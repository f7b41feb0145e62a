import { join, posix, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, Menu, protocol } from 'electron';
import { claimSingleInstance, type SingleInstanceClaim } from './claimSingleInstance';
import { createApplicationMenu } from './createApplicationMenu';
import { createElectronClipboard } from './createElectronClipboard';
import { createElectronDialogs } from './createElectronDialogs';
import { createElectronPrinter } from './createElectronPrinter';
import { createMainWindow, denyAllPermissions } from './createMainWindow';
import { createPackageReceiver } from './createPackageReceiver';
import { createPageEvents } from './createPageEvents';
import { createSecretBox } from './createSecretBox';
import { createSaveRequests } from './createSaveRequests';
import { guardWindowClose } from './guardWindowClose';
import { createHandlers } from './ipc/createHandlers';
import { registerIpcHandlers } from './ipc/registerIpcHandlers';
import { mediaSchemePrivileges, registerMediaProtocol } from './registerMediaProtocol';
import { appPageUrl, appScheme, appSchemePrivileges, serveRendererFile } from './serveRendererFile';
import { LibrarySession } from './application/LibrarySession';
import { logError } from './logging/logError';
import { trustSystemCertificates } from './trustSystemCertificates';

const outFolder = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const rendererFolder = join(outFolder, 'renderer');
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
// The page and the only origin IPC trusts: app://banthao, or the development server under `npm run dev`.
const pageUrl = devServerUrl ?? appPageUrl;
// BANTHAO_DATA_DIR moves the whole user-data folder, so another library also gets its own single-instance lock.
if (process.env.BANTHAO_DATA_DIR) app.setPath('userData', process.env.BANTHAO_DATA_DIR);
const dataDirectory = app.getPath('userData');

// One library, one writer: a second launch hands over to the first window (with the packages it names) and quits.
const claim = claimSingleInstance(app, {
  argv: process.argv,
  workingDirectory: process.cwd(),
  flavor: process.platform === 'win32' ? win32 : posix,
});
if (claim !== null) {
  // Before 'ready', and once: Electron takes a single list of privileged schemes.
  protocol.registerSchemesAsPrivileged([appSchemePrivileges, mediaSchemePrivileges]);
  // A start that fails must not leave a process running with no window.
  start(claim).catch((error: unknown) => {
    console.error('Bản Thảo: không khởi động được', error);
    app.quit();
  });
}

async function start(claim: SingleInstanceClaim): Promise<void> {
  await app.whenReady();
  denyAllPermissions();
  // The office's Git server may have a certificate from the agency's own authority, trusted by the system.
  trustSystemCertificates();
  Menu.setApplicationMenu(createApplicationMenu());
  // Main's one-way events to the page (held until it has loaded), and the handshake that has it save its edits first.
  const pageEvents = createPageEvents((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(event, payload);
  });
  const saveRequests = createSaveRequests({
    send: (requestId) => pageEvents.send('package:receiving', requestId),
    pageLoaded: () => pageEvents.isLoaded() && !window.isDestroyed(),
  });
  // The window opens at once and shows the opening progress; a rebuilt index takes seconds at 10,000 articles.
  const session = LibrarySession.start({
    dataDirectory,
    appVersion: app.getVersion(),
    dialogs: createElectronDialogs(),
    clipboard: createElectronClipboard(),
    printer: createElectronPrinter(),
    secretBox: createSecretBox(),
    onBackupFailure: (error) => console.error('Bản Thảo: sao lưu không thành công', error),
    onSubscriberError: (error, change) => console.error(`Bản Thảo: xử lý thay đổi ${change.kind} không thành công`, error),
    onLockLost: () => console.error('Bản Thảo: một tiến trình khác đã chiếm khóa thư viện'),
    logError,
  });
  // A sync saves what is typed first and tells the page what it brought, as a package opened from outside does.
  session.sync.attachWindow({
    savePendingEdits: () => saveRequests.request(),
    synced: (outcome) => pageEvents.send('sharedLibrary:synced', outcome),
  });
  let onCloseReady = () => {};
  // Asked on every request: a restore re-opens the library with new stores.
  registerMediaProtocol(async () => (await session.opened()).media);
  // The page and its scripts come from app://banthao (a standard origin of their own), never from file://.
  protocol.handle(appScheme, (request) => serveRendererFile(rendererFolder, request));
  registerIpcHandlers(
    createHandlers(session, { onCloseReady: () => onCloseReady(), onReadyToReceive: (requestId) => saveRequests.answered(requestId) }),
    pageUrl,
  );
  const window = createMainWindow({ preload: join(outFolder, 'preload', 'index.cjs'), pageUrl });
  window.webContents.on('did-finish-load', () => pageEvents.loaded());
  onCloseReady = guardWindowClose(window, () => session.flush());
  claim.windowReady(window);
  // Packages opened from outside (double-click, a second launch, macOS's open-file) are received here, in turn.
  const packages = createPackageReceiver(session, {
    savePendingEdits: () => saveRequests.request(),
    report: (report) => pageEvents.send('package:received', report),
  });
  claim.receivePackagesWith((path) => void packages.receive(path));
  app.on('window-all-closed', () => {
    void session
      .close()
      .catch((error: unknown) => console.error('Bản Thảo: đóng thư viện không trọn vẹn', error))
      .finally(() => app.quit());
  });
}
