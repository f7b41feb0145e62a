import type { Page } from 'playwright-core';
import { seedArticleParts } from '../../fixtures/seedArticle';
import { editorBody } from './bodyText';

/** A form field by its accessible name; exact, so "Tiêu đề" never matches the toolbar's "Tiêu đề phụ (H2)". */
const field = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });

/** "Bài mới", then the seed article typed in field by field as a reporter would, until it is saved. */
export async function writeSeedArticle(page: Page): Promise<void> {
  const parts = seedArticleParts();
  await page.getByRole('button', { name: 'Bài mới' }).first().click();
  await field(page, 'Ngày đăng').fill(parts.displayDate);
  await field(page, 'Tiêu đề').click();
  await page.keyboard.insertText(parts.title);
  await field(page, 'Sapo').click();
  await page.keyboard.insertText(parts.sapo);
  await editorBody(page).click();
  for (const [index, paragraph] of parts.paragraphs.entries()) {
    if (index > 0) await page.keyboard.press('Enter');
    await page.keyboard.insertText(paragraph);
  }
  await page.getByRole('combobox', { name: 'Hình thức ghi tên', exact: true }).selectOption(parts.bylineRole);
  await page.getByRole('combobox', { name: 'Tác giả', exact: true }).fill(parts.bylineName);
  await page.getByRole('combobox', { name: 'Ảnh', exact: true }).fill(parts.photoCredit);
  await page
    .getByRole('status')
    .filter({ hasText: /Đã lưu lúc \d\d:\d\d/ })
    .waitFor();
}
