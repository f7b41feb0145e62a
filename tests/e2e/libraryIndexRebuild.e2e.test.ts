import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleStore } from '../../electron/main/storage/ArticleStore';
import { LibraryLock } from '../../electron/main/storage/LibraryLock';
import { readStoredData } from '../support/readStoredData';
import { sampleContent } from '../support/sampleContent';
import type { AppDriver } from './driver/AppDriver';
import { createAppDriver } from './driver/createAppDriver';

const articleCount = 1_500;

/** Writes articles through the real store, 64 at a time, each with its own title and body. */
async function writeArticles(libraryDirectory: string, count: number) {
  const store = await ArticleStore.open({ directory: libraryDirectory });
  for (let start = 0; start < count; start += 64) {
    await Promise.all(
      Array.from({ length: Math.min(64, count - start) }, async (_, offset) => {
        const index = start + offset;
        const article = await store.create();
        const body = {
          type: 'doc' as const,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: `Nội dung bản tin số ${index}.` }] }],
        };
        await store.save(article.id, 1, sampleContent({ title: `Bản tin số ${index}`, body }));
      }),
    );
  }
  await store.flush();
}

describe('a library whose index was lost', () => {
  let dataDirectory: string | undefined;
  let driver: AppDriver | undefined;

  afterEach(async () => {
    await driver?.stop();
    driver = undefined;
    if (dataDirectory !== undefined) await rm(dataDirectory, { recursive: true, force: true });
    dataDirectory = undefined;
  });

  it('waits for the other writer, then rebuilds 1,500 articles with progress: all listed, index written, an article opens', async () => {
    dataDirectory = await mkdtemp(join(tmpdir(), 'banthao-e2e-'));
    const libraryDirectory = join(dataDirectory, 'library');
    const indexPath = join(libraryDirectory, 'index.json');
    await writeArticles(libraryDirectory, articleCount);
    // Both generations: with index.json.prev left, opening would load it and only catch up.
    await rm(indexPath);
    await rm(`${indexPath}.prev`, { force: true });
    expect(existsSync(indexPath)).toBe(false);

    // Another writer (this test process) holds the library: the app must say so and touch nothing.
    const otherWriter = await LibraryLock.acquire(dataDirectory);
    // Chosen inside the test: a driver that cannot run fails this test rather than skipping it.
    driver = createAppDriver({ dataDirectory });
    const page = await driver.start();
    const alert = page.getByRole('alert');
    await alert.getByText('Không mở được thư viện').waitFor();
    expect(await alert.textContent()).toContain(`Thư viện đang được một cửa sổ Bản Thảo khác mở (tiến trình ${process.pid}`);
    expect(existsSync(indexPath)).toBe(false);

    // Every text the page shows from now on, so the rebuild screen is seen however briefly it stays.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenTexts: string[] }).seenTexts = seen;
      new MutationObserver(() => seen.push(document.querySelector('.startup')?.textContent ?? '')).observe(document.body, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    });
    await otherWriter.release();
    // "Thử lại" has the focus: Enter tries again.
    await page.keyboard.press('Enter');
    await page.getByText(`${articleCount.toLocaleString('vi-VN')} bài`, { exact: true }).waitFor();
    // One header row plus one per article, though only a window of them is in the page.
    expect(await page.getByRole('table', { name: 'Danh sách bài' }).getAttribute('aria-rowcount')).toBe(String(articleCount + 1));
    expect(await page.locator('.startup').count()).toBe(0);
    const seenTexts = await page.evaluate(() => (window as unknown as { seenTexts: string[] }).seenTexts);
    expect(seenTexts.some((text) => text.startsWith('Đang dựng lại mục lục thư viện') && /Đã đọc [\d.]+ \/ 1\.500 bài/.test(text))).toBe(
      true,
    );

    const index = await readStoredData(indexPath);
    expect(index.articles).toHaveLength(articleCount);
    expect(new Set(index.articles.map((summary: { title: string }) => summary.title)).size).toBe(articleCount);

    const firstTitle = (await page.locator('.article-row .title-link').first().textContent())!;
    expect(firstTitle).toMatch(/^Bản tin số \d+$/);
    await page.locator('.article-row .title-link').first().click();
    const title = page.getByRole('textbox', { name: 'Tiêu đề', exact: true });
    await title.waitFor();
    expect(await title.inputValue()).toBe(firstTitle);
    const number = firstTitle.slice('Bản tin số '.length);
    expect(await page.getByRole('textbox', { name: 'Nội dung bài', exact: true }).locator('p').allTextContents()).toEqual([
      `Nội dung bản tin số ${number}.`,
    ]);
  });
});
