import type { HighlightRange } from '../../../shared/searchModel';
import { foldForSearch, matchRanges } from '../../../shared/foldForSearch';

/** A short piece of an article's text around its first match, with the matches in it to highlight. */
export function buildSnippet(text: string, words: readonly string[], length = 160): { text: string; ranges: HighlightRange[] } | null {
  // Folding keeps offsets, so ranges found in the folded text apply to the original.
  const ranges = matchRanges(foldForSearch(text), words);
  if (ranges.length === 0) return null;
  const first = ranges[0]![0];
  let start = Math.max(0, first - Math.floor(length / 3));
  // Start at a word boundary, not mid-word.
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    start = space >= first - length / 2 && space >= 0 ? space + 1 : start;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > first) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const piece = text.slice(start, end).replace(/\s/g, ' ');
  const shift = prefix.length - start;
  return {
    text: `${prefix}${piece}${suffix}`,
    ranges: ranges.filter(([from, to]) => from >= start && to <= end).map(([from, to]): HighlightRange => [from + shift, to + shift]),
  };
}
