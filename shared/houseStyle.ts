import { z } from 'zod';
import { toneStyles } from './placeToneMarks';

/**
 * How numeric dates are written. 'administrative' is Nghị định 30/2020/NĐ-CP's rule for official documents, which
 * agency newsrooms follow: the day always two digits, the month two digits only for 01 and 02 (05/7/2022, 15/02/2022).
 * 'padded' writes 05/07/2022, 'unpadded' 5/7/2022 (common in daily newspapers), 'off' checks no date.
 */
export const dateStyles = ['administrative', 'padded', 'unpadded', 'off'] as const;
export type DateStyle = (typeof dateStyles)[number];

/** The article's closing "./.": 'required' at the end of the last body paragraph only, 'forbidden' anywhere, or 'off'. */
export const endMarkRules = ['required', 'forbidden', 'off'] as const;
export type EndMarkRule = (typeof endMarkRules)[number];

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
