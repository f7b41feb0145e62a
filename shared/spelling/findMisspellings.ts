import { findLinkSpans, isInSpans } from '../findLinkSpans';
import { isVietnameseSyllable } from '../isVietnameseSyllable';

/** A misspelled word in a text: where it is (UTF-16 offsets in the text as given) and the word. */
export interface Misspelling {
  start: number;
  end: number;
  word: string;
}

// A word: letters and their combining marks; a word touching a digit ("5G", "COVID-19") is a code, not a word.
const wordPattern = /[\p{L}\p{M}]+/gu;
const digitNext = /\p{N}/u;
// Any letter outside ASCII (NFC): a Vietnamese letter or mark, which a name in plain Latin letters does not have.
const vietnameseOnly = /[^\p{ASCII}]/u;
// What every address findLinkSpans knows has: "://", "@", or a dot right before more of it. Most paragraphs have none.
const mayHoldLink = /:\/\/|@|\.[^\s“”"<>]/u;

/** The form a word is looked up by in the known words: NFC, lower case. */
export function spellingKey(word: string): string {
  return word.normalize('NFC').toLowerCase();
}

/**
 * Whether a word is taken for a misspelling: not a well-spelt Vietnamese syllable, not a known word (the user's
 * dictionary and the words the library already uses), and not a name or abbreviation in plain Latin letters
 * ("Washington", "UBND", "TP"), which a Vietnamese check cannot judge. Lower-case Latin words ("nguoi", "email") are
 * judged: a loan word the newsroom uses is known once an article or the dictionary has it.
 */
export function isMisspelled(word: string, known: ReadonlySet<string>): boolean {
  if (known.has(spellingKey(word)) || isVietnameseSyllable(word)) return false;
  const startsUpper = word.charAt(0) !== word.charAt(0).toLowerCase();
  return !(startsUpper && !vietnameseOnly.test(word.normalize('NFC')));
}

/** How a word is judged: `isMisspelled`, or the same remembering its verdicts (`rememberingCheck`). */
export type WordCheck = (word: string, known: ReadonlySet<string>) => boolean;

const noWords: ReadonlySet<string> = new Set();

/**
 * `isMisspelled` remembering each word's verdict apart from the known words, which are still looked up each time (they
 * change): a text repeats its words, and a 10,000-word article is checked in a fraction of the time. At most `limit`
 * verdicts are kept; past that they are forgotten and learned again.
 */
export function rememberingCheck(limit = 50_000): WordCheck {
  const verdicts = new Map<string, boolean>();
  return (word, known) => {
    let verdict = verdicts.get(word);
    if (verdict === undefined) {
      if (verdicts.size >= limit) verdicts.clear();
      verdict = isMisspelled(word, noWords);
      verdicts.set(word, verdict);
    }
    return verdict && !known.has(spellingKey(word));
  };
}

/** The misspelled words of a text, in order; web and e-mail addresses are left alone. */
export function findMisspellings(text: string, known: ReadonlySet<string>, check: WordCheck = isMisspelled): Misspelling[] {
  const links = mayHoldLink.test(text) ? findLinkSpans(text) : [];
  const found: Misspelling[] = [];
  for (const match of text.matchAll(wordPattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (digitNext.test(text.charAt(start - 1)) || digitNext.test(text.charAt(end))) continue;
    if (isInSpans(links, start)) continue;
    if (check(match[0], known)) found.push({ start, end, word: match[0] });
  }
  return found;
}
