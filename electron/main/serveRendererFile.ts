import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { contentSecurityPolicy } from './contentSecurityPolicy';
import { rendererContentType } from './rendererContentType';

/** The scheme the packaged renderer is served from (never file://, whose 'self' would cover every local file). */
export const appScheme = 'app';

/** The one host of the app scheme: `app://banthao` is the origin the CSP's 'self' and the IPC sender check mean. */
export const appHost = 'banthao';

/** The page the window loads when no development server is used. */
export const appPageUrl = `${appScheme}://${appHost}/index.html`;

/**
 * For protocol.registerSchemesAsPrivileged: standard gives the page a real origin (relative URLs resolve, Vite's module
 * scripts load same-origin), secure makes it a secure context, codeCache keeps compiled scripts between starts.
 */
export const appSchemePrivileges = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** Sent with every answer: webRequest hooks may not see custom-scheme responses, so the CSP travels with them. */
const securityHeaders = { 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff' };

/** The file under `folder` that `url` names, or null for another host, a climb out of the folder or an odd name. */
function fileFor(folder: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host !== appHost || parsed.username !== '' || parsed.password !== '') return null;
  const encoded = parsed.pathname === '/' ? ['index.html'] : parsed.pathname.replace(/^\//, '').split('/');
  const names: string[] = [];
  for (const segment of encoded) {
    let name: string;
    try {
      name = decodeURIComponent(segment);
    } catch {
      return null;
    }
    // Checked after decoding: `%2e%2e`, `%2f` and `%5c` must not climb out either; ':' would name a Windows drive.
    if (name === '' || name === '.' || name === '..' || /[\\/:\0]/.test(name)) return null;
    names.push(name);
  }
  const path = join(folder, ...names);
  const inside = relative(folder, path);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? null : path;
}

/**
 * The app scheme's protocol.handle handler: answers `app://banthao/<path>` from the built renderer folder with its
 * content type and the CSP; another host, a path climbing out of the folder or a missing file is 404.
 */
export async function serveRendererFile(rendererFolder: string, request: Request): Promise<Response> {
  if (request.method !== 'GET') return new Response(null, { status: 405, headers: securityHeaders });
  const path = fileFor(rendererFolder, request.url);
  // A folder or a missing file fails to read: both are a plain 404.
  const body = path === null ? null : await readFile(path).catch(() => null);
  if (path === null || body === null) return new Response(null, { status: 404, headers: securityHeaders });
  const contentType = rendererContentType(path);
  return new Response(body, { status: 200, headers: { ...securityHeaders, 'Content-Type': contentType } });
}
