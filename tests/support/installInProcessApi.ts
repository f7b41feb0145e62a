import { apiNameOf, ipcChannels, type IpcEvent } from '../../shared/ipcChannels';
import type { Identity } from '../../shared/identity';
import type { SecretBox } from '../../electron/main/application/SecretBox';
import type { Clipboard } from '../../electron/main/application/Clipboard';
import type { HandlerTable, PreloadApi } from '../../shared/ipcContract';
import type { PackageReceivedReport } from '../../shared/packageReceivedReport';
import { createPackageReceiver } from '../../electron/main/createPackageReceiver';
import { createSaveRequests } from '../../electron/main/createSaveRequests';
import { invokeHandler } from '../../electron/main/ipc/invokeHandler';
import { cannedDialogs, createTestHandlers } from './createTestHandlers';

/** Who the tests' user is unless a test says otherwise: a reporter who has answered the first-run question. */
export const testIdentity: Identity = { name: 'Ngọc Sơn', role: 'reporter' };

export interface InProcessApiOptions {
  /** Written into the settings before the app starts, as if the first-run question had been answered; null leaves it unanswered. */
  identity?: Identity | null;
  /** More canned dialog answers (a package to open, where a package is saved). */
  dialogs?: Parameters<typeof cannedDialogs>[0];
  /** The shared library's secret box (default: none can be stored). */
  secretBox?: SecretBox;
  /** The clipboard main writes to ("Sao chép cho CMS"); default: one nobody reads. */
  clipboard?: Clipboard;
}

/**
 * Gives a jsdom window the preload API backed by the real handler table on a temp library, with a
 * structured clone on the way in and out as IPC would do. Returns the stores for assertions.
 */
export async function installInProcessApi(dataDirectory: string, exportPath: string | null = null, options: InProcessApiOptions = {}) {
  const events = new PageEvents();
  // Main's handshake, with the page counted as loaded once the app listens (the preload holds events until then).
  const saveRequests = createSaveRequests({
    send: (requestId) => events.emit('package:receiving', requestId),
    pageLoaded: () => events.listened('package:receiving'),
  });
  const library = await createTestHandlers(
    dataDirectory,
    { ...(exportPath === null ? {} : { exportPath }), ...options.dialogs },
    { onReadyToReceive: (requestId) => saveRequests.answered(requestId), secretBox: options.secretBox, clipboard: options.clipboard },
  );
  const identity = options.identity === undefined ? testIdentity : options.identity;
  if (identity !== null) await library.handlers['settings:update']({ userName: identity.name, userRole: identity.role });
  installApiOver(library.handlers, events);
  const packages = createPackageReceiver(library.session, {
    savePendingEdits: () => saveRequests.request(),
    report: (report) => events.emit('package:received', report),
  });
  // A sync (by hand, automatic, joining) saves the page's edits first and tells it what it brought, as main does.
  library.session.sync.attachWindow({
    savePendingEdits: () => saveRequests.request(),
    synced: (outcome) => events.emit('sharedLibrary:synced', outcome),
  });
  return {
    ...library,
    /** Opens a package as a double-click does with the app running: main's own receiver, pushing to the page. */
    openPackage: (path: string): Promise<PackageReceivedReport> => packages.receive(path),
  };
}

/** Main's one-way events to the page, cloned as IPC would; each listener subscribes as the preload's `on…` functions do. */
export class PageEvents {
  readonly #listeners = new Map<IpcEvent, Set<(payload: unknown) => void>>();

  subscribe(event: IpcEvent, listener: (payload: unknown) => void): () => void {
    const listeners = this.#listeners.get(event) ?? new Set();
    this.#listeners.set(event, listeners);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }

  listened(event: IpcEvent): boolean {
    return (this.#listeners.get(event)?.size ?? 0) > 0;
  }

  emit(event: IpcEvent, payload: unknown): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) listener(structuredClone(payload));
  }
}

/**
 * A structured clone, as IPC makes, whose byte arrays are this test window's own Uint8Array: under jsdom the clone's
 * typed arrays come from Node's realm, and the contract's `instanceof Uint8Array` would refuse every photo's bytes.
 */
function cloned<Value>(value: Value): Value {
  return sameRealmBytes(structuredClone(value)) as Value;
}

function sameRealmBytes(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof Uint8Array) && value.constructor.name === 'Uint8Array') {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
  }
  if (Array.isArray(value)) return value.map(sameRealmBytes);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, sameRealmBytes(entry)]));
  }
  return value;
}

/**
 * Gives a jsdom window the preload API over any handler table (a LibrarySession's, say), cloned both ways as IPC would;
 * main's events reach it through `events` (none arrive without).
 */
export function installApiOver(handlers: HandlerTable, events = new PageEvents()): void {
  const api: Record<string, unknown> = {};
  for (const channel of ipcChannels) {
    api[apiNameOf(channel)] = async (request: unknown) => cloned(await invokeHandler(handlers, channel, cloned(request)));
  }
  api.onAppBeforeClose = () => () => {};
  api.onPackageReceiving = (listener: (requestId: unknown) => void) => events.subscribe('package:receiving', listener);
  api.onPackageReceived = (listener: (report: unknown) => void) => events.subscribe('package:received', listener);
  api.onSharedLibrarySynced = (listener: (outcome: unknown) => void) => events.subscribe('sharedLibrary:synced', listener);
  api.mediaUrl = (mediaId: string) => `banthao-media://photo/${mediaId}`;
  window.api = api as PreloadApi;
}
