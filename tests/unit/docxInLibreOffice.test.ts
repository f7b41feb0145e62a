import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { JSDOM } from 'jsdom';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { articleDocx, type DocxImages } from '../../electron/main/services/articleDocx';
import { packDocx } from '../../electron/main/services/packDocx';
import { type Article } from '../../shared/articleModel';
import { defaultExportLook, type ExportLook } from '../../shared/exportLook';
import { everyFeatureBody, fixtureImages } from '../fixtures/everyFeatureBody';
import { seedArticle, seedArticleParts } from '../fixtures/seedArticle';
import { seedArticleWithPhotos } from '../fixtures/seedArticleWithPhotos';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

const run = promisify(execFile);
const temporaryDirectory = useTemporaryDirectories();

/** The fixtures' two photos as the .docx export is given them (the bytes of their data: URIs). */
const images: DocxImages = Object.fromEntries(
  Object.entries(fixtureImages).map(([id, image]) => [
    id,
    {
      bytes: Buffer.from(image.src.slice(image.src.indexOf(',') + 1), 'base64'),
      type: image.src.startsWith('data:image/png') ? 'png' : 'jpg',
      width: image.width,
      height: image.height,
    },
  ]),
);

async function docxOf(article: Article, look: ExportLook = defaultExportLook): Promise<Buffer> {
  return packDocx(articleDocx(article, images, 13, look), { title: article.title, modifiedAt: new Date(article.updatedAt) });
}

const masthead = 'BÁO ĐIỆN TỬ TỈNH';

/** What LibreOffice made of the documents: each one's HTML, every file it wrote (pictures too), what it printed. */
interface Conversion {
  documents: Map<string, Document>;
  files: string[];
  log: string;
}

async function sofficeVersion(): Promise<string> {
  try {
    return (await run('soffice', ['--version'], { timeout: 60_000 })).stdout.trim();
  } catch (error) {
    throw new Error(
      'LibreOffice (soffice) is missing, and this test checks that the Word export opens in it: install it with ' +
        '`apt-get install --no-install-recommends libreoffice-writer-nogui` (.ci/run does so on a fresh machine). ' +
        `(${String(error)})`,
      { cause: error },
    );
  }
}

async function logo(): Promise<{ src: string; width: number; height: number }> {
  const png = await sharp({ create: { width: 60, height: 20, channels: 4, background: '#b71c1c' } })
    .png()
    .toBuffer();
  return { src: `data:image/png;base64,${png.toString('base64')}`, width: 60, height: 20 };
}

async function convert(): Promise<Conversion> {
  await sofficeVersion();
  const folder = await temporaryDirectory();
  const documents: Record<string, Buffer> = {
    seed: await docxOf(seedArticleWithPhotos()),
    every: await docxOf({ ...seedArticle(), body: { type: 'doc', content: everyFeatureBody } }),
    masthead: await docxOf(seedArticle(), {
      ...defaultExportLook,
      partOrder: ['title', 'byline', 'sapo', 'date'],
      masthead: { text: masthead, logo: await logo() },
    }),
  };
  const inputs: string[] = [];
  for (const [name, bytes] of Object.entries(documents)) {
    inputs.push(join(folder, `${name}.docx`));
    await writeFile(inputs.at(-1)!, bytes);
  }
  const output = join(folder, 'html');
  // One soffice start for every file (start-up is the slow part), with its own profile so parallel runs do not clash.
  const profile = `-env:UserInstallation=${pathToFileURL(join(folder, 'profile')).href}`;
  const { stdout, stderr } = await run('soffice', [profile, '--headless', '--convert-to', 'html', '--outdir', output, ...inputs], {
    timeout: 110_000,
  });
  const converted = new Map<string, Document>();
  for (const name of Object.keys(documents)) {
    const html = await readFile(join(output, `${name}.html`), 'utf8').catch(() => null);
    if (html !== null) converted.set(name, new JSDOM(html).window.document);
  }
  return { documents: converted, files: (await readdir(output)).sort(), log: `${stdout}\n${stderr}` };
}

let pending: Promise<Conversion> | undefined;

