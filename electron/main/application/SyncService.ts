import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import git from 'isomorphic-git';
import * as nodeFileSystem from 'node:fs';
import { AppError } from '../../../shared/errorCodes';
import type { SyncOutcome, SyncProgress, SyncStatus } from '../../../shared/sharedLibraryModel';
import type { LibraryLayout } from '../library/libraryLayout';
import { checkPulledFile } from '../sharedLibrary/checkPulledFile';
import { createGitHttpClient } from '../sharedLibrary/createGitHttpClient';
import { GitObjects } from '../sharedLibrary/GitObjects';
import { GitRemote, type RemoteAccount } from '../sharedLibrary/GitRemote';
import { isLocalNetworkHost } from '../sharedLibrary/isLocalNetworkHost';
import { syncMessageOf, syncOutcomeMessages } from '../sharedLibrary/syncMessageOf';
import { SyncEngine, type SyncEngineOptions, type SyncRun } from '../sharedLibrary/SyncEngine';
import { emptySyncState, syncStateFile, type SyncState } from '../sharedLibrary/SyncStateFile';
import type { RecoveryOptions } from '../storage/DurableJsonFile';
import type { DurableWriteOptions } from '../storage/writeFileDurably';
import type { LibraryApplication } from './LibraryApplication';
import type { LibraryChange } from './LibraryChange';
import type { SharedLibraryService } from './SharedLibraryService';
import { syncLibraryOf } from './syncLibraryOf';
import { syncScopeOf } from './syncScopeOf';

export interface SyncServiceOptions {
  layout: LibraryLayout;
  sharedLibrary: SharedLibraryService;
  /** Runs work on the library as it is now (the session's `run`: a restore waits for a sync, and the reverse). */
  run: <Result>(work: (application: LibraryApplication) => Promise<Result>) => Promise<Result>;
  recovery: RecoveryOptions;
  writeOptions?: DurableWriteOptions;
  now?: () => Date;
  /** How often the automatic sync runs (5 minutes in the app). */
  everyMs?: number;
  /** How long after a workflow move the sync goes (a few seconds: the next move may follow). */
  afterMoveMs?: number;
  /** A server silent this long is offline (30 s). */
  idleTimeoutMs?: number;
  /** The most one answer of the server may bring (1 GiB: a pack is held in memory while it is indexed). */
  maximumResponseBytes?: number;
  /** The most file bytes one pushed commit carries (64 MB: its pack is built in memory). */
  pushBatchBytes?: number;
  /** Where a failure is written in full; the window only ever sees a Vietnamese sentence. */
  logError?: (context: string, error: unknown) => void;
}

/** The window's part in a sync: what is typed is saved before, and what the sync brought is shown after. */
export interface SyncWindow {
  savePendingEdits(): Promise<void>;
  synced(outcome: SyncOutcome): void;
  /** Each step of a sync as it happens (the window polls the status instead; tests listen here). */
  progress?(progress: SyncProgress): void;
}

/**
 * The shared library on this machine: joining, syncing by hand, every few minutes and soon after each workflow move,
 * and the status line. Only the process holding the library lock has an application, so only it syncs; syncs run one
 * at a time. A damaged Git folder is set aside and fetched again from the server, once per sync: the library itself is
 * never in it.
 */
