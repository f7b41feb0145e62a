import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeLegacy } from '../../shared/legacyEncodings/encodeLegacy';
import { buildDocx } from '../support/docxFixtures';
import { exportValidationMessages } from '../support/exportValidation';
import { chromiumPath } from './driver/BrowserDriver';
import { useAppDriver } from './driver/useAppDriver';

const clipboardFixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/clipboard/${name}`, import.meta.url)), 'utf8');

const editorBody = (page: Page) => page.getByRole('textbox', { name: 'Nội dung bài', exact: true });
const field = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });
const notice = (page: Page, text: string | RegExp) => page.locator('.toast').filter({ hasText: text });

/** "Vẫn xuất" in the checklist every export opens first when it finds something ("Kiểm tra trước khi xuất"). */
async function exportAnyway(page: Page): Promise<void> {
  await page.getByRole('alertdialog', { name: 'Kiểm tra trước khi xuất' }).getByRole('button', { name: 'Vẫn xuất', exact: true }).click();
}

/**
 * A paste as the system delivers it: a `paste` ClipboardEvent carrying the clipboard's text/html (and its plain text)
 * in a DataTransfer, dispatched on the focused body editor, which handles it like Ctrl+V.
 */
async function pasteHtml(page: Page, html: string): Promise<void> {
  await editorBody(page).evaluate((editor, markup) => {
    const clipboard = new DataTransfer();
    clipboard.setData('text/html', markup);
    clipboard.setData('text/plain', new DOMParser().parseFromString(markup, 'text/html').body.textContent ?? '');
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));
  }, html);
}

/** The text of each list item directly inside the lists matched by `selector`, as the page holds them. */
const itemTexts = (page: Page, selector: string) => page.locator(selector).evaluateAll((items) => items.map((item) => item.textContent));

/**
 * A Word file as a reporter sends one: a heading for a title, a sapo, a subheading, a nested list, a photo with its
 * caption, and a line in .VnTime (TCVN3).
 */
async function reporterDocx(folder: string): Promise<string> {
  // A real photo (a gradient with grain, 1600×1200) as Word keeps it in word/media/.
  const noise = await sharp({
    create: { width: 1600, height: 1200, channels: 3, background: '#6080a0', noise: { type: 'gaussian', mean: 128, sigma: 30 } },
  })
    .jpeg({ quality: 85 })
    .toBuffer();
  const path = join(folder, 'Hoi nghi xuc tien dau tu.docx');
  await writeFile(
    path,
    buildDocx({
      blocks: [
        { style: 'Heading1', parts: [{ text: 'Hội nghị xúc tiến đầu tư miền Trung' }] },
        { parts: [{ text: 'Hơn 300 doanh nghiệp dự hội nghị sáng nay tại Đà Nẵng.' }] },
        { style: 'Heading2', parts: [{ text: 'Những con số' }] },
        { list: { numId: 1, level: 0 }, parts: [{ text: 'Vốn đăng ký tăng', bold: true }] },
        { list: { numId: 1, level: 1 }, parts: [{ text: 'Công nghiệp chế biến' }] },
        { list: { numId: 1, level: 0 }, parts: [{ text: 'Lao động có việc làm' }] },
        { parts: [{ picture: 'toan-canh' }] },
        { style: 'Caption', parts: [{ text: 'Toàn cảnh hội nghị' }] },
        { parts: [{ text: encodeLegacy('Ban tổ chức đánh giá cao sự chuẩn bị của các địa phương.', 'tcvn3'), font: '.VnTime' }] },
      ],
      pictures: { 'toan-canh': { bytes: noise, extension: 'jpeg' } },
    }),
  );
  return path;
}

/** Exported markup without the indentation between tags the exporter writes for people reading it. */
const withoutIndentation = (html: string) => html.replace(/>\s+</g, '><');

/** The files an export added to the export folder. */
async function newEntries(folder: string, before: readonly string[]): Promise<string[]> {
  const now = await readdir(folder).catch(() => [] as string[]);
  return now.filter((name) => !before.includes(name));
}

describe('source material into the app and out again: legacy paste, Word lists, a Word file with a photo', () => {
  const launchApp = useAppDriver();
  const made: string[] = [];

  afterAll(async () => {
    await Promise.all(made.map((path) => rm(path, { recursive: true, force: true })));
  });

  it('converts a TCVN3 paste, keeps a Word list nested, imports a .docx with its photo, and exports all of it', async () => {
    const sourceFolder = await mkdtemp(join(tmpdir(), 'banthao-source-'));
    made.push(sourceFolder);
    const wordFile = await reporterDocx(sourceFolder);
    const { driver, page } = await launchApp({ wordFile });
    await page.getByRole('heading', { name: 'Chưa có bài viết nào' }).waitFor();

    // 1. A new article; the body gets a TCVN3 passage copied from an old Word document, then a Word list.
    await page.getByRole('button', { name: 'Bài mới' }).first().click();
    await field(page, 'Tiêu đề').fill('Kết luận hội nghị sơ kết');
    await editorBody(page).click();
    await pasteHtml(page, clipboardFixture('word-tcvn3.html'));
    await notice(page, /^Đã chuyển 5 đoạn từ mã .*TCVN3.* sang Unicode/).waitFor();
    await expect
      .poll(() => editorBody(page).locator(':scope > p, :scope > h2, :scope > h3').allTextContents())
      .toEqual([
        'KẾT LUẬN CỦA HỘI NGHỊ',
        'Hội nghị sơ kết công tác sáu tháng đầu năm của ngành được tổ chức tại Hà Nội',
        'Những người đứng đầu các địa phương phải chịu trách nhiệm',
        'Ghi chú: bản gốc lưu tại Văn phòng.',
      ]);
    expect(await itemTexts(page, '.ProseMirror > ul > li')).toEqual(['rà soát từng hồ sơ', 'báo cáo trước ngày mười lăm']);
    // TCVN3's "ư" is U+00AD: converted, not left as a soft hyphen.
    expect(await editorBody(page).textContent()).not.toMatch(/[\u00ad¸µ¶·¹ÐÞ]/u);

    // The Word list goes into a new paragraph at the end.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await pasteHtml(page, clipboardFixture('word-lists.html'));
    // Its picture was a file on the copier's disk: left out, and said so.
    await notice(page, /^Đã bỏ 1 ảnh không kèm dữ liệu/).waitFor();
    await editorBody(page).locator('ol').first().waitFor();
    expect(await itemTexts(page, '.ProseMirror > ol > li > p')).toEqual([
      'Đánh giá kết quả sáu tháng đầu năm',
      'Nhiệm vụ sáu tháng cuối năm',
    ]);
    expect(await itemTexts(page, '.ProseMirror > ol > li > ol > li')).toEqual(['Thu ngân sách', 'Đầu tư công']);
    expect(await itemTexts(page, '.ProseMirror > ul > li > ul > li')).toEqual(['Mang theo giấy mời']);
    expect(await editorBody(page).locator('a[href="https://example.vn/hoi-nghi"]').textContent()).toBe('trụ sở Bộ');
    expect(await editorBody(page).locator('img').count()).toBe(0);
    await page
      .getByRole('status')
      .filter({ hasText: /Đã lưu lúc/ })
      .waitFor();

    // 2. Exported as one HTML file.
    const beforeFirst = await readdir(driver.exportDirectory).catch(() => [] as string[]);
    await page.getByRole('button', { name: 'Xuất HTML', exact: true }).click();
    // The pasted article has no sapo: the checklist says so, and the export goes ahead anyway.
    await exportAnyway(page);
    await page.getByRole('status').filter({ hasText: 'Đã xuất' }).waitFor();
    const [pastedFile, ...otherFiles] = await newEntries(driver.exportDirectory, beforeFirst);
    expect(otherFiles).toEqual([]);
    expect(pastedFile).toMatch(/\.html$/);
    const pastedHtml = await readFile(join(driver.exportDirectory, pastedFile!), 'utf8');
    const pasted = withoutIndentation(pastedHtml);
    expect(pasted).toContain('<h1>Kết luận hội nghị sơ kết</h1>');
    expect(pasted).toContain('Những người đứng đầu các địa phương phải chịu trách nhiệm');
    expect(pasted).toContain('<ul><li><p>rà soát từng hồ sơ</p></li><li><p>báo cáo trước ngày mười lăm</p></li></ul>');
    expect(pasted).toContain(
      '<ol><li><p>Đánh giá kết quả sáu tháng đầu năm</p><ol><li><p>Thu ngân sách</p></li><li><p>Đầu tư công</p></li></ol></li>' +
        '<li><p>Nhiệm vụ sáu tháng cuối năm</p></li></ol>',
    );
    expect(pasted).not.toMatch(/[\u00ad¸µ¶·¹ÐÞ]|mso-|MsoNormal|\.VnTime|file:|<img/u);
    expect(await exportValidationMessages(pastedHtml)).toEqual([]);

    // 3. "Nhập từ Word…" in the library: the file dialog picks the .docx, the guesses are confirmed, the editor opens.
    await page.getByRole('button', { name: '← Thư viện', exact: true }).click();
    await page.getByRole('button', { name: 'Nhập từ Word…', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Tạo bài từ tệp Word' });
    await confirm.getByRole('button', { name: 'Tạo bài', exact: true }).waitFor();
    expect(await confirm.getByRole('textbox', { name: 'Tít', exact: true }).inputValue()).toBe('Hội nghị xúc tiến đầu tư miền Trung');
    expect(await confirm.getByRole('textbox', { name: 'Sapo', exact: true }).inputValue()).toBe(
      'Hơn 300 doanh nghiệp dự hội nghị sáng nay tại Đà Nẵng.',
    );
    expect(await confirm.textContent()).toContain('Tệp: Hoi nghi xuc tien dau tu.docx');
    expect(await confirm.textContent()).toContain('Thân bài: 1 đoạn, 1 tiêu đề phụ, 3 mục danh sách, 1 ảnh.');
    expect(await confirm.textContent()).toContain('1 đoạn chữ phông cũ (TCVN3, VNI) đã được chuyển sang Unicode.');
    await confirm.getByRole('button', { name: 'Tạo bài', exact: true }).click();
    await notice(page, 'Đã tạo bài từ tệp Word: Hội nghị xúc tiến đầu tư miền Trung').waitFor();
    await expect.poll(() => field(page, 'Tiêu đề').inputValue()).toBe('Hội nghị xúc tiến đầu tư miền Trung');
    const figure = editorBody(page).locator('figure');
    await figure.locator('img').waitFor();
    await expect
      .poll(() => figure.locator('img').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0))
      .toBe(true);
    expect(await figure.locator('figcaption').textContent()).toBe('Toàn cảnh hội nghị');
    expect(await itemTexts(page, '.ProseMirror > ol > li > ol > li')).toEqual(['Công nghiệp chế biến']);
    expect(await editorBody(page).locator('h2, h3').allTextContents()).toEqual(['Những con số']);
    expect(await editorBody(page).locator(':scope > p').last().textContent()).toBe(
      'Ban tổ chức đánh giá cao sự chuẩn bị của các địa phương.',
    );

    // 4. Exported as a folder: index.html and the photo as its own file.
    const beforeFolder = await readdir(driver.exportDirectory);
    await page.getByRole('button', { name: 'Xuất thư mục', exact: true }).click();
    // Its last paragraph is not closed by "./.": the checklist says so, and the export goes ahead anyway.
    await exportAnyway(page);
    await page.getByRole('status').filter({ hasText: 'Đã xuất' }).waitFor();
    const [folderName, ...otherFolders] = await newEntries(driver.exportDirectory, beforeFolder);
    expect(otherFolders).toEqual([]);
    const folder = join(driver.exportDirectory, folderName!);
    const indexHtml = await readFile(join(folder, 'index.html'), 'utf8');
    const index = withoutIndentation(indexHtml);
    expect(index).toContain('<h1>Hội nghị xúc tiến đầu tư miền Trung</h1>');
    expect(index).toContain('Hơn 300 doanh nghiệp dự hội nghị sáng nay tại Đà Nẵng.');
    expect(index).toContain('<ol><li><p><strong>Vốn đăng ký tăng</strong></p><ol><li><p>Công nghiệp chế biến</p></li></ol></li>');
    expect(index).toContain('Ban tổ chức đánh giá cao sự chuẩn bị của các địa phương.');
    expect(index).toContain('<span class="caption">Toàn cảnh hội nghị</span>');
    const images = await readdir(join(folder, 'images'));
    expect(images).toHaveLength(1);
    expect(index).toContain(`<img src="images/${images[0]}"`);
    expect(await sharp(await readFile(join(folder, 'images', images[0]!))).metadata()).toMatchObject({ format: 'jpeg', width: 1600 });
    expect(await exportValidationMessages(indexHtml)).toEqual([]);

    // 5. The exported page opened in a browser with scripts off: nothing but the folder's own files is asked for, and
    //    its DOM holds the nested list and the photo, drawn. Debian's Chromium (BANTHAO_CHROMIUM) with either driver: the
    //    Electron driver's window belongs to the app, and Playwright opens no second page in an Electron app.
    const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const requested: string[] = [];
      await context.route('**/*', (route) => {
        requested.push(route.request().url());
        return route.request().url().startsWith('file:') ? route.continue() : route.abort();
      });
      const exportedPage = await context.newPage();
      const indexUrl = pathToFileURL(join(folder, 'index.html')).href;
      await exportedPage.goto(indexUrl, { waitUntil: 'load' });
      expect(requested).toEqual([indexUrl, pathToFileURL(join(folder, 'images', images[0]!)).href]);
      expect(await exportedPage.locator('h1').allTextContents()).toEqual(['Hội nghị xúc tiến đầu tư miền Trung']);
      expect(await exportedPage.locator('ol > li > ol > li').allTextContents()).toEqual(['Công nghiệp chế biến']);
      expect(await exportedPage.locator('ol > li').first().locator('strong').textContent()).toBe('Vốn đăng ký tăng');
      const photo = exportedPage.locator('figure img');
      expect(await photo.evaluate((image: HTMLImageElement) => [image.complete, image.naturalWidth])).toEqual([true, 1600]);
      expect(await exportedPage.locator('figure').textContent()).toContain('Toàn cảnh hội nghị');
      expect(await exportedPage.locator('script').count()).toBe(0);
    } finally {
      await browser.close();
    }
  });
});
