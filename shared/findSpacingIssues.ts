import { findLinkSpans, isInSpans } from './findLinkSpans';
import type { TypographyFinding } from './typographyFinding';

const punctuationNames: Record<string, string> = {
  ',': 'dấu phẩy',
  '.': 'dấu chấm',
  ';': 'dấu chấm phẩy',
  ':': 'dấu hai chấm',
  '!': 'dấu chấm than',
  '?': 'dấu chấm hỏi',
};
// Spaces within a line; a line break (a hard break, read as '\n') ends a line like the end of the text.
const spaceRun = /[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;
const letter = /^\p{L}$/u;
const digit = /^\p{N}$/u;
const upperWord = /^\p{Lu}+$/u;
// Abbreviations written with a dot and no space before what follows (ThS.Nguyễn, Th.S, Tp.Huế); all-capital ones
// (TP.HCM, PGS.TS) and single letters (v.v., Q.Ba Đình) are recognised without a list.
const mixedCaseAbbreviations = new Set(['th', 'ths', 'tp', 'bs', 'ks', 'ts', 'gs', 'pgs', 'cn', 'ncs']);

/** Whether a space before the punctuation at `index` is an error: not " ...", not " .vn" or " .5". */
function spaceBeforeIsError(text: string, index: number): boolean {
  if (text[index] !== '.') return true;
  const next = text[index + 1] ?? '';
  return next !== '.' && !letter.test(next) && !digit.test(next);
}

/** Whether the punctuation at `index` needs a space before the next character, which is not one. */
function needsSpaceAfter(text: string, index: number): boolean {
  const mark = text[index]!;
  const previous = text[index - 1] ?? '';
  const next = text[index + 1] ?? '';
  const opensSomething = next === '“' || next === '(';
  if (mark === '.') {
    if (!letter.test(next) && !opensSomething) return false;
    const word = /[\p{L}\p{M}]*$/u.exec(text.slice(0, index))![0];
    return word.length !== 1 && !upperWord.test(word) && !mixedCaseAbbreviations.has(word.toLowerCase());
  }
  // 3,5 and 10:30 are numbers; "?!" and ",…" are not missing a space.
  if ((mark === ',' || mark === ':') && digit.test(previous) && digit.test(next)) return false;
  return letter.test(next) || digit.test(next) || opensSomething;
}

/** The whitespace rules, one finding per run of spaces so no two overlap. */
function spaceRunFinding(text: string, start: number, end: number): TypographyFinding | null {
  const run = text.slice(start, end);
  const before = text[start - 1] ?? '\n';
  const after = text[end] ?? '\n';
  if (before === '\n' || after === '\n')
    return { rule: 'edge-space', start, end, replacement: '', message: 'Thừa dấu cách ở đầu hoặc cuối dòng.' };
  if (after in punctuationNames && spaceBeforeIsError(text, end)) {
    const message = `Không đặt dấu cách trước ${punctuationNames[after]}.`;
    return { rule: 'space-before-punctuation', start, end, replacement: '', message };
  }
  if ('([{“'.includes(before) || ')]}”'.includes(after))
    return { rule: 'bracket-space', start, end, replacement: '', message: 'Không đặt dấu cách ngay bên trong ngoặc.' };
  // One no-break space is deliberate (10 km, Thông tư 12/2020); one plain space is right.
  if (run === ' ' || run === '\u00a0' || run === '\u202f') return null;
  const message = run.length > 1 ? 'Thừa dấu cách: chỉ một dấu cách giữa hai từ.' : 'Dùng dấu cách thường.';
  return { rule: 'double-space', start, end, replacement: run.replace(/[^\u00a0]/g, '').length === run.length ? '\u00a0' : ' ', message };
}

/**
 * Spacing around words and punctuation: spaces before , . ; : ! ?, a missing space after them (not in 1.000, 3,5,
 * 10:30, TP.HCM, v.v., web and e-mail addresses), doubled spaces, spaces at the ends of a line and inside brackets.
 */
export function findSpacingIssues(text: string): TypographyFinding[] {
  const findings: TypographyFinding[] = [];
  for (const match of text.matchAll(spaceRun)) {
    const finding = spaceRunFinding(text, match.index, match.index + match[0].length);
    if (finding !== null) findings.push(finding);
  }
  const links = findLinkSpans(text);
  for (let index = 0; index < text.length; index += 1) {
    const mark = text[index]!;
    if (!(mark in punctuationNames) || isInSpans(links, index) || !needsSpaceAfter(text, index)) continue;
    const message = `Thiếu dấu cách sau ${punctuationNames[mark]}.`;
    findings.push({ rule: 'space-after-punctuation', start: index + 1, end: index + 1, replacement: ' ', message });
  }
  return findings;
}
