import { describe, expect, it } from 'vitest';
import { findTonePlacementMismatches, placeToneMarks, type ToneStyle } from '../../shared/placeToneMarks';
import { seedArticleParts } from '../fixtures/seedArticle';

// Huyền, sắc, ngã, hỏi, nặng.
const tones = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

/** A word spelled letter by letter with the tone on the letter at `toneAt`, composed to NFC: the expected form. */
function spell(letters: string, toneAt: number, tone: string): string {
  return [...letters]
    .map((letter, index) => (index === toneAt ? letter + tone : letter))
    .join('')
    .normalize('NFC');
}

interface PlacementCase {
  onset: string;
  cluster: 'oa' | 'oe' | 'uy';
  coda: string;
}

// Each pair with a real onset, open and closed: hòa/hoàng, khỏe/khoét, thủy/huỳnh…
const cases: PlacementCase[] = [
  ...['h', 't', 'kh', 'th', 'ng', 'x', 'l'].flatMap((onset) =>
    ['', 'n', 'ng', 'c', 't', 'ch'].map((coda) => ({ onset, cluster: 'oa' as const, coda })),
  ),
  ...['kh', 'h', 'x', 't', 'nh', 'l'].flatMap((onset) => ['', 'n', 't'].map((coda) => ({ onset, cluster: 'oe' as const, coda }))),
  ...['th', 'h', 'l', 't', 's', 'ng', 'kh', 'tr', ''].flatMap((onset) =>
    ['', 'nh', 't', 'ch', 'p'].map((coda) => ({ onset, cluster: 'uy' as const, coda })),
  ),
];

describe('placeToneMarks on oa, oe, uy: every tone, with and without a final consonant', () => {
  for (const { onset, cluster, coda } of cases) {
    for (const tone of tones) {
      const letters = onset + cluster + coda;
      const first = onset.length;
      const second = onset.length + 1;
      // Open: the styles differ. Closed: the mark is on the second vowel in both.
      const oldStyle = spell(letters, coda === '' ? first : second, tone);
      const newStyle = spell(letters, second, tone);
      it(`${oldStyle} / ${newStyle}`, () => {
        for (const written of [oldStyle, newStyle]) {
          expect(placeToneMarks(written, 'old')).toBe(oldStyle);
          expect(placeToneMarks(written, 'new')).toBe(newStyle);
        }
      });
    }
  }
});

describe('placeToneMarks with the qu and gi onsets', () => {
  // The u of qu and the i of gi (before another vowel) belong to the onset: the mark is never on them.
  const rhymes = ['y', 'a', 'e', 'ê', 'ơ', 'ynh', 'yt', 'yên', 'an', 'ang', 'ôc', 'ăn', 'ân'];
  for (const rhyme of rhymes) {
    for (const tone of tones) {
      const vowelAt = [...rhyme].findIndex((letter) => 'ăâêơô'.includes(letter));
      const toneAt = 2 + (vowelAt >= 0 ? vowelAt : 0);
      const right = spell(`qu${rhyme}`, toneAt, tone);
      const wrong = spell(`qu${rhyme}`, 1, tone);
      it(`${right} in both styles, ${wrong} corrected`, () => {
        for (const style of ['old', 'new'] as const) {
          expect(placeToneMarks(right, style)).toBe(right);
          expect(placeToneMarks(wrong, style)).toBe(right);
        }
      });
    }
  }

  it.each([
    ['già', 'gìa'],
    ['giữa', 'gĩưa'],
    ['giờ', 'gìơ'],
    ['giường', 'gìương'],
    ['giếng', 'gíêng'],
    ['giặt', 'gịăt'],
  ])('gi before a vowel: %s (not %s) in both styles', (right, wrong) => {
    for (const style of ['old', 'new'] as const) {
      expect(placeToneMarks(right, style)).toBe(right);
      expect(placeToneMarks(wrong, style)).toBe(right);
    }
  });

  it.each(['gì', 'gìn', 'gỉ', 'Gì'])('gi with no other vowel: %s keeps the mark on its i', (word) => {
    expect(placeToneMarks(word, 'old')).toBe(word);
    expect(placeToneMarks(word, 'new')).toBe(word);
  });
});

