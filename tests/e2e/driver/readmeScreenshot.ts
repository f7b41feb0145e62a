import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const screenshotsDirectory = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

/** A README screenshot (docs/screenshots/<name>.png), only when asked for (BANTHAO_SCREENSHOTS=1): the window as the user sees it. */
export async function readmeScreenshot(page: Page, name: string, fullPage = false): Promise<void> {
  if (process.env.BANTHAO_SCREENSHOTS !== '1') return;
  await mkdir(screenshotsDirectory, { recursive: true });
  await page.screenshot({ path: join(screenshotsDirectory, `${name}.png`), fullPage });
}
