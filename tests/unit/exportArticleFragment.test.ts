import { readFileSync, writeFileSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { previewPageHtml } from '../../electron/main/services/previewHtml';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import { articleSchema, type Article } from '../../shared/articleModel';
import type { DocumentNodeJson } from '../../shared/documentJson';
import { exportCmsCopy, exportArticleFragment } from '../../shared/exportArticleFragment';
import { exportArticleHtml } from '../../shared/exportArticleHtml';
import { slugify } from '../../shared/slugify';
import vectors from '../fixtures/dompurify/expect.mjs';
import { bluePngId, figure, fixtureImages, redJpegId, suggestion, text } from '../fixtures/everyFeatureBody';
import { seedArticle } from '../fixtures/seedArticle';
import { exportValidationMessages } from '../support/exportValidation';
import { memoryClipboard } from '../support/memoryClipboard';
import { cannedDialogs, openTestSession } from '../support/openTestSession';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { twoColourJpeg } from './media/photoFixtures';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');
const fragmentGoldenPath = join(fixtures, 'seed-article.fragment.golden.html');
const textGoldenPath = join(fixtures, 'seed-article.cms.golden.txt');

/** The seed article with two photos (the cover after the first paragraph) and its images named as the folder export names them. */
function seedWithPhotos(): { article: Article; images: Record<string, { src: string; width: number; height: number }> } {
  const seed = seedArticle();
  const paragraphs = seed.body.content ?? [];
  const article = articleSchema.parse({
    ...seed,
    body: {
      type: 'doc',
      content: [
        paragraphs[0],
        figure(redJpegId, [text('Quang cảnh Hội nghị sơ kết công tác 6 tháng đầu năm 2022.')], { credit: 'Văn Đốc' }),
        ...paragraphs.slice(1, -1),
        figure(bluePngId, [text('Đồng chí Nguyễn Toàn Thắng phát biểu chỉ đạo Hội nghị.')], {
          credit: 'Minh Anh',
          alt: 'Giám đốc phát biểu',
        }),
        ...paragraphs.slice(-1),
      ],
    },
    photoCredit: 'Văn Đốc, Minh Anh',
    coverMediaId: redJpegId,
  });
  const slug = slugify(article.title);
  return {
    article,
    images: {
      [redJpegId]: { src: `images/${slug}-1.jpg`, width: fixtureImages[redJpegId].width, height: fixtureImages[redJpegId].height },
      [bluePngId]: { src: `images/${slug}-2.png`, width: fixtureImages[bluePngId].width, height: fixtureImages[bluePngId].height },
    },
  };
}

/** Compares with a golden file; BANTHAO_UPDATE_GOLDEN=1 writes it instead (then read the diff before committing). */
function expectGolden(actual: string, path: string): void {
  if (process.env.BANTHAO_UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

// What the exporter itself writes; anything else in a fragment or a preview came from a payload.
const allowedTags = new Set([
  ...['article', 'header', 'time', 'h1', 'h2', 'h3', 'p', 'div', 'footer', 'strong', 'em', 'u', 'ul', 'ol', 'li', 'blockquote'],
  ...['br', 'hr', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'figcaption', 'img', 'span'],
]);
const allowedAttributes = new Set([
  'class',
  'datetime',
  'href',
  'rel',
  'start',
  'type',
  'colspan',
  'rowspan',
  'scope',
  'src',
  'alt',
  'width',
  'height',
]);

/** Every tag of `html` that is not the exporter's own (element, attribute, link or image source); empty when inert. */
function foreignParts(html: string): string[] {
  const found: string[] = [];
  if (/<script/i.test(html)) found.push('<script');
  // Text and attribute values are escaped (no raw "<" or '"' in them), so every "<…>" is a tag the exporter wrote.
  for (const [tag, name, attributes] of html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
    if (!allowedTags.has(name!)) found.push(tag);
    for (const [, attribute, value] of attributes!.matchAll(/\s([^\s=]+)(?:="([^"]*)")?/g)) {
      if (!allowedAttributes.has(attribute!)) found.push(`${attribute} in ${tag}`);
      if (attribute === 'href' && !/^(?:https?:\/\/|mailto:)/i.test(value ?? '')) found.push(tag);
      if (
        attribute === 'src' &&
        !/^(?:images\/[a-z0-9-]+\.(?:jpg|png|gif|webp)|data:image\/(?:jpeg|png|gif|webp);base64,)/.test(value ?? '')
      ) {
        found.push(tag);
      }
    }
  }
  return found;
}

describe('the article fragment copied for the CMS', () => {
  it('is the HTML export’s <article> element, byte for byte, without <html> or <head> (golden file from the seed article)', () => {
    const { article, images } = seedWithPhotos();
    const fragment = exportArticleFragment(article, images);
    expectGolden(`${fragment}\n`, fragmentGoldenPath);
    expect(fragment).not.toMatch(/<html|<head>|<body|<style|<!DOCTYPE/i);
    expect(fragment.startsWith('<article>\n  <header>\n    <time datetime="2022-07-08">08/07/2022</time>\n    <h1>')).toBe(true);
    expect(fragment).toContain('<footer>\n    <p class="byline">');
    // Indented two spaces deeper, the same lines are the page's.
    const page = exportArticleHtml(article, images);
    const indented = fragment
      .split('\n')
      .map((line) => (line === '' ? '' : `  ${line}`))
      .join('\n');
    expect(page).toContain(`<body>\n${indented}\n</body>`);
  });

  it('has a readable plain-text form: title, date, sapo, paragraphs, captions, byline and credit a blank line apart', () => {
    const { article, images } = seedWithPhotos();
    const copy = exportCmsCopy(article, images);
    expectGolden(`${copy.text}\n`, textGoldenPath);
    const blocks = copy.text.split('\n\n');
    expect(blocks.slice(0, 3)).toEqual([article.title, '08/07/2022', article.sapo]);
    expect(blocks).toContain('Quang cảnh Hội nghị sơ kết công tác 6 tháng đầu năm 2022. Ảnh: Văn Đốc');
    expect(copy.text).not.toMatch(/<[a-z]/i);
    expect(copy.html).toBe(exportArticleFragment(article, images));
  });

  it('gives each field alone: title, sapo, body (HTML and text), each caption in photo order, byline, credit', () => {
    const { article, images } = seedWithPhotos();
    const { fields } = exportCmsCopy(article, images);
    expect(fields.map((field) => field.kind)).toEqual(['title', 'sapo', 'body', 'caption', 'caption', 'byline', 'credit']);
    expect(fields[0]!.text).toBe(article.title);
    expect(fields[3]!.text).toBe('Quang cảnh Hội nghị sơ kết công tác 6 tháng đầu năm 2022. Ảnh: Văn Đốc');
    expect(fields[4]!.text).toBe('Đồng chí Nguyễn Toàn Thắng phát biểu chỉ đạo Hội nghị. Ảnh: Minh Anh');
    expect(fields[2]!.html).toMatch(/^<p>/);
    expect(fields[2]!.html).toContain(`<img src="${images[bluePngId]!.src}"`);
    expect(fields.slice(-2).map((field) => field.text)).toEqual([`Tin: ${article.bylineName.trim()}`, 'Ảnh: Văn Đốc, Minh Anh']);
  });

  it('is html-validate clean, placed in a page as a CMS places it, and so is the preview page', async () => {
    const { article, images } = seedWithPhotos();
    const fragment = exportArticleFragment(article, images);
    const host = ['<!DOCTYPE html>', '<html lang="vi">', '<head>', '<meta charset="utf-8">', '<title>CMS</title>', '</head>', '<body>']
      .concat(fragment, '</body>', '</html>', '')
      .join('\n');
    expect(await exportValidationMessages(host)).toEqual([]);
    const preview = previewPageHtml(exportArticleHtml(article, fixtureImages));
    expect(await exportValidationMessages(preview)).toEqual([]);
    expect(preview).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-`);
    expect(preview).toContain("img-src data:; base-uri 'none'; form-action 'none'\">\n  <base target=\"_blank\">\n");
    // The preview is the export page with those two lines and nothing else changed.
    expect(preview.split('\n').filter((line) => !line.includes('Content-Security-Policy') && !line.includes('<base '))).toEqual(
      exportArticleHtml(article, fixtureImages).split('\n'),
    );
  });

  it('leaves pending suggestions out, as every export does', () => {
    const seed = seedArticle();
    const article = articleSchema.parse({
      ...seed,
      body: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Giữ lại ' },
              { type: 'text', text: 'ĐỀ XUẤT CHÈN', marks: [suggestion('insertion', 'i1')] },
            ],
          },
        ],
      },
    });
    const copy = exportCmsCopy(article);
    expect(copy.html).toMatch(/<p>Giữ lại\s*<\/p>/);
    expect(copy.html).not.toContain('ĐỀ XUẤT');
    expect(copy.text).not.toContain('ĐỀ XUẤT');
    expect(copy.fields.find((field) => field.kind === 'body')?.text).toBe('Giữ lại');
  });
});

describe('hostile content in a hand-edited stored document', () => {
  const temporaryDirectory = useTemporaryDirectories();
  const payloads = [...vectors.map((vector) => vector.payload), 'javascript:alert(1)', ' JaVa\tScRiPt:alert(1)', '" onerror="alert(1)'];

  /**
   * Rewrites an article's stored file by hand, as someone with the files could: its data edited and written back as
   * plain JSON (a file without the checksummed envelope is read as it is, as files written before envelopes were).
   */
  async function editStoredArticle(dataDirectory: string, id: string, changes: Record<string, unknown>): Promise<void> {
    const path = libraryLayout(dataDirectory).library.articleFile(id);
    const stored = JSON.parse(await readFile(path, 'utf8')) as { data?: Record<string, unknown> } & Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...(stored.data ?? stored), ...changes }));
    // No earlier generation to fall back on: the store reads the edited file or refuses the article.
    await rm(`${path}.prev`, { force: true });
  }

  /** A body with every payload as text, as a link target, as a photo's caption, alt text and credit. */
  function hostileBody(photoId: string): DocumentNodeJson {
    return {
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
                // Alt text and credit have a length limit in the schema: the payload's first 400 characters.
                attrs: { mediaId: photoId, alt: payload.slice(0, 400), credit: payload.slice(0, 400) },
                content: [{ type: 'text', text: payload }],
              },
            ]
          : []),
      ]),
    };
  }

  it('never lets a payload through the fragment, its fields, its plain text or the preview', async () => {
    const dataDirectory = await temporaryDirectory();
    const clipboard = memoryClipboard();
    let session = await openTestSession(dataDirectory, { clipboard });
    const photo = await session.handlers['media:importBytes']({ fileName: 'anh.jpg', bytes: new Uint8Array(await twoColourJpeg()) });
    const created = await session.handlers['article:create']({});
    await session.handlers['article:save']({ id: created.id, baseRevision: created.revision, content: sampleContent({ title: 'Bài' }) });
    await session.close();
    // Every slot a string can take holds a payload.
    const hostile = {
      title: `<script>alert(1)</script>${payloads[1]}`,
      sapo: payloads.slice(0, 5).join(' '),
      bylineName: '<img src=x onerror=alert(1)>',
      photoCredit: '"><svg onload=alert(1)>',
      body: hostileBody(photo.id),
    };
    await editStoredArticle(dataDirectory, created.id, hostile);
    session = await openTestSession(dataDirectory, { clipboard });
    const article = await session.handlers['article:get']({ id: created.id });
    expect(article.title).toBe(hostile.title);

    const { html: preview } = await session.handlers['article:preview']({ id: created.id });
    const { fields } = await session.handlers['article:copyForCms']({ id: created.id });
    const written = clipboard.writes.at(-1)!;
    expect(foreignParts(written.html!)).toEqual([]);
    expect(written.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    for (const field of fields) expect(foreignParts(field.html ?? '')).toEqual([]);
    const body = preview.slice(preview.indexOf('<body>') + '<body>'.length, preview.indexOf('</body>'));
    expect(foreignParts(body)).toEqual([]);
    // The head is the export's own, whatever the title held (escaped in <title>, which holds text only).
    const headOf = (page: string) => page.slice(0, page.indexOf('<body>')).replace(/<title>[^<]*<\/title>/, '<title></title>');
    expect(headOf(preview)).toBe(headOf(previewPageHtml(exportArticleHtml(seedArticle()))));
    // The plain text is text: what was typed, never markup the clipboard's HTML reader would see.
    expect(written.text).toContain('<script>alert(1)</script>');
  });

  it('refuses a stored body with a node or mark the exporter does not know, rather than copying it', async () => {
    const dataDirectory = await temporaryDirectory();
    const clipboard = memoryClipboard();
    let session = await openTestSession(dataDirectory, { clipboard });
    const created = await session.handlers['article:create']({});
    await session.close();
    await session.handlers['article:save']({ id: created.id, baseRevision: created.revision, content: sampleContent() });
    await session.close();
    const refusedBodies = [
      { type: 'doc', content: [{ type: 'script', content: [{ type: 'text', text: 'alert(1)' }] }] },
      {
        type: 'doc',
        content: [{ type: 'paragraph', attrs: { textAlign: '"><script>alert(1)</script>' }, content: [{ type: 'text', text: 'x' }] }],
      },
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'onclick' }] }] }] },
    ];
    for (const body of refusedBodies) {
      await editStoredArticle(dataDirectory, created.id, { body });
      session = await openTestSession(dataDirectory, { clipboard });
      await expect(session.handlers['article:copyForCms']({ id: created.id })).rejects.toThrow();
      await expect(session.handlers['article:preview']({ id: created.id })).rejects.toThrow();
      await session.close();
    }
    expect(clipboard.writes).toEqual([]);
  });
});

describe('"Lưu ảnh cho CMS…"', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('saves the photos web-sized into images/ of the chosen folder, named as the fragment’s <img src>; asks before replacing', async () => {
    const dataDirectory = await temporaryDirectory();
    const folder = await temporaryDirectory();
    const clipboard = memoryClipboard();
    const asked: string[][] = [];
    let replace = false;
    const dialogs = {
      ...cannedDialogs({ exportFolder: folder }),
      askToReplaceFiles: async (_folder: string, names: readonly string[]) => {
        asked.push([...names]);
        return replace;
      },
    };
    const session = await openTestSession(dataDirectory, { clipboard, dialogs });
    const photo = await session.handlers['media:importBytes']({
      fileName: 'anh.jpg',
      bytes: new Uint8Array(await twoColourJpeg({ width: 3000, height: 2000 })),
    });
    const created = await session.handlers['article:create']({});
    const body = {
      type: 'doc',
      content: [
        { type: 'figure', attrs: { mediaId: photo.id, alt: '', credit: 'Văn Đốc' }, content: [{ type: 'text', text: 'Chú thích' }] },
      ],
    };
    await session.handlers['article:save']({
      id: created.id,
      baseRevision: created.revision,
      content: sampleContent({ title: 'Hội nghị sơ kết', body }),
    });
    await session.handlers['article:copyForCms']({ id: created.id });
    const src = /<img src="([^"]+)"/.exec(clipboard.writes.at(-1)!.html!)![1]!;
    expect(src).toBe('images/hoi-nghi-so-ket-1.jpg');

    const saved = await session.handlers['article:saveCmsPhotos']({ id: created.id });
    expect(saved).toEqual({ status: 'saved', path: join(folder, 'images'), count: 1 });
    expect(await readdir(join(folder, 'images'))).toEqual(['hoi-nghi-so-ket-1.jpg']);
    const first = await readFile(join(folder, src));
    expect((await sharp(first).metadata()).width).toBe(1600);
    expect(asked).toEqual([]);

    // Saved again: the file is there, so the user is asked; "no" leaves it as it was.
    await writeFile(join(folder, src), 'mine');
    expect(await session.handlers['article:saveCmsPhotos']({ id: created.id })).toEqual({ status: 'cancelled' });
    expect(asked).toEqual([['hoi-nghi-so-ket-1.jpg']]);
    expect(await readFile(join(folder, src), 'utf8')).toBe('mine');
    replace = true;
    expect(await session.handlers['article:saveCmsPhotos']({ id: created.id })).toMatchObject({ status: 'saved' });
    expect(await readFile(join(folder, src))).toEqual(first);
  });
});
