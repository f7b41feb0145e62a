import type { Page } from 'playwright-core';

/** The pending suggestions as the list under the body describes them, in reading order ([] when there are none). */
export function suggestionDescriptions(page: Page): Promise<string[]> {
  return page.getByRole('list', { name: 'Các đề xuất sửa theo thứ tự trong bài' }).locator('.suggestion-description').allTextContents();
}
