import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeLegacy } from '../../shared/legacyEncodings/decodeLegacy';
import { encodeLegacy, UnencodableCharacterError } from '../../shared/legacyEncodings/encodeLegacy';
import { legacyEncodings, legacyTables } from '../../shared/legacyEncodings/LegacyEncoding';
import { fromWindows1252Byte } from '../../shared/legacyEncodings/windows1252';
import { vietnameseLetterForms } from '../../shared/vietnameseLetters';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/legacyEncodings');
const lowerCase = vietnameseLetterForms.filter((letter) => letter === letter.toLowerCase());
const upperCase = vietnameseLetterForms.filter((letter) => letter !== letter.toLowerCase());

/** The byte each character of a legacy sequence stands for, read back through Windows-1252. */
function bytesOf(sequence: string): number[] {
  return [...sequence].map((character) => {
    const byte = Array.from({ length: 256 }, (_, index) => index).find((candidate) => fromWindows1252Byte(candidate) === character);
    if (byte === undefined) throw new Error(`${character} is not a Windows-1252 character`);
    return byte;
  });
}

describe('the Vietnamese letter forms', () => {
  it('are 134 distinct NFC letters: 67 lower-case outside ASCII and their capitals', () => {
    expect(vietnameseLetterForms).toHaveLength(134);
    expect(new Set(vietnameseLetterForms).size).toBe(134);
    expect(lowerCase).toHaveLength(67);
    expect(upperCase.map((letter) => letter.toLowerCase())).toEqual(lowerCase);
    for (const letter of vietnameseLetterForms) {
      expect(letter.normalize('NFC')).toBe(letter);
      expect(letter.length).toBe(1);
      expect(letter.charCodeAt(0)).toBeGreaterThan(0x7f);
    }
    expect(lowerCase).toEqual(expect.arrayContaining(['ă', 'â', 'đ', 'ê', 'ô', 'ơ', 'ư', 'ấ', 'ự', 'ỹ', 'ỵ']));
  });
});

describe('Windows-1252', () => {
  it('gives 0xA0–0xFF as the same code points and 0x80–0x9F as the code page’s own', () => {
    expect(fromWindows1252Byte(0xad)).toBe('\u00ad');
    expect(fromWindows1252Byte(0xe9)).toBe('é');
    expect(fromWindows1252Byte(0x80)).toBe('€');
    expect(fromWindows1252Byte(0x82)).toBe('\u201a');
    expect(fromWindows1252Byte(0x93)).toBe('“');
    expect(fromWindows1252Byte(0x9f)).toBe('Ÿ');
    expect(fromWindows1252Byte(0x81)).toBe('\u0081');
    expect(() => fromWindows1252Byte(256)).toThrow(RangeError);
  });
});

describe('the TCVN3 table', () => {
  const glibc = JSON.parse(readFileSync(join(fixtures, 'tcvn5712-1.glibc.json'), 'utf8')) as Record<string, string>;
  const vn1 = new Map(
    Object.entries(glibc).map(([byte, codePoint]) => [Number.parseInt(byte, 16), String.fromCodePoint(Number.parseInt(codePoint, 16))]),
  );

  it('puts every letter where TCVN 5712 (as glibc converts VN1) puts it, in bytes 0xA1–0xFE', () => {
    const { encode } = legacyTables.tcvn3;
    expect(encode.size).toBe(67 + 7);
    for (const [letter, sequence] of encode) {
      const [byte] = bytesOf(sequence);
      expect(sequence).toHaveLength(1);
      expect(byte).toBeGreaterThanOrEqual(0xa1);
      expect(vn1.get(byte!), `byte ${byte!.toString(16)}`).toBe(letter);
    }
  });

  it('has the 67 lower-case letters and the seven capitals without a tone, nothing more', () => {
    const letters = [...legacyTables.tcvn3.encode.keys()];
    expect(letters.filter((letter) => letter === letter.toLowerCase()).sort()).toEqual([...lowerCase].sort());
    expect(letters.filter((letter) => letter !== letter.toLowerCase()).sort()).toEqual(['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ'].sort());
  });

  it('leaves alone the bytes VN3 does not assign: VN1’s capitals with a tone, its combining marks, the no-break space', () => {
    const assigned = new Set([...legacyTables.tcvn3.encode.values()].map((sequence) => bytesOf(sequence)[0]));
    const unassigned = [...vn1.keys()].filter((byte) => !assigned.has(byte));
    expect(unassigned.map((byte) => byte.toString(16))).toEqual([
      'a0',
      'af',
      'b0',
      'b1',
      'b2',
      'b3',
      'b4',
      'ba',
      'bf',
      'c0',
      'c1',
      'c2',
      'c3',
      'c4',
      'c5',
      'cd',
      'd9',
      'da',
      'db',
      'e0',
      'f0',
      'ff',
    ]);
    for (const byte of unassigned) expect(decodeLegacy(fromWindows1252Byte(byte), 'tcvn3')).toBe(fromWindows1252Byte(byte));
  });

  it('reads U+00AD, which clean-ups strip as a soft hyphen, as ư', () => {
    expect(decodeLegacy('ng\u00adêi', 'tcvn3')).toBe('người');
  });

  it('reads the upper-case fonts’ lower-case positions and ASCII small letters as capitals', () => {
    for (const [letter, sequence] of legacyTables.tcvn3.encode) expect(decodeLegacy(sequence, 'tcvn3Upper')).toBe(letter.toUpperCase());
    expect(decodeLegacy('hµ néi', 'tcvn3Upper')).toBe('HÀ NỘI');
  });
});

