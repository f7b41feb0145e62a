import type { TypographyFinding } from './typographyFinding';

/**
 * The findings "Áp dụng tất cả" would apply: those with a replacement, in text order, each starting at or after the end
 * of the one kept before it and never at the same place (two insertions at one offset would have no defined order).
 */
export function applicableFindings<Finding extends TypographyFinding>(findings: readonly Finding[]): Finding[] {
  const ordered = findings
    .filter((finding) => finding.replacement !== null)
    .sort((first, second) => first.start - second.start || first.end - second.end);
  const kept: Finding[] = [];
  for (const finding of ordered) {
    const last = kept[kept.length - 1];
    if (last === undefined || (finding.start >= last.end && finding.start > last.start)) kept.push(finding);
  }
  return kept;
}

/**
 * The text with the findings applied, from the end so earlier offsets stay valid. Pass one finding to accept it alone;
 * overlapping ones are skipped (check the text again to see what is left).
 */
export function applyFindings(text: string, findings: readonly TypographyFinding[]): string {
  let applied = text;
  for (const finding of applicableFindings(findings).reverse())
    applied = applied.slice(0, finding.start) + finding.replacement! + applied.slice(finding.end);
  return applied;
}
