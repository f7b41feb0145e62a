// The built renderer (out/renderer) as the packaged window gets it: index.html from app://banthao/index.html through
// the app protocol's handler, then every script and stylesheet it names.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { appPageUrl, serveRendererFile } from '../../electron/main/serveRendererFile';

const rendererFolder = fileURLToPath(new URL('../../out/renderer/', import.meta.url));

/** What Chromium hands the app scheme's handler for the page's request. */
function fetchApp(url: string): Promise<Response> {
  return serveRendererFile(rendererFolder, new Request(url));
}

beforeAll(() => {
  if (!existsSync(rendererFolder)) throw new Error('The build output is missing (out/renderer). Run `npm run build` first.');
});

describe('the built renderer served over app://banthao', () => {
  it('serves index.html, and every script and stylesheet it names resolves under app://banthao/ with its content type', async () => {
    expect(appPageUrl).toBe('app://banthao/index.html');
    const page = await fetchApp(appPageUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]!);
    const styles = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((match) => match[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    expect(styles.length).toBeGreaterThan(0);
    for (const [references, type] of [
      [scripts, 'text/javascript; charset=utf-8'],
      [styles, 'text/css; charset=utf-8'],
    ] as const) {
      for (const reference of references) {
        // Resolved as Chromium resolves it against the page: it must stay on our origin, under the build.
        const url = new URL(reference, appPageUrl).href;
        expect(url, reference).toMatch(/^app:\/\/banthao\/assets\//);
        const asset = await fetchApp(url);
        expect(asset.status, url).toBe(200);
        expect(asset.headers.get('Content-Type'), url).toBe(type);
        expect((await asset.arrayBuffer()).byteLength, url).toBeGreaterThan(0);
      }
    }
  });
});
