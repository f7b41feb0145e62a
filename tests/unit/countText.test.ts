import { describe, expect, it } from 'vitest';
import { countArticle } from '../../shared/countArticle';
import { countText, readingMinutesFor, readingSyllablesPerMinute } from '../../shared/countText';
import { figure, paragraph, redJpegId, text } from '../fixtures/everyFeatureBody';
import { seedArticle, seedArticleParts } from '../fixtures/seedArticle';
import { sampleContent } from '../support/sampleContent';

describe('countText', () => {
  it('counts syllables between spaces as words', () => {
    expect(countText('Hà Nội').words).toBe(2);
    expect(countText('Ngày 05/7/2022, tại Trung tâm Khuyến công').words).toBe(7);
    expect(countText('  Trung   tâm\nKhuyến\tcông  ').words).toBe(4);
  });

  it('counts numbers and mixed tokens as words, punctuation alone as none', () => {
    expect(countText('Năm 2022 có 1.000 ca COVID-19').words).toBe(6);
    expect(countText('Hội nghị – sơ kết … “ ” ./.').words).toBe(4);
    expect(countText('phát triển./.').words).toBe(2);
    expect(countText('').words).toBe(0);
  });

  it('counts characters with and without spaces, a line break as neither', () => {
    expect(countText('Hội nghị')).toMatchObject({ characters: 8, charactersWithoutSpaces: 7 });
    expect(countText('Tin\nNgọc Sơn')).toMatchObject({ characters: 11, charactersWithoutSpaces: 10 });
  });

  it('counts a decomposed (NFD) letter as the one character the reader sees', () => {
    const composed = countText('Nguyễn Toàn Thắng');
    expect(countText('Nguyễn Toàn Thắng'.normalize('NFD'))).toEqual(composed);
    expect(composed).toMatchObject({ characters: 17, charactersWithoutSpaces: 15 });
  });

  it('counts an emoji, with a skin tone or joined into a family, as one character', () => {
    expect(countText('👍🏽 👨‍👩‍👧 ✓')).toMatchObject({ characters: 5, charactersWithoutSpaces: 3, words: 0 });
    expect(countText('😀 Hà')).toMatchObject({ characters: 4, charactersWithoutSpaces: 3, words: 1 });
    expect(countText('❤️ a')).toMatchObject({ characters: 3, charactersWithoutSpaces: 2 });
  });

  it(`reads ${readingSyllablesPerMinute} syllables a minute, rounding up`, () => {
    expect(readingMinutesFor(0)).toBe(0);
    expect(readingMinutesFor(1)).toBe(1);
    expect(readingMinutesFor(readingSyllablesPerMinute)).toBe(1);
    expect(readingMinutesFor(readingSyllablesPerMinute + 1)).toBe(2);
    expect(countText('Hội nghị sơ kết. '.repeat(150)).readingMinutes).toBe(Math.ceil(600 / readingSyllablesPerMinute));
  });
});

describe('countArticle', () => {
  it('counts the seed article: title, sapo and body, every character of them', () => {
    const { title, sapo, paragraphs } = seedArticleParts();
    const counts = countArticle(seedArticle());
    // The seed's title, counted by hand: 34 syllables and numbers between spaces.
    expect(counts.parts.title.words).toBe(34);
    // Every letter of the seed is one UTF-16 unit in NFC, so its length is its character count.
    expect(counts.parts.title.characters).toBe(title.length);
    expect(counts.parts.title.charactersWithoutSpaces).toBe(title.replace(/ /g, '').length);
    expect(counts.parts.sapo.characters).toBe(sapo.length);
    expect(counts.parts.body.characters).toBe(paragraphs.join('').length);
    expect(counts.parts.caption.words).toBe(0);
    const parts = [counts.parts.title, counts.parts.sapo, counts.parts.body];
    expect(counts.total.words).toBe(parts.reduce((total, part) => total + part.words, 0));
    expect(counts.total.characters).toBe(title.length + sapo.length + paragraphs.join('').length);
    expect(counts.total.readingMinutes).toBe(Math.ceil(counts.total.words / readingSyllablesPerMinute));
  });

  it('counts captions and nested blocks, not the byline, the credit or a photo’s alt text', () => {
    const content = sampleContent({
      title: 'Hội nghị sơ kết',
      sapo: '',
      bylineName: 'Ngọc Sơn Văn Đốc',
      photoCredit: 'Văn Đốc',
      body: {
        type: 'doc',
        content: [
          paragraph([text('Đoạn một')]),
          { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph([text('Ý thứ nhất')])] }] },
          { type: 'blockquote', content: [paragraph([text('Trích'), { type: 'hardBreak' }, text('dẫn')])] },
          figure(redJpegId, [text('Quang cảnh Hội nghị')], { alt: 'Ảnh hội trường rất đông người', credit: 'Văn Đốc' }),
          paragraph([]),
        ],
      },
    });
    const counts = countArticle(content);
    expect(counts.parts.body.words).toBe(2 + 3 + 2);
    expect(counts.parts.caption.words).toBe(4);
    expect(counts.total.words).toBe(4 + 7 + 4);
    expect(counts.parts.body.characters).toBe('Đoạn một'.length + 'Ý thứ nhất'.length + 'Tríchdẫn'.length);
  });
});
