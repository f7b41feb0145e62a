import mammoth from 'mammoth';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { articleDocx, type DocxImages } from '../../electron/main/services/articleDocx';
import { packDocx } from '../../electron/main/services/packDocx';
import { readDocxParts } from '../../electron/main/services/readDocxParts';
import { renderDocx } from '../../electron/main/services/renderDocx';
import type { Article } from '../../shared/articleModel';
import { defaultExportLook, type ExportLook, type ExportMasthead } from '../../shared/exportLook';
import { fixtureImages, figure, paragraph, redJpegId, text } from '../fixtures/everyFeatureBody';
import { seedArticle, seedArticleParts } from '../fixtures/seedArticle';

const partNames = [
  'word/document.xml',
  'word/header1.xml',
  'word/_rels/header1.xml.rels',
  'word/_rels/document.xml.rels',
  '[Content_Types].xml',
];

async function partsOf(bytes: Buffer): Promise<Map<string, string>> {
  return readDocxParts(bytes, new Map(partNames.map((name) => [name, 10_000_000])));
}

/** Every entry name in the package: headers and media show up here whether or not they are text. */
async function entryNamesOf(bytes: Buffer): Promise<string[]> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const names: string[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      names.push(entry.fileName);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return names;
}

async function docxOf(article: Article, look: ExportLook = defaultExportLook): Promise<Buffer> {
  return packDocx(articleDocx(article, {}, 13, look), { title: article.title, modifiedAt: new Date(article.updatedAt) });
}

/** The .docx as mammoth reads it, one block per line. */
async function readBack(bytes: Buffer): Promise<string[]> {
  const result = await mammoth.convertToHtml({ buffer: bytes });
  return result.value
    .replace(/src="data:[^"]+"/g, 'src="…"')
    .replace(/<(p|h1|h2|h3)\b/g, '\n<$1')
    .trim()
    .split('\n');
}

let logo: NonNullable<ExportMasthead['logo']>;

beforeAll(async () => {
  const png = await sharp({ create: { width: 60, height: 20, channels: 4, background: '#b71c1c' } })
    .png()
    .toBuffer();
  logo = { src: `data:image/png;base64,${png.toString('base64')}`, width: 60, height: 20 };
});

/** An article whose cover is a photo of its body, as a .docx in `look`. */
async function withPhotoDocxOf(look: ExportLook): Promise<Buffer> {
  const article: Article = {
    ...seedArticle(),
    body: { type: 'doc', content: [figure(redJpegId, [text('Quang cảnh.')]), paragraph([text('Mở đầu.')])] },
    coverMediaId: redJpegId,
  };
  const image = fixtureImages[redJpegId];
  const bytes = Buffer.from(image.src.slice(image.src.indexOf(',') + 1), 'base64');
  const images: DocxImages = { [redJpegId]: { bytes, type: 'jpg', width: image.width, height: image.height } };
  return packDocx(articleDocx(article, images, 13, look), { title: article.title, modifiedAt: new Date(article.updatedAt) });
}

function lookWith(changes: Partial<ExportLook>): ExportLook {
  return { ...defaultExportLook, ...changes };
}

