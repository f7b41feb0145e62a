import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../../../shared/foldForSearch';
import { buildSnippet } from '../../../electron/main/search/buildSnippet';
import { articleSearchText } from '../../../electron/main/search/articleSearchText';
import { sampleContent } from '../../support/sampleContent';

describe('foldForSearch', () => {
  it('strips Vietnamese diacritics and case, turning đ into d', () => {
    expect(foldForSearch('Hội nghị Đảng ủy đã diễn ra')).toBe('hoi nghi dang uy da dien ra');
  });

  it('keeps the text length, so an offset in the folded text is the same offset in the original', () => {
    const text = 'Ảnh: Văn Đốc — “Sơ kết” 😀 İstanbul';
    expect(foldForSearch(text)).toHaveLength(text.length);
  });
});

describe('buildSnippet', () => {
  it('cuts a piece around the first match and gives ranges that mark the matched words in the original text', () => {
    const text = `${'Mở đầu bài viết dài. '.repeat(20)}Tại Hội nghị, đồng chí Nguyễn Toàn Thắng phát biểu. ${'Kết thúc. '.repeat(20)}`;
    const snippet = buildSnippet(text, ['hoi', 'nghi'])!;
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.ranges.map(([start, end]) => snippet.text.slice(start, end))).toEqual(['Hội', 'nghị']);
  });

  it('returns nothing when no word of the text begins with a query word', () => {
    expect(buildSnippet('Trung tâm Khuyến công', ['hoi'])).toBeNull();
  });
});

describe('articleSearchText', () => {
  it('covers the sapo, body paragraphs, photo captions and credits, byline and photo credit', () => {
    const text = articleSearchText(
      sampleContent({
        sapo: 'Sapo ngắn.',
        body: {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Đoạn một.' }] },
            {
              type: 'figure',
              attrs: { mediaId: 'a'.repeat(64), alt: 'Toàn cảnh', credit: 'Minh Đức' },
              content: [{ type: 'text', text: 'Chú thích ảnh' }],
            },
          ],
        },
        bylineName: 'Ngọc Sơn',
        photoCredit: 'Văn Đốc',
      }),
    );
    for (const part of ['Sapo ngắn.', 'Đoạn một.', 'Chú thích ảnh', 'Toàn cảnh', 'Minh Đức', 'Ngọc Sơn', 'Văn Đốc'])
      expect(text).toContain(part);
  });
});
