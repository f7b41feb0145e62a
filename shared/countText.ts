/** What the status bar shows for a text: words, characters with and without spaces, reading time. */
export interface TextCounts {
  /** Space-separated syllables holding a letter or digit ("Hà Nội" is 2, "5/7/2022" is 1, "–" and "./." are none). */
  words: number;
  /** Characters as the reader sees them (grapheme clusters of the NFC text: NFD "ệ" is 1), spaces included, line breaks not. */
  characters: number;
  /** The same without any whitespace. */
  charactersWithoutSpaces: number;
  /** Minutes to read the words at `readingSyllablesPerMinute`, rounded up; 0 for no words. */
  readingMinutes: number;
}

/**
 * Silent reading speed in Vietnamese syllables per minute. Adults read non-fiction silently at about 240 English words a
 * minute (Brysbaert 2019); a Vietnamese syllable is shorter than an English word (most Vietnamese words are two
 * syllables), so 250 syllables a minute is, if anything, a slow reader: an estimate that does not promise too little.
 */
export const readingSyllablesPerMinute = 250;

const wordLike = /[\p{L}\p{N}]/u;
// What may make one grapheme of several UTF-16 units: marks, joiners, variation selectors, and (without the u flag) surrogates.
const joiningText = /\p{M}|\p{Variation_Selector}|\u200c|\u200d/u;
const surrogates = /[\ud800-\udfff]/;
const lineBreaks = /[\n\r\u2028\u2029]/g;
const segmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' });

function graphemeCount(text: string): number {
  if (!joiningText.test(text) && !surrogates.test(text)) return text.length;
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.segment !== '') count += 1;
  return count;
}

/** Minutes to read so many syllables, rounded up (a 30-word brief is "1 phút"). */
export function readingMinutesFor(words: number): number {
  return words === 0 ? 0 : Math.ceil(words / readingSyllablesPerMinute);
}

/** The counts of one text, the way Vietnamese newsrooms count: a word is a syllable between spaces. */
export function countText(text: string): TextCounts {
  const composed = text.normalize('NFC');
  let words = 0;
  for (const token of composed.split(/\s+/u)) if (wordLike.test(token)) words += 1;
  const withoutBreaks = composed.replace(lineBreaks, '');
  return {
    words,
    characters: graphemeCount(withoutBreaks),
    charactersWithoutSpaces: graphemeCount(withoutBreaks.replace(/\s+/gu, '')),
    readingMinutes: readingMinutesFor(words),
  };
}
