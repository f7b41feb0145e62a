import { checkTypography } from './checkTypography';
import type { HouseStyle } from './houseStyle';
import { sortFindings, type TypographyFinding } from './typographyFinding';

const titleWord = /[\p{L}\p{M}]+/gu;
const capitalized = /^\p{Lu}[\p{Ll}\p{M}]*$/u;
const acronym = /^\p{Lu}{2,}$/u;

/**
 * Whether a title is in Title Case: of its words after the first, not counting acronyms (UBND, TP), at least four and
 * four in five begin with a capital. Vietnamese titles carry capitals only on the first word and on names, which are
 * seldom four in five ("Tổng Bí thư Nguyễn Phú Trọng thăm Lào" passes), so a title in Title Case stands out.
 */
function isTitleCase(title: string): boolean {
  const words = (title.match(titleWord) ?? []).slice(1).filter((word) => !acronym.test(word));
  const capitals = words.filter((word) => capitalized.test(word)).length;
  return words.length >= 4 && capitals >= 0.8 * words.length;
}

/**
 * The title's suggestions: those of `checkTypography`, a closing full stop (a title has none; "…" and "TP." stay), and,
 * when the house style asks, Title Case, pointed out without a replacement since only a person knows which words are names.
 */
export function checkTitleTypography(title: string, houseStyle: HouseStyle): TypographyFinding[] {
  const findings = checkTypography(title, houseStyle);
  const period = /(?<![.\p{Lu}])\.[ \t\u00a0]*$/u.exec(title);
  if (period !== null && !/(?:^|\s)\p{L}$/u.test(title.slice(0, period.index)))
    findings.push({
      rule: 'title-period',
      start: period.index,
      end: period.index + 1,
      replacement: '',
      message: 'Tiêu đề không có dấu chấm cuối.',
    });
  if (houseStyle.titleSentenceCase && isTitleCase(title)) {
    const message = 'Tiêu đề viết hoa chữ đầu mọi từ: chỉ viết hoa chữ đầu câu và tên riêng.';
    findings.push({ rule: 'title-case', start: 0, end: title.length, replacement: null, message });
  }
  return sortFindings(findings);
}
