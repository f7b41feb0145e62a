import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectLegacyEncoding } from '../../shared/legacyEncodings/detectLegacyEncoding';
import { encodeLegacy } from '../../shared/legacyEncodings/encodeLegacy';
import { legacyEncodingOfFont } from '../../shared/legacyEncodings/legacyEncodingOfFont';

const seedArticle = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../fixtures/seed-article.txt'), 'utf8').normalize('NFC');
/** The seed article as TCVN3's lower-case fonts can hold it: its capitals with a tone (“Ảnh”) set in small letters. */
const seedForTcvn3 = seedArticle.replace(/\p{Lu}/gu, (capital) => (/[A-ZĂÂÊÔƠƯĐ]/u.test(capital) ? capital : capital.toLowerCase()));
const seedParagraphs = seedArticle.split(/\n\s*\n/u).filter((paragraph) => paragraph.trim().split(/\s+/u).length > 20);

const english =
  "The minister said on Tuesday that the plan, which costs 5 million €, would go ahead. “It's fine,” she said. Isn't it? " +
  "I'm sure we'll see. Do you agree? Let me know. So. Copyright © 2024 Acme Ltd. Naïve café résumé, 5 µm, 90°, ±2%, § 4.";

describe('legacyEncodingOfFont', () => {
  it('knows the ABC fonts, their upper-case twins and the VNI fonts by name', () => {
    expect(legacyEncodingOfFont('.VnTime')).toBe('tcvn3');
    expect(legacyEncodingOfFont('.VnArial Narrow')).toBe('tcvn3');
    expect(legacyEncodingOfFont("'.VnTimeH'")).toBe('tcvn3Upper');
    expect(legacyEncodingOfFont(' ".VnArial NarrowH" ')).toBe('tcvn3Upper');
    expect(legacyEncodingOfFont('VNI-Times')).toBe('vni');
    expect(legacyEncodingOfFont('vni-helve')).toBe('vni');
    for (const font of ['Times New Roman', 'Arial', 'Vnitas', 'Calibri', '', 'VnTime']) expect(legacyEncodingOfFont(font), font).toBeNull();
  });
});

describe('detectLegacyEncoding', () => {
  it('believes the font names, the upper-case fonts included', () => {
    expect(detectLegacyEncoding({ text: 'Héi nghÞ', fontNames: ['Times New Roman', '.VnTime'] })).toEqual({
      encoding: 'tcvn3',
      confidence: 1,
      fromFontNames: true,
    });
    expect(detectLegacyEncoding({ text: 'héi nghÞ', fontNames: ['.VnTimeH'] })).toMatchObject({
      encoding: 'tcvn3Upper',
      fromFontNames: true,
    });
    expect(detectLegacyEncoding({ text: 'Vieät Nam', fontNames: ['VNI-Times'] })).toMatchObject({ encoding: 'vni', fromFontNames: true });
    // Most runs decide: one heading in .VnTimeH over a body in .VnTime is TCVN3.
    expect(detectLegacyEncoding({ text: 'Hµ Néi', fontNames: ['.VnTimeH', '.VnTime', '.VnTime'] })?.encoding).toBe('tcvn3');
  });

  it('does not believe a legacy font over text typed in Unicode, or over text it would not change', () => {
    expect(detectLegacyEncoding({ text: 'Hội nghị sơ kết công tác', fontNames: ['.VnTime'] })).toBeNull();
    expect(detectLegacyEncoding({ text: 'Tôi đã đến Hà Nội', fontNames: ['VNI-Times'] })).toBeNull();
    expect(detectLegacyEncoding({ text: 'ABC 123', fontNames: ['.VnTime'] })).toBeNull();
  });

  it('finds real-world snippets by their words', () => {
    expect(detectLegacyEncoding({ text: 'Héi nghÞ' })?.encoding).toBe('tcvn3');
    expect(detectLegacyEncoding({ text: 'Hµ Néi, ngµy 5 th¸ng 7' })?.encoding).toBe('tcvn3');
    expect(detectLegacyEncoding({ text: 'Vie^.t Nam' })?.encoding).toBe('viqr');
    expect(detectLegacyEncoding({ text: 'Vieät Nam' })?.encoding).toBe('vni');
    expect(detectLegacyEncoding({ text: 'Thaønh phoá Hoà Chí Minh' })?.encoding).toBe('vni');
    expect(detectLegacyEncoding({ text: 'Héi nghÞ' })?.fromFontNames).toBe(false);
  });

  it('finds the seed article in each encoding, paragraph by paragraph and whole, with high confidence', () => {
    const samples = [
      ['tcvn3', encodeLegacy(seedForTcvn3, 'tcvn3')],
      ['vni', encodeLegacy(seedArticle, 'vni')],
      ['viqr', encodeLegacy(seedArticle, 'viqr')],
      ...seedParagraphs.map((paragraph) => ['vni', encodeLegacy(paragraph, 'vni')]),
      ...seedParagraphs.map((paragraph) => ['viqr', encodeLegacy(paragraph, 'viqr')]),
    ] as const;
    for (const [encoding, text] of samples) {
      const guess = detectLegacyEncoding({ text });
      expect(guess?.encoding, text.slice(0, 60)).toBe(encoding);
      expect(guess!.confidence, text.slice(0, 60)).toBeGreaterThanOrEqual(0.6);
    }
    expect(detectLegacyEncoding({ text: encodeLegacy(seedForTcvn3, 'tcvn3') })!.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('leaves Unicode Vietnamese, English, ASCII and stray symbols alone', () => {
    const samples = [
      seedArticle,
      ...seedParagraphs,
      seedArticle.normalize('NFD'),
      seedArticle.toUpperCase(),
      english,
      'Hello, world!',
      'OK',
      '',
      '   ',
      '2022-07-08 10:30',
      'Hạt bụi mịn PM2.5 đo được 5 µm, giá 100 € ©',
      'Kích thước 5 µm',
      'Size: 5 µm',
      '© Báo Nhân Dân',
      'Trang 3 · Thời sự » Xã hội',
      'Café Trung Nguyên, bánh mì pâté',
      "C'est à côté de l'église, où il a été élevé. Ça va? Très bien.",
      'Die Größe der Äpfel über alles, schön und müde.',
      'El niño comió una piña en el año pasado, ¿sí?',
      'Hoi nghi so ket cong tac 6 thang dau nam',
      'Tôi là ai? Cô ấy đó. Có chứ!',
      "Do you know? Me too. I'd go. So. Be. He. We. She. Me? Go. No.",
    ];
    for (const text of samples) expect(detectLegacyEncoding({ text }), text.slice(0, 60)).toBeNull();
  });

  it('answers for a 10,000-word text', () => {
    const long = Array.from({ length: 20 }, () => encodeLegacy(seedArticle, 'vni')).join('\n');
    expect(long.split(/\s+/u).length).toBeGreaterThan(10_000);
    expect(detectLegacyEncoding({ text: long })?.encoding).toBe('vni');
    expect(detectLegacyEncoding({ text: Array.from({ length: 20 }, () => seedArticle).join('\n') })).toBeNull();
  });
});
