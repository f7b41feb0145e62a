import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppDriver } from './driver/useAppDriver';

const editorBody = (page: Page) => page.getByRole('textbox', { name: 'Nội dung bài', exact: true });

/** Whether the focused element is the body editor (a toolbar button that took focus would fail this). */
const editorHasFocus = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Nội dung bài');

describe('the body editor with mouse and keyboard', () => {
  const launchApp = useAppDriver();

  async function openNewArticle(): Promise<Page> {
    const { page } = await launchApp();
    await page.getByRole('heading', { name: 'Chưa có bài viết nào' }).waitFor();
    await page.keyboard.press('Control+n');
    await editorBody(page).click();
    return page;
  }

  it('keeps typing in the editor after a toolbar button is clicked', async () => {
    const page = await openNewArticle();
    await page.keyboard.type('Xin ');
    // Pressing the button must not move focus at all, not even until the click handler refocuses the editor.
    await page.getByRole('button', { name: 'Đậm', exact: true }).hover();
    await page.mouse.down();
    expect(await editorHasFocus(page)).toBe(true);
    await page.mouse.up();
    expect(await editorHasFocus(page)).toBe(true);
    await page.keyboard.type('chào');
    await page.getByRole('button', { name: 'Canh giữa', exact: true }).click();
    await page.keyboard.type(' bạn');
    expect(await editorBody(page).locator('p').first().textContent()).toBe('Xin chào bạn');
    expect(await editorBody(page).locator('strong').textContent()).toBe('chào bạn');
    expect(await editorBody(page).locator('p').first().getAttribute('style')).toContain('text-align: center');
  });

  it('adds a link with Ctrl+K and refuses a javascript: address', async () => {
    const page = await openNewArticle();
    await page.keyboard.type('Bộ Công Thương');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Control+k');
    const address = page.getByRole('textbox', { name: 'Địa chỉ liên kết' });
    await address.fill('javascript:alert(1)');
    await address.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Chỉ nhận địa chỉ' }).waitFor();
    await address.fill('moit.gov.vn');
    await address.press('Enter');
    expect(await editorBody(page).locator('a').getAttribute('href')).toBe('https://moit.gov.vn');
    expect(await editorBody(page).locator('a').textContent()).toBe('Bộ Công Thương');
    expect(await editorHasFocus(page)).toBe(true);
  });

  it('undoes and redoes with the keyboard', async () => {
    const page = await openNewArticle();
    await page.keyboard.type('Tin nóng');
    await page.keyboard.press('Control+z');
    expect(await editorBody(page).textContent()).toBe('');
    await page.keyboard.press('Control+Shift+z');
    expect(await editorBody(page).textContent()).toBe('Tin nóng');
  });
});
