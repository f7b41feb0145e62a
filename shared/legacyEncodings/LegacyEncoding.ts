import type { LegacyTable } from './LegacyTable';
import { tcvn3Table, tcvn3UpperTable } from './tcvn3Tables';
import { viqrTable } from './viqrTable';
import { vniTable } from './vniTable';

/** The legacy Vietnamese encodings the app converts from: TCVN3 (lower-case and upper-case fonts), VNI-Windows, VIQR. */
export const legacyEncodings = ['tcvn3', 'tcvn3Upper', 'vni', 'viqr'] as const;

export type LegacyEncoding = (typeof legacyEncodings)[number];

/** Each encoding's table. */
export const legacyTables: Readonly<Record<LegacyEncoding, LegacyTable>> = {
  tcvn3: tcvn3Table,
  tcvn3Upper: tcvn3UpperTable,
  vni: vniTable,
  viqr: viqrTable,
};
