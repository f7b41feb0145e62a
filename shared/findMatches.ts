import { foldForFind, type FoldOptions } from './foldForFind';

/** The options of find and replace (Ctrl+F, Ctrl+H); "bỏ qua dấu" is `ignoreDiacritics`. */
export interface FindOptions extends FoldOptions {
  /** Only matches that are whole words: no letter, mark or digit just before or after ("Hà" is not found in "Hàng"). */
  wholeWord: boolean;
}

/** A match as a range of the original text, in UTF-16 offsets (the editor's own unit). */
export interface TextMatch {
  start: number;
  end: number;
}

const wordCharacter = /^[\p{L}\p{M}\p{N}]$/u;

/** The character (code point) that ends at `offset`, or '' at the start. */
function characterBefore(text: string, offset: number): string {
  if (offset <= 0) return '';
  const low = text.charCodeAt(offset - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && offset >= 2 ? offset - 2 : offset - 1;
  return String.fromCodePoint(text.codePointAt(start)!);
}

function characterAt(text: string, offset: number): string {
  return offset < text.length ? String.fromCodePoint(text.codePointAt(offset)!) : '';
}

function isWordCharacter(character: string): boolean {
  return wordCharacter.test(character);
}

/** Whether the match stands as a word: where it begins or ends with a word character, none touches it. */
function isWholeWord(text: string, match: TextMatch): boolean {
  if (isWordCharacter(characterAt(text, match.start)) && isWordCharacter(characterBefore(text, match.start))) return false;
  return !(isWordCharacter(characterBefore(text, match.end)) && isWordCharacter(characterAt(text, match.end)));
}

/**
 * Every non-overlapping occurrence of the query in the text, left to right, as ranges of the ORIGINAL text: with
 * `ignoreDiacritics` "hoi nghi" finds "Hội nghị" (NFC or NFD) and "dang" finds "Đảng", each range covering whole
 * characters with their marks. An empty query finds nothing.
 */
export function findMatches(text: string, query: string, options: FindOptions): TextMatch[] {
  const needle = foldForFind(query, options).text;
  if (needle === '') return [];
  const folded = foldForFind(text, options);
  const matches: TextMatch[] = [];
  let from = 0;
  for (let index = folded.text.indexOf(needle, from); index >= 0; index = folded.text.indexOf(needle, from)) {
    const match = { start: folded.starts[index]!, end: folded.ends[index + needle.length - 1]! };
    const previous = matches[matches.length - 1];
    const overlaps = previous !== undefined && match.start < previous.end;
    if (!overlaps && (!options.wholeWord || isWholeWord(text, match))) {
      matches.push(match);
      from = index + needle.length;
    } else {
      // A rejected place may still hold a match starting one unit later ("aa" in "aaa" as a whole word elsewhere).
      from = index + 1;
    }
  }
  return matches;
}

/** The text with every match replaced by `replacement`, taken literally; overlapping matches after the first are skipped. */
export function replaceMatches(text: string, matches: readonly TextMatch[], replacement: string): string {
  const ordered = [...matches].sort((first, second) => first.start - second.start);
  const kept: TextMatch[] = [];
  for (const match of ordered) if (match.start >= (kept[kept.length - 1]?.end ?? 0)) kept.push(match);
  let replaced = text;
  for (const match of kept.reverse()) replaced = replaced.slice(0, match.start) + replacement + replaced.slice(match.end);
  return replaced;
}
