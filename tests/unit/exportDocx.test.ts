import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { articleDocx, type DocxImages } from '../../electron/main/services/articleDocx';
import { packDocx } from '../../electron/main/services/packDocx';
import { readDocxParts } from '../../electron/main/services/readDocxParts';
import { renderDocx, type DocxDependencies } from '../../electron/main/services/renderDocx';
import type { Article } from '../../shared/articleModel';
import type { DocumentNodeJson } from '../../shared/documentJson';
import { AppError } from '../../shared/errorCodes';
import { everyFeatureBody, fixtureImages, figure, link, paragraph, redJpegId, text } from '../fixtures/everyFeatureBody';
import { seedArticle, seedArticleParts } from '../fixtures/seedArticle';

const goldenPath = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/seed-article.golden.document.xml');

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

function articleWith(body: DocumentNodeJson[], changes: Partial<Article> = {}): Article {
  return { ...seedArticle(), body: { type: 'doc', content: body }, ...changes };
}

async function docxOf(article: Article): Promise<Buffer> {
  return packDocx(articleDocx(article, images), { title: article.title, modifiedAt: new Date(article.updatedAt) });
}

const partLimit = 10_000_000;

async function partsOf(bytes: Buffer): Promise<Map<string, string>> {
  const names = [
    'word/document.xml',
    'word/_rels/document.xml.rels',
    'docProps/core.xml',
    'word/numbering.xml',
    'word/styles.xml',
    'word/settings.xml',
  ];
  return readDocxParts(bytes, new Map(names.map((name) => [name, partLimit])));
}

async function documentXmlOf(bytes: Buffer): Promise<string> {
  return (await partsOf(bytes)).get('word/document.xml') ?? '';
}

/** The .docx as mammoth reads it, underline kept, photos' data left out, one block per line. */
async function readBack(bytes: Buffer): Promise<string> {
  const result = await mammoth.convertToHtml({ buffer: bytes }, { styleMap: ['u => u'] });
  return result.value
    .replace(/src="data:[^"]+"/g, 'src="…"')
    .replace(/<(p|h1|h2|h3|ul|ol|table|tr|\/table)\b/g, '\n<$1')
    .trim();
}

