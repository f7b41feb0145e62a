import { findLinkSpans, isInSpans } from './findLinkSpans';
import type { TypographyFinding } from './typographyFinding';

const opensAfter = /^[\s([{“‘—–/:-]?$/u;
const letter = /^[\p{L}\p{M}]$/u;
const digit = /^\p{N}$/u;

/**
 * Straight quotes to typographic ones by what stands around each: "…" → “…”, '…' → ‘…’, an apostrophe inside a word
 * (O'Neill) → ’. A quote after a digit is left alone (phút 90', 5'30"), unless it closes a quotation ("năm 2022"), and so
 * is one standing alone between spaces, or inside a web address.
 */
export function findQuoteIssues(text: string): TypographyFinding[] {
  const findings: TypographyFinding[] = [];
  const links = findLinkSpans(text);
  let openDouble = false;
  for (let index = 0; index < text.length; index += 1) {
    const quote = text[index]!;
    if ((quote !== '"' && quote !== "'") || isInSpans(links, index)) continue;
    const previous = text[index - 1] ?? '';
    const next = text[index + 1] ?? '';
    const opening = opensAfter.test(previous);
    if (opening && (next === '' || /\s/u.test(next))) continue;
    let replacement: string;
    if (quote === '"') {
      if (!opening && digit.test(previous) && !openDouble) continue;
      // nói:"Xong" is a quotation opening without its space; adding both here keeps to one finding.
      replacement = opening ? (previous === ':' ? ' “' : '“') : '”';
      openDouble = opening;
    } else {
      if (!opening && digit.test(previous)) continue;
      replacement = opening ? '‘' : '’';
    }
    const message =
      quote === '"'
        ? 'Dùng ngoặc kép cong “ ”.'
        : letter.test(previous) && letter.test(next)
          ? 'Dùng dấu nháy ’.'
          : 'Dùng ngoặc đơn cong ‘ ’.';
    findings.push({ rule: 'straight-quote', start: index, end: index + 1, replacement, message });
  }
  return findings;
}
