import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { rendererContentType } from '../../electron/main/rendererContentType';

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
    return { body: await readFile(absolute), contentType: rendererContentType(absolute) };
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
