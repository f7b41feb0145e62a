/** A range of text that typography rules leave alone. */
export type TextSpan = readonly [start: number, end: number];

const linkPatterns = [
  /\b(?:https?|ftp):\/\/[^\s“”"<>]+/giu,
  /\bwww\.[^\s“”"<>]+/giu,
  // An address's domain in lower-case ASCII, so "toasoan@moit.gov.vn.Ông" ends before the next sentence.
  /[\p{L}\p{N}._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gu,
  // Bare domains: only with a known ending, so "năm.Tôi" is still a missing space.
  /(?<![\p{L}\p{N}])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:vn|com|net|org|gov|edu|info|biz|io|int|asia)(?![\p{L}\p{N}])/giu,
];

/** The web addresses, e-mail addresses and domain names in a text: their dots, colons and slashes are not punctuation. */
export function findLinkSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const pattern of linkPatterns) {
    // A sentence's own full stop or comma after an address is not part of it.
    for (const match of text.matchAll(pattern)) spans.push([match.index, match.index + match[0].replace(/[.,;:!?)\]]+$/u, '').length]);
  }
  return spans;
}

/** Whether the offset falls inside one of the spans. */
export function isInSpans(spans: readonly TextSpan[], offset: number): boolean {
  return spans.some(([start, end]) => offset >= start && offset < end);
}
