import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { memorySecretBox } from '../../support/memorySecretBox';
import { openTestSession } from '../../support/openTestSession';
import { useTemporaryDirectories } from '../../support/temporaryDirectory';

const temporaryDirectory = useTemporaryDirectories();
const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A loopback server answering every request with `answer`. */
async function serve(answer: (response: import('node:http').ServerResponse) => void): Promise<string> {
  const server = createServer((_request, response) => answer(response));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}/thu-vien.git`;
}

async function memberAt(address: string, options: { allowPlainHttp?: boolean; maximumResponseBytes?: number } = {}) {
  const session = await openTestSession(await temporaryDirectory(), {
    secretBox: memorySecretBox(),
    sync: { maximumResponseBytes: options.maximumResponseBytes ?? 64 * 1024, idleTimeoutMs: 2_000 },
  });
  await session.handlers['settings:update']({ userName: 'Ngọc Sơn', userRole: 'reporter' });
  await session.handlers['sharedLibrary:save']({
    address,
    userName: 'son',
    secret: 'mat-khau',
    allowPlainHttp: options.allowPlainHttp ?? false,
  });
  return session;
}

describe('what the server answers is input: a sync never trusts it to be small, quick or honest', () => {
  it('cuts off an endless answer and says so, with nothing written into the library', async () => {
    // A well-formed advertisement that never ends: ref after ref, as a broken or hostile server might send.
    const line = (text: string) => `${(text.length + 4).toString(16).padStart(4, '0')}${text}`;
    const address = await serve((response) => {
      response.writeHead(200, { 'Content-Type': 'application/x-git-upload-pack-advertisement' });
      response.write(line('# service=git-upload-pack\n') + '0000' + line(`${'a'.repeat(40)} HEAD\0side-band-64k\n`));
      let count = 0;
      const pump = () => {
        while (!response.destroyed && response.write(line(`${'a'.repeat(40)} refs/heads/nhanh-${(count += 1)}\n`)));
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
    });
    const session = await memberAt(address);
    const outcome = await session.handlers['sharedLibrary:join']({});
    expect(outcome.status).toMatchObject({ state: 'error', message: expect.stringMatching(/quá nhiều dữ liệu/) });
    expect(await session.handlers['library:list']({ scope: 'active' })).toEqual([]);
  });

  it('gives up on a server that says nothing, as offline', async () => {
    const address = await serve(() => {
      // Never answers.
    });
    const session = await memberAt(address);
    const outcome = await session.handlers['sharedLibrary:join']({});
    expect(outcome.status).toMatchObject({ state: 'offline', message: expect.stringMatching(/Không kết nối được máy chủ/) });
  });

  it('refuses plain http outside the local network unless the user chose it', async () => {
    const session = await memberAt('http://git.toasoan.vn/thu-vien.git');
    const outcome = await session.handlers['sharedLibrary:join']({});
    expect(outcome.status.message).toMatch(/không mã hóa/);
    expect(outcome.filesSent).toBe(0);
  });
});
