import { foldVietnamese } from './foldVietnamese';

/** How find compares text: with or without case, with or without diacritics. */
export interface FoldOptions {
  matchCase: boolean;
  ignoreDiacritics: boolean;
}

/** Text as find compares it, with where each of its UTF-16 units came from in the original text. */
export interface FoldedText {
  text: string;
  /** For each unit of `text`, the offset in the original where its source character (base and marks) begins. */
  starts: number[];
  /** For each unit of `text`, the offset in the original where its source character ends. */
  ends: number[];
}

/** The library search's folding without the lower-casing: "Đảng" → "Dang". */
function stripDiacritics(cluster: string): string {
  return cluster
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

function foldCluster(cluster: string, options: FoldOptions): string {
  if (options.ignoreDiacritics) return options.matchCase ? stripDiacritics(cluster) : foldVietnamese(cluster);
  const composed = cluster.normalize('NFC');
  return options.matchCase ? composed : composed.toLowerCase();
}

// A character and the combining marks after it: NFD "e" + "̣" + "̂" is one "ệ", and folds as one.
const clusterPattern = /\P{M}\p{M}*|\p{M}+/gsu;
const cache = new Map<string, string>();

/**
 * Folds text for find, character by character, keeping for every folded unit the range of the original it came from.
 * With `ignoreDiacritics` and without `matchCase` the folded text is `foldVietnamese`'s (the library search's folding:
 * "Hội nghị Đảng ủy" → "hoi nghi dang uy"), whether the original is NFC or NFD; without `ignoreDiacritics` it is the
 * NFC text, lower-cased unless `matchCase`. A range found in the folded text maps back to whole characters of the original.
 */
export function foldForFind(text: string, options: FoldOptions): FoldedText {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const key = `${options.matchCase ? 'c' : ''}${options.ignoreDiacritics ? 'd' : ''}:`;
  for (const match of text.matchAll(clusterPattern)) {
    const cluster = match[0];
    let folded: string;
    const code = cluster.charCodeAt(0);
    // Plain ASCII, the most common character, needs neither normalizing nor the cache.
    if (cluster.length === 1 && code < 0x80)
      folded = options.matchCase || code < 65 || code > 90 ? cluster : String.fromCharCode(code + 32);
    else {
      const cached = cache.get(key + cluster);
      folded = cached ?? foldCluster(cluster, options);
      if (cached === undefined && cluster.length <= 4) cache.set(key + cluster, folded);
    }
    parts.push(folded);
    for (let unit = 0; unit < folded.length; unit += 1) {
      starts.push(match.index);
      ends.push(match.index + cluster.length);
    }
  }
  return { text: parts.join(''), starts, ends };
}
