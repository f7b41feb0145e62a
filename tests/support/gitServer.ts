import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Debian's `git http-backend`, as the office server runs it behind its web server. */
export const gitHttpBackend = '/usr/lib/git-core/git-http-backend';

const run = promisify(execFile);

export interface GitServerUser {
  password: string;
  /** A read-only user may fetch but every push is refused (403 on git-receive-pack). */
  readOnly?: boolean;
}

export interface GitServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The address of a repository made by `createRepository`. */
  url: (name: string) => string;
  /** A fresh bare repository (`--initial-branch=main`) served at `url(name)`. */
  createRepository: (name: string) => Promise<string>;
  /** The bytes of request and response bodies this server has carried since it started or since `resetTraffic` (benchmarks). */
  traffic: () => GitServerTraffic;
  resetTraffic: () => void;
  close: () => Promise<void>;
}

/** Body bytes only: HTTP headers (a few hundred bytes a request) are not counted. */
export interface GitServerTraffic {
  /** What clients sent: push packs, fetch negotiations. */
  requestBytes: number;
  /** What the server answered: ref advertisements, fetched packs, push reports. */
  responseBytes: number;
  requests: number;
}

/**
 * A loopback Git server for tests: node:http in front of `git http-backend` (CGI) over fresh bare repositories, with
 * HTTP basic authentication. An address that is not a repository answers 404, as the backend does.
 */
export async function startGitServer(users: Record<string, GitServerUser>): Promise<GitServer> {
  const root = await mkdtemp(join(tmpdir(), 'banthao-git-'));
  let traffic: GitServerTraffic = { requestBytes: 0, responseBytes: 0, requests: 0 };
  const server = createServer((request, response) => {
    traffic.requests += 1;
    request.on('data', (chunk: Buffer) => {
      traffic.requestBytes += chunk.byteLength;
    });
    serve(root, users, request, response, (bytes) => {
      traffic.responseBytes += bytes;
    }).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${portOf(server)}`;
  return {
    origin,
    url: (name) => `${origin}/${name}.git`,
    createRepository: async (name) => {
      const path = join(root, `${name}.git`);
      await run('git', ['init', '--quiet', '--bare', '--initial-branch=main', path]);
      // The backend refuses pushes unless told a pushing user is authenticated: REMOTE_USER is set below.
      await run('git', ['-C', path, 'config', 'http.receivepack', 'true']);
      return path;
    },
    traffic: () => ({ ...traffic }),
    resetTraffic: () => {
      traffic = { requestBytes: 0, responseBytes: 0, requests: 0 };
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(root, { recursive: true, force: true });
    },
  };
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the Git server has no port');
  return address.port;
}

/** The user a request's basic authentication names, when the password is right. */
function authenticatedUser(request: IncomingMessage, users: Record<string, GitServerUser>): [string, GitServerUser] | null {
  const match = /^Basic (.+)$/.exec(request.headers.authorization ?? '');
  if (match === null) return null;
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const name = decoded.slice(0, colon);
  const user = Object.hasOwn(users, name) ? users[name] : undefined;
  return colon > 0 && user !== undefined && user.password === decoded.slice(colon + 1) ? [name, user] : null;
}

async function serve(
  root: string,
  users: Record<string, GitServerUser>,
  request: IncomingMessage,
  response: ServerResponse,
  onResponseBytes: (bytes: number) => void,
) {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const authenticated = authenticatedUser(request, users);
  if (authenticated === null) {
    response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="banthao-test"' });
    response.end();
    return;
  }
  const [name, user] = authenticated;
  const pushing = url.searchParams.get('service') === 'git-receive-pack' || url.pathname.endsWith('/git-receive-pack');
  if (pushing && user.readOnly === true) {
    response.writeHead(403, { 'Content-Type': 'text/plain' });
    response.end('read-only user');
    return;
  }
  const backend = spawn(gitHttpBackend, [], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      PATH_INFO: decodeURIComponent(url.pathname),
      REQUEST_METHOD: request.method ?? 'GET',
      QUERY_STRING: url.search.slice(1),
      CONTENT_TYPE: request.headers['content-type'] ?? '',
      ...(request.headers['content-length'] === undefined ? {} : { CONTENT_LENGTH: request.headers['content-length'] }),
      ...(request.headers['content-encoding'] === undefined ? {} : { HTTP_CONTENT_ENCODING: request.headers['content-encoding'] }),
      ...(request.headers['git-protocol'] === undefined ? {} : { GIT_PROTOCOL: String(request.headers['git-protocol']) }),
      REMOTE_USER: name,
      REMOTE_ADDR: request.socket.remoteAddress ?? '127.0.0.1',
    },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  // A backend that answers before reading the whole body (an error) closes its stdin: not a failure of the server.
  backend.stdin.on('error', () => undefined);
  request.pipe(backend.stdin);
  await relayCgiAnswer(backend.stdout, response, onResponseBytes);
  await new Promise<void>((resolve) => (backend.exitCode !== null ? resolve() : backend.once('close', () => resolve())));
}

/** Reads the CGI headers (up to the blank line), then streams the rest of the backend's output as the body. */
async function relayCgiAnswer(
  output: NodeJS.ReadableStream,
  response: ServerResponse,
  onBodyBytes: (bytes: number) => void,
): Promise<void> {
  let head = Buffer.alloc(0);
  for await (const chunk of output) {
    if (response.headersSent) {
      onBodyBytes((chunk as Buffer).byteLength);
      response.write(chunk);
      continue;
    }
    head = Buffer.concat([head, chunk as Buffer]);
    const end = head.indexOf('\r\n\r\n') >= 0 ? head.indexOf('\r\n\r\n') : head.indexOf('\n\n');
    if (end < 0) continue;
    const separator = head.indexOf('\r\n\r\n') === end ? 4 : 2;
    let status = 200;
    const headers: Record<string, string> = {};
    for (const line of head.subarray(0, end).toString('latin1').split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const key = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (key.toLowerCase() === 'status') status = Number.parseInt(value, 10);
      else headers[key] = value;
    }
    response.writeHead(status, headers);
    onBodyBytes(head.byteLength - end - separator);
    response.write(head.subarray(end + separator));
  }
  if (!response.headersSent) response.writeHead(502);
  response.end();
}
