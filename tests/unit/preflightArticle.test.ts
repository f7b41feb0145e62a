import { describe, expect, it } from 'vitest';
import { articleTextBlocks } from '../../shared/articleTextBlocks';
import type { DocumentNodeJson } from '../../shared/documentJson';
import { defaultHouseStyle, type HouseStyle } from '../../shared/houseStyle';
import { preflightArticle, type PreflightContent } from '../../shared/preflightArticle';
import { everyFeatureBody } from '../fixtures/everyFeatureBody';
import { seedArticle } from '../fixtures/seedArticle';

const paragraph = (text: string, marks?: DocumentNodeJson['marks']): DocumentNodeJson => ({
  type: 'paragraph',
  content: text === '' ? [] : [{ type: 'text', text, ...(marks === undefined ? {} : { marks }) }],
});
const figure = (mediaId: string, attrs: { alt?: string; credit?: string } = {}): DocumentNodeJson => ({
  type: 'figure',
  attrs: { mediaId, alt: attrs.alt ?? 'Toàn cảnh hội nghị', credit: attrs.credit ?? 'Văn Đốc' },
  content: [{ type: 'text', text: 'Chú thích' }],
});
const doc = (...content: DocumentNodeJson[]): DocumentNodeJson => ({ type: 'doc', content });
const link = (href: string) => [{ type: 'link', attrs: { href } }];

/** A clean article: every field filled, the body closed by "./.". */
function article(changes: Partial<PreflightContent> = {}): PreflightContent {
  return {
    title: 'Hội nghị sơ kết',
    sapo: 'Ngày 05/7/2022, tại Trung tâm đã diễn ra Hội nghị.',
    body: doc(paragraph('Đoạn thân bài./.')),
    bylineRole: 'news',
    bylineName: 'Ngọc Sơn',
    photoCredit: '',
    photoCreditMode: 'auto',
    ...changes,
  };
}

const kinds = (content: PreflightContent, houseStyle: HouseStyle = defaultHouseStyle, review?: Parameters<typeof preflightArticle>[2]) =>
  preflightArticle(content, houseStyle, review).map((finding) => finding.kind);

