import { readFileSync, writeFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import { printPageHtml } from '../../electron/main/services/printHtml';
import type { DocumentNodeJson } from '../../shared/documentJson';
import { exportArticleHtml } from '../../shared/exportArticleHtml';
import { defaultExportTemplate } from '../../shared/exportTemplateModel';
import { cssString, printHeaderText, printStylesheet } from '../../shared/printStylesheet';
import { slugify } from '../../shared/slugify';
import vectors from '../fixtures/dompurify/expect.mjs';
import { fixtureImages } from '../fixtures/everyFeatureBody';
import { seedArticle } from '../fixtures/seedArticle';
import { seedArticleWithPhotos } from '../fixtures/seedArticleWithPhotos';
import { exportValidationMessages } from '../support/exportValidation';
import { memoryPrinter } from '../support/memoryPrinter';
import { openTestSession } from '../support/openTestSession';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { twoColourJpeg } from './media/photoFixtures';

const goldenPath = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/seed-article.print.golden.html');

// What the exporter and the print page write; anything else in a print page came from a payload.
const allowedTags = new Set([
  ...['article', 'header', 'time', 'h1', 'h2', 'h3', 'p', 'div', 'footer', 'strong', 'em', 'u', 'ul', 'ol', 'li', 'blockquote'],
  ...['br', 'hr', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'figcaption', 'img', 'span'],
]);
const allowedAttributes = new Set(['class', 'datetime', 'href', 'rel', 'start', 'type', 'colspan', 'rowspan', 'scope', 'src', 'alt']);

/** Every tag of a page's body that is not the exporter's own (element, attribute, link or image source); empty when inert. */
function foreignParts(body: string): string[] {
  const found: string[] = [];
  if (/<script/i.test(body)) found.push('<script');
  // Text and attribute values are escaped (no raw "<" or '"' in them), so every "<…>" is a tag the exporter wrote.
  for (const [tag, name, attributes] of body.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
    if (!allowedTags.has(name!)) found.push(tag);
    for (const [, attribute, value] of attributes!.matchAll(/\s([^\s=]+)(?:="([^"]*)")?/g)) {
      if (!allowedAttributes.has(attribute!) && attribute !== 'width' && attribute !== 'height') found.push(`${attribute} in ${tag}`);
      if (attribute === 'href' && !/^(?:https?:\/\/|mailto:)/i.test(value ?? '')) found.push(tag);
      if (attribute === 'src' && !/^data:image\/(?:jpeg|png|gif|webp);base64,/.test(value ?? '')) found.push(tag);
    }
  }
  return found;
}

const bodyOf = (page: string) => page.slice(page.indexOf('<body>') + '<body>'.length, page.indexOf('</body>'));
const headOf = (page: string) => page.slice(0, page.indexOf('<body>'));

describe('the print page', () => {
  it('is the export page with the print layout: A4, margins, the header on each page, "Trang n/m" (golden file)', async () => {
    const article = seedArticleWithPhotos();
    const header = printHeaderText(article, undefined);
    expect(header).toBe('Bản Thảo · 08/07/2022');
    const page = printPageHtml(exportArticleHtml(article, fixtureImages), header);
    if (process.env.BANTHAO_UPDATE_GOLDEN === '1') writeFileSync(goldenPath, page);
    expect(page).toBe(readFileSync(goldenPath, 'utf8'));
    // Deterministic: the same article and header give the same bytes.
    expect(printPageHtml(exportArticleHtml(article, fixtureImages), header)).toBe(page);
    expect(await exportValidationMessages(page)).toEqual([]);
    expect(page).toContain('size: A4;');
    expect(page).toMatch(/@page \{\n {2}size: A4;\n {2}margin: [0-9]+mm [0-9]+mm [0-9]+mm [0-9]+mm;/);
    expect(page).toContain(`@top-center { content: ${cssString(header)};`);
    expect(page).toContain('@bottom-center { content: "Trang " counter(page) "/" counter(pages);');
    expect(page).toMatch(/figure, img, table, blockquote, \.sapo, footer \{ break-inside: avoid; \}/);
    expect(page).toMatch(/h1, h2, h3, h4 \{ break-after: avoid;/);
    // The header is also the first line of the page itself (the first page's margin box is left empty).
    expect(bodyOf(page)).toContain('<p class="print-header">Bản Thảo · 08/07/2022</p>');
    // Only the print page's additions: the export page is otherwise untouched.
    const added = [/Content-Security-Policy/, /print-header/];
    const withoutAdditions = page.replace(/\n {2}<style>(?:(?!<\/style>)[\s\S])*<\/style>(?=\n<\/head>)/, '');
    expect(withoutAdditions.split('\n').filter((line) => !added.some((pattern) => pattern.test(line)))).toEqual(
      exportArticleHtml(article, fixtureImages).split('\n'),
    );
  });

  it('loads nothing remote and runs nothing: its policy allows its two stylesheets by hash and data: photos only', () => {
    const page = printPageHtml(exportArticleHtml(seedArticleWithPhotos(), fixtureImages), 'Bản Thảo · 08/07/2022');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
    expect(policy?.split('; ')).toEqual([
      "default-src 'none'",
      expect.stringMatching(/^style-src 'sha256-[A-Za-z0-9+/]+=*' 'sha256-[A-Za-z0-9+/]+=*'$/),
      'img-src data:',
      "base-uri 'none'",
      "form-action 'none'",
    ]);
    expect(page).not.toMatch(/<script|<link|@import|url\(|https?:\/\/(?!www\.w3\.org)/i);
    expect(page.match(/<style>/g)).toHaveLength(2);
  });

  it('keeps a hostile header text a text: escaped in the CSS string and in the page', async () => {
    const hostile = '"; } </style><script>alert(1)</script> @import url(https://x.example/a.css); \\';
    const header = printHeaderText(seedArticle(), hostile);
    const page = printPageHtml(exportArticleHtml(seedArticle()), header);
    expect(await exportValidationMessages(page)).toEqual([]);
    expect(page.match(/<style>/g)).toHaveLength(2);
    expect(page.match(/<\/style>/g)).toHaveLength(2);
    // In the head nothing of it is markup or a rule; in the body it is escaped text.
    expect(headOf(page)).not.toMatch(/<script|@import|url\(/i);
    expect(foreignParts(bodyOf(page))).toEqual([]);
    const style = printStylesheet(header);
    // The only quotes in the stylesheet are its own string delimiters: the header cannot end its string.
    expect(style.split('\n').find((line) => line.includes('@top-center'))).toMatch(/content: "[A-Za-z0-9 \\]*";/);
  });
});

describe('"In / PDF" (article:print)', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('gives the printer the print page with the library’s header, names it after the article, and takes a version', async () => {
    const printer = memoryPrinter();
    const session = await openTestSession(await temporaryDirectory(), { printer });
    const created = await session.handlers['article:create']({});
    const title = 'Hội nghị sơ kết công tác 6 tháng đầu năm';
    await session.handlers['article:save']({ id: created.id, baseRevision: created.revision, content: sampleContent({ title }) });
    const saved = await session.handlers['article:get']({ id: created.id });
    expect(await session.handlers['article:print']({ id: created.id })).toEqual({ status: 'printed' });
    const job = printer.jobs.at(-1)!;
    expect(job.name).toBe(slugify(title));
    const displayDate = saved.publicationDate.split('-').reverse().join('/');
    expect(job.html).toContain(`<p class="print-header">Bản Thảo · ${displayDate}</p>`);
    expect(await exportValidationMessages(job.html)).toEqual([]);
    const versions = await session.handlers['version:list']({ id: created.id });
    expect(versions.filter((version) => version.reason === 'export')).toHaveLength(1);

    // The agency's template: its name heads the first page (the masthead) and every other one (the margin box).
    const agency = { ...defaultExportTemplate, use: 'agency' as const, headerText: 'THÔNG TẤN XÃ VIỆT NAM' };
    await session.handlers['settings:update']({ exportTemplate: agency });
    await session.handlers['article:print']({ id: created.id });
    const agencyPage = printer.jobs.at(-1)!.html;
    expect(agencyPage).toContain('<p class="masthead-name">THÔNG TẤN XÃ VIỆT NAM</p>');
    expect(agencyPage).toContain(`@top-center { content: ${cssString(`THÔNG TẤN XÃ VIỆT NAM · ${displayDate}`)};`);
    expect(agencyPage).not.toContain('class="print-header"');
  });

  it('announces nothing when the user cancels the print dialog', async () => {
    const printer = memoryPrinter('cancelled');
    const session = await openTestSession(await temporaryDirectory(), { printer });
    const created = await session.handlers['article:create']({});
    await session.handlers['article:save']({ id: created.id, baseRevision: created.revision, content: sampleContent() });
    expect(await session.handlers['article:print']({ id: created.id })).toEqual({ status: 'cancelled' });
    expect(printer.jobs).toHaveLength(1);
    const versions = await session.handlers['version:list']({ id: created.id });
    expect(versions.filter((version) => version.reason === 'export')).toEqual([]);
  });

  it('never lets a payload of a hand-edited stored document through the print page', async () => {
    const dataDirectory = await temporaryDirectory();
    const printer = memoryPrinter();
    let session = await openTestSession(dataDirectory, { printer });
    const photo = await session.handlers['media:importBytes']({ fileName: 'anh.jpg', bytes: new Uint8Array(await twoColourJpeg()) });
    const created = await session.handlers['article:create']({});
    await session.handlers['article:save']({ id: created.id, baseRevision: created.revision, content: sampleContent({ title: 'Bài' }) });
    await session.close();
    const payloads = [...vectors.map((vector) => vector.payload), 'javascript:alert(1)', ' JaVa\tScRiPt:alert(1)', '" onerror="alert(1)'];
    const body: DocumentNodeJson = {
      type: 'doc',
      content: payloads.flatMap((payload, index): DocumentNodeJson[] => [
        {
          type: index % 2 === 0 ? 'paragraph' : 'heading',
          attrs: index % 2 === 0 ? { textAlign: 'center' } : { level: 2 },
          content: [
            { type: 'text', text: payload },
            { type: 'text', text: ' liên kết', marks: [{ type: 'link', attrs: { href: payload, target: payload, class: payload } }] },
          ],
        },
        ...(index % 20 === 0
          ? [
              {
                type: 'figure',
                attrs: { mediaId: photo.id, alt: payload.slice(0, 400), credit: payload.slice(0, 400) },
                content: [{ type: 'text', text: payload }],
              },
            ]
          : []),
      ]),
    };
    // Written by hand as plain JSON (read as files written before envelopes were), with no earlier generation.
    const path = libraryLayout(dataDirectory).library.articleFile(created.id);
    const stored = JSON.parse(await readFile(path, 'utf8')) as { data?: Record<string, unknown> } & Record<string, unknown>;
    const hostile = {
      title: '<script>alert(1)</script>',
      sapo: payloads.slice(0, 5).join(' '),
      bylineName: '<img src=x onerror=alert(1)>',
      body,
    };
    await writeFile(path, JSON.stringify({ ...(stored.data ?? stored), ...hostile }));
    await rm(`${path}.prev`, { force: true });
    session = await openTestSession(dataDirectory, { printer });
    await session.handlers['settings:update']({
      exportTemplate: { ...defaultExportTemplate, use: 'agency', headerText: '</style><script>alert(1)</script>' },
    });
    await session.handlers['article:print']({ id: created.id });
    const page = printer.jobs.at(-1)!.html;
    expect(foreignParts(bodyOf(page))).toEqual([]);
    expect(bodyOf(page)).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The head is the print page's own, whatever the title and header held (escaped in <title> and in the CSS string).
    expect(headOf(page)).not.toMatch(/<script|<link|@import|url\(/i);
    expect(headOf(page).match(/<style>/g)).toHaveLength(2);
    expect(headOf(page).match(/<\/style>/g)).toHaveLength(2);
  });
});
