import type { ArticleContent } from '../articleModel';
import { articleTextBlocks } from '../articleTextBlocks';
import { findMisspellings, isMisspelled, spellingKey, type WordCheck } from './findMisspellings';

const noWords: ReadonlySet<string> = new Set();
// A letter outside ASCII: a lower-case word with one that is no Vietnamese syllable is a typo ("nguời"), not vocabulary.
const beyondAscii = /[^\p{ASCII}]/u;

/**
 * The words of an article that become known to the spelling check once another article uses them: those it would
 * flag, in plain Latin letters ("email", "smartphone") or starting with a capital ("José", "Müller"); in their lookup
 * form (`spellingKey`). Lower-case words with Vietnamese letters that fail the syllable check are left out: typos.
 */
export function libraryWordsOf(content: ArticleContent, check: WordCheck = isMisspelled): Set<string> {
  const words = new Set<string>();
  for (const { text } of articleTextBlocks(content)) {
    for (const { word } of findMisspellings(text, noWords, check)) {
      const startsUpper = word.charAt(0) !== word.charAt(0).toLowerCase();
      if (startsUpper || !beyondAscii.test(word)) words.add(spellingKey(word));
    }
  }
  return words;
}
