import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface BrowserCommand {
  command: string;
  args: string[];
  /** cmd.exe parses its own command line: Node's quoting would reach `start` as part of the address. */
  verbatim?: boolean;
}

export interface BrowserEnvironment {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  isOnPath: (name: string) => boolean;
}

/** Whether `name` is an executable file in one of PATH's folders. */
export function isOnPath(name: string, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return (env.PATH ?? '').split(delimiter).some((folder) => {
    if (folder === '') return false;
    try {
      const path = join(folder, name);
      accessSync(path, constants.X_OK);
      return statSync(path).isFile();
    } catch {
      return false;
    }
  });
}

/** How this machine opens an address in the user's browser, or null when it cannot (no display, nothing to run). */
export function browserCommand(url: string, { platform, env, isOnPath }: BrowserEnvironment): BrowserCommand | null {
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url], verbatim: true };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // A terminal without X11 or Wayland (ssh, a CI box) has no window to show a page in.
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  if (isOnPath('xdg-open')) return { command: 'xdg-open', args: [url] };
  const chromium = ['chromium', 'chromium-browser'].find((name) => isOnPath(name));
  return chromium === undefined ? null : { command: chromium, args: [url] };
}

/** Opens `url` in a browser that outlives this process; false when there is none to open it with. */
export async function openInBrowser(url: string): Promise<boolean> {
  const command = browserCommand(url, { platform: process.platform, env: process.env, isOnPath: (name) => isOnPath(name) });
  if (command === null) return false;
  const child = spawn(command.command, command.args, {
    detached: true,
    stdio: 'ignore',
    windowsVerbatimArguments: command.verbatim ?? false,
  });
  const started = await new Promise<boolean>((resolve) => {
    child.once('spawn', () => resolve(true));
    child.once('error', () => resolve(false));
  });
  // Detached and unreferenced: Ctrl+C stops the harness, not the browser.
  child.unref();
  return started;
}
