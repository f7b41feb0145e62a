import { describe, expect, it } from 'vitest';
import { isSyncOutcome } from '../../shared/isSyncOutcome';
import { syncOutcomeSchema } from '../../shared/sharedLibraryModel';

const articleId = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const status = {
  state: 'idle',
  lastSyncAt: '2026-11-30T07:05:00.000Z',
  changesWaiting: 0,
  conflicts: 1,
  refusedFiles: [{ path: 'articles/01/x.json', reason: 'không đọc được' }],
  message: null,
  progress: null,
};
const outcome = { changedArticleIds: [articleId], conflictArticleIds: [articleId], filesSent: 2, filesReceived: 6, status };

const valid: unknown[] = [
  outcome,
  { ...outcome, changedArticleIds: [], conflictArticleIds: [], status: { ...status, state: 'offline', message: 'Ngoại tuyến' } },
  { ...outcome, status: { ...status, state: 'syncing', lastSyncAt: null, progress: { phase: 'articles', done: 3, total: 40 } } },
];

const malformed: unknown[] = [
  null,
  [],
  {},
  { ...outcome, changedArticleIds: [5] },
  { ...outcome, conflictArticleIds: undefined },
  { ...outcome, filesSent: -1 },
  { ...outcome, filesReceived: 1.5 },
  { ...outcome, status: null },
  { ...outcome, status: { ...status, state: 'merging' } },
  { ...outcome, status: { ...status, conflicts: '1' } },
  { ...outcome, status: { ...status, message: 7 } },
  { ...outcome, status: { ...status, lastSyncAt: 0 } },
  { ...outcome, status: { ...status, refusedFiles: [{ path: 'a' }] } },
];

describe('isSyncOutcome: the renderer’s zod-free check of main’s sync outcome', () => {
  it.each(valid)('accepts what the contract’s schema accepts: %j', (value) => {
    expect(syncOutcomeSchema.safeParse(value).success).toBe(true);
    expect(isSyncOutcome(value)).toBe(true);
  });

  it.each(malformed)('refuses what the schema refuses: %j', (value) => {
    expect(syncOutcomeSchema.safeParse(value).success).toBe(false);
    expect(isSyncOutcome(value)).toBe(false);
  });
});
