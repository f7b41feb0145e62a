import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, stat, unlink, utimes } from 'node:fs/promises';
import { hostname as hostnameOfThisMachine } from 'node:os';
import { libraryLayout } from '../library/libraryLayout';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { AppError } from '../../../shared/errorCodes';
import { errorCodeOf, toStorageError } from './fileSystemErrors';
import { writeFileDurably, type DurableWriteOptions } from './writeFileDurably';

/** What `<data folder>/library.lock` says about the process that holds it. */
export interface LibraryLockOwner {
  pid: number;
  hostname: string;
  /** ISO time the lock was taken. */
  startedAt: string;
  appVersion?: string;
  /** Random per acquisition: tells this holder's lock from a later one by the same pid. */
  token: string;
}

const ownerSchema = z.object({
  pid: z.number().int().positive(),
  hostname: z.string().min(1),
  startedAt: z.string(),
  appVersion: z.string().optional(),
  token: z.string().min(1),
});

export interface LibraryLockOptions {
  appVersion?: string;
  /** How often the holder refreshes the lock file's mtime (30 s). */
  heartbeatMs?: number;
  /** Runs the heartbeat (an unref'd setInterval); a test passes its own to run each beat when it chooses. */
  heartbeatTimer?: HeartbeatTimer;
  /** A lock whose mtime is older than this is abandoned, whoever wrote it (90 s). */
  staleAfterMs?: number;
  /** Called once if the heartbeat finds the lock taken over or gone (this process stalled past `staleAfterMs`). */
  onLost?: () => void;
  writeOptions?: DurableWriteOptions;
}

/** Calls `beat` every `intervalMs` until the returned function is called; `beat` resolves once that refresh is done. */
export type HeartbeatTimer = (beat: () => Promise<void>, intervalMs: number) => () => void;

/** The heartbeat's real timer; unref'd, so the heartbeat alone never keeps a quitting process alive. */
export const intervalHeartbeat: HeartbeatTimer = (beat, intervalMs) => {
  const interval = setInterval(() => void beat(), intervalMs).unref();
  return () => clearInterval(interval);
};

const guardPollMs = 20;
// The guard is held for milliseconds; one this old was left by a crash mid-acquire.
const guardStaleMs = 10_000;
// Tokens this process holds (shared by every copy of this module): a lock naming our own pid with another token was
// left by an earlier process that had the same pid.
const heldTokens: Set<string> = ((globalThis as Record<symbol, unknown>)[Symbol.for('banthao.libraryLockTokens')] ??=
  new Set<string>()) as Set<string>;

/** Whether a process with this pid runs on this machine (EPERM: it runs, under another user). */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCodeOf(error) !== 'ESRCH';
  }
}

async function readLock(path: string): Promise<{ owner: LibraryLockOwner | null; mtimeMs: number } | null> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    let owner: LibraryLockOwner | null = null;
    try {
      const parsed = ownerSchema.safeParse(JSON.parse(text));
      if (parsed.success) owner = parsed.data;
    } catch {
      // Damaged or empty (a crash while it was written): nobody can be shown to hold it.
    }
    return { owner, mtimeMs: info.mtimeMs };
  } catch (error) {
    if (errorCodeOf(error) === 'ENOENT') return null;
    throw toStorageError(error, path);
  }
}

function isHeld(
  lock: { owner: LibraryLockOwner | null; mtimeMs: number },
  staleAfterMs: number,
): lock is { owner: LibraryLockOwner; mtimeMs: number } {
  const { owner } = lock;
  if (owner === null || Date.now() - lock.mtimeMs > staleAfterMs) return false;
  // Another machine's pids mean nothing here (a shared folder): only its heartbeat counts.
  if (owner.hostname !== hostnameOfThisMachine()) return true;
  if (owner.pid === process.pid) return heldTokens.has(owner.token);
  return isProcessAlive(owner.pid);
}

function lockedError(owner: LibraryLockOwner | null): AppError {
  const who = owner === null ? '' : ` (tiến trình ${owner.pid} trên máy ${owner.hostname})`;
  return new AppError(
    'library-locked',
    `Thư viện đang được một cửa sổ Bản Thảo khác mở${who}. Hãy dùng cửa sổ đó, hoặc đóng nó rồi bấm “Thử lại”.`,
  );
}

