import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SharedLibraryService, type SharedLibraryServiceOptions } from '../../electron/main/application/SharedLibraryService';
import type { SecretBox } from '../../electron/main/application/SecretBox';
import { invokeHandler } from '../../electron/main/ipc/invokeHandler';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import { isLocalNetworkHost } from '../../electron/main/sharedLibrary/isLocalNetworkHost';
import { SharedLibrarySettingsStore } from '../../electron/main/storage/SharedLibrarySettingsStore';
import { startGitServer, type GitServer } from '../support/gitServer';
import { memorySecretBox } from '../support/memorySecretBox';
import { openTestSession } from '../support/openTestSession';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

const run = promisify(execFile);
const temporaryDirectory = useTemporaryDirectories();
const secret = 'mat-khau-bi-mat-8421';
const servers: Server[] = [];

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function service(box: SecretBox = memorySecretBox(), options: SharedLibraryServiceOptions = {}) {
  const dataDirectory = await temporaryDirectory();
  return { dataDirectory, service: new SharedLibraryService(new SharedLibrarySettingsStore(dataDirectory), box, options) };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('the shared library connection test, against a real git http-backend', () => {
  let git: GitServer;
  beforeEach(async () => {
    git = await startGitServer({ son: { password: secret }, doc: { password: 'chi-doc', readOnly: true } });
    await git.createRepository('thu-vien');
  });
  afterEach(async () => git.close());

  it('says connected, with the right to write', async () => {
    const { service: shared } = await service();
    const answer = await shared.testConnection({ address: git.url('thu-vien'), userName: 'son', secret, allowPlainHttp: false });
    expect(answer).toEqual({ outcome: 'connected' });
  });

  it('says the user name or password is wrong', async () => {
    const { service: shared } = await service();
    const answer = await shared.testConnection({ address: git.url('thu-vien'), userName: 'son', secret: 'sai', allowPlainHttp: false });
    expect(answer).toEqual({ outcome: 'unauthorized' });
  });

  it('says an address is not a repository', async () => {
    const { service: shared } = await service();
    const answer = await shared.testConnection({ address: git.url('khong-co'), userName: 'son', secret, allowPlainHttp: false });
    expect(answer).toEqual({ outcome: 'not-repository' });
  });

  it('says a read-only user has no right to write (and writes nothing to find out)', async () => {
    const { service: shared } = await service();
    const answer = await shared.testConnection({ address: git.url('thu-vien'), userName: 'doc', secret: 'chi-doc', allowPlainHttp: false });
    expect(answer).toEqual({ outcome: 'read-only' });
  });

  it('tests with the saved secret when none is typed, and never shows or stores it in plain text', async () => {
    const { service: shared, dataDirectory } = await service();
    const view = await shared.save({ address: git.url('thu-vien'), userName: 'son', secret, allowPlainHttp: false });
    expect(view).toEqual({
      address: git.url('thu-vien'),
      userName: 'son',
      allowPlainHttp: false,
      secretSaved: true,
      secretStorageAvailable: true,
    });
    const file = await readFile(libraryLayout(dataDirectory).sharedLibrary, 'utf8');
    expect(file).not.toContain(secret);
    expect(file).not.toContain(Buffer.from(secret).toString('base64'));
    expect(await shared.testConnection({ address: git.url('thu-vien'), userName: 'son', allowPlainHttp: false })).toEqual({
      outcome: 'connected',
    });
    // Saving again without a secret keeps the saved one.
    await shared.save({ address: git.url('thu-vien'), userName: 'son', allowPlainHttp: false });
    expect((await shared.get()).secretSaved).toBe(true);
    expect(await shared.testConnection({ address: git.url('thu-vien'), userName: 'son', allowPlainHttp: false })).toEqual({
      outcome: 'connected',
    });
  });
});

describe('the shared library connection test, without a Git server', () => {
  it('says a closed port is unreachable', async () => {
    const port = await listen(createHttpServer());
    servers.pop()?.close();
    const { service: shared } = await service();
    const answer = await shared.testConnection({
      address: `http://127.0.0.1:${port}/thu-vien.git`,
      userName: 'son',
      secret,
      allowPlainHttp: false,
    });
    expect(answer).toEqual({ outcome: 'unreachable' });
  });

  it('gives up on a server that accepts and never answers', async () => {
    const port = await listen(createHttpServer(() => undefined));
    const { service: shared } = await service(memorySecretBox(), { idleTimeoutMs: 200 });
    const answer = await shared.testConnection({
      address: `http://127.0.0.1:${port}/thu-vien.git`,
      userName: 'son',
      secret,
      allowPlainHttp: false,
    });
    expect(answer).toEqual({ outcome: 'unreachable' });
  });

  it('cuts off an endless answer (a web page that never ends)', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const port = await listen(
      createHttpServer((_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/html' });
        const more = () => {
          while (!response.destroyed && response.write(chunk));
        };
        response.on('drain', more);
        more();
      }),
    );
    const { service: shared } = await service(memorySecretBox(), { maximumResponseBytes: 256 * 1024 });
    const answer = await shared.testConnection({
      address: `http://127.0.0.1:${port}/thu-vien.git`,
      userName: 'son',
      secret,
      allowPlainHttp: false,
    });
    expect(answer).toEqual({ outcome: 'too-large' });
  });

  it('refuses plain http to an address outside the local network unless the user chose it', async () => {
    const { service: shared } = await service();
    const answer = await shared.testConnection({
      address: 'http://203.0.113.7/thu-vien.git',
      userName: 'son',
      secret,
      allowPlainHttp: false,
    });
    expect(answer).toEqual({ outcome: 'plain-http-refused' });
    for (const host of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.254',
      '192.168.1.10',
      '[::1]',
      '[fd12::1]',
      'git.local',
      'gitserver',
    ])
      expect(isLocalNetworkHost(new URL(`http://${host}/`).hostname), host).toBe(true);
    for (const host of ['203.0.113.7', '172.32.0.1', '8.8.8.8', 'git.toasoan.vn', '[2001:db8::1]', 'localhost.example.com'])
      expect(isLocalNetworkHost(new URL(`http://${host}/`).hostname), host).toBe(false);
  });

  it('shows an https certificate error (a self-signed certificate made with openssl)', async () => {
    const folder = await temporaryDirectory();
    const key = join(folder, 'key.pem');
    const certificate = join(folder, 'certificate.pem');
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      certificate,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
    ]);
    const port = await listen(
      createHttpsServer({ key: await readFile(key), cert: await readFile(certificate) }, (_request, response) =>
        response.end('không phải git'),
      ),
    );
    const { service: shared } = await service();
    const answer = await shared.testConnection({
      address: `https://127.0.0.1:${port}/thu-vien.git`,
      userName: 'son',
      secret,
      allowPlainHttp: false,
    });
    expect(answer).toEqual({ outcome: 'certificate', detail: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });
});

