import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserDriver } from '../e2e/driver/BrowserDriver';
import { cameraJpegs } from './mediaBenchmarks';

const runs = 3;

/**
 * Time from clicking "Chèn ảnh" (the dialog answers at once) to the photo being drawn in the editor, for a
 * 12-megapixel camera JPEG, in the browser harness: upload-free import, checks, decode, preview, display.
 * A fresh app and photo per run, so no de-duplication or cache helps. Returns the median and the spread.
 */
export async function benchmarkEditorPhoto(): Promise<Record<string, number>> {
  const folder = await mkdtemp(join(tmpdir(), 'banthao-bench-editor-'));
  const times: number[] = [];
  try {
    const photos = await cameraJpegs(runs, 100);
    for (const [index, bytes] of photos.entries()) {
      const photoPath = join(folder, `DSC_${index}.JPG`);
      await writeFile(photoPath, bytes);
      const driver = new BrowserDriver({ dataDirectory: join(folder, `data-${index}`), openFiles: [photoPath] });
      try {
        const page = await driver.start();
        await page.getByRole('button', { name: 'Bài mới' }).first().click();
        await page.getByRole('textbox', { name: 'Nội dung bài', exact: true }).click();
        const started = performance.now();
        await page.getByRole('button', { name: 'Chèn ảnh', exact: true }).click();
        await page.waitForFunction(
          () => {
            const image = document.querySelector<HTMLImageElement>('.body-editor figure img');
            return image !== null && image.complete && image.naturalWidth > 0;
          },
          undefined,
          { polling: 'raf', timeout: 60_000 },
        );
        times.push(performance.now() - started);
      } finally {
        await driver.stop();
      }
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    insertToVisibleMedianMs: Math.round(sorted[Math.floor(sorted.length / 2)]!),
    insertToVisibleMinimumMs: Math.round(sorted[0]!),
    insertToVisibleMaximumMs: Math.round(sorted[sorted.length - 1]!),
  };
}
