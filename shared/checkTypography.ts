import { findNumberIssues } from './findNumberIssues';
import { findQuoteIssues } from './findQuoteIssues';
import { findSpacingIssues } from './findSpacingIssues';
import type { HouseStyle } from './houseStyle';
import { findTonePlacementMismatches } from './placeToneMarks';
import { sortFindings, type TypographyFinding } from './typographyFinding';

/** Where the house style puts tone marks, as suggestions ("hòa" → "hoà" under the new placement). */
function toneFindings(text: string, houseStyle: HouseStyle): TypographyFinding[] {
  if (houseStyle.toneMarks === 'off') return [];
  const placement = houseStyle.toneMarks === 'old' ? 'cũ (hòa, thủy)' : 'mới (hoà, thuỷ)';
  return findTonePlacementMismatches(text, houseStyle.toneMarks).map(({ start, end, replacement }) => ({
    rule: 'tone-marks',
    start,
    end,
    replacement,
    message: `Đặt dấu thanh theo kiểu ${placement}: ${replacement}.`,
  }));
}

/**
 * The typography suggestions for one text in NFC (a paragraph, a sapo, a caption, a byline), in text order: spacing
 * around punctuation and in brackets, straight quotes, numbers and dates, tone mark placement. No two overlap, so
 * `applyFindings` applies them all in one pass (a title adds its own rules: `checkTitleTypography`).
 */
export function checkTypography(text: string, houseStyle: HouseStyle): TypographyFinding[] {
  return sortFindings([
    ...findSpacingIssues(text),
    ...findQuoteIssues(text),
    ...findNumberIssues(text, houseStyle),
    ...toneFindings(text, houseStyle),
  ]);
}
