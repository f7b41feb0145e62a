import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import mammoth from 'mammoth';
import { chromium, type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import { defaultExportTemplate } from '../../shared/exportTemplateModel';
import vectors from '../fixtures/dompurify/expect.mjs';
import { exportValidationMessages } from '../support/exportValidation';
import { memoryClipboard } from '../support/memoryClipboard';
import { memoryPrinter } from '../support/memoryPrinter';
import { cannedDialogs, openTestSession } from '../support/openTestSession';
import { sampleContent } from '../support/sampleContent';
import { chromiumPath } from './driver/BrowserDriver';
import { readmeScreenshot } from './driver/readmeScreenshot';
import { useAppDriver } from './driver/useAppDriver';
import { executablePartsIn } from './support/executablePartsIn';
import { writeSeedArticle } from './support/writeSeedArticle';

/** A template's stylesheet as a hostile hand could write it into a synced settings file: every way CSS loads or runs. */
const hostileStylesheet = [
  '@import url(https://evil.example/a.css);',
  "@\\69mport 'https://evil.example/b.css';",
  '@font-face { font-family: X; src: url(https://evil.example/f.woff2); }',
  'body { background: url(https://evil.example/c.png); }',
  'div { background: u\\72l(https://evil.example/d.png); }',
  'h1 { background-image: image-set("https://evil.example/e.png" 1x); color: rgb(10, 61, 98); }',
  '.sapo { behavior: url(x.htc); -moz-binding: url(https://evil.example/x.xml#y); border-left-color: rgb(10, 61, 98); }',
  'p { width: expression(alert(1)); }',
  'a::after { content: "</style><script>alert(1)</script>"; }',
  '/* </style><script>alert(2)</script> */',
  'li { list-style-image: url("javascript:alert(3)"); cursor: url(https://evil.example/cur.cur), auto; }',
  '.masthead { background: url(data:image/svg+xml;base64,PHN2Zy8+); }',
].join('\n');

const payloads = [...vectors.map((vector) => vector.payload), 'javascript:alert(1)', '" onerror="alert(1)'];

describe('a hostile template with a hostile document, through every export form, opened in Chromium', () => {
  const made: string[] = [];
  let browser: Browser;
  const requested: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(made.map((path) => rm(path, { recursive: true, force: true })));
  });

  /** A page that records every request and dialog it makes; nothing remote is ever answered. */
  async function watchedPage(): Promise<Page> {
    const page = await browser.newPage();
    page.on('request', (request) => requested.push(request.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.route(/^https?:/, (route) => route.abort());
    return page;
  }

  it('runs and loads nothing in the page, the folder, the print page, the preview, the CMS fragment and the Word file', async () => {
    const dataDirectory = await mkdtemp(join(tmpdir(), 'banthao-e2e-'));
    const exportDirectory = await mkdtemp(join(tmpdir(), 'banthao-export-'));
    made.push(dataDirectory, exportDirectory);
    const photoPath = join(exportDirectory, 'anh.jpg');
    await writeFile(
      photoPath,
      await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6f97' } })
        .jpeg()
        .toBuffer(),
    );

    const session = await openTestSession(dataDirectory, { dialogs: cannedDialogs({ imageFiles: [photoPath] }) });
    const created = await session.handlers['article:create']({});
    const mediaId = (await session.handlers['media:importFromDialog']({})).imported[0]!.id;
    await session.handlers['article:save']({ id: created.id, baseRevision: created.revision, content: sampleContent({ title: 'Bài' }) });
    await session.handlers['settings:update']({ exportTemplate: { ...defaultExportTemplate, use: 'agency', headerText: 'Báo' } });
    await session.close();

    // Edited by hand on disk, as a synced file could arrive: every payload in the body, the title, the byline and the
    // template's name; the template's stylesheet every way CSS loads or runs; the parts in reverse.
    const layout = libraryLayout(dataDirectory);
    const articlePath = layout.library.articleFile(created.id);
    const stored = JSON.parse(await readFile(articlePath, 'utf8')) as { data: Record<string, unknown> };
    const body = {
      type: 'doc',
      content: [
        {
          type: 'figure',
          attrs: { mediaId, alt: '"><img src=x onerror=alert(6)>', credit: '<script>alert(7)</script>' },
          content: [{ type: 'text', text: payloads[2]! }],
        },
        ...payloads.map((payload) => ({
          type: 'paragraph',
          content: [
            { type: 'text', text: payload },
            { type: 'text', text: ' liên kết', marks: [{ type: 'link', attrs: { href: payload } }] },
          ],
        })),
      ],
    };
    const hostileTitle = 'Bài <script>alert(1)</script><img src=x onerror=alert(1)>';
    await writeFile(articlePath, JSON.stringify({ ...stored.data, title: hostileTitle, bylineName: '<svg onload=alert(1)>', body }));
    await rm(`${articlePath}.prev`, { force: true });
    const settingsPath = layout.library.sharedSettings;
    const settings = JSON.parse(await readFile(settingsPath, 'utf8')) as { data: Record<string, unknown> };
    const hostileName = '</p><script>alert(4)</script><img src=x onerror=alert(5)>';
    const template = {
      use: 'agency',
      headerText: hostileName,
      logo: '',
      partOrder: ['byline', 'sapo', 'title', 'date'],
      stylesheet: hostileStylesheet,
    };
    await writeFile(settingsPath, JSON.stringify({ ...settings.data, exportTemplate: template }));
    await rm(`${settingsPath}.prev`, { force: true });

    const clipboard = memoryClipboard();
    const printer = memoryPrinter();
    const htmlPath = join(exportDirectory, 'bai.html');
    const folderParent = join(exportDirectory, 'thu-muc');
    const docxPath = join(exportDirectory, 'bai.docx');
    let exportPath = htmlPath;
    const reopened = await openTestSession(dataDirectory, {
      clipboard,
      printer,
      dialogs: { ...cannedDialogs({ exportFolder: folderParent }), chooseExportPath: async () => exportPath },
    });
    await mkdir(folderParent);
    await reopened.handlers['article:exportHtml']({ id: created.id });
    const folder = await reopened.handlers['article:exportFolder']({ id: created.id });
    exportPath = docxPath;
    await reopened.handlers['article:exportDocx']({ id: created.id });
    await reopened.handlers['article:print']({ id: created.id });
    const preview = await reopened.handlers['article:preview']({ id: created.id });
    await reopened.handlers['article:copyForCms']({ id: created.id });
    await reopened.close();
    expect(folder.status).toBe('saved');
    const folderPath = folder.status === 'saved' ? folder.path : '';
    expect(await readdir(join(folderPath, 'images'))).toHaveLength(1);

    const forms: Array<{ name: string; open: (page: Page) => Promise<unknown> }> = [
      { name: 'HTML page', open: (page) => page.goto(pathToFileURL(htmlPath).href) },
      { name: 'folder', open: (page) => page.goto(pathToFileURL(join(folderPath, 'index.html')).href) },
      { name: 'print page', open: (page) => page.setContent(printer.jobs[0]!.html) },
      { name: 'preview', open: (page) => page.setContent(preview.html) },
      {
        name: 'CMS fragment',
        open: (page) =>
          page.setContent(
            `<!DOCTYPE html><html lang="vi"><head><title>CMS</title></head><body>${clipboard.writes[0]!.html!}</body></html>`,
          ),
      },
      {
        name: 'Word file (read by mammoth)',
        open: async (page) => {
          const converted = await mammoth.convertToHtml({ buffer: await readFile(docxPath) });
          await page.setContent(`<!DOCTYPE html><html lang="vi"><head><title>Word</title></head><body>${converted.value}</body></html>`);
        },
      },
    ];
    for (const form of forms) {
      const page = await watchedPage();
      try {
        await form.open(page);
        await page.locator('body').waitFor();
        expect(await executablePartsIn(page), form.name).toEqual([]);
        expect(await page.locator('h1').first().textContent(), form.name).toBe(hostileTitle);
      } finally {
        await page.close();
      }
    }

    // The HTML forms keep the template's harmless rules and its name, as text.
    const page = await readFile(htmlPath, 'utf8');
    expect(await exportValidationMessages(page)).toEqual([]);
    const viewed = await watchedPage();
    try {
      await viewed.goto(pathToFileURL(htmlPath).href);
      expect(await viewed.locator('.masthead-name').textContent()).toBe(hostileName);
      expect(await viewed.locator('h1').evaluate((element) => getComputedStyle(element).color)).toBe('rgb(10, 61, 98)');
      // The parts in the template's order: the byline (in its footer) first, then sapo, title and date.
      const order = await viewed
        .locator('article')
        .evaluate((article) =>
          [...article.querySelectorAll('.byline, .sapo, h1, time')].map(
            (element) => element.localName + (element.className ? `.${element.className}` : ''),
          ),
        );
      expect(order).toEqual(['p.byline', 'p.sapo', 'h1', 'time']);
    } finally {
      await viewed.close();
    }
    expect(requested.filter((url) => !url.startsWith('file:') && !url.startsWith('data:') && url !== 'about:blank')).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});

/** An agency's house stylesheet, with one rule that loads from outside and must be taken out when chosen. */
const agencyStylesheet = `@import url(https://evil.example/fonts.css);
.masthead { border-bottom-color: #0a3d62; }
.masthead-name { color: #0a3d62; font-size: 1.125rem; letter-spacing: 0.06em; }
h1 { color: #0a3d62; }
.sapo { border-left-color: #0a3d62; }
footer { margin: 0 0 1rem; text-align: left; }
.byline { font-style: italic; }
`;

describe('the agency’s template chosen in Cài đặt', () => {
  const launch = useAppDriver();
  const made: string[] = [];

  afterAll(async () => {
    await Promise.all(made.map((path) => rm(path, { recursive: true, force: true })));
  });

  it('gives the preview its masthead, its order and its stylesheet (without what loads from outside)', async () => {
    const files = await mkdtemp(join(tmpdir(), 'banthao-template-'));
    made.push(files);
    const logoPath = join(files, 'logo.png');
    await sharp({ create: { width: 720, height: 160, channels: 4, background: '#0a3d62' } })
      .composite([
        {
          input: Buffer.from('<svg width="720" height="160"><rect x="40" y="40" width="80" height="80" fill="#fff"/></svg>'),
          left: 0,
          top: 0,
        },
      ])
      .png()
      .toFile(logoPath);
    const cssPath = join(files, 'mau-toa-soan.css');
    await writeFile(cssPath, agencyStylesheet);
    const { page } = await launch({ openFiles: [logoPath], stylesheetFile: cssPath });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));

    await page.getByRole('button', { name: 'Cài đặt', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Cài đặt' });
    await dialog.getByRole('radio', { name: 'Mẫu của tòa soạn' }).check();
    await dialog.getByRole('textbox', { name: 'Tên cơ quan (đầu trang và khi in)' }).fill('BÁO ĐIỆN TỬ TIN TỨC TỈNH');
    await dialog.getByRole('button', { name: 'Chọn logo…' }).click();
    await dialog.getByRole('img', { name: 'Logo của tòa soạn' }).waitFor();
    await dialog.getByRole('button', { name: 'Chọn tệp CSS…' }).click();
    await dialog.getByText('Đã bỏ 1 phần không được phép:').waitFor();
    await dialog.getByRole('button', { name: 'Đưa Tiêu đề lên' }).click();
    await dialog.getByRole('button', { name: 'Đưa Tác giả lên' }).click();
    await dialog.getByRole('button', { name: 'Đưa Tác giả lên' }).click();
    await dialog.getByRole('group', { name: 'Mẫu trình bày' }).scrollIntoViewIfNeeded();
    await readmeScreenshot(page, 'template-settings');
    await dialog.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu cài đặt' }).waitFor();

    await writeSeedArticle(page);

    await page.getByRole('button', { name: 'Xem trước', exact: true }).click();
    const frameElement = page.locator('.preview-dialog iframe');
    await frameElement.waitFor();
    const frame = await (await frameElement.elementHandle()).contentFrame();
    await frame!.locator('h1').waitFor();
    expect(await frame!.locator('.masthead-name').textContent()).toBe('BÁO ĐIỆN TỬ TIN TỨC TỈNH');
    expect(await frame!.locator('.masthead-logo').evaluate((image: HTMLImageElement) => [image.naturalWidth, image.naturalHeight])).toEqual(
      [600, 133],
    );
    // The template's stylesheet applies in the preview (a data: link the window's policy allows); the app's still does.
    expect(await frame!.locator('h1').evaluate((element) => getComputedStyle(element).color)).toBe('rgb(10, 61, 98)');
    expect(await frame!.locator('article').evaluate((element) => getComputedStyle(element).maxWidth)).not.toBe('none');
    const order = await frame!
      .locator('article')
      .evaluate((article) => [...article.querySelectorAll('h1, .byline, time, .sapo')].map((element) => element.localName));
    expect(order).toEqual(['h1', 'p', 'time', 'p']);
    expect(await executablePartsIn(frame!)).toEqual([]);
    await readmeScreenshot(page, 'template-preview');
    const origin = new URL(page.url()).origin;
    expect(requested.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && url !== 'about:srcdoc')).toEqual([]);
  });
});
