import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedArticleParts } from '../fixtures/seedArticle';
import { readStoredData } from '../support/readStoredData';
import { readmeScreenshot } from './driver/readmeScreenshot';
import { useAppDriver } from './driver/useAppDriver';
import { libraryLayout } from '../../electron/main/library/libraryLayout';

const editorBody = (page: Page) => page.getByRole('textbox', { name: 'Nội dung bài', exact: true });
const field = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });

describe('the counts, find and replace, and the typography check in the app', () => {
  const launchApp = useAppDriver();

  it('counts the seed article, finds across its parts, and offers the typography fixes, from the keyboard', async () => {
    const parts = seedArticleParts();
    const { page } = await launchApp();
    await page.getByRole('heading', { name: 'Chưa có bài viết nào' }).waitFor();
    await page.keyboard.press('Control+n');
    await field(page, 'Tiêu đề').fill(parts.title);
    // The seed article as a hurried reporter might type it: a date, a comma and a tone mark out of the house style.
    await field(page, 'Sapo').fill(parts.sapo.replace('05/7/2022', '5/7/2022').replace('Đảng ủy', 'Đảng uỷ'));
    await editorBody(page).click();
    for (const [index, paragraph] of parts.paragraphs.entries()) {
      if (index > 0) await page.keyboard.press('Enter');
      await page.keyboard.insertText(index === 1 ? paragraph.replace('Hội nghị còn', 'Hội nghị còn ,') : paragraph);
    }
    // The seed's 539 words and 2,530 characters, with the date one digit shorter and the stray " ," two more.
    await page.locator('.counts-status').filter({ hasText: '539 từ · 2.531 ký tự · 3 phút đọc' }).waitFor();

    // Ctrl+H from the body: find and replace over the whole article, each field saying how many it holds.
    await page.keyboard.press('Control+h');
    const query = page.getByRole('textbox', { name: 'Tìm trong bài', exact: true });
    expect(await query.evaluate((element) => element === document.activeElement)).toBe(true);
    await query.fill('trung tam');
    await page.getByRole('checkbox', { name: 'Bỏ qua dấu' }).check();
    await query.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await page.locator('.find-count').textContent()).toBe('6/14');
    expect(await page.locator('.ProseMirror .find-match').count()).toBe(10);
    expect(await page.locator('.ProseMirror .find-match-current').textContent()).toBe('Trung tâm');

    await page.keyboard.press('F7');
    const panel = page.getByRole('region', { name: /Soát lỗi trình bày/ });
    await panel.locator('.typography-item').first().waitFor();
    expect(await panel.locator('.typography-where').allTextContents()).toEqual(['Sapo', 'Sapo', 'Đoạn 2']);
    await readmeScreenshot(page, 'find-typography');

    await panel.getByRole('button', { name: 'Sửa tất cả', exact: true }).click();
    await panel.getByText('Không thấy lỗi trình bày nào.').waitFor();
    expect(await field(page, 'Sapo').inputValue()).toContain('Ngày 05/7/2022, tại');
    expect(await field(page, 'Sapo').inputValue()).toContain('Đảng ủy');
    expect(await editorBody(page).locator('p').nth(1).textContent()).toContain('Hội nghị còn, được');
  });

  it('keeps the house style chosen in Cài đặt with the library, and checks the next article by it', async () => {
    const { page, dataDirectory } = await launchApp();
    await page.getByRole('button', { name: 'Cài đặt', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Cài đặt' });
    await dialog.getByRole('combobox', { name: 'Đặt dấu thanh' }).selectOption({ label: 'Kiểu mới: hoà, thuỷ' });
    await dialog.getByRole('combobox', { name: 'Cách viết ngày' }).selectOption({ label: '5/7/2022' });
    await readmeScreenshot(page, 'house-style');
    await dialog.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu cài đặt' }).waitFor();
    // Kept with the library (a shared library carries it to everyone), not in this person's settings.
    expect(await readStoredData(libraryLayout(dataDirectory).library.sharedSettings)).toMatchObject({
      houseStyle: { toneMarks: 'new', dates: 'unpadded', endMark: 'required', titleSentenceCase: true },
    });
    expect(await readStoredData(join(dataDirectory, 'settings.json'))).not.toHaveProperty('houseStyle');

    await page.keyboard.press('Control+n');
    await field(page, 'Tiêu đề').fill('Tổ hòa giải họp ngày 05/7/2022');
    await page.keyboard.press('F7');
    const panel = page.getByRole('region', { name: /Soát lỗi trình bày/ });
    await panel.locator('.typography-item').first().waitFor();
    expect(await panel.locator('.typography-change ins').allTextContents()).toEqual(['hoà', '5/7/2022']);
  });
});