describe('placeToneMarks on the rest of Vietnamese', () => {
  it.each([
    'của',
    'múa',
    'mía',
    'mưa',
    'người',
    'rượu',
    'muối',
    'hoài',
    'xoáy',
    'khuỷu',
    'khoèo',
    'ngoẹo',
    'khuấy',
    'chuyện',
    'thuyền',
    'Nguyễn',
    'huỳnh',
    'thuở',
    'huế',
    'xoắn',
    'soóc',
    'kéo',
    'máy',
    'túi',
    'cứu',
    'gửi',
    'Mỹ',
    'kỹ',
    'ý',
    'ủa',
  ])('writes %s the same in both styles', (word) => {
    expect(placeToneMarks(word, 'old')).toBe(word);
    expect(placeToneMarks(word, 'new')).toBe(word);
  });

  it.each([
    ['tòan', 'toàn'],
    ['hóan', 'hoán'],
    ['hùynh', 'huỳnh'],
    ['ngừơi', 'người'],
    ['muà', 'mùa'],
    ['qủa', 'quả'],
  ])('moves a misplaced mark in both styles: %s → %s', (wrong, right) => {
    expect(placeToneMarks(wrong, 'old')).toBe(right);
    expect(placeToneMarks(wrong, 'new')).toBe(right);
  });

  it('keeps each letter’s case', () => {
    expect(placeToneMarks('HÒA BÌNH, Thủy Lợi, KHỎE, ỦY BAN, QÚY', 'new')).toBe('HOÀ BÌNH, Thuỷ Lợi, KHOẺ, UỶ BAN, QUÝ');
    expect(placeToneMarks('HOÀ BÌNH, Thuỷ Lợi, KHOẺ, UỶ BAN', 'old')).toBe('HÒA BÌNH, Thủy Lợi, KHỎE, ỦY BAN');
  });

  it('reads decomposed (NFD) text and answers in NFC', () => {
    const decomposed = 'Đảng ủy và Hòa Bình'.normalize('NFD');
    expect(placeToneMarks(decomposed, 'new')).toBe('Đảng uỷ và Hoà Bình');
    expect(placeToneMarks(decomposed, 'old')).toBe('Đảng ủy và Hòa Bình');
  });

  it.each(['Café', 'José', 'Björk', 'façade', 'Zoë', 'Jóa', 'COVID-19', 'Москва́', 'naïve', 'hòaa'])(
    'leaves the non-Vietnamese %s alone',
    (word) => {
      expect(placeToneMarks(word, 'new')).toBe(word);
      expect(findTonePlacementMismatches(word, 'old')).toEqual([]);
    },
  );

  it('leaves a word with two tone marks alone: there is no telling which one is meant', () => {
    expect(placeToneMarks('hòá', 'new')).toBe('hòá');
  });
});

describe('findTonePlacementMismatches', () => {
  it('gives each word to change with its range and replacement', () => {
    const text = 'Hòa Bình, Đảng ủy và qúy vị đều khỏe.';
    const mismatches = findTonePlacementMismatches(text, 'new');
    expect(mismatches.map(({ found, replacement }) => [found, replacement])).toEqual([
      ['Hòa', 'Hoà'],
      ['ủy', 'uỷ'],
      ['qúy', 'quý'],
      ['khỏe', 'khoẻ'],
    ]);
    for (const mismatch of mismatches) expect(text.slice(mismatch.start, mismatch.end)).toBe(mismatch.found);
    expect(findTonePlacementMismatches(text, 'old').map((mismatch) => mismatch.found)).toEqual(['qúy']);
  });

  it('gives ranges in the text as given, even decomposed', () => {
    const text = 'Phó Bí thư Đảng ủy'.normalize('NFD');
    const [mismatch] = findTonePlacementMismatches(text, 'new');
    expect(text.slice(mismatch!.start, mismatch!.end).normalize('NFC')).toBe('ủy');
    expect(mismatch!.end).toBe(text.length);
  });

  it('finds the seed article written in the old placement: clean under old, "ủy" twice under new', () => {
    const { title, sapo, paragraphs } = seedArticleParts();
    const text = [title, sapo, ...paragraphs].join('\n');
    const check = (style: ToneStyle) => findTonePlacementMismatches(text, style).map((mismatch) => mismatch.replacement);
    expect(check('old')).toEqual([]);
    expect(check('new')).toEqual(['uỷ', 'uỷ']);
    expect(placeToneMarks(placeToneMarks(text, 'new'), 'old')).toBe(text);
  });
});
