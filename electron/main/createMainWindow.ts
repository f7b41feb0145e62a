import { BrowserWindow, session } from 'electron';
import { contentSecurityPolicy } from './contentSecurityPolicy';

/** The main window with the security baseline: isolated, sandboxed, no Node, no navigation, no pop-ups. */
export function createMainWindow(paths: { preload: string; pageUrl: string }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Bản Thảo',
    show: false,
    backgroundColor: '#f6f4ef',
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.webContents.session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.once('ready-to-show', () => window.show());
  // app://banthao/index.html, or the development server under `npm run dev`; never a file:// page.
  void window.loadURL(paths.pageUrl);
  return window;
}

/** Denies every permission request (camera, notifications, geolocation…): an editor needs none. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
