import type { z } from 'zod';
import type { packageReceivedReportSchema } from './ipcContract';

/** What main pushes after receiving a package opened outside the window (the contract's packageReceivedReportSchema). */
export type PackageReceivedReport = z.output<typeof packageReceivedReportSchema>;

const receivedStatuses: readonly string[] = ['created', 'updated', 'unchanged', 'conflict'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOutcome(value: unknown): boolean {
  if (!isRecord(value)) return false;
  if (value.status === 'cancelled') return true;
  return (
    receivedStatuses.includes(value.status as string) &&
    typeof value.articleId === 'string' &&
    typeof value.title === 'string' &&
    typeof value.message === 'string'
  );
}

/**
 * Checks a pushed report's shape in the renderer, which carries no zod (tests/packaging/rendererBundle.test.ts);
 * tests/unit/packageReceivedReport.test.ts holds it to the contract's schema.
 */
export function isPackageReceivedReport(value: unknown): value is PackageReceivedReport {
  if (!isRecord(value) || typeof value.fileName !== 'string') return false;
  if (value.ok === true) return isOutcome(value.outcome);
  if (value.ok !== false || !isRecord(value.error)) return false;
  return typeof value.error.code === 'string' && typeof value.error.message === 'string';
}
