import { isVietnameseSyllable } from '../isVietnameseSyllable';
import { decodeLegacy } from './decodeLegacy';
import type { LegacyEncoding } from './LegacyEncoding';
import { legacyEncodingOfFont } from './legacyEncodingOfFont';

/** What detectLegacyEncoding found: the encoding, how sure it is (0–1), and whether the font names said so. */
export interface LegacyEncodingGuess {
  encoding: LegacyEncoding;
  confidence: number;
  fromFontNames: boolean;
}

/** The text to look at, and the names of the fonts it was set in (clipboard HTML's font-family, a docx run's w:rFonts). */
export interface LegacyDetectionInput {
  text: string;
  fontNames?: readonly string[];
}

/** The encodings tried when no font names the encoding; TCVN3's upper-case fonts are known only by name. */
const scoredEncodings = ['tcvn3', 'vni', 'viqr'] as const satisfies readonly LegacyEncoding[];

/** Vietnamese letters outside Windows-1252: no legacy text has them, so a word with one is Unicode already. */
export const unicodeOnlyLetter = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/u;

/** How a text's words fare when decoded from one encoding. */
interface DecodingScore {
  /** Words (whitespace-separated pieces with a letter before or after decoding). */
  words: number;
  /** Words the decoding changes. */
  changed: number;
  /** Of the changed words, how many were valid Vietnamese before, and after. */
  validBefore: number;
  validAfter: number;
  /** Changed words that were valid before and are not after. */
  broken: number;
  /** Words valid after decoding, changed or not. */
  validInAll: number;
}

/**
 * Which legacy encoding a text is in, or null when it reads as it is (Unicode Vietnamese, English, a few stray symbols).
 * Font names decide first (".VnTime" → TCVN3, ".VnTimeH" → its upper-case fonts, "VNI-Times" → VNI), as long as the
 * text does not read better as it is (Unicode typed in an old font); otherwise each decoding is scored by how many of
 * the words it changes become valid Vietnamese syllables, and how much of the text it touches. Linear in the text.
 */
export function detectLegacyEncoding({ text, fontNames = [] }: LegacyDetectionInput): LegacyEncodingGuess | null {
  const words = text
    .normalize('NFC')
    .split(/\s+/u)
    .filter((word) => word !== '');
  const unicodeWords = words.filter((word) => unicodeOnlyLetter.test(word)).length;
  // Words repeat: each distinct one is checked once for all the decodings.
  const validity = new Map<string, boolean | null>();
  const named = mostNamedEncoding(fontNames);
  if (named !== null) {
    const score = scoreDecoding(words, named, validity);
    const gain = score.validAfter - score.validBefore;
    if (score.changed === 0 || gain < 0 || (unicodeWords > 0 && gain <= 0)) return null;
    return { encoding: named, confidence: 1, fromFontNames: true };
  }
  let best: LegacyEncodingGuess | null = null;
  for (const encoding of scoredEncodings) {
    const confidence = confidenceOf(scoreDecoding(words, encoding, validity), unicodeWords);
    if (confidence > 0 && (best === null || confidence > best.confidence)) best = { encoding, confidence, fromFontNames: false };
  }
  return best;
}

/** The encoding most of the legacy font names imply, the first named on a tie; null when none is a legacy font. */
function mostNamedEncoding(fontNames: readonly string[]): LegacyEncoding | null {
  const counts = new Map<LegacyEncoding, number>();
  for (const name of fontNames) {
    const encoding = legacyEncodingOfFont(name);
    if (encoding !== null) counts.set(encoding, (counts.get(encoding) ?? 0) + 1);
  }
  let most: LegacyEncoding | null = null;
  for (const [encoding, count] of counts) if (most === null || count > counts.get(most)!) most = encoding;
  return most;
}

/** Decodes each word on its own (no sequence of any encoding spans a space) and checks it before and after. */
function scoreDecoding(words: readonly string[], encoding: LegacyEncoding, validity: Map<string, boolean | null>): DecodingScore {
  const score: DecodingScore = { words: 0, changed: 0, validBefore: 0, validAfter: 0, broken: 0, validInAll: 0 };
  const decodings = new Map<string, string>();
  const isValid = (word: string) => {
    let valid = validity.get(word);
    if (valid === undefined) validity.set(word, (valid = isValidWord(word)));
    return valid;
  };
  for (const word of words) {
    let decoded = decodings.get(word);
    if (decoded === undefined) decodings.set(word, (decoded = decodeLegacy(word, encoding)));
    const after = isValid(decoded);
    const before = isValid(word);
    if (after === null && before === null) continue;
    score.words += 1;
    if (after === true) score.validInAll += 1;
    if (decoded === word) continue;
    score.changed += 1;
    if (before === true) score.validBefore += 1;
    if (after === true) score.validAfter += 1;
    if (before === true && after !== true) score.broken += 1;
  }
  return score;
}

/** Whether every run of letters in a whitespace-separated piece is a Vietnamese syllable; null when it has no letter. */
function isValidWord(word: string): boolean | null {
  const runs = word.match(/[\p{L}\p{M}]+/gu);
  return runs === null ? null : runs.every(isVietnameseSyllable);
}

/**
 * 0 when the decoding should not be offered, else how sure: it must turn invalid words into valid ones (the gain), the
 * words it changes must nearly all come out valid and hardly any valid word be broken, it must touch a fair share of
 * the text (a stray "µ" or "©" is not enough) and leave most words valid, and the text must not be Unicode Vietnamese.
 */
function confidenceOf(score: DecodingScore, unicodeWords: number): number {
  const gain = score.validAfter - score.validBefore;
  if (gain < 1 || score.words === 0 || unicodeWords * 4 > gain) return 0;
  // VNI's and TCVN3's bytes are Latin-1 letters, so legacy words may read as valid before ("Hoà" for "Hồ"): what
  // decides is that the decoded words are valid, not that the old ones were not.
  const readable = score.validAfter / score.changed;
  const touched = score.changed / score.words;
  const valid = score.validInAll / score.words;
  if (readable < 0.8 || score.broken > score.changed * 0.1 || touched < 0.2 || valid < 0.6) return 0;
  // Short snippets prove less: a gain of five words or more gives full weight.
  return Math.round(readable * valid * Math.min(1, 0.5 + gain / 10) * 100) / 100;
}
