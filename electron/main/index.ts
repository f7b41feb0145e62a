import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { claimSingleInstance, type SingleInstanceClaim } from './claimSingleInstance';
import { createApplicationMenu } from './createApplicationMenu';
import { createMainWindow, denyAllPermissions } from './createMainWindow';
import { guardWindowClose } from './guardWindowClose';
import { createHandlers } from './ipc/createHandlers';
import { registerIpcHandlers } from './ipc/registerIpcHandlers';
import { registerMediaProtocol, registerMediaSchemePrivileges } from './registerMediaProtocol';
import { LibrarySession, type LibraryBackups, type OpenLibrary } from './services/LibrarySession';

const outFolder = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const pagePath = join(outFolder, 'renderer', 'index.html');
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
// BANTHAO_DATA_DIR moves the whole user-data folder, so another library also gets its own single-instance lock.
if (process.env.BANTHAO_DATA_DIR) app.setPath('userData', process.env.BANTHAO_DATA_DIR);
const dataDirectory = app.getPath('userData');

// One library, one writer: a second launch hands over to the first window and quits.
const claim = claimSingleInstance(app);
if (claim !== null) {
  registerMediaSchemePrivileges();
  // A start that fails must not leave a process running with no window.
  start(claim).catch((error: unknown) => {
    console.error('Bản Thảo: không khởi động được', error);
    app.quit();
  });
}

async function start(claim: SingleInstanceClaim): Promise<void> {
  await app.whenReady();
  denyAllPermissions();
  Menu.setApplicationMenu(createApplicationMenu());
  let onCloseReady = () => {};
  // Restoring a backup re-opens the library: the session rebuilds the table over the fresh stores.
  const handlersOver = ({ store, settings, media, search }: OpenLibrary, backups: LibraryBackups) => createHandlers({
    store,
    settings,
    media,
    search,
    backups,
    appInfo: { version: app.getVersion(), dataDirectory },
    onCloseReady: () => onCloseReady(),
    dialogs: {
      async chooseExportPath(suggestedFileName) {
        const owner = BrowserWindow.getFocusedWindow();
        const options = {
          title: 'Xuất bài ra HTML',
          defaultPath: join(app.getPath('documents'), suggestedFileName),
          filters: [{ name: 'Trang HTML', extensions: ['html'] }],
        };
        const answer = owner === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(owner, options);
        return answer.canceled || answer.filePath === undefined ? null : answer.filePath;
      },
      async chooseExportFolder() {
        const options = { title: 'Chọn thư mục để xuất bài', defaultPath: app.getPath('documents'), properties: ['openDirectory' as const, 'createDirectory' as const] };
        const owner = BrowserWindow.getFocusedWindow();
        const answer = owner === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(owner, options);
        return answer.canceled ? null : (answer.filePaths[0] ?? null);
      },
      async chooseImageFiles() {
        const options = {
          title: 'Chèn ảnh',
          defaultPath: app.getPath('pictures'),
          properties: ['openFile' as const, 'multiSelections' as const],
          filters: [{ name: 'Ảnh (JPEG, PNG, WebP, GIF)', extensions: ['jpg', 'jpeg', 'jfif', 'png', 'webp', 'gif'] }],
        };
        const owner = BrowserWindow.getFocusedWindow();
        const answer = owner === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(owner, options);
        return answer.canceled ? [] : answer.filePaths;
      },
    },
  });
  // The window opens at once and shows the opening progress; a rebuilt index takes seconds at 10,000 articles.
  const session = LibrarySession.start({
    dataDirectory,
    appVersion: app.getVersion(),
    buildHandlers: handlersOver,
    onBackupFailure: (error) => console.error('Bản Thảo: sao lưu không thành công', error),
    onLockLost: () => console.error('Bản Thảo: một tiến trình khác đã chiếm khóa thư viện'),
    onCloseReady: () => onCloseReady(),
  });
  // Photos are only ever added by a restore, so the first MediaStore stays valid across restores.
  registerMediaProtocol(async () => (await session.opened()).media);
  registerIpcHandlers(session.handlers, devServerUrl ? new URL('/', devServerUrl).href : pathToFileURL(pagePath).href);
  const window = createMainWindow({ preload: join(outFolder, 'preload', 'index.cjs'), page: pagePath, devServerUrl });
  onCloseReady = guardWindowClose(window, () => session.flush());
  claim.windowReady(window);
  app.on('window-all-closed', () => {
    void session
      .close()
      .catch((error: unknown) => console.error('Bản Thảo: đóng thư viện không trọn vẹn', error))
      .finally(() => app.quit());
  });
}