/** Runs `step` holding the guard file, waiting while another process holds it; a crash's leftover guard is removed. */
async function withGuard<Result>(dataDirectory: string, staleAfterMs: number, step: () => Promise<Result>): Promise<Result> {
  // Every change to library.lock happens while holding this file (created with 'wx'), so judging and replacing are one step.
  const path = libraryLayout(dataDirectory).lockGuard;
  const staleGuardMs = Math.min(staleAfterMs, guardStaleMs);
  const giveUpAt = Date.now() + staleGuardMs + 1_000;
  for (;;) {
    try {
      await (await open(path, 'wx')).close();
      break;
    } catch (error) {
      if (errorCodeOf(error) !== 'EEXIST') throw toStorageError(error, path);
    }
    const guardMtimeMs = await stat(path).then(
      (info) => info.mtimeMs,
      () => null,
    );
    if (guardMtimeMs !== null && Date.now() - guardMtimeMs > staleGuardMs) await unlink(path).catch(() => undefined);
    else if (Date.now() > giveUpAt) throw lockedError(null);
    else await sleep(guardPollMs);
  }
  try {
    return await step();
  } finally {
    await unlink(path).catch(() => undefined);
  }
}

/**
 * One writer per data folder, also outside Electron (the browser harness, a second copy run on the same
 * BANTHAO_DATA_DIR, a portable build): `<data folder>/library.lock`, beside the synced `library/` folder, never in it.
 * A lock is abandoned when it is unreadable, its mtime heartbeat is older than `staleAfterMs`, or it names a pid of
 * this machine that no longer runs; an abandoned lock is taken over, a held one refused with a `library-locked` AppError.
 */
export class LibraryLock {
  readonly path: string;
  readonly owner: LibraryLockOwner;
  readonly #dataDirectory: string;
  readonly #staleAfterMs: number;
  #stopBeating: (() => void) | null;
  #beating = false;

  private constructor(dataDirectory: string, owner: LibraryLockOwner, options: LibraryLockOptions) {
    this.#dataDirectory = dataDirectory;
    this.path = libraryLayout(dataDirectory).lock;
    this.owner = owner;
    this.#staleAfterMs = options.staleAfterMs ?? 90_000;
    this.#stopBeating = (options.heartbeatTimer ?? intervalHeartbeat)(() => this.#beat(options.onLost), options.heartbeatMs ?? 30_000);
  }

  /** Takes the data folder's lock (creating the folder on first run), or throws a `library-locked` AppError naming the holder. */
  static async acquire(dataDirectory: string, options: LibraryLockOptions = {}): Promise<LibraryLock> {
    const path = libraryLayout(dataDirectory).lock;
    const staleAfterMs = options.staleAfterMs ?? 90_000;
    await mkdir(dataDirectory, { recursive: true }).catch((error: unknown) => {
      throw toStorageError(error, dataDirectory);
    });
    const owner: LibraryLockOwner = {
      pid: process.pid,
      hostname: hostnameOfThisMachine(),
      startedAt: new Date().toISOString(),
      ...(options.appVersion === undefined ? {} : { appVersion: options.appVersion }),
      token: randomBytes(12).toString('hex'),
    };
    await withGuard(dataDirectory, staleAfterMs, async () => {
      const existing = await readLock(path);
      if (existing !== null && isHeld(existing, staleAfterMs)) throw lockedError(existing.owner);
      // Temp file + rename: a reader never sees a half-written lock.
      await writeFileDurably(path, `${JSON.stringify(owner)}\n`, options.writeOptions);
      const written = await readLock(path);
      if (written?.owner?.token !== owner.token) throw lockedError(written?.owner ?? null);
      heldTokens.add(owner.token);
    });
    return new LibraryLock(dataDirectory, owner, options);
  }

  /** Stops the heartbeat and removes the lock file if it is still ours (never one another process has taken over). */
  async release(): Promise<void> {
    if (!this.#stopHeartbeat()) return;
    heldTokens.delete(this.owner.token);
    await withGuard(this.#dataDirectory, this.#staleAfterMs, async () => {
      const current = await readLock(this.path);
      if (current?.owner?.token === this.owner.token) await unlink(this.path);
    }).catch(() => undefined); // A lock left behind names a pid that is about to end: the next acquire takes it over.
  }

  /** False when already stopped. */
  #stopHeartbeat(): boolean {
    if (this.#stopBeating === null) return false;
    this.#stopBeating();
    this.#stopBeating = null;
    return true;
  }

  async #beat(onLost: (() => void) | undefined): Promise<void> {
    if (this.#beating) return; // A slow disk: one refresh at a time.
    this.#beating = true;
    try {
      const current = await readLock(this.path);
      if (this.#stopBeating === null) return;
      if (current?.owner?.token !== this.owner.token) {
        this.#stopHeartbeat();
        heldTokens.delete(this.owner.token);
        onLost?.();
        return;
      }
      const now = new Date();
      await utimes(this.path, now, now);
    } catch {
      // A failed refresh is retried on the next beat; only missing beats for `staleAfterMs` lose the lock.
    } finally {
      this.#beating = false;
    }
  }
}
