import { win32, type PlatformPath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reviewPackageExtension } from '../../shared/reviewPackageExtension';

/** Which path rules apply: the running system's (node:path's `win32` on Windows, `posix` elsewhere). */
export type PathFlavor = PlatformPath;

/**
 * The review packages a command line asks to open, as absolute paths, in order, once each: what a double-click
 * launches (Windows `"%1"`, a Linux desktop entry's `%U`, which may be a file:// URL). The first entry (the
 * executable) is skipped, and so are Electron and Chromium switches (`--flag`, `-psn_…`), the app folder of a
 * development launch and anything that is not a `.banthao` file; a relative path is resolved against
 * `workingDirectory`, the folder of the launch that named it.
 */
export function packageFilesInArgv(argv: readonly string[], workingDirectory: string, flavor: PathFlavor): string[] {
  const found: string[] = [];
  for (const argument of argv.slice(1)) {
    if (argument.startsWith('-')) continue;
    const path = pathOf(argument, workingDirectory, flavor);
    if (path === null || !path.toLowerCase().endsWith(`.${reviewPackageExtension}`)) continue;
    if (!found.includes(path)) found.push(path);
  }
  return found;
}

function pathOf(argument: string, workingDirectory: string, flavor: PathFlavor): string | null {
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(argument)?.[1]?.toLowerCase();
  // Two letters at least: `C:` is a Windows drive, not a URL scheme.
  if (scheme === undefined) return flavor.resolve(workingDirectory, argument);
  if (scheme !== 'file') return null;
  try {
    // A URL names its file absolutely; one for another host or malformed is not ours to open.
    return flavor.normalize(fileURLToPath(argument, { windows: flavor === win32 }));
  } catch {
    return null;
  }
}
