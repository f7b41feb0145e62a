import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { createPreloadApi } from '../../electron/preload/createPreloadApi';
import { createBridgeServer, type BridgeServer } from '../harness/createBridgeServer';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

const page = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8" />
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'" />
<script type="module" crossorigin src="./assets/app.js"></script>
</head><body><div id="root"></div></body></html>`;

const temporaryDirectory = useTemporaryDirectories();
const started: BridgeServer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((bridge) => bridge.close()));
});

async function startBridge(options: { maximumRequestBytes?: number } = {}) {
  const parent = await temporaryDirectory();
  // A file beside the renderer folder: what a path traversal would try to read.
  await writeFile(join(parent, 'secret.txt'), 'secret');
  const rendererDirectory = join(parent, 'renderer');
  await mkdir(join(rendererDirectory, 'assets'), { recursive: true });
  await writeFile(join(rendererDirectory, 'index.html'), page);
  await writeFile(join(rendererDirectory, 'assets', 'app.js'), 'console.log("app");');
  const dataDirectory = await temporaryDirectory();
  const bridge = await createBridgeServer({ dataDirectory, rendererDirectory, ...options });
  started.push(bridge);
  return bridge;
}

/** Opens the page with the token, as the browser does, and returns the session cookie it was given. */
async function sessionCookie(bridge: BridgeServer): Promise<string> {
  const response = await fetch(bridge.url, { redirect: 'manual' });
  expect(response.status).toBe(303);
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

async function call(bridge: BridgeServer, channel: string, body: string, cookie: string | null) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Origin: bridge.origin };
  if (cookie !== null) headers.Cookie = cookie;
  return fetch(`${bridge.origin}/bridge/call/${encodeURIComponent(channel)}`, { method: 'POST', headers, body });
}

/** A raw request, for what fetch will not send: another Host header, an un-normalized path. */
function rawGet(bridge: BridgeServer, path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(bridge.origin);
    httpRequest({ host: '127.0.0.1', port: url.port, path, headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

describe('the loopback bridge of the browser harness', () => {
  it('listens on 127.0.0.1 only, with a token in the address', async () => {
    const bridge = await startBridge();
    expect(bridge.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new URL(bridge.url).searchParams.get('token')).toMatch(/^[\w-]{40,}$/);
  });

  it('trades the token for an HttpOnly SameSite=Strict cookie and refuses a wrong token', async () => {
    const bridge = await startBridge();
    const response = await fetch(bridge.url, { redirect: 'manual' });
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict; Path=\//);
    expect((await fetch(`${bridge.origin}/?token=wrong`)).status).toBe(403);
    expect((await fetch(`${bridge.origin}/`)).status).toBe(403);
  });

  it('serves the page with the bridge script before the app script and the CSP meta untouched', async () => {
    const bridge = await startBridge();
    const html = await (await fetch(`${bridge.origin}/`, { headers: { Cookie: await sessionCookie(bridge) } })).text();
    expect(html.indexOf('<script src="/bridge/api.js"></script>')).toBeGreaterThan(-1);
    expect(html.indexOf('<script src="/bridge/api.js"></script>')).toBeLessThan(html.indexOf('<script type="module"'));
    expect(html).toContain(`content="default-src 'self'; script-src 'self'"`);
  });

  it('answers a call without the session cookie with 403', async () => {
    const bridge = await startBridge();
    expect((await call(bridge, 'library:list', '{"scope":"active"}', null)).status).toBe(403);
    expect((await fetch(`${bridge.origin}/bridge/api.js`)).status).toBe(403);
  });

  it('answers a body that is not JSON, or does not fit the contract, with an invalid-request envelope', async () => {
    const bridge = await startBridge();
    const cookie = await sessionCookie(bridge);
    expect(await (await call(bridge, 'library:list', '{not json', cookie)).json()).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await (await call(bridge, 'library:list', '{"scope":"everything"}', cookie)).json()).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('runs a valid call through the real handlers', async () => {
    const bridge = await startBridge();
    const cookie = await sessionCookie(bridge);
    const created = (await (await call(bridge, 'article:create', '{}', cookie)).json()) as { ok: true; value: { id: string } };
    const listed = await (await call(bridge, 'library:list', '{"scope":"active"}', cookie)).json();
    expect(listed).toMatchObject({ ok: true, value: [{ id: created.value.id }] });
  });

  it('writes an export into the export folder it was given', async () => {
    const bridge = await startBridge();
    const cookie = await sessionCookie(bridge);
    const created = (await (await call(bridge, 'article:create', '{}', cookie)).json()) as { ok: true; value: { id: string } };
    const exported = await (await call(bridge, 'article:exportHtml', JSON.stringify({ id: created.value.id }), cookie)).json();
    expect(exported).toMatchObject({ ok: true, value: { status: 'saved', path: join(bridge.exportDirectory, 'bai-viet.html') } });
    expect(await readdir(bridge.exportDirectory)).toEqual(['bai-viet.html']);
    expect(await readFile(join(bridge.exportDirectory, 'bai-viet.html'), 'utf8')).toContain('<html lang="vi">');
  });

  it('refuses a body over the size limit with 413', async () => {
    const bridge = await startBridge({ maximumRequestBytes: 1_000 });
    const response = await call(bridge, 'library:list', JSON.stringify({ scope: 'x'.repeat(2_000) }), await sessionCookie(bridge));
    expect(response.status).toBe(413);
  });

  it('refuses a request for another host name (DNS rebinding)', async () => {
    const bridge = await startBridge();
    const port = new URL(bridge.origin).port;
    expect(await rawGet(bridge, '/assets/app.js')).toBe(200);
    expect(await rawGet(bridge, '/assets/app.js', { Host: `attacker.example:${port}` })).toBe(403);
  });

  it('never serves a file outside the renderer folder', async () => {
    const bridge = await startBridge();
    expect(await rawGet(bridge, '/assets/app.js')).toBe(200);
    for (const path of [
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/nothing.js',
    ]) {
      expect(await rawGet(bridge, path), path).toBe(404);
    }
  });

  it('defines window.api with exactly the preload API function names', async () => {
    const bridge = await startBridge();
    const script = await (await fetch(`${bridge.origin}/bridge/api.js`, { headers: { Cookie: await sessionCookie(bridge) } })).text();
    const window: { api?: object } = {};
    runInNewContext(script, { window, TextEncoder, fetch: () => Promise.reject(new Error('no network in this test')) });
    const preload = createPreloadApi({ invoke: async () => undefined, on: () => undefined, removeListener: () => undefined });
    expect(Object.keys(window.api ?? {}).sort()).toEqual(Object.keys(preload).sort());
  });

  it('pushes main’s package events over /bridge/events: asks the page to save, waits for its answer, then reports', async () => {
    const bridge = await startBridge();
    const cookie = await sessionCookie(bridge);
    expect((await fetch(`${bridge.origin}/bridge/events`)).status).toBe(403);
    const stream = await fetch(`${bridge.origin}/bridge/events`, { headers: { Cookie: cookie } });
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    /** The next event of the stream, as the page's EventSource would see it. */
    const nextEvent = async (): Promise<{ event: string; data: unknown }> => {
      for (;;) {
        const match = /event: ([^\n]+)\ndata: ([^\n]*)\n\n/.exec(buffered);
        if (match !== null) {
          buffered = buffered.slice(match.index + match[0].length);
          return { event: match[1]!, data: JSON.parse(match[2]!) };
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the event stream ended');
        buffered += value;
      }
    };

    const missing = join(await temporaryDirectory(), 'khong-co.banthao');
    const reported = bridge.openPackage(missing);
    const asked = await nextEvent();
    expect(asked).toEqual({ event: 'package:receiving', data: expect.any(Number) });
    const answer = await call(bridge, 'package:readyToReceive', JSON.stringify({ requestId: asked.data }), cookie);
    expect(await answer.json()).toEqual({ ok: true, value: {} });
    const report = await nextEvent();
    expect(report).toEqual({
      event: 'package:received',
      data: { fileName: 'khong-co.banthao', ok: false, error: { code: 'not-found', message: expect.any(String) } },
    });
    expect(await reported).toEqual(report.data);
    await reader.cancel();
  });
});
