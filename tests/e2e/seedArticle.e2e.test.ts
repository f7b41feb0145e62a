import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../shared/escapeHtml';
import { seedArticleParts } from '../fixtures/seedArticle';
import { exportValidationMessages } from '../support/exportValidation';
import { readStoredData } from '../support/readStoredData';
import type { AppDriver } from './driver/AppDriver';
import { createAppDriver } from './driver/createAppDriver';
import { readmeScreenshot } from './driver/readmeScreenshot';

const nfc = (text: string) => text.normalize('NFC');

/** A form field by its accessible name; exact, so "Tiêu đề" never matches the toolbar's "Tiêu đề phụ (H2)". */
function field(page: Page, label: string) {
  return page.getByRole('textbox', { name: label, exact: true });
}

/** A name field offering completions (an input with a datalist is a combobox to assistive technology). */
function nameField(page: Page, label: string) {
  return page.getByRole('combobox', { name: label, exact: true });
}

function selectField(page: Page, label: string) {
  return page.getByRole('combobox', { name: label, exact: true });
}

function bodyParagraphs(page: Page): Promise<string[]> {
  return page.getByRole('textbox', { name: 'Nội dung bài', exact: true }).locator('p').allTextContents();
}

describe('the seed article typed into the app', () => {
  const parts = seedArticleParts();
  let dataDirectory: string;
  let driver: AppDriver | undefined;

  beforeAll(async () => {
    dataDirectory = await mkdtemp(join(tmpdir(), 'banthao-e2e-'));
  });

  afterAll(async () => {
    await driver?.stop();
    if (dataDirectory !== undefined) await rm(dataDirectory, { recursive: true, force: true });
  });

  it('is intact after a restart and exports as valid HTML with nothing executable', async () => {
    // Chosen inside the test: a driver that cannot run fails this test rather than skipping it.
    // A first run: nobody has told the app who they are yet.
    driver = createAppDriver({ dataDirectory, identity: null });
    expect(parts.bylineName).toBe('Ngọc Sơn');
    expect(parts.photoCredit).toBe('Văn Đốc');
    let page = await driver.start();

    // "Bạn là ai?" comes before the library: the reporter types a name, picks a role, and presses Enter.
    await page.getByRole('heading', { name: 'Bạn là ai?' }).waitFor();
    await readmeScreenshot(page, 'first-run');
    await page.keyboard.type('Ngọc Sơn');
    await page.keyboard.press('Tab');
    await page.getByRole('combobox', { name: 'Vai trò' }).selectOption('reporter');
    await page.getByRole('combobox', { name: 'Vai trò' }).press('Enter');

    // A fresh library is empty; the reporter starts a new article.
    await page.getByRole('heading', { name: 'Chưa có bài viết nào' }).waitFor();
    expect(await readStoredData(join(dataDirectory, 'settings.json'))).toMatchObject({ userName: 'Ngọc Sơn', userRole: 'reporter' });
    await page.getByRole('button', { name: 'Bài mới' }).first().click();

    await field(page, 'Ngày đăng').fill(parts.displayDate);
    await field(page, 'Tiêu đề').click();
    await page.keyboard.insertText(parts.title);
    await field(page, 'Sapo').click();
    await page.keyboard.insertText(parts.sapo);
    await page.getByRole('textbox', { name: 'Nội dung bài', exact: true }).click();
    for (const [index, paragraph] of parts.paragraphs.entries()) {
      if (index > 0) await page.keyboard.press('Enter');
      await page.keyboard.insertText(paragraph);
    }
    await selectField(page, 'Hình thức ghi tên').selectOption(parts.bylineRole);
    await nameField(page, 'Tác giả').fill(parts.bylineName);
    await nameField(page, 'Ảnh').fill(parts.photoCredit);
    await page
      .getByRole('status')
      .filter({ hasText: /Đã lưu lúc \d\d:\d\d/ })
      .waitFor();

    // Sent for review with a note, from the keyboard: the note field takes the focus, Enter confirms.
    await page.getByRole('button', { name: 'Gửi duyệt', exact: true }).click();
    await page.keyboard.type('Nhờ anh xem giúp');
    await page.keyboard.press('Enter');
    await page.locator('.workflow-bar .status').filter({ hasText: 'Chờ duyệt' }).waitFor();

    // What the library shows after a restart can only have come from disk.
    page = await driver.restart();
    await page.getByRole('button', { name: parts.title, exact: true }).waitFor();
    await page.getByRole('cell', { name: 'Tin: Ngọc Sơn', exact: true }).waitFor();
    expect(await page.locator('.article-row .cell-status').textContent()).toBe('Chờ duyệtNgọc Sơn gửi duyệt');
    await readmeScreenshot(page, 'library');

    await page.getByRole('button', { name: parts.title, exact: true }).click();
    await field(page, 'Tiêu đề').waitFor();
    await expect.poll(() => bodyParagraphs(page)).toEqual(parts.paragraphs.map(nfc));
    expect(await field(page, 'Ngày đăng').inputValue()).toBe(parts.displayDate);
    expect(await page.locator('.workflow-bar .status').textContent()).toBe('Chờ duyệt');
    // The history is read after the article: the note of the last move shows once it is in.
    await page.locator('.history-entry').waitFor();
    expect(await page.locator('.workflow-holder').textContent()).toMatch(/^Ngọc Sơn \(Phóng viên\) gửi duyệt lúc .*Nhờ anh xem giúp$/);
    expect(await page.locator('.history-entry .history-note').textContent()).toBe('Nhờ anh xem giúp');
    expect(await field(page, 'Tiêu đề').inputValue()).toBe(nfc(parts.title));
    expect(await field(page, 'Sapo').inputValue()).toBe(nfc(parts.sapo));
    expect(await selectField(page, 'Hình thức ghi tên').inputValue()).toBe(parts.bylineRole);
    expect(await nameField(page, 'Tác giả').inputValue()).toBe(nfc(parts.bylineName));
    expect(await nameField(page, 'Ảnh').inputValue()).toBe(nfc(parts.photoCredit));
    await readmeScreenshot(page, 'editor', true);

    await page.getByRole('button', { name: 'Xuất HTML', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Đã xuất' }).waitFor();
    const exported = (await readdir(driver.exportDirectory)).filter((name) => name.endsWith('.html'));
    expect(exported).toHaveLength(1);
    const html = nfc(await readFile(join(driver.exportDirectory, exported[0]!), 'utf8'));

    for (const text of [parts.title, parts.sapo, ...parts.paragraphs]) expect(html).toContain(escapeHtml(nfc(text)));
    expect(html).toContain('lang="vi"');
    expect(html).toContain(`<time datetime="${parts.publicationDate}"`);
    expect(parts.publicationDate).toBe('2022-07-08');
    expect(html).toContain('Tin: Ngọc Sơn');
    expect(html).toContain('Ảnh: Văn Đốc');
    expect(await exportValidationMessages(html)).toEqual([]);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });
});
