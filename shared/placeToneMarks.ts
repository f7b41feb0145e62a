/**
 * Where a syllable's tone mark sits. 'old' (kiểu cũ: hòa, khỏe, thủy) puts it on the first vowel of an open oa, oe, uy;
 * 'new' (kiểu mới: hoà, khoẻ, thuỷ) on the second. Every other syllable is written the same way in both.
 */
export const toneStyles = ['old', 'new'] as const;
export type ToneStyle = (typeof toneStyles)[number];

/** A word whose tone mark is not where the style puts it: its range in the text as given, and the word rewritten (NFC). */
export interface TonePlacementMismatch {
  start: number;
  end: number;
  /** The word as found, in NFC. */
  found: string;
  replacement: string;
}

// Huyền, sắc, ngã, hỏi, nặng as combining marks (what NFD splits them into).
const toneMarks = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
// Circumflex (â ê ô), breve (ă), horn (ơ ư): they make a different vowel, not a tone.
const qualityMarks = new Set(['\u0302', '\u0306', '\u031b']);
const vowels = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
const consonants = new Set(['b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'q', 'r', 's', 't', 'v', 'x']);
// Longest first, so "ngh" is tried before "ng" and "n". "gi" and "qu" hold a vowel letter that belongs to the onset.
const onsets = ['ngh', 'ng', 'gh', 'gi', 'kh', 'nh', 'ph', 'qu', 'th', 'tr', 'ch', ...consonants];
const codas = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);
// Every vowel cluster of Vietnamese spelling (medial glide, main vowel, off-glide); anything else is not a Vietnamese syllable.
const vowelClusters = new Set(
  [
    'a ă â e ê i o ô ơ u ư y',
    'ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ưu ươ yê',
    'iêu yêu oai oay oeo uây uôi uya uyê uyu ươi ươu',
  ]
    .join(' ')
    .split(' '),
);
const styledPairs = new Set(['oa', 'oe', 'uy']);

interface Letter {
  /** The letter without tone, lower case, NFC: "ư", "đ", "a". */
  name: string;
  base: string;
  quality: string;
  tone: string;
}

/** The word's letters, or null when it is not written with Vietnamese letters and marks only. */
function lettersOf(word: string): Letter[] | null {
  const letters: Letter[] = [];
  for (const character of word.normalize('NFD')) {
    const last = letters[letters.length - 1];
    if (toneMarks.has(character) || qualityMarks.has(character)) {
      if (last === undefined) return null;
      const slot = toneMarks.has(character) ? 'tone' : 'quality';
      if (last[slot] !== '') return null;
      last[slot] = character;
    } else if (/^[a-zA-ZđĐ]$/.test(character)) {
      letters.push({ name: '', base: character, quality: '', tone: '' });
    } else {
      return null;
    }
  }
  for (const letter of letters) {
    letter.name = (letter.base + letter.quality).normalize('NFC').toLowerCase();
    if (!vowels.has(letter.name) && !consonants.has(letter.name)) return null;
  }
  return letters;
}

/** Which letter of a Vietnamese syllable carries its tone in the style, or null when the word is not one syllable we can read. */
function toneIndex(letters: readonly Letter[], style: ToneStyle): number | null {
  const names = letters.map((letter) => letter.name);
  const spelled = names.join('');
  let onset = onsets.find((candidate) => spelled.startsWith(candidate)) ?? '';
  // "gì", "gìn": with no other vowel after it, the i of gi is the syllable's vowel.
  if (onset === 'gi' && !vowels.has(names[2] ?? '')) onset = 'g';
  // Counted in letters: every onset spelling is one letter per character.
  let vowelEnd = onset.length;
  while (vowelEnd < names.length && vowels.has(names[vowelEnd]!)) vowelEnd += 1;
  const cluster = names.slice(onset.length, vowelEnd);
  const coda = names.slice(vowelEnd).join('');
  if (cluster.length === 0 || !vowelClusters.has(cluster.join('')) || !codas.has(coda)) return null;
  // The last vowel with a circumflex, breve or horn ("ươ" → ơ) always carries the tone.
  const quality = cluster.map((_, index) => letters[onset.length + index]!.quality !== '').lastIndexOf(true);
  let index: number;
  if (quality >= 0) index = quality;
  else if (coda !== '') index = cluster.length - 1;
  else if (cluster.length === 3) index = 1;
  else if (cluster.length === 2) index = style === 'new' && styledPairs.has(cluster.join('')) ? 1 : 0;
  else index = 0;
  return onset.length + index;
}

/** The word with its tone mark where the style puts it (NFC), or null when it has no tone, several, or is not Vietnamese. */
function placeInWord(word: string, style: ToneStyle): string | null {
  const letters = lettersOf(word);
  if (letters === null) return null;
  const toned = letters.filter((letter) => letter.tone !== '');
  if (toned.length !== 1) return null;
  const target = toneIndex(letters, style);
  if (target === null) return null;
  const tone = toned[0]!.tone;
  return letters
    .map((letter, index) => letter.base + letter.quality + (index === target ? tone : ''))
    .join('')
    .normalize('NFC');
}

const wordPattern = /[\p{L}\p{M}]+/gu;

/**
 * The words whose tone mark is misplaced for the style ("hòa" under 'new', "qúy" under both), with ranges in the text
 * exactly as given (NFC or not). Words that are not Vietnamese syllables (Café, José, COVID) are never reported.
 */
export function findTonePlacementMismatches(text: string, style: ToneStyle): TonePlacementMismatch[] {
  const mismatches: TonePlacementMismatch[] = [];
  for (const match of text.matchAll(wordPattern)) {
    const found = match[0].normalize('NFC');
    const replacement = placeInWord(found, style);
    if (replacement !== null && replacement !== found)
      mismatches.push({ start: match.index, end: match.index + match[0].length, found, replacement });
  }
  return mismatches;
}

/** The text in NFC with every Vietnamese word's tone mark placed by the style (case kept: "HÒA" → "HOÀ" under 'new'). */
export function placeToneMarks(text: string, style: ToneStyle): string {
  let placed = text;
  for (const mismatch of findTonePlacementMismatches(text, style).reverse())
    placed = placed.slice(0, mismatch.start) + mismatch.replacement + placed.slice(mismatch.end);
  return placed.normalize('NFC');
}
