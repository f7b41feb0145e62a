import { describe, expect, it } from 'vitest';
import { findMatches, replaceMatches, type FindOptions } from '../../shared/findMatches';
import { foldForFind } from '../../shared/foldForFind';
import { foldForSearch } from '../../shared/foldForSearch';
import { foldVietnamese } from '../../shared/foldVietnamese';
import { seedArticleParts } from '../fixtures/seedArticle';

const plain: FindOptions = { matchCase: false, wholeWord: false, ignoreDiacritics: false };
const folding: FindOptions = { ...plain, ignoreDiacritics: true };
const found = (text: string, query: string, options: FindOptions) =>
  findMatches(text, query, options).map(({ start, end }) => text.slice(start, end));

const { title, sapo, paragraphs } = seedArticleParts();
const seedText = [title, sapo, ...paragraphs].join('\n');

describe('foldForFind', () => {
  it('folds as the library search does, for NFC and NFD text alike', () => {
    const folded = foldForFind(seedText, folding).text;
    expect(folded).toBe(foldVietnamese(seedText));
    expect(folded).toBe(foldForSearch(seedText));
    expect(foldForFind(seedText.normalize('NFD'), folding).text).toBe(folded);
  });

  it('keeps case when asked, still dropping diacritics and turning Đ into D', () => {
    expect(foldForFind('Đồng chí Đặng Quang Thiện', { matchCase: true, ignoreDiacritics: true }).text).toBe('Dong chi Dang Quang Thien');
  });

  it('compares in NFC without ignoreDiacritics', () => {
    expect(foldForFind('Hội Nghị'.normalize('NFD'), plain).text).toBe('hội nghị');
    expect(foldForFind('Hội Nghị'.normalize('NFD'), { ...plain, matchCase: true }).text).toBe('Hội Nghị');
  });

  it('maps every folded unit to the whole character it came from', () => {
    const text = 'Đệ'.normalize('NFD');
    const folded = foldForFind(text, folding);
    expect(folded.text).toBe('de');
    expect(text).toHaveLength(4);
    expect([folded.starts, folded.ends]).toEqual([
      [0, 1],
      [1, 4],
    ]);
  });
});

