import { buildLegacyTable, type LegacyTable } from './LegacyTable';
import { markedTones, withTone, type Tone } from '../vietnameseLetters';
import { fromWindows1252Byte } from './windows1252';

// VNI-Windows (the VNI-Times, VNI-Helve … fonts): a letter is an ASCII base letter followed by one byte that draws its
// marks (a tone, or a circumflex or breve with the tone), or, for ơ ư đ, the i's and ỵ, one byte of its own. Each byte
// comes in two forms: a small one, drawn to sit over a small letter, and a capital one.

type Case = readonly [lower: number, upper: number];

/** The mark byte of a tone on a vowel that has no other mark (and after ơ, ư). */
const toneBytes: Record<Exclude<Tone, 'level'>, Case> = {
  acute: [0xf9, 0xd9],
  grave: [0xf8, 0xd8],
  hook: [0xfb, 0xdb],
  tilde: [0xf5, 0xd5],
  dot: [0xef, 0xcf],
};

/** The byte of a circumflex (â ê ô) with each tone. */
const circumflexBytes: Record<Tone, Case> = {
  level: [0xe2, 0xc2],
  acute: [0xe1, 0xc1],
  grave: [0xe0, 0xc0],
  hook: [0xe5, 0xc5],
  tilde: [0xe3, 0xc3],
  dot: [0xe4, 0xc4],
};

/** The byte of a breve (ă) with each tone. */
const breveBytes: Record<Tone, Case> = {
  level: [0xea, 0xca],
  acute: [0xe9, 0xc9],
  grave: [0xe8, 0xc8],
  hook: [0xfa, 0xda],
  tilde: [0xfc, 0xdc],
  dot: [0xeb, 0xcb],
};

/** Letters of one byte: ơ, ư, đ, i with each tone, ỵ. */
const singleBytes: ReadonlyArray<readonly [letter: string, bytes: Case]> = [
  ['ơ', [0xf4, 0xd4]],
  ['ư', [0xf6, 0xd6]],
  ['đ', [0xf1, 0xd1]],
  ['í', [0xed, 0xcd]],
  ['ì', [0xec, 0xcc]],
  ['ỉ', [0xe6, 0xc6]],
  ['ĩ', [0xf3, 0xd3]],
  ['ị', [0xf2, 0xd2]],
  ['ỵ', [0xee, 0xce]],
];

/** How each vowel is built: its base (ASCII letter or one-byte letter) and the bytes that carry its marks. */
const vowelParts: ReadonlyArray<readonly [vowel: string, base: string, marks: Partial<Record<Tone, Case>>]> = [
  ['a', 'a', toneBytes],
  ['ă', 'a', breveBytes],
  ['â', 'a', circumflexBytes],
  ['e', 'e', toneBytes],
  ['ê', 'e', circumflexBytes],
  ['o', 'o', toneBytes],
  ['ô', 'o', circumflexBytes],
  ['ơ', 'ơ', toneBytes],
  ['u', 'u', toneBytes],
  ['ư', 'ư', toneBytes],
  ['y', 'y', { acute: toneBytes.acute, grave: toneBytes.grave, hook: toneBytes.hook, tilde: toneBytes.tilde }],
];

/** The VNI text of a one-byte letter or ASCII base in one case. */
function baseText(base: string, upper: boolean): string {
  const single = singleBytes.find(([letter]) => letter === base);
  if (single === undefined) return upper ? base.toUpperCase() : base;
  return fromWindows1252Byte(single[1][upper ? 1 : 0]);
}

/** Each letter with the sequence written for it, and the mixed-case sequences also read. */
function entries(): { written: Array<readonly [string, string]>; alsoRead: Array<readonly [string, string]> } {
  const written: Array<readonly [string, string]> = [];
  const alsoRead: Array<readonly [string, string]> = [];
  for (const [letter, bytes] of singleBytes) {
    written.push([letter, fromWindows1252Byte(bytes[0])], [letter.toUpperCase(), fromWindows1252Byte(bytes[1])]);
  }
  for (const [vowel, base, marks] of vowelParts) {
    for (const tone of ['level', ...markedTones] as const) {
      const mark = marks[tone];
      if (mark === undefined) continue;
      const letter = withTone(vowel, tone);
      for (const upper of [false, true]) {
        const cased = upper ? letter.toUpperCase() : letter;
        written.push([cased, baseText(base, upper) + fromWindows1252Byte(mark[upper ? 1 : 0])]);
        // Word's "Title Case" capitalizes the base and leaves its mark small ("Aùo" for "Áo"): the base decides the case.
        alsoRead.push([baseText(base, upper) + fromWindows1252Byte(mark[upper ? 0 : 1]), cased]);
      }
    }
  }
  return { written, alsoRead };
}

/** VNI-Windows over Windows-1252 characters. */
export const vniTable: LegacyTable = buildLegacyTable(entries());
