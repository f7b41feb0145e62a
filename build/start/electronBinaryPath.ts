import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Electron's executable as node_modules/electron/index.js finds it (path.txt names it inside dist/, or inside
 * ELECTRON_OVERRIDE_DIST_PATH), or null when it is not on disk. Read here because index.js, given no binary,
 * tries to download it and throws.
 */
export function electronBinaryPath(
  electronDirectory: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | null {
  const pathFile = join(electronDirectory, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  let binary: string;
  if (override) binary = join(override, executable || 'electron');
  else if (executable) binary = join(electronDirectory, 'dist', executable);
  else return null;
  return existsSync(binary) ? binary : null;
}
