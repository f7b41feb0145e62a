import { describe, expect, it } from 'vitest';
import { packageReceivedReportSchema } from '../../shared/ipcContract';
import { isPackageReceivedReport } from '../../shared/packageReceivedReport';

const articleId = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

const valid: unknown[] = [
  { fileName: 'bai.banthao', ok: true, outcome: { status: 'created', articleId, title: 'Cầu Rồng', message: 'Đã nhận' } },
  { fileName: 'bai.banthao', ok: true, outcome: { status: 'updated', articleId, title: '', message: 'Đã cập nhật' } },
  { fileName: 'bai.banthao', ok: true, outcome: { status: 'unchanged', articleId, title: 'x', message: 'y' } },
  { fileName: 'bai.banthao', ok: true, outcome: { status: 'conflict', articleId, title: 'x', message: 'y' } },
  { fileName: 'bai.banthao', ok: true, outcome: { status: 'cancelled' } },
  { fileName: 'hong.banthao', ok: false, error: { code: 'invalid-package', message: 'Gói hỏng' } },
];

const malformed: unknown[] = [
  null,
  'bai.banthao',
  [],
  {},
  { ok: true, outcome: { status: 'created', articleId, title: 'x', message: 'y' } },
  { fileName: 5, ok: false, error: { code: 'internal', message: 'x' } },
  { fileName: 'a', ok: 'yes', outcome: { status: 'created', articleId, title: 'x', message: 'y' } },
  { fileName: 'a', ok: true, outcome: { status: 'merged', articleId, title: 'x', message: 'y' } },
  { fileName: 'a', ok: true, outcome: { status: 'updated', articleId, title: 'x' } },
  { fileName: 'a', ok: true, outcome: null },
  { fileName: 'a', ok: false, error: { code: 'internal' } },
  { fileName: 'a', ok: false, error: 'hỏng' },
  { fileName: 'a', ok: false },
];

describe('isPackageReceivedReport: the renderer’s zod-free check of main’s package report', () => {
  it.each(valid)('accepts what the contract’s schema accepts: %j', (report) => {
    expect(packageReceivedReportSchema.safeParse(report).success).toBe(true);
    expect(isPackageReceivedReport(report)).toBe(true);
  });

  it.each(malformed)('refuses what the schema refuses: %j', (report) => {
    expect(packageReceivedReportSchema.safeParse(report).success).toBe(false);
    expect(isPackageReceivedReport(report)).toBe(false);
  });
});