/** The error an export throws or rejects with, checked to be an AppError with `code`. */
async function exportFailure(action: () => Promise<unknown>, code: string): Promise<void> {
  const error = await Promise.resolve()
    .then(action)
    .then(
      () => null,
      (caught: unknown) => caught,
    );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the .docx export', () => {
  it('writes the seed article’s document.xml byte for byte as its golden file', async () => {
    const xml = await documentXmlOf(await docxOf(seedArticle()));
    // UPDATE_GOLDEN=1 rewrites the golden after a deliberate change; look at the diff before committing it.
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(goldenPath, xml, 'utf8');
    expect(xml).toBe(readFileSync(goldenPath, 'utf8'));
  });

  it('reads back with mammoth as the seed article: date, title, bold sapo, every paragraph, byline and credit', async () => {
    const parts = seedArticleParts();
    const html = await readBack(await docxOf(seedArticle()));
    expect(html.split('\n')).toEqual([
      `<p><em>${parts.displayDate}</em></p>`,
      `<h1>${parts.title}</h1>`,
      `<p><strong>${parts.sapo}</strong></p>`,
      ...parts.paragraphs.map((paragraph) => `<p>${paragraph}</p>`),
      `<p><strong>Tin: ${parts.bylineName}</strong></p>`,
      `<p><em>Ảnh: ${parts.photoCredit}</em></p>`,
    ]);
  });

  it('reads back with mammoth with the structure of a body using every node and mark, suggestions rejected', async () => {
    const html = await readBack(await docxOf(articleWith(everyFeatureBody)));
    const body = html.split('\n').slice(3, -2);
    expect(body).toEqual([
      '<h2>Bối cảnh</h2>',
      '<p><strong>Đậm</strong>, <em>nghiêng</em>, <u>gạch chân</u>, được bình luận.</p>',
      '<p>Xem <a href="https://example.vn/a?b=1&amp;c=2">trang <strong>Bộ</strong></a> hoặc <a href="mailto:toasoan@example.vn">thư</a></p>',
      '<h3>Chi tiết</h3>',
      '<p>Dòng một<br />dòng hai</p>',
      '<ul><li>Mục một</li><li>Mục hai',
      '<ol><li>Ý con</li></ol></li></ul>',
      '<ol><li>Bước ba</li></ol>',
      '<p><em>“Trích dẫn.”</em></p>',
      '<p>* * *</p>',
      '<p><img alt="Quang cảnh hội nghị" src="…" /></p>',
      '<p><em>Quang cảnh hội nghị</em></p>',
      '<p><em>Ảnh: Văn Đốc</em></p>',
      // The deleted word stays; the inserted words and the inserted paragraph are not in the export.
      '<p>Giá xăng tăng.</p>',
      '<table><thead>',
      // A header row, a column span, a row span (Word's merged cells) and a cell of two paragraphs.
      '<tr><th>',
      '<p>Đội</p></th><th colspan="2">',
      '<p>Điểm</p></th></tr></thead><tbody>',
      '<tr><td rowspan="2">',
      '<p>Hà Nội</p></td><td>',
      '<p>3</p></td><td>',
      '<p>1</p>',
      '<p><em>hiệp phụ</em></p></td></tr>',
      '<tr><td>',
      '<p>2</p></td><td></td></tr>',
      '<tr><td>',
      '<p>Tổng</p></td><td colspan="2">',
      '<p>9</p></td></tr></tbody>',
      '</table>',
      '<p>Hết./.</p>',
    ]);
  });

  it('keeps each block’s alignment, and writes Times New Roman 13 pt on an A4 page', async () => {
    const parts = await partsOf(await docxOf(articleWith(everyFeatureBody)));
    const xml = parts.get('word/document.xml') ?? '';
    for (const alignment of ['center', 'both', 'left', 'right']) expect(xml).toContain(`<w:jc w:val="${alignment}"/>`);
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(parts.get('word/styles.xml')).toMatch(
      /<w:rFonts w:ascii="Times New Roman"[^>]*\/><w:color w:val="000000"\/><w:sz w:val="26"\/>/,
    );
    // 1.3 lines, said as such (LibreOffice reads a bare w:line as an exact height), and a line break never stretches its line.
    expect(parts.get('word/styles.xml')).toContain('<w:spacing w:after="120" w:line="312" w:lineRule="auto"/>');
    expect(parts.get('word/settings.xml')).toContain('<w:doNotExpandShiftReturn/>');
  });

  it('writes the same document.xml and the same zip bytes for the same article, whatever the clock says', async () => {
    const article = articleWith(everyFeatureBody);
    const first = await docxOf(article);
    // Another document in between: the docx package numbers drawings with one counter for every document it makes.
    await docxOf(articleWith([figure(redJpegId, [text('Ảnh khác')])]));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-01-02T03:04:05Z'));
    const second = await docxOf(article);
    expect(await documentXmlOf(second)).toBe(await documentXmlOf(first));
    expect(second.equals(first)).toBe(true);
    expect((await partsOf(second)).get('docProps/core.xml')).toContain(
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2022-07-08T02:30:00Z</dcterms:modified>',
    );
  });

  it('writes the same zip bytes in any time zone', async () => {
    const article = articleWith(everyFeatureBody);
    const zone = process.env['TZ'];
    try {
      process.env['TZ'] = 'Asia/Ho_Chi_Minh';
      const hanoi = await docxOf(article);
      process.env['TZ'] = 'America/New_York';
      const newYork = await docxOf(article);
      expect(newYork.equals(hanoi)).toBe(true);
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
  });

  it('numbers its hyperlinks link1, link2… in reading order, each pointing at its own target', async () => {
    const parts = await partsOf(await docxOf(articleWith(everyFeatureBody)));
    expect([...(parts.get('word/document.xml') ?? '').matchAll(/<w:hyperlink\b[^>]*\br:id="([^"]+)"/g)].map((match) => match[1])).toEqual([
      'link1',
      'link2',
    ]);
    const relationships = parts.get('word/_rels/document.xml.rels') ?? '';
    expect(relationships).toMatch(/Id="link1"[^>]*Target="https:\/\/example\.vn\/a\?b=1&amp;c=2"/);
    expect(relationships).toMatch(/Id="link2"[^>]*Target="mailto:toasoan@example\.vn"/);
  });

  it('writes a link to anything but http, https or mailto as its plain text, never as a hyperlink', async () => {
    const hostile = [
      'javascript:alert(1)',
      'java\tscript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'vbscript:x',
    ];
    const article = articleWith(hostile.map((href, index) => paragraph([text(`liên kết ${index}`, [link(href)])])));
    const bytes = await docxOf(article);
    const parts = await partsOf(bytes);
    const everything = [...parts.values()].join('\n').toLowerCase();
    expect(everything).not.toContain('javascript');
    expect(everything).not.toContain('vbscript');
    expect(everything).not.toContain('<script');
    expect(everything).not.toContain('file:');
    expect(parts.get('word/document.xml')).not.toContain('<w:hyperlink');
    const html = await readBack(bytes);
    for (const index of hostile.keys()) expect(html).toContain(`<p>liên kết ${index}</p>`);
  });

  it('refuses a stored body with a node or a mark the schema does not know: nothing is written', async () => {
    const unknownNode = articleWith([paragraph([text('Trước')]), { type: 'script', content: [text('alert(1)')] }]);
    const unknownMark = articleWith([paragraph([text('x', [{ type: 'onclick', attrs: { value: 'alert(1)' } }])])]);
    const nodeAsMark = articleWith([paragraph([text('x', [{ type: 'figure' }])])]);
    for (const article of [unknownNode, unknownMark, nodeAsMark]) await exportFailure(() => docxOf(article), 'invalid-request');
  });

  it('refuses a figure whose photo it was not given rather than writing a document without it', async () => {
    const article = articleWith([figure('0'.repeat(64), [text('Ảnh')])]);
    await exportFailure(() => packDocx(articleDocx(article, {}), { title: '', modifiedAt: new Date(article.updatedAt) }), 'export-failed');
  });

  it('writes Vietnamese text in composed form (NFC), whatever form it was stored in, without control characters', async () => {
    const decomposed = 'Hội nghị tổng kết ngành Công Thương Đắk Lắk'.normalize('NFD');
    const article = articleWith([paragraph([text(`${decomposed}\u0001.`)])], { title: decomposed, sapo: decomposed });
    const bytes = await docxOf(article);
    const xml = await documentXmlOf(bytes);
    const composedText = decomposed.normalize('NFC');
    expect(xml.split(composedText).length - 1).toBe(3);
    expect(xml).not.toContain(decomposed);
    expect(xml).not.toContain('\u0001');
    expect(await readBack(bytes)).toContain(`<p>${composedText}.</p>`);
  });

  it('leaves out comments and pending suggestions: only the text "Từ chối tất cả" would leave', async () => {
    const xml = await documentXmlOf(await docxOf(articleWith(everyFeatureBody)));
    expect(xml).toContain('Giá xăng tăng.');
    expect(xml).not.toContain('giảm');
    expect(xml).not.toContain('Đoạn mới');
    expect(xml).not.toContain('2026-11-30T08-00-00.000Z');
    expect(xml).not.toContain('\u200B');
  });

  it('embeds each photo as the media store renders it for the web, the cover after the sapo, in the font size set', async () => {
    const rendered: string[] = [];
    const dependencies: DocxDependencies = {
      media: {
        renderWebImage: async (id, options = {}) => {
          rendered.push(`${id}:${options.maxSide}:${options.quality}`);
          const image = images[id]!;
          return {
            bytes: Buffer.from(image.bytes),
            mimeType: 'image/jpeg',
            extension: image.type,
            width: image.width,
            height: image.height,
          };
        },
      },
      settings: { exportImageMaxSide: 1200, exportJpegQuality: 80, docxFontSize: 14 },
    };
    const article = articleWith([paragraph([text('Mở đầu.')]), figure(redJpegId, [text('Quang cảnh hội nghị.')], { credit: 'Văn Đốc' })], {
      coverMediaId: redJpegId,
    });
    const bytes = await renderDocx(article, dependencies);
    const html = await readBack(bytes);
    expect(rendered).toEqual([`${redJpegId}:1200:80`]);
    expect((await partsOf(bytes)).get('word/styles.xml')).toMatch(
      /<w:rFonts w:ascii="Times New Roman"[^>]*\/><w:color w:val="000000"\/><w:sz w:val="28"\/>/,
    );
    expect(html.split('\n').slice(2, 7)).toEqual([
      `<p><strong>${article.sapo}</strong></p>`,
      '<p><img alt="Quang cảnh hội nghị." src="…" /></p>',
      '<p><em>Quang cảnh hội nghị.</em></p>',
      '<p><em>Ảnh: Văn Đốc</em></p>',
      '<p>Mở đầu.</p>',
    ]);
  });
});
