import type { AppDriver, AppDriverOptions } from './AppDriver';
import { BrowserDriver } from './BrowserDriver';
import { ElectronDriver, findElectronExecutable } from './ElectronDriver';

/**
 * Electron when its binary is installed, else the browser harness (docs/ARCHITECTURE.md, Tests).
 * BANTHAO_E2E_DRIVER=browser|electron forces one; a forced driver that cannot run is an error, never a skip.
 */
export function createAppDriver(options: AppDriverOptions): AppDriver {
  const forced = process.env.BANTHAO_E2E_DRIVER ?? '';
  if (forced !== '' && forced !== 'browser' && forced !== 'electron') {
    throw new Error(`BANTHAO_E2E_DRIVER must be "browser" or "electron", not "${forced}"`);
  }
  if (forced === 'browser') return new BrowserDriver(options);
  const electronInstalled = findElectronExecutable() !== null;
  if (forced === 'electron' && !electronInstalled) {
    throw new Error(
      'BANTHAO_E2E_DRIVER=electron, but the Electron binary is not installed (node_modules/electron/path.txt and dist/ missing): ' +
        'install without ELECTRON_SKIP_BINARY_DOWNLOAD, or use BANTHAO_E2E_DRIVER=browser.',
    );
  }
  return electronInstalled ? new ElectronDriver(options) : new BrowserDriver(options);
}
