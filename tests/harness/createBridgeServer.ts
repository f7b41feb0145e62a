import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPackageReceiver } from '../../electron/main/createPackageReceiver';
import { createPageEvents } from '../../electron/main/createPageEvents';
import { createSaveRequests } from '../../electron/main/createSaveRequests';
import { createHandlers } from '../../electron/main/ipc/createHandlers';
import { invokeHandler } from '../../electron/main/ipc/invokeHandler';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import { LibrarySession } from '../../electron/main/application/LibrarySession';
import type { Envelope, HandlerTable } from '../../shared/ipcContract';
import type { PackageReceivedReport } from '../../shared/packageReceivedReport';
import { bridgeApiScript } from './bridgeApiScript';
import { createBridgeDialogs } from './createBridgeDialogs';
import { createBridgePrinter } from './createBridgePrinter';
import { injectBridgeScript, readRendererFile } from './readRendererFile';
import { readRequestBody } from './readRequestBody';
import type { SecretBox } from '../../electron/main/application/SecretBox';
import type { Clipboard } from '../../electron/main/application/Clipboard';
import { bridgeClipboardEvent } from './bridgeApiScript';

export interface BridgeServerOptions {
  dataDirectory: string;
  /** Where exports land; default BANTHAO_EXPORT_DIR, then `<data>/exports`. */
  exportDirectory?: string;
  /** What open dialogs will answer (reserved for import). */
  openFiles?: readonly string[];
  /** Asked each time a package dialog opens: the file it picks, or null for the defaults (createBridgeDialogs.ts). */
  packageFile?: () => string | null;
  /** The Word file "Nhập từ Word…" picks; default BANTHAO_OPEN_WORD (createBridgeDialogs.ts). */
  wordFile?: string;
  /** The stylesheet the template's "Chọn tệp CSS…" picks; default BANTHAO_OPEN_STYLESHEET (createBridgeDialogs.ts). */
  stylesheetFile?: string;
  /** Encrypts the shared library's password (default: none, so none is stored, as on Linux without a key store). */
  secretBox?: SecretBox;
  /**
   * The clipboard "Sao chép cho CMS" writes to; default: the page's own (navigator.clipboard), written by the bridge
   * script when main's write arrives over /bridge/events. The end-to-end driver writes into the page and waits.
   */
  clipboard?: Clipboard;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The built renderer; default out/renderer of this repository. */
  rendererDirectory?: string;
  /** Larger request bodies get 413. */
  maximumRequestBytes?: number;
}

export interface BridgeServer {
  /** The page address, token included: the only way in. */
  url: string;
  origin: string;
  handlers: HandlerTable;
  dataDirectory: string;
  exportDirectory: string;
  openFiles: readonly string[];
  /**
   * Opens a review package as a double-click does while the app runs: main's own receiver asks the page to save its
   * edits, receives, and pushes the report to the page (over /bridge/events).
   */
  openPackage(path: string): Promise<PackageReceivedReport>;
  /** Stops taking requests, lets the ones under way finish, flushes the store, closes every socket. */
  close(): Promise<void>;
}

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const defaultMaximumRequestBytes = 50 * 1024 * 1024;
const securityHeaders = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...headers });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  send(response, status, 'text/plain; charset=utf-8', `${text}\n`, headers);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The reviver matching api.js's encoder: {"$bytes": base64} becomes a Uint8Array, as Electron's IPC would deliver. */
function decodeBytes(_key: string, value: unknown): unknown {
  if (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    typeof (value as { $bytes?: unknown }).$bytes === 'string'
  ) {
    return new Uint8Array(Buffer.from((value as { $bytes: string }).$bytes, 'base64'));
  }
  return value;
}

