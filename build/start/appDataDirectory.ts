import { posix, win32 } from 'node:path';

export interface AppDataEnvironment {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** The user's home folder (os.homedir()). */
  home: string;
}

/**
 * The data folder `electron .` opens: BANTHAO_DATA_DIR when set (as electron/main/index.ts does), otherwise
 * Electron's userData for `productName`, i.e. app.getPath('appData') joined with the app's name.
 */
export function appDataDirectory(productName: string, { platform, env, home }: AppDataEnvironment): string {
  const path = platform === 'win32' ? win32 : posix;
  const chosen = env.BANTHAO_DATA_DIR;
  if (chosen) return path.resolve(chosen);
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), productName);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', productName);
  // Linux and the other Unixes: Electron follows the XDG base-directory rule.
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), productName);
}
