import type { DateStyle } from './houseStyle';

/** A day as the style writes it: "05" (administrative, padded) or "5" (unpadded). */
export function formatDay(day: number, style: Exclude<DateStyle, 'off'>): string {
  return style === 'unpadded' ? String(day) : String(day).padStart(2, '0');
}

/** A month as the style writes it: administrative pads only 01 and 02 (so 1 cannot be turned into 11 or 12). */
export function formatMonth(month: number, style: Exclude<DateStyle, 'off'>): string {
  if (style === 'padded' || (style === 'administrative' && month <= 2)) return String(month).padStart(2, '0');
  return String(month);
}