function cookieValue(request: IncomingMessage, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

/** Serves the built renderer and the handler table on 127.0.0.1 for the browser harness (test/dev only). */
export async function createBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const rendererDirectory = options.rendererDirectory ?? join(repositoryRoot, 'out', 'renderer');
  const indexPath = join(rendererDirectory, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`Bridge: ${indexPath} is missing; build the app first (npx electron-vite build).`);
  const exportDirectory = options.exportDirectory ?? process.env.BANTHAO_EXPORT_DIR ?? libraryLayout(options.dataDirectory).exports;
  const openFiles = [...(options.openFiles ?? [])];
  const version = (JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as { version: string }).version;
  // A session, as in main: the page is served at once while the library opens; a restore re-opens it behind the same table.
  // Main's one-way events, as server-sent events to the page once it listens (it opens the stream when the app subscribes).
  const eventStreams = new Set<ServerResponse>();
  const pushToPage = (event: string, payload: unknown) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of eventStreams) stream.write(frame);
  };
  const pageClipboard: Clipboard = { write: async (content) => pushToPage(bridgeClipboardEvent, content) };
  const librarySession = LibrarySession.start({
    dataDirectory: options.dataDirectory,
    clipboard: options.clipboard ?? pageClipboard,
    // No system print dialog here: "In / PDF" writes the print page to <exportDirectory>/print/<slug>.html.
    printer: createBridgePrinter(exportDirectory),
    appVersion: version,
    dialogs: createBridgeDialogs({
      exportDirectory,
      openFiles,
      packageFile: options.packageFile,
      wordFile: options.wordFile,
      stylesheetFile: options.stylesheetFile,
    }),
    secretBox: options.secretBox,
    onBackupFailure: (error) => console.error('Bridge: backup failed', error),
    onSubscriberError: (error, change) => console.error(`Bridge: subscriber failed on ${change.kind}`, error),
  });
  const pageEvents = createPageEvents(pushToPage);
  const saveRequests = createSaveRequests({
    send: (requestId) => pageEvents.send('package:receiving', requestId),
    pageLoaded: () => eventStreams.size > 0,
  });
  const handlers = createHandlers(librarySession, {
    onCloseReady: () => undefined,
    onReadyToReceive: (requestId) => saveRequests.answered(requestId),
  });
  const packages = createPackageReceiver(librarySession, {
    savePendingEdits: () => saveRequests.request(),
    report: (report) => pageEvents.send('package:received', report),
  });
  // A sync saves what is typed first and tells the page what it brought, as in main.
  librarySession.sync.attachWindow({
    savePendingEdits: () => saveRequests.request(),
    synced: (outcome) => pageEvents.send('sharedLibrary:synced', outcome),
  });
  // Asked on every request: a restore re-opens the library with new stores.
  const mediaStore = async () => (await librarySession.opened()).media;
  const token = randomBytes(32).toString('base64url');
  const session = randomBytes(32).toString('base64url');
  const apiScript = bridgeApiScript();
  const limit = options.maximumRequestBytes ?? defaultMaximumRequestBytes;
  const callsUnderWay = new Set<Promise<void>>();
  let closing = false;
  let port = 0;
  let origin = '';
  // Cookies ignore ports: the name carries it so two bridges in one browser never share a session.
  const cookieName = () => `banthao_bridge_${port}`;
  const hasSession = (request: IncomingMessage) => sameSecret(cookieValue(request, cookieName()) ?? '', session);

  async function servePage(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const given = url.searchParams.get('token');
    if (given !== null) {
      if (!sameSecret(given, token)) return sendText(response, 403, 'Sai token / wrong token');
      // Trade the token for an HttpOnly cookie and drop it from the address bar.
      return sendText(response, 303, 'See /', {
        Location: '/',
        'Set-Cookie': `${cookieName()}=${session}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    if (!hasSession(request)) return sendText(response, 403, 'Hãy mở địa chỉ có ?token=… / open the address printed with ?token=…');
    send(response, 200, 'text/html; charset=utf-8', injectBridgeScript(await readFile(indexPath, 'utf8')));
  }

  async function serveCall(request: IncomingMessage, response: ServerResponse, channel: string): Promise<void> {
    const body = await readRequestBody(request, limit);
    if (body === null) return sendText(response, 413, 'Yêu cầu quá lớn / request too large', { Connection: 'close' });
    let rawRequest: unknown;
    try {
      rawRequest = JSON.parse(body.toString('utf8'), decodeBytes);
    } catch {
      const envelope: Envelope<never> = {
        ok: false,
        error: { code: 'invalid-request', message: `Yêu cầu không phải JSON hợp lệ (${channel})` },
      };
      return send(response, 400, 'application/json; charset=utf-8', JSON.stringify(envelope));
    }
    send(response, 200, 'application/json; charset=utf-8', JSON.stringify(await invokeHandler(handlers, channel, rawRequest)));
  }

  async function serveBridge(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (!hasSession(request)) return sendText(response, 403, 'Forbidden');
    if (request.headers.origin !== undefined && request.headers.origin !== origin) return sendText(response, 403, 'Forbidden origin');
    const media = /^\/bridge\/media\/([a-f0-9]{64})$/.exec(url.pathname);
    if (media !== null) {
      // The same display copy Electron's banthao-media: protocol serves.
      const store = await mediaStore().catch(() => null);
      const preview = store === null ? null : await readFile(store.previewPath(media[1]!)).catch(() => null);
      return preview === null ? sendText(response, 404, 'Not found') : send(response, 200, 'image/webp', preview);
    }
    if (url.pathname === '/bridge/events') {
      if (request.method !== 'GET') return sendText(response, 405, 'Method not allowed', { Allow: 'GET' });
      if (closing) return sendText(response, 503, 'Closing', { Connection: 'close' });
      response.writeHead(200, { ...securityHeaders, 'Content-Type': 'text/event-stream; charset=utf-8' });
      response.write(': Bản Thảo\n\n');
      eventStreams.add(response);
      request.on('close', () => eventStreams.delete(response));
      pageEvents.loaded();
      return;
    }
    if (url.pathname === '/bridge/api.js') {
      return request.method === 'GET' || request.method === 'HEAD'
        ? send(response, 200, 'text/javascript; charset=utf-8', apiScript)
        : sendText(response, 405, 'Method not allowed');
    }
    const call = /^\/bridge\/call\/([^/]+)$/.exec(url.pathname);
    if (call === null) return sendText(response, 404, 'Not found');
    if (request.method !== 'POST') return sendText(response, 405, 'Method not allowed', { Allow: 'POST' });
    if (closing) return sendText(response, 503, 'Closing', { Connection: 'close' });
    let channel: string;
    try {
      channel = decodeURIComponent(call[1]!);
    } catch {
      return sendText(response, 404, 'Not found');
    }
    // Counted from the first byte: close() waits for a save whose body is still arriving.
    const underWay = serveCall(request, response, channel);
    callsUnderWay.add(underWay);
    await underWay.finally(() => callsUnderWay.delete(underWay));
  }

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // DNS rebinding: a page of another site resolved to 127.0.0.1 still sends its own host name.
    if (request.headers.host !== `127.0.0.1:${port}`) return sendText(response, 403, 'Forbidden host');
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname.startsWith('/bridge/')) return serveBridge(request, response, url);
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    if (url.pathname === '/' || url.pathname === '/index.html') return servePage(request, response, url);
    const file = await readRendererFile(rendererDirectory, url.pathname);
    if (file === null) return sendText(response, 404, 'Not found');
    send(response, 200, file.contentType, file.body);
  }

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      // The raw error (paths, English) goes to the terminal that started the harness, never to the page.
      console.error('Bridge error', error);
      if (response.headersSent) return void response.destroy();
      sendText(response, 500, 'Lỗi máy chủ thử nghiệm / harness error: xem cửa sổ dòng lệnh / see the terminal');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only, never 0.0.0.0: the bridge reads and writes the library without a password.
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  let closed: Promise<void> | null = null;
  const close = () =>
    (closed ??= (async () => {
      closing = true;
      for (const stream of eventStreams) stream.end();
      eventStreams.clear();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.allSettled([...callsUnderWay]);
      await librarySession.close();
      server.closeAllConnections();
      await stopped;
    })());

  return {
    url: `${origin}/?token=${token}`,
    origin,
    handlers,
    dataDirectory: options.dataDirectory,
    exportDirectory,
    openFiles,
    openPackage: (path) => packages.receive(path),
    close,
  };
}
