import type { HouseStyle } from './houseStyle';
import type { TypographyFinding } from './typographyFinding';

// The end mark as typed, with stray spaces ("./ .", ". /.") or its first dot missing ("/."), before trailing spaces.
const typedEndMark = /\.?[ \u00a0]*\/[ \u00a0]*\.[ \t\u00a0]*$/u;

/**
 * The closing "./." of a body paragraph, by the house style: with 'required' the last body paragraph ends with exactly
 * "./." (a final "." becomes "./."; after "!", "?" or "…" it is pointed out, not added) and no other paragraph does;
 * with 'forbidden' none does. `isLast`: whether this is the body's last paragraph (not a heading or a caption).
 */
export function checkEndMark(text: string, houseStyle: HouseStyle, isLast: boolean): TypographyFinding[] {
  if (houseStyle.endMark === 'off') return [];
  const typed = typedEndMark.exec(text);
  const markEnd = typed === null ? -1 : typed.index + typed[0].trimEnd().length;
  if (houseStyle.endMark === 'forbidden' || !isLast) {
    if (typed === null) return [];
    const message = houseStyle.endMark === 'forbidden' ? 'Tòa soạn không dùng dấu kết thúc ./.' : 'Dấu kết thúc ./. chỉ đặt ở cuối bài.';
    return [{ rule: 'end-mark', start: typed.index, end: markEnd, replacement: '.', message }];
  }
  if (typed !== null) {
    const mark = text.slice(typed.index, markEnd);
    if (mark === './.') return [];
    return [{ rule: 'end-mark', start: typed.index, end: markEnd, replacement: './.', message: 'Viết dấu kết thúc liền: ./.' }];
  }
  const end = text.trimEnd().length;
  if (end === 0) return [];
  const message = 'Bài kết thúc bằng dấu ./.';
  const last = text[end - 1]!;
  if (last === '.' && text[end - 2] !== '.') return [{ rule: 'end-mark', start: end - 1, end, replacement: './.', message }];
  if ('!?….'.includes(last)) return [{ rule: 'end-mark', start: end, end, replacement: null, message }];
  return [{ rule: 'end-mark', start: end, end, replacement: './.', message }];
}
