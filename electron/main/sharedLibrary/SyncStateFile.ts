import { z } from 'zod';
import { DurableJsonFile, type RecoveryOptions } from '../storage/DurableJsonFile';
import type { DurableWriteOptions } from '../storage/writeFileDurably';

const objectId = z.string().regex(/^[0-9a-f]{40}$/);

/** A library file as the last sync left it: its blob id, and the size and time it had then (to skip re-reading it). */
const syncedFileSchema = z.tuple([objectId, z.number().int().min(-1), z.number()]);
export type SyncedFile = z.infer<typeof syncedFileSchema>;

/**
 * What this machine last agreed with the server: the commit, and for every library file then, its blob id (the base of
 * the next three-way merge) with the size and time it had (a file with both unchanged is not read again). A file
 * whose size is -1 is read again at the next sync (one a sync merged: it differs from the commit's).
 */
export const syncStateSchema = z.object({
  /** The server address this state belongs to: another address is another library, joined afresh. */
  address: z.string(),
  commit: objectId.nullable(),
  lastSyncAt: z.iso.datetime({ offset: true }).nullable(),
  files: z.record(z.string(), syncedFileSchema),
});
export type SyncState = z.infer<typeof syncStateSchema>;

export function emptySyncState(address: string): SyncState {
  return { address, commit: null, lastSyncAt: null, files: {} };
}

/** The sync state file (`sync/state.json`): durable, with its previous generation; written after each step of a sync. */
export function syncStateFile(path: string, writeOptions: DurableWriteOptions, recovery: RecoveryOptions): DurableJsonFile<SyncState> {
  return new DurableJsonFile(path, syncStateSchema, writeOptions, { format: { kind: 'ban-thao/sync-state', version: 1 }, recovery });
}