describe('findMatches', () => {
  it('finds every occurrence, case-insensitively by default', () => {
    expect(found(seedText, 'trung tâm', plain)).toHaveLength(seedText.split(/trung tâm/i).length - 1);
    expect(found('Hội nghị hội nghị HỘI NGHỊ', 'hội nghị', plain)).toEqual(['Hội nghị', 'hội nghị', 'HỘI NGHỊ']);
  });

  it('matches case when asked', () => {
    expect(found('Hội nghị hội nghị HỘI NGHỊ', 'hội nghị', { ...plain, matchCase: true })).toEqual(['hội nghị']);
  });

  it('tells diacritics apart unless told to ignore them', () => {
    const text = 'Ba bà bá bả bã bạ';
    expect(found(text, 'bà', plain)).toEqual(['bà']);
    expect(found(text, 'ba', folding)).toEqual(['Ba', 'bà', 'bá', 'bả', 'bã', 'bạ']);
    expect(found(text, 'bả', folding)).toEqual(['Ba', 'bà', 'bá', 'bả', 'bã', 'bạ']);
  });

  it('ignoring diacritics, finds "dang uy" in "Đảng ủy" and "hoi nghi" in the seed article', () => {
    expect(found(seedText, 'dang uy', folding)).toEqual(['Đảng ủy', 'Đảng ủy']);
    expect(found(seedText, 'hoi nghi', folding).every((match) => foldVietnamese(match) === 'hoi nghi')).toBe(true);
    expect(found(seedText, 'HOI NGHI', { ...folding, matchCase: true })).toEqual([]);
    expect(found(seedText, 'Hoi nghi', { ...folding, matchCase: true })).toEqual(
      found(seedText, 'Hội nghị', { ...plain, matchCase: true }),
    );
  });

  it('gives ranges of the original text when it is decomposed (NFD), marks included', () => {
    const text = 'Phó Bí thư Đảng ủy, Giám đốc Trung tâm'.normalize('NFD');
    for (const options of [plain, folding]) {
      const matches = findMatches(text, 'Đảng ủy', options);
      expect(matches).toHaveLength(1);
      expect(text.slice(matches[0]!.start, matches[0]!.end).normalize('NFC')).toBe('Đảng ủy');
      expect(findMatches(text, 'giam doc', folding).map(({ start, end }) => text.slice(start, end).normalize('NFC'))).toEqual(['Giám đốc']);
    }
  });

  it('finds NFD queries in NFC text and the other way round', () => {
    expect(found('Ngọc Sơn', 'Ngọc'.normalize('NFD'), plain)).toEqual(['Ngọc']);
    expect(found('Ngọc Sơn'.normalize('NFD'), 'Sơn', plain).map((match) => match.normalize('NFC'))).toEqual(['Sơn']);
  });

  it('keeps offsets right after characters of two UTF-16 units', () => {
    const text = '😀 Hà Nội 👍🏽 hà nội';
    expect(found(text, 'ha noi', folding)).toEqual(['Hà Nội', 'hà nội']);
  });

  it('as a whole word, treats Vietnamese letters with diacritics as letters', () => {
    const text = 'Hà Nội, Hàng Bài, Thái Hà, Hạ Long, hà.';
    expect(found(text, 'hà', { ...plain, wholeWord: true })).toEqual(['Hà', 'Hà', 'hà']);
    expect(found(text, 'ha', { ...folding, wholeWord: true })).toEqual(['Hà', 'Hà', 'Hạ', 'hà']);
    expect(found(text, 'ha', folding)).toHaveLength(6);
    expect(found('người ngư dân', 'ng', { ...plain, wholeWord: true })).toEqual([]);
    expect(found('người ngư dân', 'ngư', { ...plain, wholeWord: true })).toEqual(['ngư']);
  });

  it('never ends a match between a decomposed letter and its marks', () => {
    const text = 'Ho Hồ Hố'.normalize('NFD');
    expect(found(text, 'ho', plain)).toEqual(['Ho']);
    expect(found(text, 'ho', { ...folding, wholeWord: true }).map((match) => match.normalize('NFC'))).toEqual(['Ho', 'Hồ', 'Hố']);
  });

  it('as a whole word, looks past a rejected place for the next one', () => {
    expect(found('aaa aa', 'aa', { ...plain, wholeWord: true })).toEqual(['aa']);
  });

  it('finds punctuation queries, whole word or not', () => {
    expect(found('Tin: Ngọc Sơn. Ảnh: Văn Đốc', ': ', { ...plain, wholeWord: true })).toEqual([': ', ': ']);
  });

  it('finds nothing for an empty query, or one that folds to nothing', () => {
    expect(findMatches(seedText, '', folding)).toEqual([]);
    expect(findMatches(seedText, '\u0301', folding)).toEqual([]);
  });

  it('does not return overlapping matches', () => {
    expect(findMatches('aaaa', 'aa', plain)).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
  });
});

describe('replaceMatches', () => {
  it('replaces every match, the rest of the text untouched', () => {
    const text = 'Đảng ủy Cục Công Thương; Đảng uỷ Bộ.';
    expect(replaceMatches(text, findMatches(text, 'dang uy', folding), 'Đảng ủy')).toBe('Đảng ủy Cục Công Thương; Đảng ủy Bộ.');
  });

  it('replaces in decomposed text without leaving stray marks', () => {
    const text = 'Hội nghị sơ kết'.normalize('NFD');
    const replaced = replaceMatches(text, findMatches(text, 'hoi nghi', folding), 'Hội thảo');
    expect(replaced.normalize('NFC')).toBe('Hội thảo sơ kết');
  });

  it('takes the replacement literally and skips overlapping matches', () => {
    expect(replaceMatches('a-b-c', [{ start: 1, end: 2 }], '$&')).toBe('a$&b-c');
    expect(
      replaceMatches(
        'abcdef',
        [
          { start: 2, end: 4 },
          { start: 0, end: 3 },
        ],
        'X',
      ),
    ).toBe('Xdef');
  });
});
