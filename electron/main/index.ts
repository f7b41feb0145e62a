import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { createApplicationMenu } from './createApplicationMenu';
import { createMainWindow, denyAllPermissions } from './createMainWindow';
import { guardWindowClose } from './guardWindowClose';
import { createHandlers } from './ipc/createHandlers';
import { registerIpcHandlers } from './ipc/registerIpcHandlers';
import { openLibrary } from './services/openLibrary';

const outFolder = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const pagePath = join(outFolder, 'renderer', 'index.html');
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
// BANTHAO_DATA_DIR moves the whole user-data folder, so another library also gets its own single-instance lock.
if (process.env.BANTHAO_DATA_DIR) app.setPath('userData', process.env.BANTHAO_DATA_DIR);
const dataDirectory = app.getPath('userData');

// One library, one writer: a second launch hands over to the first window and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();
  denyAllPermissions();
  Menu.setApplicationMenu(createApplicationMenu());
  const { store, settings } = await openLibrary(dataDirectory);
  let onCloseReady = () => {};
  const handlers = createHandlers({
    store,
    settings,
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
    },
  });
  registerIpcHandlers(handlers, devServerUrl ? new URL('/', devServerUrl).href : pathToFileURL(pagePath).href);
  const window = createMainWindow({ preload: join(outFolder, 'preload', 'index.cjs'), page: pagePath, devServerUrl });
  onCloseReady = guardWindowClose(window, () => store.flush());
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    void store.flush().finally(() => app.quit());
  });
}
