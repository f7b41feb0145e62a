import type { SyncOutcome } from './sharedLibraryModel';

const syncStates: readonly string[] = ['not-joined', 'idle', 'syncing', 'offline', 'error', 'read-only'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * Checks a pushed sync outcome's shape in the renderer, which carries no zod (as isPackageReceivedReport does); what the
 * window reads of it: the articles changed and in conflict, the counts, and the status with its refused files.
 */
export function isSyncOutcome(value: unknown): value is SyncOutcome {
  if (!isRecord(value) || !isStringList(value.changedArticleIds) || !isStringList(value.conflictArticleIds)) return false;
  if (!isCount(value.filesSent) || !isCount(value.filesReceived)) return false;
  const status = value.status;
  if (!isRecord(status) || !syncStates.includes(status.state as string) || !isCount(status.conflicts)) return false;
  if (!isCount(status.changesWaiting) || !(status.message === null || typeof status.message === 'string')) return false;
  if (!(status.lastSyncAt === null || typeof status.lastSyncAt === 'string')) return false;
  return (
    Array.isArray(status.refusedFiles) &&
    status.refusedFiles.every((file) => isRecord(file) && typeof file.path === 'string' && typeof file.reason === 'string')
  );
}
