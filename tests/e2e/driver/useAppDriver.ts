import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach } from 'vitest';
import type { AppDriver, AppDriverOptions } from './AppDriver';
import { createAppDriver } from './createAppDriver';

/**
 * Launches the app on a fresh temp library inside a test and stops it and removes the library after the test.
 * The driver is chosen inside the test, so a driver that cannot run fails the test rather than skipping it.
 */
export function useAppDriver(): (
  options?: Omit<AppDriverOptions, 'dataDirectory'>,
) => Promise<{ driver: AppDriver; page: Page; dataDirectory: string }> {
  const running: Array<{ driver: AppDriver; dataDirectory: string }> = [];
  afterEach(async () => {
    for (const { driver, dataDirectory } of running.splice(0)) {
      await driver.stop();
      await rm(dataDirectory, { recursive: true, force: true });
    }
  });
  return async (options = {}) => {
    const dataDirectory = await mkdtemp(join(tmpdir(), 'banthao-e2e-'));
    const driver = createAppDriver({ ...options, dataDirectory });
    running.push({ driver, dataDirectory });
    return { driver, page: await driver.start(), dataDirectory };
  };
}
