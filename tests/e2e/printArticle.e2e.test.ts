import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../shared/exportFileName';
import { seedArticleParts } from '../fixtures/seedArticle';
import { exportValidationMessages } from '../support/exportValidation';
import { chromiumPath } from './driver/BrowserDriver';
import { readmeScreenshot } from './driver/readmeScreenshot';
import { useAppDriver } from './driver/useAppDriver';
import { executablePartsIn } from './support/executablePartsIn';
import { writeSeedArticle } from './support/writeSeedArticle';

/** "Vẫn xuất" when the checklist before an export finds something; nothing when it lets the export go at once. */
async function exportAnywayIfAsked(page: Page, until: () => Promise<unknown>): Promise<void> {
  const checklist = page.getByRole('alertdialog', { name: 'Kiểm tra trước khi xuất' });
  await Promise.race([checklist.waitFor().then(() => 'asked'), until()]);
  if (await checklist.isVisible()) await checklist.getByRole('button', { name: 'Vẫn xuất', exact: true }).click();
}

/** The pages of a PDF Chromium wrote (its page objects, uncompressed), each with its MediaBox in points. */
function pdfPages(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/Type\s*\/Page(?![a-zA-Z])[\s\S]*?\/MediaBox\s*\[([^\]]+)\]/g)].map((match) => match[1]!.trim());
}

describe('"In / PDF" in the app', () => {
  const launch = useAppDriver();
  const parts = seedArticleParts();

  it('prints the seed article on A4 pages with the header and page numbers; the print page runs and loads nothing', async () => {
    const { page, driver } = await launch();
    await writeSeedArticle(page);

    const printed = page.getByRole('status').filter({ hasText: 'Đã in bài hoặc lưu PDF' });
    await page.getByRole('button', { name: 'In / PDF', exact: true }).click();
    await exportAnywayIfAsked(page, () => printed.waitFor());
    await printed.waitFor();

    // The harness has no print dialog: its printer wrote the page the dialog would have printed.
    const printPath = join(driver.exportDirectory, 'print', `${exportFileName({ title: parts.title }, '')}.html`);
    const html = await readFile(printPath, 'utf8');
    expect(await exportValidationMessages(html)).toEqual([]);
    expect(html).toContain('@bottom-center { content: "Trang " counter(page) "/" counter(pages);');

    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const printPage = await browser.newPage({ viewport: { width: 794, height: 1123 } });
      const requested: string[] = [];
      printPage.on('request', (request) => requested.push(request.url()));
      await printPage.emulateMedia({ media: 'print' });
      await printPage.goto(pathToFileURL(printPath).href);
      expect(await executablePartsIn(printPage)).toEqual([]);
      // Nothing but the page itself and its data: photos was asked for.
      expect(requested.filter((url) => url !== pathToFileURL(printPath).href && !url.startsWith('data:'))).toEqual([]);

      const header = printPage.locator('.print-header');
      expect((await header.textContent())?.normalize('NFC')).toBe(`Bản Thảo · ${parts.displayDate}`);
      expect(await printPage.locator('h1').textContent()).toBe(parts.title.normalize('NFC'));
      await readmeScreenshot(printPage, 'print');
      // The screenshot's view shows the header: at the top of the page, inside the viewport.
      const box = await header.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThan(200);
      expect(await header.isVisible()).toBe(true);

      // Printed to PDF as the dialog's "Save as PDF" would: the page's own @page size, A4 (595 × 842 points).
      const pdf = await printPage.pdf({ preferCSSPageSize: true, printBackground: true });
      const pages = pdfPages(pdf);
      // The seed article's long paragraphs run past the first page, so the running header and "Trang n/m" repeat.
      expect(pages.length).toBeGreaterThanOrEqual(2);
      for (const mediaBox of pages) {
        const [, , width, height] = mediaBox.split(/\s+/).map(Number);
        expect(Math.round(width!)).toBe(595);
        expect(Math.round(height!)).toBe(842);
      }
    } finally {
      await browser.close();
    }
  });
});