describe('the .docx export in an agency’s look', () => {
  const parts = seedArticleParts();
  const date = `<p><em>${parts.displayDate}</em></p>`;
  const title = `<h1>${parts.title}</h1>`;
  const sapo = `<p><strong>${parts.sapo}</strong></p>`;
  const byline = `<p><strong>Tin: ${parts.bylineName}</strong></p>`;
  const credit = `<p><em>Ảnh: ${parts.photoCredit}</em></p>`;
  const body = parts.paragraphs.map((paragraph) => `<p>${paragraph}</p>`);

  it('writes the same bytes with the default look given as with no look', async () => {
    const article = seedArticle();
    const withLook = await docxOf(article, lookWith({ partOrder: ['date', 'title', 'sapo', 'byline'] }));
    const without = await packDocx(articleDocx(article), { title: article.title, modifiedAt: new Date(article.updatedAt) });
    expect(withLook.equals(without)).toBe(true);
  });

  it('puts date, title, sapo and byline in the template’s order, a byline not last before the body with its credit', async () => {
    const bytes = await docxOf(seedArticle(), lookWith({ partOrder: ['title', 'byline', 'sapo', 'date'] }));
    expect(await readBack(bytes)).toEqual([title, byline, credit, sapo, date, ...body]);
    // Under the title the byline and credit read on the left, not as the closing signature on the right.
    const xml = (await partsOf(bytes)).get('word/document.xml')!;
    const bylineParagraph = xml
      .split('</w:p>')
      .find((paragraph) => paragraph.includes(`>${parts.bylineName}<`) || paragraph.includes('Tin: '));
    expect(bylineParagraph).toContain('<w:jc w:val="left"/>');
    expect(xml).not.toContain('<w:jc w:val="right"/>');
  });

  it('keeps a byline last in the order at the end of the article, after the body', async () => {
    const html = await readBack(await docxOf(seedArticle(), lookWith({ partOrder: ['sapo', 'title', 'date', 'byline'] })));
    expect(html).toEqual([sapo, title, date, ...body, byline, credit]);
  });

  it('keeps the title the only Heading 1 wherever it goes, and the cover photo after the leading parts', async () => {
    const bytes = await withPhotoDocxOf(lookWith({ partOrder: ['sapo', 'date', 'byline', 'title'] }));
    const html = await readBack(bytes);
    expect(html).toEqual([
      sapo,
      date,
      byline,
      credit,
      title,
      '<p><img alt="Quang cảnh." src="…" /></p>',
      '<p><em>Quang cảnh.</em></p>',
      '<p>Mở đầu.</p>',
    ]);
    expect((await partsOf(bytes)).get('word/document.xml')?.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(1);
  });

  it('writes no page header without a masthead', async () => {
    const bytes = await docxOf(seedArticle(), lookWith({ partOrder: ['title', 'date', 'sapo', 'byline'] }));
    const names = await entryNamesOf(bytes);
    expect(names.filter((name) => /header|media\//.test(name))).toEqual([]);
    expect((await partsOf(bytes)).get('word/document.xml')).not.toContain('headerReference');
  });

  it('heads every page with the masthead’s logo and name, centred, in bold 10 pt Times New Roman', async () => {
    const bytes = await docxOf(seedArticle(), lookWith({ masthead: { text: 'BÁO ĐIỆN TỬ TỈNH', logo } }));
    const docx = await partsOf(bytes);
    const header = docx.get('word/header1.xml') ?? '';
    const relationships = docx.get('word/_rels/header1.xml.rels') ?? '';
    expect(docx.get('word/document.xml')).toMatch(/<w:headerReference w:type="default" r:id="[^"]+"\/>/);
    expect(header).toContain('<w:t xml:space="preserve">BÁO ĐIỆN TỬ TỈNH</w:t>');
    expect(header).toMatch(/<w:rFonts w:ascii="Times New Roman"[^>]*\/><w:b\/><w:bCs\/><w:sz w:val="20"\/>/);
    expect(header.match(/<w:jc w:val="center"\/>/g)).toHaveLength(2);
    // The logo's drawing points at an image relationship of the header, whose target is a PNG in the package.
    const embed = /<a:blip r:embed="([^"]+)"/.exec(header)?.[1];
    expect(embed).toBeDefined();
    const target = new RegExp(`Id="${embed}" Type="[^"]+/relationships/image" Target="media/([^"]+\\.png)"`).exec(relationships)?.[1];
    expect(target).toBeDefined();
    expect(await entryNamesOf(bytes)).toContain(`word/media/${target}`);
    // 60 × 20 px fits within 40 × 15 mm (151 × 57 px): it keeps its size, 9525 EMU to the pixel.
    expect(header).toContain(`<wp:extent cx="${60 * 9525}" cy="${20 * 9525}"/>`);
  });

  it('scales a large logo down to at most 40 mm wide and 15 mm high, keeping its ratio', async () => {
    const wide = await docxOf(seedArticle(), lookWith({ masthead: { text: '', logo: { ...logo, width: 600, height: 100 } } }));
    const tall = await docxOf(seedArticle(), lookWith({ masthead: { text: '', logo: { ...logo, width: 200, height: 200 } } }));
    // 40 mm is 151 px at 96 per inch; 15 mm is 57 px.
    expect((await partsOf(wide)).get('word/header1.xml')).toContain(`<wp:extent cx="${151 * 9525}" cy="${25 * 9525}"/>`);
    expect((await partsOf(tall)).get('word/header1.xml')).toContain(`<wp:extent cx="${57 * 9525}" cy="${57 * 9525}"/>`);
  });

  it('writes a masthead of text only without any image', async () => {
    const bytes = await docxOf(seedArticle(), lookWith({ masthead: { text: 'Tòa soạn', logo: null } }));
    const docx = await partsOf(bytes);
    expect(docx.get('word/header1.xml')).toContain('Tòa soạn');
    expect(docx.get('word/header1.xml')).not.toContain('<w:drawing>');
    expect((await entryNamesOf(bytes)).filter((name) => name.startsWith('word/media/'))).toEqual([]);
  });

  it('writes the same bytes for the same article and masthead, whatever else it wrote in between', async () => {
    const look = lookWith({ partOrder: ['title', 'byline', 'sapo', 'date'], masthead: { text: 'BÁO ĐIỆN TỬ TỈNH', logo } });
    const first = await docxOf(seedArticle(), look);
    await docxOf({ ...seedArticle(), title: 'Bài khác' }, lookWith({ masthead: { text: 'Khác', logo: { ...logo, width: 30 } } }));
    const second = await docxOf(seedArticle(), look);
    expect(second.equals(first)).toBe(true);
  });

  it('gives the logo its own file and drawing id next to the body’s photos', async () => {
    const bytes = await withPhotoDocxOf(lookWith({ masthead: { text: 'Tòa soạn', logo } }));
    const docx = await partsOf(bytes);
    const ids = [docx.get('word/document.xml'), docx.get('word/header1.xml')].flatMap((xml) =>
      [...(xml ?? '').matchAll(/<wp:docPr id="(\d+)"/g)].map((match) => match[1]),
    );
    expect(ids).toEqual(['1', '2']);
    const media = (await entryNamesOf(bytes)).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    expect(docx.get('word/_rels/header1.xml.rels')).toMatch(/Target="media\/[^"]+\.png"/);
    expect(docx.get('word/_rels/document.xml.rels')).toMatch(/Target="media\/[^"]+\.jpg"/);
    expect(docx.get('word/_rels/document.xml.rels')).not.toMatch(/Target="media\/[^"]+\.png"/);
    const again = await withPhotoDocxOf(lookWith({ masthead: { text: 'Tòa soạn', logo } }));
    expect(again.equals(bytes)).toBe(true);
  });

  it('writes a hostile masthead name as text, escaped, never as markup', async () => {
    const hostile = 'A</w:t><w:t>B <script>alert(1)</script> & "C"';
    const bytes = await docxOf(seedArticle(), lookWith({ masthead: { text: hostile, logo } }));
    const header = (await partsOf(bytes)).get('word/header1.xml') ?? '';
    expect(header).toContain('A&lt;/w:t&gt;&lt;w:t&gt;B &lt;script&gt;alert(1)&lt;/script&gt; &amp; ');
    expect(header).not.toContain('<script');
    expect(header).not.toContain('</w:t><w:t>B');
    // One run of text: the name did not split into runs of its own.
    expect(header.match(/<w:t\b/g)).toHaveLength(1);
  });

  it('leaves out a logo whose data URI is not a PNG rather than writing a file Word would refuse', async () => {
    const bytes = await docxOf(
      seedArticle(),
      lookWith({ masthead: { text: 'Tòa soạn', logo: { ...logo, src: 'data:image/png;base64,AAAA' } } }),
    );
    expect((await partsOf(bytes)).get('word/header1.xml')).not.toContain('<w:drawing>');
    expect((await entryNamesOf(bytes)).filter((name) => name.startsWith('word/media/'))).toEqual([]);
  });

  it('renders with the look given to renderDocx, and with the app’s own look when none is', async () => {
    const media = {
      renderWebImage: () => Promise.reject(new Error('the seed article has no photo')),
    };
    const settings = { exportImageMaxSide: 1200, exportJpegQuality: 80, docxFontSize: 13 };
    const look = lookWith({ partOrder: ['title', 'byline', 'sapo', 'date'], masthead: { text: 'BÁO ĐIỆN TỬ TỈNH', logo } });
    const withLook = await renderDocx(seedArticle(), { media, settings, look });
    expect(withLook.equals(await docxOf(seedArticle(), look))).toBe(true);
    const without = await renderDocx(seedArticle(), { media, settings });
    expect(without.equals(await docxOf(seedArticle()))).toBe(true);
  });
});
