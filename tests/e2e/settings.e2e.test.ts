import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppDriver } from './driver/AppDriver';
import { createAppDriver } from './driver/createAppDriver';

describe('export settings', () => {
  let driver: AppDriver | undefined;
  let dataDirectory: string | undefined;

  afterAll(async () => {
    await driver?.stop();
    if (dataDirectory !== undefined) await rm(dataDirectory, { recursive: true, force: true });
  });

  it('changes the exported photos’ size and quality, refuses values out of range, and keeps them after a restart', async () => {
    dataDirectory = await mkdtemp(join(tmpdir(), 'banthao-e2e-'));
    driver = createAppDriver({ dataDirectory });
    let page = await driver.start();
    await page.getByRole('button', { name: 'Cài đặt', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Cài đặt xuất bài' });
    const maxSide = dialog.getByRole('spinbutton', { name: /Cạnh dài nhất/ });
    const quality = dialog.getByRole('spinbutton', { name: /Chất lượng JPEG/ });
    expect(await maxSide.inputValue()).toBe('1600');
    await maxSide.fill('99999');
    expect(await dialog.getByRole('button', { name: 'Lưu cài đặt' }).isDisabled()).toBe(true);
    await maxSide.fill('1200');
    await quality.fill('75');
    await dialog.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu cài đặt' }).waitFor();
    expect(JSON.parse(await readFile(join(dataDirectory, 'settings.json'), 'utf8'))).toMatchObject({ exportImageMaxSide: 1200, exportJpegQuality: 75 });

    page = await driver.restart();
    await page.getByRole('button', { name: 'Cài đặt', exact: true }).click();
    expect(await page.getByRole('dialog').getByRole('spinbutton', { name: /Cạnh dài nhất/ }).inputValue()).toBe('1200');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });
});
