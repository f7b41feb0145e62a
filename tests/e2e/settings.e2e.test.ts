import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStoredData } from '../support/readStoredData';
import { useAppDriver } from './driver/useAppDriver';

describe('export settings', () => {
  const launchApp = useAppDriver();

  it('changes export photo size and quality and backup retention, refuses out-of-range values, keeps them after a restart', async () => {
    const launched = await launchApp();
    const { driver, dataDirectory } = launched;
    let page = launched.page;
    await page.getByRole('button', { name: 'Cài đặt', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Cài đặt' });
    const maxSide = dialog.getByRole('spinbutton', { name: /Cạnh dài nhất/ });
    const quality = dialog.getByRole('spinbutton', { name: /Chất lượng JPEG/ });
    expect(await maxSide.inputValue()).toBe('1600');
    await maxSide.fill('99999');
    expect(await dialog.getByRole('button', { name: 'Lưu cài đặt' }).isDisabled()).toBe(true);
    await maxSide.fill('1200');
    await quality.fill('75');
    await dialog.getByRole('spinbutton', { name: /Giữ các bản sao lưu tự động/ }).fill('72');
    await dialog.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu cài đặt' }).waitFor();
    expect(await readStoredData(join(dataDirectory, 'settings.json'))).toMatchObject({
      exportImageMaxSide: 1200,
      exportJpegQuality: 75,
      backupKeepHours: 72,
    });

    page = await driver.restart();
    await page.getByRole('button', { name: 'Cài đặt', exact: true }).click();
    expect(
      await page
        .getByRole('dialog')
        .getByRole('spinbutton', { name: /Cạnh dài nhất/ })
        .inputValue(),
    ).toBe('1200');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const focusedName = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    // The focus goes back to "Cài đặt" after Esc and after "Hủy", so the keyboard carries on from where it was.
    expect(await focusedName()).toBe('Cài đặt');
    await page.getByRole('button', { name: 'Cài đặt', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy', exact: true }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await focusedName()).toBe('Cài đặt');
  });
});