describe('the VNI table', () => {
  const published = readFileSync(join(fixtures, 'vni-windows.tsv'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split('\t') as [string, string]);

  it('writes each of the 134 letters as the published VNI-Windows bytes', () => {
    expect(published).toHaveLength(134);
    for (const [letter, hex] of published) {
      expect(bytesOf(legacyTables.vni.encode.get(letter) ?? ''), letter).toEqual(hex.split(' ').map((byte) => Number.parseInt(byte, 16)));
    }
    expect(legacyTables.vni.encode.size).toBe(134);
  });
});

describe('the VIQR table', () => {
  it('writes letters with RFC 1456’s mnemonics', () => {
    const rfcTable1: Array<[string, string]> = [
      ['Ạ', 'A.'],
      ['Ắ', "A('"],
      ['Ằ', 'A(`'],
      ['Ẳ', 'A(?'],
      ['Ẵ', 'A(~'],
      ['Ấ', "A^'"],
      ['Ồ', 'O^`'],
      ['Ổ', 'O^?'],
      ['Ỡ', 'O+~'],
      ['Ợ', 'O+.'],
      ['ứ', "u+'"],
      ['ự', 'u+.'],
      ['ỹ', 'y~'],
      ['Ữ', 'U+~'],
      ['đ', 'dd'],
      ['Đ', 'DD'],
    ];
    for (const [letter, mnemonic] of rfcTable1) {
      expect(encodeLegacy(letter, 'viqr')).toBe(mnemonic);
      expect(decodeLegacy(mnemonic, 'viqr')).toBe(letter);
    }
    expect(decodeLegacy('Dd', 'viqr')).toBe('Đ');
  });
});

describe('the round trip', () => {
  const spaced = (letters: readonly string[]) => letters.join(' ');

  it('gives back every letter form, upper and lower case, through VNI and VIQR', () => {
    for (const encoding of ['vni', 'viqr'] as const) {
      for (const letter of vietnameseLetterForms) expect(decodeLegacy(encodeLegacy(letter, encoding), encoding), encoding).toBe(letter);
      expect(decodeLegacy(encodeLegacy(vietnameseLetterForms.join(''), encoding), encoding)).toBe(vietnameseLetterForms.join(''));
    }
  });

  it('gives back every lower-case letter through TCVN3’s fonts and every capital through its upper-case fonts', () => {
    expect(decodeLegacy(encodeLegacy(spaced(lowerCase), 'tcvn3'), 'tcvn3')).toBe(spaced(lowerCase));
    expect(decodeLegacy(encodeLegacy(spaced(upperCase), 'tcvn3Upper'), 'tcvn3Upper')).toBe(spaced(upperCase));
    for (const capital of ['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ']) expect(decodeLegacy(encodeLegacy(capital, 'tcvn3'), 'tcvn3')).toBe(capital);
  });

  it('refuses what a font cannot show: capitals with a tone in TCVN3’s lower-case fonts, small letters in its upper-case ones', () => {
    expect(() => encodeLegacy('Ấ', 'tcvn3')).toThrow(UnencodableCharacterError);
    expect(() => encodeLegacy('a', 'tcvn3Upper')).toThrow(UnencodableCharacterError);
    // ö would come back as ử: its byte is a TCVN3 letter.
    expect(() => encodeLegacy('Köln', 'tcvn3')).toThrow(/"ö" cannot be written in tcvn3/u);
    expect(encodeLegacy('café', 'tcvn3')).toBe('caf\u00d0');
    // ñ is VNI's đ, and ï after a is VNI's ạ.
    expect(() => encodeLegacy('año', 'vni')).toThrow(UnencodableCharacterError);
    expect(() => encodeLegacy('naïve', 'vni')).toThrow(UnencodableCharacterError);
  });

  it('keeps VIQR’s punctuation literal with backslashes where the decoder would take it for a mark', () => {
    for (const text of ['Hà Nội.', 'Ai đó?', "Bố'", 'dđ Dd đd', 'C:\\thư mục\\', 'a\\.', 'C++ và C#', 'ạ. ạ.. a+ u(']) {
      expect(decodeLegacy(encodeLegacy(text, 'viqr'), 'viqr'), text).toBe(text);
    }
    expect(encodeLegacy('Hà Nội.', 'viqr')).toBe('Ha` No^.i\\.');
  });

  it('round-trips every encoding over all legacy table entries at once, each encoding’s whole repertoire', () => {
    for (const encoding of legacyEncodings) {
      const letters = [...legacyTables[encoding].encode.keys()].join(' ');
      expect(decodeLegacy(encodeLegacy(letters, encoding), encoding), encoding).toBe(letters);
    }
  });
});
