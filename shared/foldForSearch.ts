import type { HighlightRange } from './searchModel';
import { foldVietnamese } from './foldVietnamese';

const foldedUnits = new Map<string, string>();

/**
 * Folds text like `foldVietnamese` ("Hội nghị" → "hoi nghi", "Đ" → "d") but one UTF-16 unit for one unit, so an
 * offset found in the folded text is the same offset in the original (NFC) text: highlights need no mapping.
 */
export function foldForSearch(text: string): string {
  let folded = '';
  for (let index = 0; index < text.length; index += 1) {
    const unit = text[index]!;
    // ASCII is by far the most common case: lower-case it without the cache.
    const code = unit.charCodeAt(0);
    if (code < 0x80) {
      folded += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : unit;
      continue;
    }
    let mapped = foldedUnits.get(unit);
    if (mapped === undefined) {
      const candidate = foldVietnamese(unit);
      // A unit whose fold is not exactly one unit (a lone combining mark, "İ") stays as it is, keeping offsets aligned.
      mapped = candidate.length === 1 ? candidate : unit;
      foldedUnits.set(unit, mapped);
    }
    folded += mapped;
  }
  return folded;
}

const wordPattern = /[\p{L}\p{N}]+/gu;

/** The words of folded text, in order, with where each starts. */
export function foldedWords(folded: string): { word: string; start: number }[] {
  const words: { word: string; start: number }[] = [];
  for (const match of folded.matchAll(wordPattern)) words.push({ word: match[0], start: match.index });
  return words;
}

/** The distinct words of folded text (what the inverted index keeps per article). */
export function distinctWords(folded: string): string[] {
  return [...new Set(folded.match(wordPattern) ?? [])];
}

/** The query's distinct folded words; each matches any word it begins ("hoi ng" finds "Hội nghị"). */
export function queryWords(query: string): string[] {
  return [...new Set(foldedWords(foldForSearch(query)).map((entry) => entry.word))];
}

/** Where the query's words begin words of `folded` (longest query word per text word), in order. */
export function matchRanges(folded: string, words: readonly string[]): HighlightRange[] {
  const ranges: HighlightRange[] = [];
  for (const { word, start } of foldedWords(folded)) {
    let longest = 0;
    for (const queryWord of words) if (queryWord.length > longest && word.startsWith(queryWord)) longest = queryWord.length;
    if (longest > 0) ranges.push([start, start + longest]);
  }
  return ranges;
}
