import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import vectors from '../fixtures/dompurify/expect.mjs';
import { exportValidationMessages } from '../support/exportValidation';
import { memoryClipboard } from '../support/memoryClipboard';
import { openTestSession } from '../support/openTestSession';
import { sampleContent } from '../support/sampleContent';
import { twoColourJpeg } from '../unit/media/photoFixtures';
import type { AppDriver } from './driver/AppDriver';
import { createAppDriver } from './driver/createAppDriver';
import { useAppDriver } from './driver/useAppDriver';
import { executablePartsIn } from './support/executablePartsIn';

const title = 'Hội nghị sơ kết công tác';
const sapo = 'Sáng nay, Trung tâm tổ chức hội nghị sơ kết.';
const caption = 'Quang cảnh hội nghị';

/** "Vẫn xuất" when the checklist before an export finds something; nothing when it lets the copy go at once. */
async function exportAnywayIfAsked(page: Page, until: () => Promise<unknown>): Promise<void> {
  const checklist = page.getByRole('alertdialog', { name: 'Kiểm tra trước khi xuất' });
  await Promise.race([checklist.waitFor().then(() => 'asked'), until()]);
  if (await checklist.isVisible()) await checklist.getByRole('button', { name: 'Vẫn xuất', exact: true }).click();
}

