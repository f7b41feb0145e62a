import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Schema } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../shared/articleModel';
import { textAlignments } from '../../shared/documentExtensions';
import type { DocumentNodeJson } from '../../shared/documentJson';
import { documentSchema } from '../../shared/documentSchema';
import { AppError } from '../../shared/errorCodes';
import { exportArticleHtml } from '../../shared/exportArticleHtml';
import { markSerializers, nodeSerializers, serializeDocumentHtml } from '../../shared/serializeDocumentHtml';
import {
  everyFeatureBody,
  everyFeatureBodyHtml,
  fixtureImages,
  link,
  paragraph,
  redJpegId,
  suggestion,
  text,
} from '../fixtures/everyFeatureBody';
import { seedArticle } from '../fixtures/seedArticle';
import { exportValidationMessages } from '../support/exportValidation';
import { thrownBy } from '../support/thrownBy';

const goldenPath = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/seed-article.golden.html');

/** The seed article with another body (and any other fields replaced). */
function articleWith(body: DocumentNodeJson[], changes: Partial<Article> = {}): Article {
  return { ...seedArticle(), body: { type: 'doc', content: body }, ...changes };
}

/** Every node type, mark type and alignment a JSON body uses. */
function featuresOf(nodes: DocumentNodeJson[], found = new Set<string>()): Set<string> {
  for (const node of nodes) {
    found.add(`node:${node.type}`);
    for (const mark of node.marks ?? []) found.add(`mark:${mark.type}`);
    if (typeof node.attrs?.['textAlign'] === 'string') found.add(`align:${node.attrs['textAlign']}`);
    featuresOf(node.content ?? [], found);
  }
  return found;
}

