import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeLegacy } from '../../shared/legacyEncodings/decodeLegacy';
import { encodeLegacy } from '../../shared/legacyEncodings/encodeLegacy';

const seedArticle = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../fixtures/seed-article.txt'), 'utf8');
/** The seed article as TCVN3's lower-case fonts can hold it: its capitals with a tone (“Ảnh”) set in small letters. */
const seedForTcvn3 = seedArticle.replace(/\p{Lu}/gu, (capital) => (/[A-ZĂÂÊÔƠƯĐ]/u.test(capital) ? capital : capital.toLowerCase()));

describe('decodeLegacy', () => {
  it('reads real-world snippets in each encoding', () => {
    expect(decodeLegacy('Héi nghÞ', 'tcvn3')).toBe('Hội nghị');
    expect(decodeLegacy('Hµ Néi, §µ N½ng, ViÖt Nam', 'tcvn3')).toBe('Hà Nội, Đà Nẵng, Việt Nam');
    expect(decodeLegacy('Vieät Nam, Ñaø Naüng, thaønh phoá Hoà Chí Minh', 'vni')).toBe('Việt Nam, Đà Nẵng, thành phố Hồ Chí Minh');
    expect(decodeLegacy('Vie^.t Nam, Ha` No^.i, ddu+o+`ng', 'viqr')).toBe('Việt Nam, Hà Nội, đường');
  });

  it('reads the upper-case TCVN3 fonts, whose lower-case positions and ASCII small letters are capitals', () => {
    expect(decodeLegacy('héi nghÞ', 'tcvn3Upper')).toBe('HỘI NGHỊ');
    expect(decodeLegacy('§¶NG', 'tcvn3Upper')).toBe('ĐẢNG');
  });

  it('takes VNI capitals with either case of mark, the base letter deciding (Word’s Title Case leaves the mark small)', () => {
    expect(decodeLegacy('AÙO', 'vni')).toBe('ÁO');
    expect(decodeLegacy('Aùo', 'vni')).toBe('Áo');
    expect(decodeLegacy('NGÖÔØI', 'vni')).toBe('NGƯỜI');
  });

  it('reads in one pass, never reading a decoded letter again', () => {
    // Chained replacements would turn TCVN3's ¸ into á, then á (a TCVN3 byte itself) into ỏ.
    expect(decodeLegacy('¸', 'tcvn3')).toBe('á');
    // VNI: "aø" is à; the à must not then join the a before it as the mark of ầ.
    expect(decodeLegacy('aaø', 'vni')).toBe('aà');
    // VIQR: a tone mark is read once; the second is literal.
    expect(decodeLegacy("a''", 'viqr')).toBe("á'");
  });

  it('takes the longest sequence at each place', () => {
    expect(decodeLegacy("a^'", 'viqr')).toBe('ấ');
    expect(decodeLegacy('u+o+`', 'viqr')).toBe('ườ');
    expect(decodeLegacy('ddd', 'viqr')).toBe('đd');
    expect(decodeLegacy('oâ', 'vni')).toBe('ô');
    expect(decodeLegacy('ô', 'vni')).toBe('ơ');
  });

  it('keeps VIQR’s escaped characters literal and a backslash before anything else as it is', () => {
    expect(decodeLegacy('Ha` No^.i\\.', 'viqr')).toBe('Hà Nội.');
    expect(decodeLegacy('Ai do\\?', 'viqr')).toBe('Ai do?');
    expect(decodeLegacy('d\\d', 'viqr')).toBe('dd');
    expect(decodeLegacy('\\\\', 'viqr')).toBe('\\');
    expect(decodeLegacy('C:\\temp\\x', 'viqr')).toBe('C:\\temp\\x');
    expect(decodeLegacy('cuối\\', 'viqr')).toBe('cuối\\');
  });

  it('keeps what the table does not know, and other scripts and emoji whole', () => {
    expect(decodeLegacy('100 € — “ok”… 😀 中文 ‰', 'tcvn3')).toBe('100 € — “ok”… 😀 中文 ‰');
    expect(decodeLegacy('100 € — “ok”… 😀 中文 ‰', 'vni')).toBe('100 € — “ok”… 😀 中文 ‰');
    // Unicode Vietnamese read as TCVN3 does change (á is TCVN3's ỏ): which text is legacy is detectLegacyEncoding's call.
    expect(decodeLegacy('Giá tốt', 'tcvn3')).toBe('Giỏ tốt');
    expect(decodeLegacy('', 'vni')).toBe('');
    expect(decodeLegacy('plain ASCII 123', 'tcvn3')).toBe('plain ASCII 123');
  });

  it('answers in NFC', () => {
    const decoded = decodeLegacy('Vieät Nam o\u0302\u0301', 'vni');
    expect(decoded).toBe(decoded.normalize('NFC'));
    expect(decoded).toBe('Việt Nam ố');
  });

  it('gives back the whole seed article from each encoding', () => {
    const unicode = seedArticle.normalize('NFC');
    expect(decodeLegacy(encodeLegacy(unicode, 'vni'), 'vni')).toBe(unicode);
    expect(decodeLegacy(encodeLegacy(unicode, 'viqr'), 'viqr')).toBe(unicode);
    expect(decodeLegacy(encodeLegacy(seedForTcvn3, 'tcvn3'), 'tcvn3')).toBe(seedForTcvn3.normalize('NFC'));
    expect(decodeLegacy(encodeLegacy(unicode.toUpperCase(), 'tcvn3Upper'), 'tcvn3Upper')).toBe(unicode.toUpperCase());
  });

  it('decodes a 10,000-word article whole', () => {
    const long = Array.from({ length: 20 }, () => seedArticle.normalize('NFC')).join('\n');
    expect(long.split(/\s+/u).length).toBeGreaterThan(10_000);
    expect(decodeLegacy(encodeLegacy(long, 'vni'), 'vni')).toBe(long);
  });
});
