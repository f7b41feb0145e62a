import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** An Electron event a listener may cancel ('close', 'will-navigate'). */
export interface PreventableEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function preventableEvent(): PreventableEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

/** The part of an IpcMainInvokeEvent main reads: the frame that called (null once it is gone). */
export interface FakeInvokeEvent {
  senderFrame: { url: string; parent: unknown } | null;
}

type InvokeListener = (event: FakeInvokeEvent, request: unknown) => Promise<unknown>;
type ProtocolHandler = (request: Request) => Response | Promise<Response>;
type PermissionRequestHandler = (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders: Record<string, string[]> }) => void,
) => void;

export interface WindowOptions {
  show?: boolean;
  webPreferences?: {
    preload?: string;
    contextIsolation?: boolean;
    sandbox?: boolean;
    nodeIntegration?: boolean;
    webSecurity?: boolean;
  };
}

export interface DialogAnswer {
  canceled: boolean;
  filePath?: string;
  filePaths: string[];
}

/** Electron's `app`: the single-instance lock, a readiness the test controls, paths, and quits counted. */
export class FakeApp extends EventEmitter {
  readonly isPackaged: boolean;
  quits = 0;
  readonly #lockGranted: boolean;
  readonly #paths = new Map<string, string>();
  #ready = false;
  #becomeReady = () => {};
  readonly #whenReady = new Promise<void>((resolve) => (this.#becomeReady = resolve));

  constructor(options: { lockGranted: boolean; isPackaged: boolean }) {
    super();
    this.#lockGranted = options.lockGranted;
    this.isPackaged = options.isPackaged;
    // Inside this source file, which is no folder: an app writing there instead of BANTHAO_DATA_DIR fails loudly.
    for (const name of ['userData', 'documents', 'pictures']) this.#paths.set(name, join(fileURLToPath(import.meta.url), name));
  }

  requestSingleInstanceLock(): boolean {
    return this.#lockGranted;
  }