describe('the shared library secret', () => {
  it('is not stored where the secret box is unavailable (Linux without a keyring)', async () => {
    const { service: shared, dataDirectory } = await service(memorySecretBox(false));
    const view = await shared.save({ address: 'https://git.toasoan.vn/thu-vien.git', userName: 'son', secret, allowPlainHttp: false });
    expect(view).toMatchObject({ secretSaved: false, secretStorageAvailable: false });
    const stored: unknown = JSON.parse(await readFile(libraryLayout(dataDirectory).sharedLibrary, 'utf8'));
    expect(stored).toMatchObject({ data: { encryptedSecret: null, userName: 'son' } });
    for (const name of await readdir(dataDirectory)) expect(await readFile(join(dataDirectory, name), 'utf8')).not.toContain(secret);
  });

  it('never travels back through IPC', async () => {
    const session = await openTestSession(await temporaryDirectory(), { secretBox: memorySecretBox() });
    const connection = { address: 'https://git.toasoan.vn/thu-vien.git', userName: 'son', secret, allowPlainHttp: false };
    const saved = await invokeHandler(session.handlers, 'sharedLibrary:save', connection);
    const read = await invokeHandler(session.handlers, 'sharedLibrary:get', {});
    expect(saved).toEqual({ ok: true, value: { ...connection, secret: undefined, secretSaved: true, secretStorageAvailable: true } });
    expect(read).toEqual(saved);
    expect(JSON.stringify([saved, read])).not.toContain(secret);
  });
});
