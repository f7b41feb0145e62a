import { isVietnameseSyllable } from '../isVietnameseSyllable';
import { placeToneMarks, type ToneStyle } from '../placeToneMarks';
import { markedTones, withTone, type Tone } from '../vietnameseLetters';

// What a plain Latin letter may be once its diacritics are back (the tone comes apart).
const letterVariants: Readonly<Record<string, readonly string[]>> = {
  a: ['a', 'ă', 'â'],
  e: ['e', 'ê'],
  o: ['o', 'ô', 'ơ'],
  u: ['u', 'ư'],
  d: ['d', 'đ'],
};
const vowels = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
const alphabet = 'abcdeghiklmnopqrstuvxy';

/** A word's plain Latin letters: marks, tones and đ taken off, lower case ("Người" → "nguoi"). */
function plainLetters(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/giu, 'd').toLowerCase();
}

/** Every spelling one edit away from a plain word: a letter left out, added, changed, or two swapped; and itself. */
function oneEditAway(plain: string): Set<string> {
  const edits = new Set([plain]);
  for (let index = 0; index <= plain.length; index += 1) {
    const before = plain.slice(0, index);
    const after = plain.slice(index);
    if (after !== '') edits.add(before + after.slice(1));
    if (after.length > 1) edits.add(before + after[1]! + after[0]! + after.slice(2));
    for (const letter of alphabet) {
      edits.add(before + letter + after);
      if (after !== '') edits.add(before + letter + after.slice(1));
    }
  }
  return edits;
}

// The shape of a syllable in plain letters: an onset, one to three vowels, a consonant coda. Most edits fail it at once.
const plainSyllableShape = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/u;

/** The word with a tone on its first vowel, the mark then moved where the house style puts it. */
function toned(form: string, tone: Tone, style: ToneStyle): string {
  if (tone === 'level') return form;
  const letters = [...form];
  const first = letters.findIndex((letter) => vowels.has(letter));
  return placeToneMarks(letters.map((letter, index) => (index === first ? withTone(letter, tone) : letter)).join(''), style);
}

/** The written syllables a plain word can be: each letter's diacritic variants, with each tone where it belongs. */
function syllablesOf(plain: string, style: ToneStyle): string[] {
  if (!plainSyllableShape.test(plain)) return [];
  let forms = [''];
  for (const letter of plain) forms = forms.flatMap((form) => (letterVariants[letter] ?? [letter]).map((variant) => form + variant));
  const found: string[] = [];
  for (const form of forms) {
    // Sắc goes with every coda: a form that fails with it fails with every tone.
    if (!isVietnameseSyllable(toned(form, 'acute', style))) continue;
    for (const tone of ['level', ...markedTones] as const) {
      const written = toned(form, tone, style);
      if (isVietnameseSyllable(written)) found.push(written);
    }
  }
  return found;
}

/**
 * Edits between two words in their decomposed letters and marks (a missing tone mark is one edit). Changing or dropping
 * what was typed costs more than adding what was left out: people forget marks more often than they type wrong ones.
 */
function distance(from: string, to: string): number {
  const typed = [...from.normalize('NFD')];
  const wanted = [...to.normalize('NFD')];
  let previous = Array.from({ length: wanted.length + 1 }, (_, index) => index);
  for (let row = 1; row <= typed.length; row += 1) {
    const current = [row * 1.5];
    for (let column = 1; column <= wanted.length; column += 1) {
      const substitution = previous[column - 1]! + (typed[row - 1] === wanted[column - 1] ? 0 : 1.5);
      current.push(Math.min(previous[column]! + 1.5, current[column - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[wanted.length]!;
}

/** The word in the case it was typed: all capitals, a capital first letter, or as the syllable is. */
function inCaseOf(typed: string, syllable: string): string {
  if (typed.length > 1 && typed === typed.toUpperCase()) return syllable.toUpperCase();
  if (typed.charAt(0) !== typed.charAt(0).toLowerCase()) return syllable.charAt(0).toUpperCase() + syllable.slice(1);
  return syllable;
}

/**
 * Corrections for a misspelled word, best first: the well-spelt Vietnamese syllables with the same plain letters
 * ("nguời" → "người", "nguội"…) or one letter away ("hôij" → "hôi"), then the known words (`known`, e.g. the article's
 * own and the library's) as close; ranked: the same plain letters first, then words the article or library uses, then
 * by how little changes. Made for one word on demand (a right-click), not for every word of an article.
 */
export function suggestSpellings(
  word: string,
  options: { known?: ReadonlySet<string>; used?: ReadonlySet<string>; limit?: number; toneStyle?: ToneStyle } = {},
): string[] {
  const typed = word.normalize('NFC');
  const lower = typed.toLowerCase();
  const plain = plainLetters(typed);
  const candidates = new Set<string>();
  for (const edited of oneEditAway(plain)) {
    if (edited.length === 0 || edited.length > 7) continue;
    for (const syllable of syllablesOf(edited, options.toneStyle ?? 'old')) candidates.add(syllable);
  }
  for (const knownWord of options.known ?? []) {
    if (Math.abs(knownWord.length - lower.length) <= 2 && distance(lower, knownWord) <= 2) candidates.add(knownWord);
  }
  candidates.delete(lower);
  const used = options.used ?? new Set<string>();
  const ranked = [...candidates].map((candidate) => ({
    candidate,
    sameLetters: plainLetters(candidate) === plain,
    used: used.has(candidate),
    cost: distance(lower, candidate),
  }));
  return ranked
    .sort(
      (a, b) =>
        Number(b.sameLetters) - Number(a.sameLetters) ||
        Number(b.used) - Number(a.used) ||
        a.cost - b.cost ||
        a.candidate.localeCompare(b.candidate, 'vi'),
    )
    .slice(0, options.limit ?? 6)
    .map(({ candidate }) => inCaseOf(typed, candidate));
}