  /** Like Electron, resolves `whenReady()` and emits 'ready' once. */
  becomeReady(): void {
    if (this.#ready) return;
    this.#ready = true;
    this.#becomeReady();
    this.emit('ready');
  }

  isReady(): boolean {
    return this.#ready;
  }

  whenReady(): Promise<void> {
    return this.#whenReady;
  }

  quit(): void {
    this.quits += 1;
    this.emit('before-quit', preventableEvent());
  }

  getVersion(): string {
    return '0.0.0-test';
  }

  setPath(name: string, path: string): void {
    this.#paths.set(name, path);
  }

  getPath(name: string): string {
    const path = this.#paths.get(name);
    // Electron throws for a name it does not know; so does the fake for one the app was not expected to ask.
    if (path === undefined) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
}

/** A window's webContents: what main sends, and the listeners and handlers main installs. */
export class FakeWebContents extends EventEmitter {
  readonly sent: string[] = [];
  /** What main sent, with the payloads. */
  readonly messages: [string, ...unknown[]][] = [];
  windowOpenHandler: (() => { action: string }) | null = null;
  headersListener: HeadersListener | null = null;
  readonly session = {
    webRequest: {
      onHeadersReceived: (listener: HeadersListener) => {
        this.headersListener = listener;
      },
    },
  };

  send(channel: string, ...payload: unknown[]): void {
    this.sent.push(channel);
    // Cloned, as IPC does: the page never shares an object with main.
    this.messages.push([channel, ...structuredClone(payload)]);
  }

  setWindowOpenHandler(handler: () => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

/** A BrowserWindow that records what is done to it; closing emits a preventable 'close', then 'closed'. */
export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  /** restore/show/focus/close, in order. */
  readonly calls: string[] = [];
  /** The URL the window was told to load (loadFile's path as a file:// URL). */
  loadedUrl: string | null = null;
  visible: boolean;
  minimized = false;
  focused = false;
  #destroyed = false;

  constructor(
    readonly options: WindowOptions,
    private readonly onClosed: () => void,
  ) {
    super();
    this.visible = options.show ?? true;
  }

  loadFile(path: string): Promise<void> {
    this.loadedUrl = pathToFileURL(path).href;
    return Promise.resolve();
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  minimize(): void {
    this.minimized = true;
    this.focused = false;
  }

  restore(): void {
    this.minimized = false;
    this.calls.push('restore');
  }

  show(): void {
    this.visible = true;
    this.calls.push('show');
  }

  focus(): void {
    this.focused = true;
    this.calls.push('focus');
  }

  /** Returns whether the window really closed (no 'close' listener prevented it). */
  close(): boolean {
    if (this.#destroyed) return false;
    this.calls.push('close');
    const event = preventableEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.#destroyed = true;
    this.emit('closed');
    this.onClosed();
    return true;
  }
}

/**
 * An in-memory stand-in for the 'electron' module, holding only what electron/main calls. `module` is what
 * `vi.doMock('electron', () => fake.module)` hands the app; a name missing from it fails the import loudly.
 */
export class FakeElectron {
  readonly app: FakeApp;
  readonly windows: FakeBrowserWindow[] = [];
  readonly ipcHandlers = new Map<string, InvokeListener>();
  readonly protocolHandlers = new Map<string, ProtocolHandler>();
  readonly privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[] = [];
  readonly dialogCalls: { kind: 'save' | 'open'; owner: FakeBrowserWindow | null; options: Record<string, unknown> }[] = [];
  /** What the next dialogs answer, first to last; a dialog with nothing queued is cancelled. */
  readonly dialogAnswers: DialogAnswer[] = [];
  applicationMenu: { template: unknown[] } | null = null;
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: (() => boolean) | null = null;
  #privilegesRegistered = false;
  readonly module: Record<string, unknown>;

  constructor(options: { lockGranted?: boolean; isPackaged?: boolean } = {}) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the classes below reach this fake from methods whose `this` is a window
    const fake = this;
    const app = new FakeApp({ lockGranted: options.lockGranted ?? true, isPackaged: options.isPackaged ?? false });
    this.app = app;

    class BrowserWindow extends FakeBrowserWindow {
      constructor(windowOptions: WindowOptions) {
        // Electron quits on the last window closing only through 'window-all-closed', which the app handles.
        super(windowOptions, () => {
          if (fake.windows.every((window) => window.isDestroyed())) app.emit('window-all-closed');
        });
        fake.windows.push(this);
        app.emit('browser-window-created', preventableEvent(), this);
      }

      static getFocusedWindow(): FakeBrowserWindow | null {
        return fake.windows.find((window) => window.focused && !window.isDestroyed()) ?? null;
      }
    }

    const showDialog = (kind: 'save' | 'open', ...args: unknown[]): Promise<DialogAnswer> => {
      const [owner, dialogOptions] = args.length === 2 ? args : [null, args[0]];
      fake.dialogCalls.push({ kind, owner: owner as FakeBrowserWindow | null, options: dialogOptions as Record<string, unknown> });
      return Promise.resolve(fake.dialogAnswers.shift() ?? { canceled: true, filePaths: [] });
    };

    this.module = {
      app,
      BrowserWindow,
      Menu: {
        buildFromTemplate: (template: unknown[]) => ({ template }),
        setApplicationMenu: (menu: { template: unknown[] } | null) => {
          fake.applicationMenu = menu;
        },
      },
      dialog: {
        showSaveDialog: (...args: unknown[]) => showDialog('save', ...args),
        showOpenDialog: (...args: unknown[]) => showDialog('open', ...args),
      },
      ipcMain: {
        handle: (channel: string, listener: InvokeListener) => {
          // Electron refuses a second handler for a channel.
          if (fake.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
          fake.ipcHandlers.set(channel, listener);
        },
      },
      protocol: {
        registerSchemesAsPrivileged: (schemes: { scheme: string; privileges: Record<string, boolean> }[]) => {
          // Electron only honours this before 'ready', and only once: a second list would replace the first.
          if (app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
          if (fake.#privilegesRegistered) throw new Error('protocol.registerSchemesAsPrivileged can be called only once');
          fake.#privilegesRegistered = true;
          fake.privilegedSchemes.push(...schemes);
        },
        handle: (scheme: string, handler: ProtocolHandler) => {
          if (!app.isReady()) throw new Error('protocol.handle can only be used after the app is ready');
          if (fake.protocolHandlers.has(scheme)) throw new Error(`The scheme has been handled: ${scheme}`);
          fake.protocolHandlers.set(scheme, handler);
        },
      },
      // As on Linux without a keyring: no secret is ever stored (the secret box's own tests use memorySecretBox).
      safeStorage: {
        isAsyncEncryptionAvailable: async () => false,
        getSelectedStorageBackend: () => 'basic_text',
        encryptStringAsync: async () => Promise.reject(new Error('Encryption is not available.')),
        decryptStringAsync: async () => Promise.reject(new Error('Decryption is not available.')),
      },
      net: {
        // Node's fetch has no file: scheme; the media protocol only ever fetches a local display copy.
        fetch: async (url: string) => {
          if (!url.startsWith('file:')) throw new Error(`The fake net.fetch only reads file: URLs, not ${url}`);
          return new Response(await readFile(fileURLToPath(url)));
        },
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: (handler: PermissionRequestHandler) => {
            fake.permissionRequestHandler = handler;
          },
          setPermissionCheckHandler: (handler: () => boolean) => {
            fake.permissionCheckHandler = handler;
          },
        },
      },
    };
  }

  /** What Chromium does with a page's request for a custom-scheme URL: hands it to that scheme's `protocol.handle` handler. */
  fetch(url: string): Promise<Response> {
    const handler = this.protocolHandlers.get(new URL(url).protocol.slice(0, -1));
    if (handler === undefined) return Promise.reject(new Error(`net::ERR_UNKNOWN_URL_SCHEME ${url}`));
    return Promise.resolve(handler(new Request(url)));
  }

  /** What the renderer's `ipcRenderer.invoke` does: runs the channel's handler, or rejects like Electron without one. */
  invoke(channel: string, event: FakeInvokeEvent, request: unknown = {}): Promise<unknown> {
    const listener = this.ipcHandlers.get(channel);
    if (listener === undefined) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return listener(event, request);
  }
}
