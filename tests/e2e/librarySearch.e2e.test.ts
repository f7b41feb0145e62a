import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleStore } from '../../electron/main/storage/ArticleStore';
import { sampleContent } from '../support/sampleContent';
import { useAppDriver } from './driver/useAppDriver';

/** Writes articles straight into the library folder (the app picks them up and indexes them at its next start). */
async function writeArticles(dataDirectory: string, count: number) {
  const store = await ArticleStore.open({ directory: join(dataDirectory, 'library') });
  for (let start = 0; start < count; start += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - start) }, async (_, offset) => {
        const index = start + offset;
        const article = await store.create();
        const title = index === 7 ? 'Hội nghị sơ kết công tác 6 tháng' : `Bản tin số ${index}`;
        await store.save(
          article.id,
          1,
          sampleContent({ title, sapo: index === 9 ? 'Giám đốc Trung tâm phát biểu.' : 'Tin ngắn.', photoCredit: 'Minh' }),
        );
      }),
    );
  }
  await store.flush();
}

describe('the library at scale', () => {
  const launchApp = useAppDriver();

  it('shows 2,500 articles with only a window of rows in the page, finds "Hội nghị" from "hoi nghi" and marks it', async () => {
    const launched = await launchApp();
    await launched.page.getByRole('heading', { name: 'Chưa có bài viết nào' }).waitFor();
    await writeArticles(launched.dataDirectory, 2_500);
    const page = await launched.driver.restart();
    await page.getByText('2.500 bài').waitFor();
    const rendered = await page.locator('.article-row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);

    await page.keyboard.press('Control+f');
    await page.keyboard.type('hoi nghi');
    await page.getByText('1 / 2.500 bài').waitFor();
    expect(await page.locator('.article-row .title-link mark').allTextContents()).toEqual(['Hội', 'nghị']);

    await page.getByRole('searchbox', { name: 'Tìm bài' }).fill('giam doc');
    await page.locator('.snippet mark').first().waitFor();
    expect(await page.locator('.snippet mark').allTextContents()).toEqual(['Giám', 'đốc']);

    await page.getByRole('searchbox', { name: 'Tìm bài' }).fill('');
    await page.locator('.article-list').focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.locator('.article-row-active').count()).toBe(1);
    expect(await page.locator('.article-row-active').getAttribute('aria-rowindex')).toBe('2501');
  });
});
