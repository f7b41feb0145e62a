import type { HandlerTable } from '../../../shared/ipcContract';
import { ipcChannels } from '../../../shared/ipcChannels';
import { BackupService, type BackupEntry, type BackupFailure } from '../backup/BackupService';
import type { LinkFile } from '../backup/linkOrCopyFile';
import type { DurableWriteOptions } from '../storage/writeFileDurably';
import type { LibraryOpenProgress } from '../storage/ArticleStore';
import { LibraryLock } from '../storage/LibraryLock';
import { AppError } from '../../../shared/errorCodes';
import type { StartupStatus } from '../../../shared/startupStatus';
import { LibrarySearch } from '../search/LibrarySearch';
import { openLibrary } from './openLibrary';

/** The stores of an open library folder, and its search index (owned here so quitting can flush it). */
export type OpenLibrary = Awaited<ReturnType<typeof openLibrary>> & { search: LibrarySearch };

async function openWithSearch(options: LibrarySessionOptions, onProgress?: (progress: LibraryOpenProgress) => void): Promise<OpenLibrary> {
  const library = await openLibrary(options.dataDirectory, { now: options.now, writeOptions: options.writeOptions, onProgress });
  return { ...library, search: LibrarySearch.start({ store: library.store, writeOptions: options.writeOptions }) };
}

/** What the handler table may do with backups; restoring also re-opens the library behind the table. */
export interface LibraryBackups {
  /** After a successful change; never rejects and never waits for the snapshot. */
  noteChange(): void;
  list(): Promise<BackupEntry[]>;
  createNow(): Promise<BackupEntry>;
  restore(id: string): Promise<void>;
  lastFailure(): BackupFailure | null;
}

export interface LibrarySessionOptions {
  dataDirectory: string;
  appVersion: string;
  /** Builds the handler table over one opened library (main passes createHandlers with its dialogs). */
  buildHandlers: (library: OpenLibrary, backups: LibraryBackups) => HandlerTable;
  now?: () => Date;
  writeOptions?: DurableWriteOptions;
  linkFile?: LinkFile;
  onBackupFailure?: (error: unknown) => void;
  /** The renderer flushed its pending saves and the window may close (answered without waiting for the library). */
  onCloseReady?: () => void;
  /** The lock file was taken over by another process (this one stalled for minutes); saving on is unsafe. */
  onLockLost?: () => void;
}

/**
 * Opens the library in the background and holds it with a handler table that always reaches it: the window can
 * show opening progress (`app:startup`) while every other call waits for the library. Restoring a backup replaces
 * the files under an open ArticleStore, so the session flushes it, restores, opens the folder afresh and swaps the
 * table every channel delegates to; calls arriving meanwhile wait. Photos are only ever added by a restore, so the
 * old MediaStore (held by the media protocol) stays valid.
 */
export class LibrarySession {
  readonly backups: LibraryBackups;
  readonly backupService: BackupService;
  /** Stable: register this once with ipcMain or the bridge. */
  readonly handlers: HandlerTable;
  #ready: Promise<void>;
  #library: OpenLibrary | null = null;
  #table: HandlerTable | null = null;
  #status: StartupStatus = { state: 'opening', reason: null, done: 0, total: 0 };
  #restoring: Promise<void> | null = null;
  #lock: LibraryLock | null = null;
  readonly #options: LibrarySessionOptions;

