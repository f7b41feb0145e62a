import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/main/contentSecurityPolicy';
import { serveRendererFile } from '../../electron/main/serveRendererFile';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

const indexHtml =
  '<!doctype html><html lang="vi"><head><script type="module" crossorigin src="./assets/index-abc.js"></script></head></html>';
const script = 'console.log("Bản Thảo");';
const styles = 'body { color: #222; }';
const secret = 'bí mật ngoài thư mục renderer';

describe('serveRendererFile, the app:// protocol handler', () => {
  const temporaryDirectory = useTemporaryDirectories();
  let rendererFolder = '';

  /** What Chromium hands the handler for a page's request. */
  function fetchApp(url: string, init?: RequestInit): Promise<Response> {
    return serveRendererFile(rendererFolder, new Request(url, init));
  }

  beforeEach(async () => {
    // A built renderer folder, with a file beside it that no app:// address may reach.
    const root = await temporaryDirectory();
    rendererFolder = join(root, 'renderer');
    await mkdir(join(rendererFolder, 'assets'), { recursive: true });
    await writeFile(join(rendererFolder, 'index.html'), indexHtml);
    await writeFile(join(rendererFolder, 'assets', 'index-abc.js'), script);
    await writeFile(join(rendererFolder, 'assets', 'index-abc.css'), styles);
    await writeFile(join(rendererFolder, 'assets', 'Ảnh bìa.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(join(root, 'secret.txt'), secret);
    await writeFile(join(root, 'renderer-secret.txt'), secret);
  });

  it('serves index.html, the scripts and the styles of the renderer folder with their content types and the CSP', async () => {
    for (const [url, body, type] of [
      ['app://banthao/index.html', indexHtml, 'text/html; charset=utf-8'],
      ['app://banthao/', indexHtml, 'text/html; charset=utf-8'],
      ['app://banthao/index.html?x=1#/editor', indexHtml, 'text/html; charset=utf-8'],
      ['app://banthao/assets/index-abc.js', script, 'text/javascript; charset=utf-8'],
      ['app://banthao/assets/index-abc.css', styles, 'text/css; charset=utf-8'],
    ] as const) {
      const response = await fetchApp(url);
      expect(response.status, url).toBe(200);
      expect(await response.text(), url).toBe(body);
      expect(response.headers.get('Content-Type'), url).toBe(type);
      expect(response.headers.get('Content-Security-Policy'), url).toBe(contentSecurityPolicy);
      expect(response.headers.get('X-Content-Type-Options'), url).toBe('nosniff');
    }
    const picture = await fetchApp(`app://banthao/assets/${encodeURIComponent('Ảnh bìa.svg')}`);
    expect(picture.status).toBe(200);
    expect(picture.headers.get('Content-Type')).toBe('image/svg+xml');
  });

  it('answers 404 for a missing file, a folder, or another host', async () => {
    for (const url of ['app://banthao/missing.js', 'app://banthao/assets', 'app://banthao/assets/', 'app://other/index.html']) {
      const response = await fetchApp(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).toBe('');
    }
  });

  it('never serves a file outside the renderer folder, however the path climbs', async () => {
    for (const url of [
      'app://banthao/../secret.txt',
      'app://banthao/assets/../../secret.txt',
      'app://banthao/%2e%2e/secret.txt',
      'app://banthao/%2E%2E/%2e%2e/secret.txt',
      'app://banthao/..%2fsecret.txt',
      'app://banthao/..%2Fsecret.txt',
      'app://banthao/..\\secret.txt',
      'app://banthao/assets\\..\\..\\secret.txt',
      'app://banthao/..%5csecret.txt',
      'app://banthao/..%5Csecret.txt',
      `app://banthao/${encodeURIComponent(join(rendererFolder, '..', 'secret.txt'))}`,
      'app://banthao/C:%5Csecret.txt',
      'app://banthao/%00secret.txt',
      'app://banthao/%E0%A4%A',
    ]) {
      const response = await fetchApp(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain(secret);
    }
    // A sibling folder whose name merely starts with the renderer folder's is outside it too.
    expect((await fetchApp('app://banthao/..%2frenderer-secret.txt')).status).toBe(404);
  });

  it('answers nothing but GET', async () => {
    const response = await fetchApp('app://banthao/index.html', { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
  });
});