/** The conversion, run once by whichever test asks first: every test fails on its own, with the reason, when it cannot run. */
function conversion(): Promise<Conversion> {
  pending ??= convert();
  return pending;
}

async function documentOf(name: string): Promise<Document> {
  const { documents, log } = await conversion();
  const document = documents.get(name);
  if (document === undefined) throw new Error(`LibreOffice wrote no ${name}.html; it said:\n${log}`);
  return document;
}

/** Text as read, LibreOffice's line wrapping undone (no-break spaces kept: the seed article has one). */
function textOf(node: Node): string {
  return (node.textContent ?? '').replace(/[ \t\r\n]+/g, ' ').trim();
}

/**
 * Every paragraph and heading in reading order, as "tag text", the tag saying where it sits (header, li, td) and a
 * photo's paragraph as "img alt"; paragraphs with no text (an empty cell, a spacer) are left out.
 */
function blocksOf(document: Document): string[] {
  return [...document.body.querySelectorAll('p, h1, h2, h3, h4, h5, h6')].flatMap((block) => {
    const image = block.querySelector('img');
    if (image !== null) return [`img ${image.getAttribute('alt') ?? ''}`];
    const words = textOf(block);
    if (words === '') return [];
    const place = block.closest('div[title="header"]')
      ? 'header'
      : block.closest('td, th')
        ? 'td'
        : block.closest('li')
          ? 'li'
          : block.tagName.toLowerCase();
    return [`${place} ${words}`];
  });
}

