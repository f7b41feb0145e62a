/** The typography checks, each a suggestion the editor may accept or leave. */
export const typographyRules = [
  'space-before-punctuation',
  'space-after-punctuation',
  'straight-quote',
  'double-space',
  'edge-space',
  'bracket-space',
  'thousands-separator',
  'date-format',
  'title-case',
  'title-period',
  'end-mark',
  'tone-marks',
] as const;
export type TypographyRule = (typeof typographyRules)[number];

/** One suggestion over one text (a title, a paragraph…): replace [start, end) with `replacement`. */
export interface TypographyFinding {
  rule: TypographyRule;
  /** UTF-16 offsets in the checked text; start === end inserts. */
  start: number;
  end: number;
  /** What to put instead; null when only a person can fix it (a title in Title Case): shown, never applied. */
  replacement: string | null;
  /** What is wrong, in Vietnamese, for the suggestion list. */
  message: string;
}

/** Findings in text order (by start, then end), as every check returns them. */
export function sortFindings<Finding extends TypographyFinding>(findings: Finding[]): Finding[] {
  return findings.sort((first, second) => first.start - second.start || first.end - second.end);
}
