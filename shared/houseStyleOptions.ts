// The house style's choices, apart from its schema (houseStyle.ts): Cài đặt lists them without zod in the renderer.

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