export class SyncService {
  readonly #options: SyncServiceOptions;
  readonly #now: () => Date;
  #status: SyncStatus = {
    state: 'not-joined',
    lastSyncAt: null,
    changesWaiting: 0,
    conflicts: 0,
    refusedFiles: [],
    message: null,
    progress: null,
  };
  #queue: Promise<unknown> = Promise.resolve();
  #timer: ReturnType<typeof setInterval> | null = null;
  #soon: ReturnType<typeof setTimeout> | null = null;
  /** What changed here since the last sync began (articles by id, other kinds by name): the status line's count. */
  readonly #waiting = new Set<string>();
  /** The library paths changed since the last sync began; 'all' at first (and now and then: see #scopeForSync). */
  #dirty: Set<string> | 'all' = 'all';
  #syncsSinceFullLook = 0;
  #stopped = false;
  #window: SyncWindow | null = null;
  /**
   * The sync state as last read or written (19,500 files make 2.7 MB to read and check again): dropped after a failed
   * sync, which may have stopped between changing it and writing it.
   */
  #state: SyncState | null = null;
  /** The Git folder's objects, with the packs isomorphic-git has read kept for the session (a new one after a rebuild). */
  #objects: GitObjects | null = null;

  constructor(options: SyncServiceOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
  }

  /** Reads whether this library has joined and when it last synced; then syncs every few minutes. */
  async start(): Promise<void> {
    const state = await this.#readState();
    const account = await this.#options.sharedLibrary.account();
    if (state === 'damaged' && account !== null) this.#status = { ...this.#status, state: 'idle' };
    else if (state !== null && state !== 'damaged' && account !== null && state.address === account.address) {
      this.#status = { ...this.#status, state: 'idle', lastSyncAt: state.lastSyncAt };
    }
    this.#timer ??= setInterval(() => void this.#automatic(), this.#options.everyMs ?? 5 * 60_000);
    this.#timer.unref?.();
  }

  /** No more automatic syncs (the app quits, or the lock was lost); a sync under way finishes. */
  stop(): Promise<unknown> {
    this.#stopped = true;
    if (this.#timer !== null) clearInterval(this.#timer);
    if (this.#soon !== null) clearTimeout(this.#soon);
    this.#timer = null;
    this.#soon = null;
    return this.#queue;
  }

  /** The window a sync saves first and tells after (the shell's, or a test's stand-in). */
  attachWindow(window: SyncWindow): void {
    this.#window = window;
  }

  status(): SyncStatus {
    return { ...this.#status, changesWaiting: this.#waiting.size };
  }

  /** The library's changes: counted for the status line; a workflow move sets off a sync a few seconds later. */
  noteChange(change: LibraryChange): void | Promise<void> {
    // In the sync queue: a sync asked for after the restore starts from the forgotten base.
    if (change.kind === 'library-restored') return this.#serialized(() => this.#forgetBase());
    const scope = syncScopeOf(change);
    if (scope === 'all') this.#dirty = 'all';
    else if (scope !== null && this.#dirty !== 'all') for (const prefix of scope) this.#dirty.add(prefix);
    const id = articleIdOf(change);
    if (id !== null) this.#waiting.add(id);
    else if (change.kind === 'photos-imported' || change.kind === 'settings-changed' || change.kind.startsWith('dictionary')) {
      this.#waiting.add(change.kind);
    }
    if (change.kind === 'article-moved' && this.#status.state !== 'not-joined') {
      if (this.#soon !== null) clearTimeout(this.#soon);
      this.#soon = setTimeout(() => void this.#automatic(), this.#options.afterMoveMs ?? 3_000);
      this.#soon.unref?.();
    }
  }

  /**
   * After a backup was restored, the files the last sync left are no longer what the library holds: a file missing
   * now is not one deleted here (pushing that would delete others' articles from the server), nor is an older text an
   * edit to send over theirs. The next sync merges both sides afresh, as at joining: nothing is taken out anywhere,
   * and an article that differs is kept twice, as a conflict. Written at once, so a quit before that sync keeps it.
   */
  async #forgetBase(): Promise<void> {
    this.#dirty = 'all';
    const state = await this.#readState();
    if (state === null) return;
    const account = await this.#options.sharedLibrary.account();
    const address = state === 'damaged' ? account?.address : state.address;
    if (address !== undefined) await this.#writeState(emptySyncState(address));
  }

  /**
   * Joins the shared library at the saved address: a fresh Git folder, then a first sync that takes the server's
   * articles and photos in and merges this library's own into it (nothing here is replaced: both sides are kept).
   */
  join(): Promise<SyncOutcome> {
    return this.#serialized(() =>
      this.#reporting(async () => {
        const account = await this.#account();
        await this.#resetGitFolder();
        await this.#writeState(emptySyncState(account.address));
        // Nothing is agreed yet: the whole library is looked at.
        this.#dirty = 'all';
        this.#status = { ...this.#status, state: 'idle' };
        return this.#syncNow(account, true);
      }),
    );
  }

  /** "Đồng bộ ngay": what went wrong is in the outcome's status, never thrown (the window shows it in the status line). */
  syncNow(): Promise<SyncOutcome> {
    return this.#sync(true);
  }

  #sync(manual: boolean): Promise<SyncOutcome> {
    return this.#serialized(() => this.#reporting(async () => this.#syncNow(await this.#account(), manual)));
  }

  /** A refusal before any sync starts (no address saved, not joined) becomes the status line's message. */
  async #reporting(work: () => Promise<SyncOutcome>): Promise<SyncOutcome> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      this.#status = { ...this.#status, message: error.message, progress: null };
      return { changedArticleIds: [], conflictArticleIds: [], filesSent: 0, filesReceived: 0, status: this.status() };
    }
  }

  async #automatic(): Promise<void> {
    if (this.#stopped || this.#status.state === 'not-joined' || this.#status.state === 'syncing') return;
    await this.#sync(false).catch((error: unknown) => this.#options.logError?.('đồng bộ tự động không chạy được', error));
  }

  #serialized<Result>(work: () => Promise<Result>): Promise<Result> {
    const result = this.#queue.then(work, work);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #account(): Promise<RemoteAccount> {
    const account = await this.#options.sharedLibrary.account();
    if (account === null) throw new AppError('sync-failed', 'Hãy nhập địa chỉ máy chủ của thư viện chung trong Cài đặt trước.');
    const url = new URL(account.address);
    if (url.protocol === 'http:' && !account.allowPlainHttp && !isLocalNetworkHost(url.hostname)) {
      throw new AppError('sync-failed', syncOutcomeMessages['plain-http-refused']);
    }
    return account;
  }

  async #syncNow(account: RemoteAccount, manual: boolean): Promise<SyncOutcome> {
    const state = await this.#readState();
    if (state === 'damaged') {
      // The base of the merge is lost (the file went to quarantine): merged afresh as at joining, over the whole
      // library, which loses nothing (an article that differs is kept twice, as a conflict). Neither of the Git
      // folder's refs can stand in for it: one may name a commit never pushed, the other one not yet taken in.
      await this.#writeState(emptySyncState(account.address));
      this.#dirty = 'all';
    } else if (state === null || state.address !== account.address) {
      throw new AppError('sync-failed', 'Máy này chưa tham gia thư viện chung ở địa chỉ đã lưu: hãy bấm “Tham gia”.');
    }
    this.#status = { ...this.#status, state: 'syncing', message: null, progress: { phase: 'connecting', done: 0, total: 0 } };
    const waitingBefore = new Set(this.#waiting);
    this.#waiting.clear();
    const scope = this.#scopeForSync();
    // Told once per sync: when the library has been written (editors held meanwhile), or at the end.
    let told = false;
    const window = this.#window;
    const hold =
      window === null
        ? undefined
        : {
            hold: () => window.savePendingEdits(),
            release: (run: SyncRun) => {
              told = true;
              window.synced(this.#outcomeOf(run));
            },
          };
    try {
      let run: SyncRun;
      try {
        run = await this.#engineRun(account, scope, manual, hold);
      } catch (error) {
        if (!isDamagedGitData(error)) throw error;
        // The Git folder is a copy of the server's: set aside and fetched again; the library and its state are untouched.
        this.#options.logError?.('dữ liệu Git hỏng, lấy lại từ máy chủ', error);
        await this.#resetGitFolder();
        run = await this.#engineRun(account, scope, manual, hold);
      }
      const conflicts = await this.#options.run(async (application) => (await application.conflicts.pendingArticleIds()).length);
      const after = await this.#readState();
      const lastSyncAt = after === null || after === 'damaged' ? null : after.lastSyncAt;
      this.#status = { state: 'idle', lastSyncAt, changesWaiting: 0, conflicts, refusedFiles: run.refused, message: null, progress: null };
      const outcome = this.#outcomeOf(run);
      if (!told) this.#window?.synced(outcome);
      return outcome;
    } catch (error) {
      for (const key of waitingBefore) this.#waiting.add(key);
      this.#dirty = 'all';
      this.#state = null;
      const { state, message } = this.#failureOf(error);
      this.#status = { ...this.#status, state, message, progress: null };
      const outcome: SyncOutcome = { changedArticleIds: [], conflictArticleIds: [], filesSent: 0, filesReceived: 0, status: this.status() };
      // An editor held for the sync waits until told: the window hears of a failed sync too.
      if (!told) this.#window?.synced(outcome);
      return outcome;
    }
  }

  /**
   * What this sync looks at: the paths changed since the last one, or the whole library at the first sync of a session,
   * after a failed one, and every twelfth (a change no announcement named is found within the hour).
   */
  #scopeForSync(): string[] | undefined {
    const dirty = this.#dirty;
    this.#dirty = new Set();
    this.#syncsSinceFullLook += 1;
    if (dirty === 'all' || this.#syncsSinceFullLook >= 12) {
      this.#syncsSinceFullLook = 0;
      return undefined;
    }
    return [...dirty];
  }

  #outcomeOf(run: SyncRun): SyncOutcome {
    return {
      changedArticleIds: [...run.pulled.articleIds],
      conflictArticleIds: run.conflictArticleIds,
      filesSent: run.filesSent,
      filesReceived: run.filesReceived,
      status: this.status(),
    };
  }

  async #engineRun(
    account: RemoteAccount,
    scope: string[] | undefined,
    manual: boolean,
    window: SyncEngineOptions['window'],
  ): Promise<SyncRun> {
    const { layout } = this.#options;
    await this.#ensureGitFolder();
    const http = createGitHttpClient({
      idleTimeoutMs: this.#options.idleTimeoutMs ?? 30_000,
      maximumResponseBytes: this.#options.maximumResponseBytes ?? 1024 ** 3,
    });
    const stateFile = this.#stateFile();
    return this.#options.run(async (application) => {
      const engine = new SyncEngine({
        library: syncLibraryOf(application, layout.dataDirectory, this.#options.writeOptions, this.#now),
        objects: (this.#objects ??= new GitObjects(layout.sync.git)),
        remote: new GitRemote(layout.sync.git, http, account),
        checkFile: checkPulledFile,
        state: {
          read: async () => (this.#state ??= (await stateFile.read()) ?? emptySyncState(account.address)),
          write: async (state: SyncState) => {
            this.#state = null;
            await stateFile.write(state);
            this.#state = state;
          },
        },
        writeOptions: this.#options.writeOptions,
        now: this.#now,
        window,
        manual,
        pushBatchBytes: this.#options.pushBatchBytes,
        onProgress: (progress: SyncProgress) => {
          this.#status = { ...this.#status, progress };
          this.#window?.progress?.(progress);
        },
      });
      try {
        return await engine.sync(scope);
      } catch (error) {
        // isomorphic-git reports a cut-off answer as a broken pack: say what happened.
        if (http.cutOff()) throw new AppError('sync-failed', syncOutcomeMessages['too-large'], { cause: error });
        throw error;
      }
    });
  }

  #failureOf(error: unknown): { state: SyncStatus['state']; message: string } {
    if (error instanceof AppError) {
      if (error.cause !== undefined) this.#options.logError?.('đồng bộ không xong', error);
      return { state: 'error', message: error.message };
    }
    const message = syncMessageOf(error);
    if (message === null) {
      this.#options.logError?.('đồng bộ không xong', error);
      return { state: 'error', message: 'Đồng bộ không xong vì một lỗi không lường trước: các thay đổi vẫn ở trong máy, chờ lần sau.' };
    }
    return { state: syncMessageOf.isOffline(error) ? 'offline' : 'error', message };
  }

  #stateFile() {
    return syncStateFile(this.#options.layout.sync.state, this.#options.writeOptions ?? {}, this.#options.recovery);
  }

  async #writeState(state: SyncState): Promise<void> {
    this.#state = null;
    await this.#stateFile().write(state);
    this.#state = state;
  }

  /** The sync state; null before joining; 'damaged' when no generation of it reads. */
  async #readState(): Promise<SyncState | 'damaged' | null> {
    if (this.#state !== null) return this.#state;
    try {
      return (this.#state = await this.#stateFile().read());
    } catch (error) {
      this.#options.logError?.('không đọc được trạng thái đồng bộ', error);
      return 'damaged';
    }
  }

  async #ensureGitFolder(): Promise<void> {
    await git.init({ fs: nodeFileSystem, gitdir: this.#options.layout.sync.git, bare: true, defaultBranch: 'main' });
  }

  /** Sets the Git folder aside (into quarantine, for whoever looks into it) and makes an empty one. */
  async #resetGitFolder(): Promise<void> {
    const { layout } = this.#options;
    this.#objects = null;
    const aside = join(layout.quarantine, this.#now().toISOString().replaceAll(':', '-'), 'sync-git');
    await mkdir(join(aside, '..'), { recursive: true });
    await rename(layout.sync.git, aside).catch(async () => rm(layout.sync.git, { recursive: true, force: true }));
    await this.#ensureGitFolder();
  }
}

/** The article a change is about, if any. */
function articleIdOf(change: LibraryChange): string | null {
  switch (change.kind) {
    case 'article-created':
    case 'article-duplicated':
    case 'article-moved':
    case 'package-received':
    case 'conflict-resolved':
      return change.article.id;
    case 'article-saved':
      return change.id;
    case 'article-trashed':
    case 'article-restored':
      return change.summary.id;
    case 'comment-added':
      return change.record.articleId;
    default:
      return null;
  }
}

/** An error reading the Git folder's own files (an object or ref missing or broken), not the network's or the library's. */
function isDamagedGitData(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'NotFoundError' || code === 'ObjectTypeError' || code === 'InternalError' || code === 'InvalidOidError') return true;
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' || code === 'DecompressionError') return true;
  return (
    error instanceof Error &&
    /incorrect header check|invalid (stored )?block|unexpected end of (file|data)|SHA check failed/i.test(error.message)
  );
}
