import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../shared/escapeHtml';
import { seedArticleParts } from '../fixtures/seedArticle';
import { exportValidationMessages } from '../support/exportValidation';
import type { AppDriver } from './driver/AppDriver';
import { createAppDriver } from './driver/createAppDriver';

const screenshotsDirectory = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

const nfc = (text: string) => text.normalize('NFC');

/** README screenshots, only when asked for (BANTHAO_SCREENSHOTS=1): the window as the user sees it. */
async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  if (process.env.BANTHAO_SCREENSHOTS !== '1') return;
  await mkdir(screenshotsDirectory, { recursive: true });
  await page.screenshot({ path: join(screenshotsDirectory, `${name}.png`), fullPage });
}

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
    driver = createAppDriver({ dataDirectory });
    expect(parts.bylineName).toBe('Ngọc Sơn');
    expect(parts.photoCredit).toBe('Văn Đốc');
    let page = await driver.start();

    // A fresh library is empty; the reporter starts a new article.
    await page.getByRole('heading', { name: 'Chưa có bài viết nào' }).waitFor();
    await page.getByRole('button', { name: 'Bài mới' }).first().click();

    await field(page, 'Ngày đăng').fill(parts.displayDate);
    await selectField(page, 'Trạng thái').selectOption('approved');
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

    // What the library shows after a restart can only have come from disk.
    page = await driver.restart();
    await page.getByRole('button', { name: parts.title, exact: true }).waitFor();
    await page.getByRole('cell', { name: 'Tin: Ngọc Sơn', exact: true }).waitFor();
    await screenshot(page, 'library');

    await page.getByRole('button', { name: parts.title, exact: true }).click();
    await field(page, 'Tiêu đề').waitFor();
    await expect.poll(() => bodyParagraphs(page)).toEqual(parts.paragraphs.map(nfc));
    expect(await field(page, 'Ngày đăng').inputValue()).toBe(parts.displayDate);
    expect(await selectField(page, 'Trạng thái').inputValue()).toBe('approved');
    expect(await field(page, 'Tiêu đề').inputValue()).toBe(nfc(parts.title));
    expect(await field(page, 'Sapo').inputValue()).toBe(nfc(parts.sapo));
    expect(await selectField(page, 'Hình thức ghi tên').inputValue()).toBe(parts.bylineRole);
    expect(await nameField(page, 'Tác giả').inputValue()).toBe(nfc(parts.bylineName));
    expect(await nameField(page, 'Ảnh').inputValue()).toBe(nfc(parts.photoCredit));
    await screenshot(page, 'editor', true);

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