describe('"Sao chép cho CMS" in the app', () => {
  const launch = useAppDriver();

  it('puts the article’s fragment on Chromium’s clipboard as text/html and text/plain, then each field, then the photos', async () => {
    const card = await mkdtemp(join(tmpdir(), 'banthao-card-'));
    try {
      const photo = join(card, 'DSC_0042.JPG');
      await writeFile(photo, await twoColourJpeg({ width: 3000, height: 2000 }));
      const { page, driver } = await launch({ openFiles: [photo] });
      await page.getByRole('button', { name: 'Bài mới' }).first().click();
      await page.getByRole('textbox', { name: 'Tiêu đề', exact: true }).fill(title);
      await page.getByRole('textbox', { name: 'Sapo', exact: true }).fill(sapo);
      await page.getByRole('textbox', { name: 'Nội dung bài', exact: true }).click();
      await page.keyboard.type('Đoạn thứ nhất.');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Đoạn thứ hai./.');
      await page.getByRole('button', { name: 'Chèn ảnh', exact: true }).click();
      await page.locator('.body-editor figure img').waitFor();
      await page.locator('.body-editor figure figcaption').click();
      await page.keyboard.type(caption);

      // Previewed first: the photo drawn in the frame, web-sized as the export embeds it; the copy started from there.
      await page.getByRole('button', { name: 'Xem trước', exact: true }).click();
      const preview = page.getByRole('dialog', { name: 'Xem trước bài xuất' });
      const frame = await (await preview.locator('iframe').elementHandle()).contentFrame();
      await frame!.locator('figure img').waitFor();
      await expect
        .poll(() => frame!.locator('figure img').evaluate((image: HTMLImageElement) => [image.complete, image.naturalWidth]))
        .toEqual([true, 1600]);
      expect(await frame!.locator('h1').textContent()).toBe(title);
      await preview.getByRole('button', { name: 'Sao chép cho CMS', exact: true }).click();
      const panel = page.getByRole('dialog', { name: 'Sao chép cho CMS' });
      await exportAnywayIfAsked(page, () => panel.waitFor());
      await panel.waitFor();

      const clipboard = await driver.readClipboard();
      expect(Object.keys(clipboard).sort()).toEqual(['text/html', 'text/plain']);
      // Written through the page (the harness's clipboard), Chromium cleans the HTML on the way in: it wraps it in
      // <html><body>, puts a charset meta before it and makes each src absolute against the page. The fragment main wrote
      // is what lies between, its photo's src relative again.
      const origin = new URL(page.url()).origin;
      const html = clipboard['text/html']!.replaceAll(`src="${origin}/`, 'src="');
      const fragment = html.slice(html.indexOf('<article>'), html.indexOf('</article>') + '</article>'.length);
      expect(fragment).toMatch(/^<article>\n {2}<header>\n {4}<time datetime="\d{4}-\d{2}-\d{2}">\d{2}\/\d{2}\/\d{4}<\/time>\n/);
      expect(fragment).toContain(`<h1>${title}</h1>`);
      expect(fragment).toContain(`<p class="sapo">${sapo}</p>`);
      expect(fragment).toContain('<p>Đoạn thứ nhất.</p>');
      const src = /<img src="(images\/hoi-nghi-so-ket-cong-tac-1\.jpg)" alt="Quang cảnh hội nghị" width="1600" height="1067">/.exec(
        fragment,
      )?.[1];
      expect(src).toBeDefined();
      expect(fragment).toContain(`<figcaption><span class="caption">${caption}</span></figcaption>`);
      expect(fragment).not.toMatch(/<html|<head>|<body|<script|<style/);
      const host = ['<!DOCTYPE html>', '<html lang="vi">', '<head>', '<meta charset="utf-8">', '<title>CMS</title>', '</head>', '<body>']
        .concat(fragment, '</body>', '</html>', '')
        .join('\n');
      expect(await exportValidationMessages(host)).toEqual([]);
      const plain = clipboard['text/plain']!;
      expect(plain.split('\n\n').slice(0, 2)).toEqual([title, expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/)]);
      expect(plain.split('\n\n').slice(2)).toEqual(
        [sapo, 'Đoạn thứ nhất.', 'Đoạn thứ hai./.', caption].slice(0, plain.split('\n\n').length - 2),
      );
      expect(plain).not.toMatch(/<[a-z]/i);

      // One field at a time: the title alone, as text.
      const copyTitle = panel.getByRole('button', { name: 'Chép Tiêu đề', exact: true });
      await copyTitle.click();
      await expect.poll(() => copyTitle.textContent()).toBe('Đã chép');
      expect(await driver.readClipboard()).toEqual({ 'text/plain': title });
      const copyBody = panel.getByRole('button', { name: 'Chép Nội dung', exact: true });
      await copyBody.click();
      await expect.poll(() => copyBody.textContent()).toBe('Đã chép');
      expect(await copyTitle.textContent()).toBe('Chép');
      const body = await driver.readClipboard();
      expect(body['text/html']).toContain('<p>Đoạn thứ nhất.</p>');
      expect(body['text/html']).not.toContain('<article>');
      expect(body['text/html']).not.toContain('<h1>');

      // The photos, named as the fragment names them, in images/ of the folder picked (the harness picks exportDirectory).
      await panel.getByRole('button', { name: 'Lưu ảnh cho CMS…', exact: true }).click();
      await page.getByText('Đã lưu 1 ảnh cho CMS').waitFor();
      expect(await readdir(join(driver.exportDirectory, 'images'))).toEqual([src!.slice('images/'.length)]);
      expect((await sharp(await readFile(join(driver.exportDirectory, src!))).metadata()).width).toBe(1600);
    } finally {
      await rm(card, { recursive: true, force: true });
    }
  });
});