  private constructor(options: LibrarySessionOptions) {
    this.#options = options;
    this.backupService = new BackupService({
      dataDirectory: options.dataDirectory,
      appVersion: options.appVersion,
      now: options.now,
      writeOptions: options.writeOptions,
      linkFile: options.linkFile,
      onFailure: options.onBackupFailure,
      policy: () => {
        const settings = this.library.settings.get();
        return { everyMinutes: settings.backupEveryMinutes, keepHours: settings.backupKeepHours, dailyKeepDays: settings.backupDailyKeepDays };
      },
    });
    const service = this.backupService;
    this.backups = {
      noteChange: () => void service.noteChange(),
      list: () => service.list(),
      createNow: async () => {
        await this.library.store.flush();
        return service.createNow();
      },
      restore: (id) => this.#restore(id),
      lastFailure: () => service.lastFailure,
    };
    this.#ready = this.#openFirst();
    // Observed through `app:startup` and by every waiting call; not an unhandled rejection.
    this.#ready.catch(() => undefined);
    const delegating: Record<string, (request: never) => Promise<unknown>> = {};
    for (const channel of ipcChannels) {
      delegating[channel] = async (request: never) => {
        if (channel === 'app:startup') return { ...this.#status };
        if (channel === 'app:retryOpen') return this.#retryOpen();
        // Closing must never wait for (or be refused by) a library still opening or one that failed to open.
        if (channel === 'app:closeReady') {
          this.#options.onCloseReady?.();
          return {};
        }
        await this.#ready;
        // The restore call itself is already past this point; the calls after it wait for the fresh library.
        if (this.#restoring !== null) await this.#restoring.catch(() => undefined);
        return (this.#table![channel] as (request: never) => Promise<unknown>)(request);
      };
    }
    this.handlers = delegating as unknown as HandlerTable;
  }

  /** Starts opening the library in a data folder; the handler table answers at once (calls wait for `ready`). */
  static start(options: LibrarySessionOptions): LibrarySession {
    return new LibrarySession(options);
  }

  /** Opens the library in a data folder and the handler table over it. */
  static async open(options: LibrarySessionOptions): Promise<LibrarySession> {
    const session = LibrarySession.start(options);
    await session.ready;
    return session;
  }

  /** Settles once the library is open; rejects (with an AppError) when it cannot be opened (until a retry opens it). */
  get ready(): Promise<void> {
    return this.#ready;
  }

  /** After a failed opening (the other window closed, the disk fixed): tries again; otherwise says how things stand. */
  #retryOpen(): StartupStatus {
    if (this.#status.state === 'failed') {
      this.#status = { state: 'opening', reason: null, done: 0, total: 0 };
      this.#ready = this.#openFirst();
      this.#ready.catch(() => undefined);
    }
    return { ...this.#status };
  }

  /** How far opening has got (what `app:startup` answers). */
  get status(): StartupStatus {
    return this.#status;
  }

  /** The stores open right now (a restore replaces them); only once `ready` has settled. */
  get library(): OpenLibrary {
    if (this.#library === null) throw new AppError('internal', 'Thư viện chưa mở xong');
    return this.#library;
  }

  /** The stores, once the library is open (for what serves photos while it may still be opening). */
  async opened(): Promise<OpenLibrary> {
    await this.#ready;
    return this.library;
  }

  async #openFirst(): Promise<void> {
    try {
      // One writer per data folder, whatever runs it (a second app with the same folder, the browser harness).
      this.#lock = await LibraryLock.acquire(this.#options.dataDirectory, {
        appVersion: this.#options.appVersion,
        writeOptions: this.#options.writeOptions,
        onLost: () => this.#options.onLockLost?.(),
      });
      this.#library = await openWithSearch(this.#options, (progress) => {
        this.#status = { state: 'opening', ...progress };
      });
      this.#table = this.#options.buildHandlers(this.#library, this.backups);
      this.#status = { state: 'ready' };
    } catch (cause) {
      const error = cause instanceof AppError ? cause : new AppError('storage-failed', `Không mở được thư viện: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
      this.#status = { state: 'failed', error: error.toData(), dataDirectory: this.#options.dataDirectory };
      await this.#lock?.release().catch(() => undefined);
      this.#lock = null;
      throw error;
    }
  }

  /** Waits for every write started so far (quitting waits on this). */
  async flush(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.#restoring?.catch(() => undefined);
    if (this.#library === null) return;
    await this.#library.store.flush();
    // The search index is a cache, but a shard written after the app (or a test) let go of the folder would linger.
    await this.#library.search.flush();
  }

  /** Flushes, then lets go of the data folder so another instance may open it (quitting, closing the harness). */
  async close(): Promise<void> {
    await this.flush();
    // A snapshot of the last save may still be linking files: quitting mid-way would lose it, and the next holder's
    // backup service would take its partial folder for a crash's leftover.
    await this.backupService.settled();
    await this.#lock?.release();
    this.#lock = null;
  }

  #restore(id: string): Promise<void> {
    const run = (async () => {
      // Nothing the old store still holds in memory may land after the snapshot's files are in place.
      await this.library.store.flush();
      await this.library.search.flush();
      try {
        await this.backupService.restore(id);
      } finally {
        // Even a restore that failed half-way changed files: the memory must match the disk again.
        this.#library = await openWithSearch(this.#options);
        this.#table = this.#options.buildHandlers(this.#library, this.backups);
      }
    })();
    this.#restoring = run;
    return run.finally(() => {
      if (this.#restoring === run) this.#restoring = null;
    });
  }
}