describe('preflightArticle', () => {
  it('finds nothing in the seed article with the default house style', () => {
    expect(preflightArticle(seedArticle(), defaultHouseStyle)).toEqual([]);
    expect(preflightArticle(article(), defaultHouseStyle, { unresolvedComments: 0, pendingSuggestions: 0 })).toEqual([]);
  });

  it('points out a missing title, sapo and byline (spaces only count as missing), at their fields', () => {
    const findings = preflightArticle(article({ title: '  ', sapo: '', bylineName: ' ' }), defaultHouseStyle);
    expect(findings).toEqual([
      { kind: 'missing-title', severity: 'block', message: 'Bài chưa có tiêu đề.', place: { part: 'title' } },
      { kind: 'missing-sapo', severity: 'warn', message: 'Bài chưa có sapo.', place: { part: 'sapo' } },
      { kind: 'missing-byline', severity: 'block', message: 'Bài chưa ghi tên tác giả.', place: { part: 'byline' } },
    ]);
  });

  it('points out each photo without a credit or a description, by its number, caption block and media id', () => {
    const body = doc(
      paragraph('Mở đầu.'),
      figure('a'.repeat(64), { credit: ' ' }),
      figure('b'.repeat(64), { alt: '' }),
      paragraph('Kết./.'),
    );
    const findings = preflightArticle(article({ body }), defaultHouseStyle);
    expect(findings).toEqual([
      {
        kind: 'photo-without-credit',
        severity: 'block',
        message: 'Ảnh 1 chưa ghi nguồn ảnh (người chụp).',
        place: { part: 'figure', block: 1, mediaId: 'a'.repeat(64) },
      },
      {
        kind: 'photo-without-alt',
        severity: 'warn',
        message: 'Ảnh 2 chưa có mô tả ảnh cho người không xem được ảnh.',
        place: { part: 'figure', block: 2, mediaId: 'b'.repeat(64) },
      },
    ]);
  });

  it('takes a typed credit line or "Tin và ảnh" as crediting every photo', () => {
    const body = doc(figure('c'.repeat(64), { credit: '' }), paragraph('Kết./.'));
    expect(kinds(article({ body }))).toEqual(['photo-without-credit']);
    expect(kinds(article({ body, photoCreditMode: 'manual', photoCredit: 'Văn Đốc' }))).toEqual([]);
    expect(kinds(article({ body, bylineRole: 'newsAndPhotos' }))).toEqual([]);
    // A composed credit line is made from the photos' own credits: it credits nothing by itself.
    expect(kinds(article({ body, photoCreditMode: 'auto', photoCredit: 'Văn Đốc' }))).toEqual(['photo-without-credit']);
  });

  it('points out empty body paragraphs (a hard break alone is empty too), never an empty table cell', () => {
    const body = doc(
      paragraph('Mở đầu.'),
      paragraph(''),
      { type: 'paragraph', content: [{ type: 'hardBreak' }] },
      { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [paragraph('')] }] }] },
      paragraph('Kết./.'),
    );
    const findings = preflightArticle(article({ body }), defaultHouseStyle);
    expect(findings.map(({ kind, message, place }) => ({ kind, message, place }))).toEqual([
      { kind: 'empty-paragraph', message: 'Đoạn 2 để trống.', place: { part: 'body', block: 1 } },
      { kind: 'empty-paragraph', message: 'Đoạn 3 để trống.', place: { part: 'body', block: 2 } },
    ]);
  });

  it('asks for "./." at the end of the last non-empty paragraph only when the house style requires it', () => {
    const open = article({ body: doc(paragraph('Mở đầu.'), paragraph('Kết bài.'), figure('d'.repeat(64))) });
    expect(preflightArticle(open, defaultHouseStyle)).toEqual([
      {
        kind: 'end-mark',
        severity: 'warn',
        message: 'Bài chưa kết thúc bằng dấu ./. theo quy cách của tòa soạn.',
        place: { part: 'body', block: 1 },
      },
    ]);
    // Spaced out, it is not the mark yet; an empty trailing paragraph is only an empty paragraph.
    expect(kinds(article({ body: doc(paragraph('Kết bài. / .')) }))).toEqual(['end-mark']);
    expect(kinds(article({ body: doc(paragraph('Kết bài./.'), paragraph('')) }))).toEqual(['empty-paragraph']);
    expect(kinds(open, { ...defaultHouseStyle, endMark: 'off' })).toEqual([]);
    expect(kinds(open, { ...defaultHouseStyle, endMark: 'forbidden' })).toEqual([]);
    expect(kinds(article(), { ...defaultHouseStyle, endMark: 'off' })).toEqual([]);
  });

  it('points out links the export cannot keep, once each, with their place; http, https and mailto pass', () => {
    const body = doc(
      paragraph('Xem tại đây', link('javascript:alert(1)')),
      paragraph('Tải tệp', link('ftp://moit.gov.vn/a.pdf')),
      paragraph('Trang', link('https://moit.gov.vn')),
      paragraph('Thư', link('mailto:toasoan@moit.gov.vn')),
      paragraph('Trống', link('')),
      paragraph('Cuối bài./.'),
    );
    const findings = preflightArticle(article({ body }), defaultHouseStyle);
    expect(findings.map(({ kind, severity, message, place }) => ({ kind, severity, message, place }))).toEqual([
      {
        kind: 'unsafe-link',
        severity: 'block',
        message: 'Liên kết “javascript:alert(1)” ở đoạn 1 không phải http, https hay mailto: tệp xuất sẽ không giữ liên kết này.',
        place: { part: 'body', block: 0 },
      },
      {
        kind: 'unsafe-link',
        severity: 'block',
        message: 'Liên kết “ftp://moit.gov.vn/a.pdf” ở đoạn 2 không phải http, https hay mailto: tệp xuất sẽ không giữ liên kết này.',
        place: { part: 'body', block: 1 },
      },
      {
        kind: 'unsafe-link',
        severity: 'block',
        message: 'Liên kết trống ở đoạn 5: tệp xuất sẽ không giữ liên kết này.',
        place: { part: 'body', block: 4 },
      },
    ]);
  });

  it('lists open comments and pending suggestions last, at the review', () => {
    const findings = preflightArticle(article(), defaultHouseStyle, { unresolvedComments: 2, pendingSuggestions: 1 });
    expect(findings).toEqual([
      {
        kind: 'unresolved-comments',
        severity: 'warn',
        message: 'Bài còn 2 bình luận chưa xử lý. Bình luận không bao giờ có trong tệp xuất.',
        place: { part: 'comments' },
      },
      {
        kind: 'pending-suggestions',
        severity: 'block',
        message: 'Bài còn 1 đề xuất sửa chưa xử lý. Tệp xuất giữ chữ như khi từ chối mọi đề xuất.',
        place: { part: 'suggestions' },
      },
    ]);
  });

  it('lists findings in reading order: title, sapo, body, byline, review', () => {
    const content = article({ title: '', sapo: '', bylineName: '', body: doc(paragraph(''), paragraph('Kết.')) });
    expect(kinds(content, defaultHouseStyle, { unresolvedComments: 1, pendingSuggestions: 0 })).toEqual([
      'missing-title',
      'missing-sapo',
      'empty-paragraph',
      'end-mark',
      'missing-byline',
      'unresolved-comments',
    ]);
  });

  it('places body findings at the same block indexes the editor and the typography check use', () => {
    // Empty every text block of a body with nesting, tables and figures: each empty paragraph's block must be the
    // index articleTextBlocks gives it.
    const emptied = JSON.parse(JSON.stringify(doc(...everyFeatureBody)), (key: string, value: unknown) =>
      key === 'text' ? '' : value,
    ) as DocumentNodeJson;
    const expected = articleTextBlocks({ ...seedArticle(), body: emptied })
      .filter((block) => block.node === 'paragraph' && block.text.trim() === '')
      .map((block) => block.location.block);
    const found = preflightArticle(article({ body: emptied }), defaultHouseStyle)
      .filter((finding) => finding.kind === 'empty-paragraph')
      .map((finding) => (finding.place.part === 'body' ? finding.place.block : -1));
    expect(expected.length).toBeGreaterThan(2);
    expect(found).toEqual(expected);
  });
});