describe('hostile content in a hand-edited stored document, opened in Chromium', () => {
  const made: string[] = [];
  let driver: AppDriver | undefined;

  afterAll(async () => {
    await driver?.stop();
    await Promise.all(made.map((path) => rm(path, { recursive: true, force: true })));
  });

  it('runs nothing and loads nothing remote, in the preview or in the copied fragment', async () => {
    const dataDirectory = await mkdtemp(join(tmpdir(), 'banthao-e2e-'));
    made.push(dataDirectory);
    const payloads = [...vectors.map((vector) => vector.payload), 'javascript:alert(1)', '" onerror="alert(1)'];
    const session = await openTestSession(dataDirectory);
    const created = await session.handlers['article:create']({});
    await session.handlers['article:save']({ id: created.id, baseRevision: created.revision, content: sampleContent({ title: 'Bài' }) });
    await session.close();
    // Edited by hand on disk: every payload as text and as a link target, the title and byline hostile too.
    const path = libraryLayout(dataDirectory).library.articleFile(created.id);
    const stored = JSON.parse(await readFile(path, 'utf8')) as { data: Record<string, unknown> };
    const body = {
      type: 'doc',
      content: [
        ...payloads.map((payload) => ({
          type: 'paragraph',
          content: [
            { type: 'text', text: payload },
            { type: 'text', text: ' liên kết', marks: [{ type: 'link', attrs: { href: payload } }] },
          ],
        })),
        // One safe link, kept: clicking it in the preview must still load nothing.
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'Trang của Bộ', marks: [{ type: 'link', attrs: { href: 'https://moit.gov.vn/' } }] }],
        },
      ],
    };
    const hostileTitle = 'Bài <script>alert(1)</script><img src=x onerror=alert(1)>';
    await writeFile(path, JSON.stringify({ ...stored.data, title: hostileTitle, bylineName: '<svg onload=alert(1)>', body }));
    await rm(`${path}.prev`, { force: true });
    // The fragment exactly as main writes it to the clipboard (Chromium's own clipboard would clean it on the way in).
    const clipboard = memoryClipboard();
    const reopened = await openTestSession(dataDirectory, { clipboard });
    await reopened.handlers['article:copyForCms']({ id: created.id });
    await reopened.close();
    const fragment = clipboard.writes[0]!.html!;

    driver = createAppDriver({ dataDirectory });
    const page = await driver.start();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page
      .getByRole('button', { name: /^Bài <script>/ })
      .first()
      .click();
    await page.locator('.ProseMirror').waitFor();

    // The preview: its frame's DOM, as Chromium built it.
    await page.getByRole('button', { name: 'Xem trước', exact: true }).click();
    const frameElement = page.locator('.preview-dialog iframe');
    await frameElement.waitFor();
    expect(await frameElement.getAttribute('sandbox')).toBe('');
    const frame = await (await frameElement.elementHandle()).contentFrame();
    await frame!.locator('h1').waitFor();
    expect(await frame!.locator('h1').textContent()).toBe(hostileTitle);
    expect(await executablePartsIn(frame!)).toEqual([]);
    // The export's own stylesheet applies (allowed by its hash), so the preview looks as the export does.
    expect(await frame!.locator('article').evaluate((element) => getComputedStyle(element).maxWidth)).not.toBe('none');
    // A link clicked in the preview goes nowhere: no pop-up, no navigation of the frame.
    await frame!.locator('a').first().click();
    expect(frame!.url()).toBe('about:srcdoc');
    // The focus is in the frame now, whose keys the dialog never sees: "Đóng" closes it.
    await page.locator('.preview-dialog').getByRole('button', { name: 'Đóng', exact: true }).click();
    await page.locator('.preview-dialog').waitFor({ state: 'detached' });

    // The fragment main wrote, opened as a page of its own, then copied through the app and read back.
    const opened = await page.context().newPage();
    try {
      opened.on('request', (request) => requested.push(request.url()));
      opened.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await opened.setContent(`<!DOCTYPE html><html lang="vi"><head><title>CMS</title></head><body>${fragment}</body></html>`);
      expect(await opened.locator('h1').textContent()).toBe(hostileTitle);
      expect(await opened.locator('article > div > p').count()).toBe(payloads.length + 1);
      expect(await executablePartsIn(opened)).toEqual([]);
    } finally {
      await opened.close();
    }
    await page.getByRole('button', { name: 'Sao chép cho CMS', exact: true }).click();
    const panel = page.getByRole('dialog', { name: 'Sao chép cho CMS' });
    await exportAnywayIfAsked(page, () => panel.waitFor());
    await panel.waitFor();
    const copied = (await driver.readClipboard())['text/html']!;
    expect(copied).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const origin = new URL(page.url()).origin;
    expect(requested.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && url !== 'about:srcdoc')).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
