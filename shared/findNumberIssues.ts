import { findLinkSpans, isInSpans } from './findLinkSpans';
import { formatDay, formatMonth } from './formatDateNumbers';
import type { HouseStyle } from './houseStyle';
import { isIsoDate } from './publicationDate';
import type { TypographyFinding } from './typographyFinding';

// 1,000 and 1,234,567.5 but not 3,5, 2020,2021 or a piece of a longer number.
const commaThousands = /(?<![\p{L}\p{N}.,])(\d{1,3}(?:,\d{3})+)(\.\d+)?(?!\p{N}|[.,]\p{N})/gu;
const numericDate = /(?<![\p{L}\p{N}/.,-])(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\p{N}|\/\p{N})/gu;
// "5/7" without a year only after a word that makes it a date ("ngày 5/7", "sáng 5/7"): elsewhere it may be a fraction.
const shortDate = /(?<=(?<![\p{L}\p{M}])(?:ngày|sáng|trưa|chiều|tối|đêm|hôm|mùng|mồng)[ \u00a0])(\d{1,2})\/(\d{1,2})(?!\p{N}|\/\p{N})/giu;
const wordDate =
  /(?<![\p{L}\p{M}])(?:ngày|mùng|mồng)[ \u00a0]+(\d{1,2})[ \u00a0]+tháng[ \u00a0]+(\d{1,2})(?:[ \u00a0]+năm[ \u00a0]+(\d{4}))?(?![\p{N}])/giu;

function isRealDate(day: number, month: number, year: number | null): boolean {
  return isIsoDate(`${year ?? 2000}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

function dateMessage(example: string): string {
  return `Viết ngày tháng theo quy định của tòa soạn: ${example}.`;
}

/** Numbers in English style (1,000 → 1.000; 1,000.5 → 1.000,5), and dates not in the house style. */
export function findNumberIssues(text: string, houseStyle: HouseStyle): TypographyFinding[] {
  const findings: TypographyFinding[] = [];
  const links = findLinkSpans(text);
  for (const match of text.matchAll(commaThousands)) {
    if (isInSpans(links, match.index)) continue;
    const replacement = match[1]!.replace(/,/g, '.') + (match[2] === undefined ? '' : `,${match[2].slice(1)}`);
    const message = 'Tiếng Việt ngăn cách hàng nghìn bằng dấu chấm, phần thập phân bằng dấu phẩy (1.000; 3,5).';
    findings.push({ rule: 'thousands-separator', start: match.index, end: match.index + match[0].length, replacement, message });
  }
  const style = houseStyle.dates;
  if (style === 'off') return findings;
  for (const pattern of [numericDate, shortDate]) {
    for (const match of text.matchAll(pattern)) {
      const [day, month, year] = [Number(match[1]), Number(match[2]), match[3] === undefined ? null : Number(match[3])];
      if (isInSpans(links, match.index) || !isRealDate(day, month, year)) continue;
      const replacement = [formatDay(day, style), formatMonth(month, style), ...(match[3] === undefined ? [] : [match[3]])].join('/');
      if (replacement !== match[0])
        findings.push({
          rule: 'date-format',
          start: match.index,
          end: match.index + match[0].length,
          replacement,
          message: dateMessage(replacement),
        });
    }
  }
  for (const match of text.matchAll(wordDate)) {
    const [day, month] = [Number(match[1]), Number(match[2])];
    if (!isRealDate(day, month, match[3] === undefined ? null : Number(match[3]))) continue;
    // Only the two numbers change; the words stay as typed ("Ngày", "mồng").
    const dayStart = match.index + match[0].search(/\d/);
    const monthStart = match.index + match[0].search(/tháng/iu) + match[0].slice(match[0].search(/tháng/iu)).search(/\d/);
    const example = `ngày ${formatDay(day, style)} tháng ${formatMonth(month, style)}${match[3] === undefined ? '' : ` năm ${match[3]}`}`;
    for (const [start, value, formatted] of [
      [dayStart, match[1]!, formatDay(day, style)],
      [monthStart, match[2]!, formatMonth(month, style)],
    ] as const) {
      if (value !== formatted)
        findings.push({ rule: 'date-format', start, end: start + value.length, replacement: formatted, message: dateMessage(example) });
    }
  }
  return findings;
}
