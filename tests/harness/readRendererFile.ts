import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface RendererFile {
  body: Buffer;
  contentType: string;
}

/** A built renderer file for a URL path, or null (not found, not a file, or outside the folder). */
export async function readRendererFile(rendererDirectory: string, urlPath: string): Promise<RendererFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const root = resolve(rendererDirectory);
  const absolute = resolve(root, `.${decoded}`);
  // Path traversal: "..", encoded or not, must never leave the renderer folder.
  if (decoded.includes('\0') || !absolute.startsWith(root + sep)) return null;
  try {
    if (!(await stat(absolute)).isFile()) return null;
    return { body: await readFile(absolute), contentType: contentTypes[extname(absolute).toLowerCase()] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}

/** The bridge's script tag, placed before the app's first script so `window.api` exists when the app starts. */
export function injectBridgeScript(html: string, scriptPath = '/bridge/api.js'): string {
  const tag = `<script src="${scriptPath}"></script>\n    `;
  const firstScript = html.search(/<script\b/i);
  if (firstScript !== -1) return html.slice(0, firstScript) + tag + html.slice(firstScript);
  const headEnd = html.search(/<\/head>/i);
  if (headEnd === -1) throw new Error('index.html has neither a <script> nor a </head>: cannot add the bridge script');
  return html.slice(0, headEnd) + tag + html.slice(headEnd);
}
