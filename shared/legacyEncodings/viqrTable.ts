import { buildLegacyTable, type LegacyTable } from './LegacyTable';
import { markedTones, withTone, type Tone } from '../vietnameseLetters';

// VIQR (RFC 1456, "Vietnamese Quoted-Readable"): ASCII only. A vowel is its base letter, then its vowel mark if any
// (breve "(", circumflex "^", horn "+"), then its tone mark; đ is "dd", Đ "DD" or "Dd". A backslash before a mark
// character (or before d) keeps it literal: "ba\." is "ba" and a full stop.

/** The mnemonic of each tone. */
const toneMarks: Record<Exclude<Tone, 'level'>, string> = { acute: "'", grave: '`', hook: '?', tilde: '~', dot: '.' };

/** Each vowel as its ASCII base and vowel mark. */
const vowelParts: ReadonlyArray<readonly [vowel: string, ascii: string]> = [
  ['a', 'a'],
  ['ă', 'a('],
  ['â', 'a^'],
  ['e', 'e'],
  ['ê', 'e^'],
  ['i', 'i'],
  ['o', 'o'],
  ['ô', 'o^'],
  ['ơ', 'o+'],
  ['u', 'u'],
  ['ư', 'u+'],
  ['y', 'y'],
];

function written(): Array<readonly [string, string]> {
  const letters = vowelParts.flatMap(([vowel, ascii]) =>
    (['level', ...markedTones] as const).map(
      (tone) => [withTone(vowel, tone), tone === 'level' ? ascii : ascii + toneMarks[tone]] as const,
    ),
  );
  const withCapitals = [...letters, ['đ', 'dd'] as const].flatMap(([letter, ascii]) => [
    [letter, ascii] as const,
    [letter.toUpperCase(), ascii.toUpperCase()] as const,
  ]);
  return withCapitals.filter(([letter, ascii]) => letter !== ascii);
}

/** VIQR as RFC 1456 defines it. */
export const viqrTable: LegacyTable = buildLegacyTable({
  written: written(),
  alsoRead: [['Dd', 'Đ']],
  escapable: "(^+'`?~.\\dD",
  // Pasted VIQR keeps its Unicode punctuation (“ ” …); only the letters are spelt in ASCII.
  literals: 'any',
});
