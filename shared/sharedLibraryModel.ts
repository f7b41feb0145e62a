import { z } from 'zod';
import { sharedLibraryAddressPattern } from './sharedLibraryAddress';

/** The server address: an http or https URL, without credentials (those go in the user name and secret). */
export const sharedLibraryAddressSchema = z.string().trim().max(2000).regex(sharedLibraryAddressPattern, 'not an http or https address');

/** What the renderer sends to test or save a shared library's connection. */
export const sharedLibraryConnectionSchema = z
  .object({
    address: sharedLibraryAddressSchema,
    userName: z.string().max(200),
    /** The password or access token; absent: the saved one (if any) is used or kept. */
    secret: z.string().min(1).max(4000).optional(),
    /** The user's explicit choice to use plain http to an address outside the local network. */
    allowPlainHttp: z.boolean(),
  })
  .strict();
export type SharedLibraryConnection = z.input<typeof sharedLibraryConnectionSchema>;

/** What the renderer learns of the saved settings: never the secret, only whether one is saved. */
export const sharedLibraryViewSchema = z
  .object({
    address: z.string(),
    userName: z.string(),
    allowPlainHttp: z.boolean(),
    secretSaved: z.boolean(),
    /** Whether this machine can encrypt a secret (Linux without a keyring cannot): without it, none is stored. */
    secretStorageAvailable: z.boolean(),
  })
  .strict();
export type SharedLibraryView = z.infer<typeof sharedLibraryViewSchema>;

/** The answers of "Kiểm tra kết nối". */
export const connectionOutcomes = [
  'connected',
  'read-only',
  'unreachable',
  'unauthorized',
  'not-repository',
  'certificate',
  'plain-http-refused',
  'too-large',
] as const;
export type ConnectionOutcome = (typeof connectionOutcomes)[number];

export const connectionTestResultSchema = z
  .object({
    outcome: z.enum(connectionOutcomes),
    /** For a certificate error, what the TLS check said (e.g. `DEPTH_ZERO_SELF_SIGNED_CERT`), shown to the user. */
    detail: z.string().max(200).optional(),
  })
  .strict();
export type ConnectionTestResult = z.infer<typeof connectionTestResultSchema>;

/** Where a sync (or the first one, joining) is: what the status line and the join dialog show. */
export const syncPhases = ['connecting', 'fetching', 'articles', 'photos', 'committing', 'pushing'] as const;
export type SyncPhase = (typeof syncPhases)[number];

export const syncProgressSchema = z
  .object({ phase: z.enum(syncPhases), done: z.number().int().nonnegative(), total: z.number().int().nonnegative() })
  .strict();
export type SyncProgress = z.infer<typeof syncProgressSchema>;

/**
 * The state of the shared library on this machine. `not-joined`: no shared library (or not yet joined); `idle`: the last
 * sync went through; `syncing`; `offline`: the server did not answer (changes wait for the next sync); `error`: the
 * last sync failed for another reason, said in `message`; `read-only`: another process holds the library and syncs it.
 */
export const syncStates = ['not-joined', 'idle', 'syncing', 'offline', 'error', 'read-only'] as const;
export type SyncState = (typeof syncStates)[number];

export const syncStatusSchema = z
  .object({
    state: z.enum(syncStates),
    /** The last sync that went through (ISO time), null before the first. */
    lastSyncAt: z.string().nullable(),
    /** Library files changed here since the last sync (what the next sync sends), as the last look counted them. */
    changesWaiting: z.number().int().nonnegative(),
    /** Active articles with a pending conflict to resolve in the three-way view. */
    conflicts: z.number().int().nonnegative(),
    /** Files from the server set aside (quarantined) at the last sync, each with why. */
    refusedFiles: z.array(z.object({ path: z.string(), reason: z.string() }).strict()),
    /** What went wrong, in Vietnamese (offline, wrong password, ...); null when nothing did. */
    message: z.string().nullable(),
    progress: syncProgressSchema.nullable(),
  })
  .strict();
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** What one sync did: pulled changes by article (the page reloads an open one), and what it sent. */
export const syncOutcomeSchema = z
  .object({
    /** Articles the sync wrote here (pulled or merged): an open editor reloads them. */
    changedArticleIds: z.array(z.string()),
    /** Articles that came out of the sync with a conflict to resolve. */
    conflictArticleIds: z.array(z.string()),
    /** Library files sent to the server. */
    filesSent: z.number().int().nonnegative(),
    /** Library files received from the server. */
    filesReceived: z.number().int().nonnegative(),
    status: syncStatusSchema,
  })
  .strict();
export type SyncOutcome = z.infer<typeof syncOutcomeSchema>;
