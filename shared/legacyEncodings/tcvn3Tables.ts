import { buildLegacyTable, type LegacyTable } from './LegacyTable';
import { markedTones, withTone } from '../vietnameseLetters';
import { fromWindows1252Byte } from './windows1252';

// TCVN 5712:1993, form VN3 ("TCVN3", "ABC", the .Vn fonts): ASCII, no-break space, 67 lower-case letters and the seven
// capitals without a tone. Capitals with a tone come from the separate upper-case fonts (.VnTimeH …), which draw the
// capital at the lower-case letter's byte, and draw ASCII's small letters as capitals too.

/** Each vowel's bytes: the toneless letter, then with huyền, hỏi, ngã, sắc, nặng (the standard's order). */
const vowelBytes: ReadonlyArray<readonly [vowel: string, bytes: readonly number[]]> = [
  ['a', [0x61, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9]],
  ['ă', [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6]],
  ['â', [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb]],
  ['e', [0x65, 0xcc, 0xce, 0xcf, 0xd0, 0xd1]],
  ['ê', [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6]],
  ['i', [0x69, 0xd7, 0xd8, 0xdc, 0xdd, 0xde]],
  ['o', [0x6f, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4]],
  ['ô', [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9]],
  ['ơ', [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee]],
  ['u', [0x75, 0xef, 0xf1, 0xf2, 0xf3, 0xf4]],
  ['ư', [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9]],
  ['y', [0x79, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe]],
];

/** đ, and the seven capitals the lower-case fonts carry. */
const otherLetterBytes: ReadonlyArray<readonly [letter: string, byte: number]> = [
  ['đ', 0xae],
  ['Ă', 0xa1],
  ['Â', 0xa2],
  ['Ê', 0xa3],
  ['Ô', 0xa4],
  ['Ơ', 0xa5],
  ['Ư', 0xa6],
  ['Đ', 0xa7],
];

/** Every letter of the lower-case fonts with its byte, ASCII vowels included. */
function letterBytes(): Array<readonly [letter: string, byte: number]> {
  const vowels = vowelBytes.flatMap(([vowel, bytes]) =>
    (['level', ...markedTones] as const).map((tone, index) => [withTone(vowel, tone), bytes[index]!] as const),
  );
  return [...vowels, ...otherLetterBytes];
}

/** The lower-case .Vn fonts (.VnTime, .VnArial …). */
export const tcvn3Table: LegacyTable = buildLegacyTable({
  written: letterBytes()
    .filter(([, byte]) => byte > 0x7f)
    .map(([letter, byte]) => [letter, fromWindows1252Byte(byte)] as const),
});

/** The upper-case .Vn fonts (.VnTimeH, .VnArialH …): each lower-case position and each ASCII small letter is a capital. */
export const tcvn3UpperTable: LegacyTable = buildLegacyTable({
  written: letterBytes()
    .filter(([letter, byte]) => byte > 0x7f && letter === letter.toLowerCase())
    .map(([letter, byte]) => [letter.toUpperCase(), fromWindows1252Byte(byte)] as const),
  alsoRead: [
    ...otherLetterBytes
      .filter(([letter]) => letter !== letter.toLowerCase())
      .map(([letter, byte]) => [fromWindows1252Byte(byte), letter] as const),
    ...[...'abcdefghijklmnopqrstuvwxyz'].map((letter) => [letter, letter.toUpperCase()] as const),
  ],
});
