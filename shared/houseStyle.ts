import { z } from 'zod';
import { dateStyles, endMarkRules } from './houseStyleOptions';
import { toneStyles } from './placeToneMarks';

export { dateStyles, endMarkRules, type DateStyle, type EndMarkRule } from './houseStyleOptions';

/** The agency's own typography choices (Cài đặt), which the typography check follows. */
export const houseStyleSchema = z.object({
  /** Where tone marks go: 'old' hòa, thủy; 'new' hoà, thuỷ; 'off' leaves every word as written. */
  toneMarks: z.enum([...toneStyles, 'off']),
  /** How dates are written, both 05/7/2022 and "ngày 05 tháng 7 năm 2022". */
  dates: z.enum(dateStyles),
  endMark: z.enum(endMarkRules),
  /** Whether a title in Title Case (Hội Nghị Sơ Kết Công Tác) is pointed out. */
  titleSentenceCase: z.boolean(),
});
export type HouseStyle = z.infer<typeof houseStyleSchema>;

/**
 * The defaults follow the newsroom's own seed article: "Đảng ủy" (old tone placement, also most newspapers' and
 * keyboards' default), "Ngày 05/7/2022" (the administrative date), and the closing "./.".
 */
export const defaultHouseStyle: HouseStyle = {
  toneMarks: 'old',
  dates: 'administrative',
  endMark: 'required',
  titleSentenceCase: true,
};