// The first test to run starts LibreOffice, which takes a few seconds, more on a cold disk.
describe('the .docx export opened in LibreOffice', { timeout: 120_000 }, () => {
  const parts = seedArticleParts();
  const body = parts.paragraphs.map((paragraph) => `p ${paragraph}`);

  it('converts every document', async () => {
    const { files, log } = await conversion();
    expect(
      files.filter((name) => name.endsWith('.html')),
      log,
    ).toEqual(['every.html', 'masthead.html', 'seed.html']);
  });

  it('reads the seed article with photos in order: date, title, sapo, cover, paragraphs, a photo with its caption, byline', async () => {
    const document = await documentOf('seed');
    expect(document.title).toBe(parts.title);
    expect(blocksOf(document)).toEqual([
      `p ${parts.displayDate}`,
      `h1 ${parts.title}`,
      `p ${parts.sapo}`,
      // The cover photo moves up after the sapo, as in every export.
      'img Quang cảnh Hội nghị sơ kết công tác 6 tháng đầu năm 2022.',
      'p Quang cảnh Hội nghị sơ kết công tác 6 tháng đầu năm 2022.',
      'p Ảnh: Văn Đốc',
      ...body.slice(0, -1),
      'img Giám đốc Trung tâm phát biểu',
      'p Đồng chí Nguyễn Toàn Thắng phát biểu chỉ đạo Hội nghị.',
      'p Ảnh: Minh Anh',
      ...body.slice(-1),
      `p Tin: ${parts.bylineName}`,
      'p Ảnh: Văn Đốc, Minh Anh',
    ]);
    // Lines are 1.3 lines high, never an exact height (which cut photos to one line and overlapped the title's lines).
    expect(document.querySelectorAll('p[style*="line-height: 0."]')).toHaveLength(0);
    expect([...document.querySelectorAll('p')].some((paragraph) => paragraph.getAttribute('style')?.includes('line-height: 130%'))).toBe(
      true,
    );
    // Each photo came out of the package as a picture of its own size (4 × 3 and 3 × 4 pixels).
    const pictures = [...document.querySelectorAll('img')].map((image) => [image.getAttribute('width'), image.getAttribute('height')]);
    expect(pictures).toEqual([
      ['4', '3'],
      ['3', '4'],
    ]);
    expect(
      (await conversion()).files.filter((name) => name.startsWith('seed_html_')).map((name) => name.slice(name.lastIndexOf('.'))),
    ).toEqual(expect.arrayContaining(['.jpg', '.png']));
  });

  it('reads the body of every feature: headings, marks, links, lists, quote, rule, photo, table, suggestions rejected', async () => {
    const document = await documentOf('every');
    expect(blocksOf(document)).toEqual([
      `p ${parts.displayDate}`,
      `h1 ${parts.title}`,
      `p ${parts.sapo}`,
      'h2 Bối cảnh',
      'p Đậm, nghiêng, gạch chân, được bình luận.',
      'p Xem trang Bộ hoặc thư',
      'h3 Chi tiết',
      'p Dòng một dòng hai',
      'li Mục một',
      'li Mục hai',
      'li Ý con',
      'li Bước ba',
      'p “Trích dẫn.”',
      'p * * *',
      'img Quang cảnh hội nghị',
      'p Quang cảnh hội nghị',
      'p Ảnh: Văn Đốc',
      'p Giá xăng tăng.',
      'td Đội',
      'td Điểm',
      'td Hà Nội',
      'td 3',
      'td 1',
      'td hiệp phụ',
      'td 2',
      'td Tổng',
      'td 9',
      'p Hết./.',
      `p Tin: ${parts.bylineName}`,
      `p Ảnh: ${parts.photoCredit}`,
    ]);
    const marked = (selector: string) => [...document.querySelectorAll(selector)].map(textOf);
    expect(marked('b')).toContain('Đậm');
    expect(marked('i')).toContain('nghiêng');
    expect(marked('u')).toContain('gạch chân');
    expect(document.querySelector('p br')?.parentElement?.textContent?.replace(/\s+/g, ' ')).toMatch(/Dòng một ?dòng hai/);
    expect([...document.querySelectorAll('a[href]')].map((link) => [link.getAttribute('href'), textOf(link)])).toEqual([
      ['https://example.vn/a?b=1&c=2', 'trang Bộ'],
      ['mailto:toasoan@example.vn', 'thư'],
    ]);
    // The bullets, the numbered item one level down (Word's list level 2), and the numbered list starting at 3.
    expect([...document.querySelectorAll('ul > li')].map(textOf)).toEqual(['Mục một', 'Mục hai']);
    const nested = [...document.querySelectorAll('li')].find((item) => textOf(item) === 'Ý con');
    expect(nested?.parentElement?.tagName).toBe('OL');
    expect(nested?.parentElement?.parentElement?.closest('ol, ul')).not.toBeNull();
    expect([...document.querySelectorAll('ol[start="3"] > li')].map(textOf)).toEqual(['Bước ba']);
    // The table: a header row, a cell spanning two columns, one spanning two rows, an empty cell.
    const rows = [...document.querySelectorAll('table tr')].map((row) =>
      [...row.querySelectorAll('td, th')].map((cell) => {
        const rowSpan = cell.getAttribute('rowspan');
        const spans = `${cell.getAttribute('colspan') ?? ''}${rowSpan === null ? '' : `r${rowSpan}`}`;
        return spans === '' ? textOf(cell) : `${textOf(cell)} (${spans})`;
      }),
    );
    expect(rows).toEqual([
      ['Đội', 'Điểm (2)'],
      ['Hà Nội (r2)', '3', '1 hiệp phụ'],
      ['2', ''],
      ['Tổng', '9 (2)'],
    ]);
    expect(document.querySelector('table thead tr')?.textContent).toMatch(/Đội\s+Điểm/);
  });

  it('reads the masthead’s logo and name in the page header, before the parts in the template’s order', async () => {
    const document = await documentOf('masthead');
    const header = document.querySelector('div[title="header"]');
    expect(header?.querySelector('img')?.getAttribute('width')).toBe('60');
    expect(header?.querySelector('img')?.getAttribute('height')).toBe('20');
    expect(blocksOf(document)).toEqual([
      `img ${masthead}`,
      `header ${masthead}`,
      `h1 ${parts.title}`,
      `p Tin: ${parts.bylineName}`,
      `p Ảnh: ${parts.photoCredit}`,
      `p ${parts.sapo}`,
      `p ${parts.displayDate}`,
      ...body,
    ]);
    expect((await conversion()).files.filter((name) => name.startsWith('masthead_html_'))).toEqual([expect.stringMatching(/\.png$/)]);
  });
});