describe('exportArticleHtml', () => {
  it('exports the seed article byte for byte as the golden file', () => {
    const html = exportArticleHtml(seedArticle());
    // UPDATE_GOLDEN=1 rewrites the golden after a deliberate change; look at the diff before committing it.
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(goldenPath, html, 'utf8');
    expect(Buffer.from(html, 'utf8').equals(readFileSync(goldenPath))).toBe(true);
  });

  it('writes nothing of who created, moved or last changed the article: the golden bytes stay the same', () => {
    const person = { name: 'Thu Hà', role: 'editor' } as const;
    const attributed: Article = {
      ...seedArticle(),
      createdBy: person,
      updatedBy: person,
      lastMove: { from: 'submitted', to: 'approved', by: person, at: '2022-07-08T09:30:00+07:00' },
    };
    expect(Buffer.from(exportArticleHtml(attributed), 'utf8').equals(readFileSync(goldenPath))).toBe(true);
  });

  it('exports the same bytes every time it is given the same article', () => {
    expect(exportArticleHtml(seedArticle())).toBe(exportArticleHtml(seedArticle()));
  });

  it('exports the seed article as a page html-validate reports no problems in', async () => {
    expect(await exportValidationMessages(exportArticleHtml(seedArticle()))).toEqual([]);
  });

  it('exports a body using every node, mark and alignment as a page html-validate reports no problems in', async () => {
    expect(await exportValidationMessages(exportArticleHtml(articleWith(everyFeatureBody), fixtureImages))).toEqual([]);
  });

  it('exports an article with no title, sapo, byline, credit or body text as a page html-validate reports no problems in', async () => {
    const empty = articleWith([paragraph([])], { title: '', sapo: '', bylineName: '', photoCredit: '' });
    expect(await exportValidationMessages(exportArticleHtml(empty))).toEqual([]);
  });

  it('gives an untitled article a placeholder page title and no empty heading', () => {
    const html = exportArticleHtml(articleWith([paragraph([])], { title: '  ', sapo: '' }));
    expect(html).toContain('<title>Bài viết chưa có tiêu đề</title>');
    expect(html).not.toContain('<h1');
    expect(html).not.toContain('class="sapo"');
  });

  it('declares the page Vietnamese and dates it with a machine-readable time', () => {
    const html = exportArticleHtml(seedArticle());
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<time datetime="2022-07-08">08/07/2022</time>');
  });

  it('credits the reporter and the photographer in the footer', () => {
    const html = exportArticleHtml(seedArticle());
    expect(html).toContain('<p class="byline">Tin: Ngọc Sơn</p>');
    expect(html).toContain('<p class="credit">Ảnh: Văn Đốc</p>');
  });

  it('leaves out the photo credit when the reporter took the photos', () => {
    const html = exportArticleHtml({ ...seedArticle(), bylineRole: 'newsAndPhotos' });
    expect(html).toContain('<p class="byline">Tin và ảnh: Ngọc Sơn</p>');
    expect(html).not.toContain('class="credit"');
  });

  it('serializes every node and mark to its own element, alignment as a class', () => {
    const html = exportArticleHtml(articleWith(everyFeatureBody), fixtureImages);
    const body = /<div class="article-body">\n([\s\S]*?)\n {4}<\/div>/.exec(html)?.[1];
    expect(body?.replace(/^ {6}/gm, '')).toBe(everyFeatureBodyHtml);
  });

  it('exports commented text without its comment anchor or thread id', () => {
    const html = exportArticleHtml(articleWith(everyFeatureBody), fixtureImages);
    expect(html).toContain('được bình luận');
    expect(html).not.toMatch(/comment|0123456789ab/);
  });

  it('exports pending suggestions as rejected, never writing a suggestion, its mark, author or id', () => {
    const html = exportArticleHtml(articleWith(everyFeatureBody), fixtureImages);
    expect(html).toContain('<p>Giá xăng tăng.</p>');
    expect(html).not.toMatch(/giảm|nhẹ|Đoạn mới|Thu Hà|mh1-|<ins|<del|suggestion|insertion|deletion|modification|\u200B/);
  });

  it('leaves out a figure suggested for insertion, even when it is named as the cover', () => {
    const suggested = { ...everyFeatureBody.find((node) => node.type === 'figure')!, marks: [suggestion('insertion', 'mh1-f')] };
    const html = exportArticleHtml(articleWith([paragraph([text('Chữ.')]), suggested], { coverMediaId: redJpegId }), fixtureImages);
    expect(html).not.toMatch(/<figure|<img|Quang cảnh/);
  });

  it.each([
    ['an id that is neither a number nor a short string', { id: { x: 1 } }],
    ['an overlong author name', { id: 'a', authorName: 'x'.repeat(121) }],
    ['a time that is no time', { id: 'a', at: 'hôm qua' }],
  ])('refuses a suggestion mark with %s', (_what, attrs) => {
    const body = [paragraph([text('Chữ', [{ type: 'insertion', attrs }])])];
    const error = thrownBy(() => exportArticleHtml(articleWith(body), fixtureImages));
    expect((error as AppError).code).toBe('invalid-request');
  });

  it('refuses a formatting suggestion of a kind the plugin never records', () => {
    const body = [{ ...paragraph([text('Chữ')]), marks: [{ type: 'modification', attrs: { id: 'a', type: 'script', attrName: null } }] }];
    const error = thrownBy(() => exportArticleHtml(articleWith(body), fixtureImages));
    expect((error as AppError).code).toBe('invalid-request');
  });

  it('never writes an inline style', () => {
    expect(exportArticleHtml(articleWith(everyFeatureBody), fixtureImages)).not.toMatch(/\sstyle\s*=/i);
  });

  it('escapes markup typed into the title, sapo, byline, credit and body text', () => {
    const attack = `<script>alert("x")</script>&'`;
    const html = exportArticleHtml(
      articleWith([paragraph([text(attack)])], { title: attack, sapo: attack, bylineName: attack, photoCredit: attack }),
    );
    expect(html).not.toContain('<script');
    expect(html.split('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;')).toHaveLength(1 + 6);
  });

  it('escapes quotes in a link target so it cannot leave its attribute', () => {
    const html = exportArticleHtml(articleWith([paragraph([text('x', [link('https://example.vn/?q="><script>alert(1)</script>')])])]));
    expect(html).toContain(
      '<a href="https://example.vn/?q=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" rel="noopener noreferrer">x</a>',
    );
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'JaVa\tScript:alert(1)',
    ' \u0001javascript:alert(1)',
    'ftp://example.vn/x',
    '/relative',
  ])('drops a link to %j but keeps its text', (href) => {
    const html = exportArticleHtml(articleWith([paragraph([text('Xem '), text('tại đây', [link(href)])])]));
    expect(html).toContain('<p>Xem tại đây</p>');
    expect(html).not.toContain('<a ');
  });

  it.each(['http://example.vn/tin', 'https://example.vn/tin?id=1', 'mailto:toasoan@example.vn'])('keeps a link to %s', (href) => {
    const html = exportArticleHtml(articleWith([paragraph([text('tại đây', [link(href)])])]));
    expect(html).toContain(`<p><a href="${href.replace(/&/g, '&amp;')}" rel="noopener noreferrer">tại đây</a></p>`);
  });

  it('exports text in Unicode NFC', () => {
    const html = exportArticleHtml(seedArticle());
    expect(html).toBe(html.normalize('NFC'));
  });

  it('refuses a body that is not a valid document', () => {
    const error = thrownBy(() => exportArticleHtml(articleWith([{ type: 'paragraph', content: [{ type: 'bulletList' }] }])));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid-request');
  });

  it('refuses a body holding a node type the schema does not know', () => {
    const error = thrownBy(() => exportArticleHtml(articleWith([{ type: 'iframe', attrs: { src: 'https://evil.example' } }])));
    expect((error as AppError).code).toBe('invalid-request');
  });

  it('fails the export rather than drop content of a node or mark type it has no serializer for', () => {
    const schema = new Schema({
      nodes: {
        doc: { content: 'block+' },
        paragraph: { group: 'block', content: 'inline*' },
        video: { group: 'block' },
        text: { group: 'inline' },
      },
      marks: { strike: {} },
    });
    const withVideo = schema.node('doc', null, [schema.node('video')]);
    const withStrike = schema.node('doc', null, [schema.node('paragraph', null, [schema.text('x', [schema.mark('strike')])])]);
    expect((thrownBy(() => serializeDocumentHtml(withVideo)) as AppError).code).toBe('export-failed');
    expect((thrownBy(() => serializeDocumentHtml(withStrike)) as AppError).code).toBe('export-failed');
  });

  it('has a serializer for every node and mark type of the document schema', () => {
    const schema = documentSchema();
    expect(Object.keys(schema.nodes).filter((name) => !Object.hasOwn(nodeSerializers, name))).toEqual([]);
    expect(Object.keys(schema.marks).filter((name) => !Object.hasOwn(markSerializers, name))).toEqual([]);
  });

  it('has no serializer left over for a node or mark type the schema no longer has', () => {
    const schema = documentSchema();
    expect(Object.keys(nodeSerializers).filter((name) => !(name in schema.nodes))).toEqual([]);
    expect(Object.keys(markSerializers).filter((name) => !(name in schema.marks))).toEqual([]);
  });

  it('tests its every-feature body against every node, mark and alignment of the schema', () => {
    const schema = documentSchema();
    const expected = [
      ...Object.keys(schema.nodes).map((name) => `node:${name}`),
      ...Object.keys(schema.marks).map((name) => `mark:${name}`),
      ...textAlignments.map((alignment) => `align:${alignment}`),
    ];
    const used = featuresOf([{ type: 'doc', content: everyFeatureBody }]);
    expect(expected.filter((feature) => !used.has(feature))).toEqual([]);
  });
});
