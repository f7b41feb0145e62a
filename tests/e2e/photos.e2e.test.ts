import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import exifr from 'exifr';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { exportValidationMessages } from '../support/exportValidation';
import type { AppDriver } from './driver/AppDriver';
import { createAppDriver } from './driver/createAppDriver';

const caption = 'Đồng chí Nguyễn Toàn Thắng phát biểu tại Hội nghị';
const title = 'Hội nghị sơ kết có ảnh';

/** A 3000×2000 camera-like JPEG with an Artist tag, written where the "Chèn ảnh" dialog will pick it. */
async function makeCameraPhoto(folder: string): Promise<string> {
  const noise = await sharp({
    create: { width: 3000, height: 2000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } },
  })
    .raw()
    .toBuffer();
  const bytes = await sharp(noise, { raw: { width: 3000, height: 2000, channels: 3 } })
    .jpeg({ quality: 85 })
    .withExif({ IFD0: { Artist: 'Van Doc', Copyright: 'TTXVN' } })
    .toBuffer();
  const path = join(folder, 'DSC_0042.JPG');
  await writeFile(path, bytes);
  return path;
}

const figure = (page: Page) => page.locator('.body-editor figure').first();
const imageLoaded = (page: Page) =>
  figure(page)
    .locator('img')
    .evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0);

/** "Vẫn xuất" in the checklist every export opens first when it finds something ("Kiểm tra trước khi xuất"). */
async function exportAnyway(page: Page): Promise<void> {
  await page.getByRole('alertdialog', { name: 'Kiểm tra trước khi xuất' }).getByRole('button', { name: 'Vẫn xuất', exact: true }).click();
}

describe('a photo from the camera card to the exported page', () => {
  const made: string[] = [];
  let driver: AppDriver | undefined;

  afterAll(async () => {
    await driver?.stop();
    await Promise.all(made.map((path) => rm(path, { recursive: true, force: true })));
  });

  it('keeps caption and credit through a restart and exports both forms with the web-sized photo', async () => {
    const dataDirectory = await mkdtemp(join(tmpdir(), 'banthao-e2e-'));
    const cardFolder = await mkdtemp(join(tmpdir(), 'banthao-card-'));
    made.push(dataDirectory, cardFolder);
    driver = createAppDriver({ dataDirectory, openFiles: [await makeCameraPhoto(cardFolder)] });
    let page = await driver.start();

    await page.getByRole('heading', { name: 'Chưa có bài viết nào' }).waitFor();
    await page.getByRole('button', { name: 'Bài mới' }).first().click();
    await page.getByRole('textbox', { name: 'Tiêu đề', exact: true }).fill(title);
    await page.getByRole('textbox', { name: 'Nội dung bài', exact: true }).click();
    await page.getByRole('button', { name: 'Chèn ảnh', exact: true }).click();
    await figure(page).locator('img').waitFor();
    await expect.poll(() => imageLoaded(page)).toBe(true);

    await figure(page).locator('figcaption').click();
    await page.keyboard.type(caption);
    await figure(page).getByRole('combobox', { name: 'Ảnh', exact: true }).fill('Văn Đốc');
    await page
      .getByRole('status')
      .filter({ hasText: /Đã lưu lúc/ })
      .waitFor();
    // The save line, not a toast still showing ("Đang chèn 1 ảnh…" lingers on a slow machine).
    await expect.poll(() => page.locator('.save-status').textContent()).toMatch(/Đã lưu lúc/);

    page = await driver.restart();
    await page.getByRole('button', { name: title, exact: true }).click();
    await figure(page).locator('img').waitFor();
    await expect.poll(() => imageLoaded(page)).toBe(true);
    expect(await figure(page).locator('figcaption').textContent()).toBe(caption);
    expect(await figure(page).getByRole('combobox', { name: 'Ảnh', exact: true }).inputValue()).toBe('Văn Đốc');
    if (process.env.BANTHAO_SCREENSHOTS === '1') {
      await figure(page).scrollIntoViewIfNeeded();
      await figure(page).hover();
      await page.screenshot({ path: fileURLToPath(new URL('../../docs/screenshots/editor-photo.png', import.meta.url)) });
    }
    // The closing credit line is composed from the photo's credit.
    expect(await page.locator('.closing-preview').textContent()).toContain('Ảnh: Văn Đốc');

    await page.getByRole('button', { name: 'Xuất HTML' }).click();
    // No sapo or byline, and the photo has no description: the checklist says so, and the export goes ahead anyway.
    await exportAnyway(page);
    await page.getByRole('status').filter({ hasText: 'Đã xuất' }).waitFor();
    const files = (await readdir(driver.exportDirectory)).filter((name) => name.endsWith('.html'));
    expect(files).toHaveLength(1);
    const standalone = await readFile(join(driver.exportDirectory, files[0]!), 'utf8');
    expect(standalone).toContain(`<span class="caption">${caption}</span>`);
    expect(standalone).toContain('<span class="photo-credit">Ảnh: Văn Đốc</span>');
    expect(standalone).toMatch(/<img src="data:image\/jpeg;base64,[A-Za-z0-9+/=]+"/);
    expect(await exportValidationMessages(standalone)).toEqual([]);

    await page.getByRole('button', { name: 'Xuất thư mục' }).click();
    await exportAnyway(page);
    const folder = join(driver.exportDirectory, 'hoi-nghi-so-ket-co-anh');
    // The folder appears whole (it is renamed into place), so its existence means the export finished.
    await expect
      .poll(
        () =>
          readdir(folder).then(
            () => true,
            () => false,
          ),
        { timeout: 30_000 },
      )
      .toBe(true);
    const index = await readFile(join(folder, 'index.html'), 'utf8');
    expect(index).toContain('<img src="images/hoi-nghi-so-ket-co-anh-1.jpg"');
    expect(index).toContain(`<span class="caption">${caption}</span>`);
    const image = await readFile(join(folder, 'images', 'hoi-nghi-so-ket-co-anh-1.jpg'));
    const metadata = await sharp(image).metadata();
    expect([metadata.width, metadata.height]).toEqual([1600, 1067]);
    expect(metadata.exif).toBeUndefined();
    expect(await exifr.parse(image, true).catch(() => undefined)).toBeUndefined();
  });
});
