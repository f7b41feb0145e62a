import { AppError } from '../../../shared/errorCodes';
import type { StartupStatus } from '../../../shared/startupStatus';
import { BackupService, type BackupEntry, type BackupFailure } from '../backup/BackupService';
import type { LinkFile } from '../backup/linkOrCopyFile';
import { openLibrary } from '../library/openLibrary';
import { LibrarySearch } from '../search/LibrarySearch';
import type { LibraryOpenProgress } from '../storage/ArticleStore';
import { LibraryLock } from '../storage/LibraryLock';
import type { DurableWriteOptions } from '../storage/writeFileDurably';
import type { ErrorLog } from '../logging/logError';
import type { Clipboard } from './Clipboard';
import type { Printer } from './Printer';
import type { Dialogs } from './Dialogs';
import { createLibraryApplication, type LibraryApplication, type OpenLibrary } from './LibraryApplication';
import type { LibraryChange } from './LibraryChange';
import { LibraryEvents, type LibraryChangeListener } from './LibraryEvents';
import { SharedLibrarySettingsStore } from '../storage/SharedLibrarySettingsStore';
import { unavailableSecretBox, type SecretBox } from './SecretBox';
import { SharedLibraryService, type SharedLibraryServiceOptions } from './SharedLibraryService';
import { SyncService, type SyncServiceOptions } from './SyncService';
import { libraryLayout } from '../library/libraryLayout';
import { RecoveryLog } from '../storage/RecoveryLog';

export type { OpenLibrary };

export interface LibrarySessionOptions {
  dataDirectory: string;
  appVersion: string;
  /** The platform's dialogs (Electron's, or the test bridge's answers). */
  dialogs: Dialogs;
  /** The system clipboard (Electron's, or the test bridge's page); default: copying says it cannot. */
  clipboard?: Clipboard;
  /** The system print dialog (Electron's, or the test bridge's file); default: printing says it cannot. */
  printer?: Printer;
  now?: () => Date;
  writeOptions?: DurableWriteOptions;
  linkFile?: LinkFile;
  onBackupFailure?: (error: unknown) => void;
  /** A change subscriber threw: a bug to log (the change itself succeeded). */
  onSubscriberError?: (error: unknown, change: LibraryChange) => void;
  /** The lock file was taken over by another process (this one stalled for minutes); saving on is unsafe. */
  onLockLost?: () => void;
  /** Encrypts the shared library's password or token (safeStorage in the app); default: none is ever stored. */
  secretBox?: SecretBox;
  /** The connection test's limits (tests shorten the timeout). */
  sharedLibrary?: SharedLibraryServiceOptions;
  /** Where a failure is written in full (main: the console); the screen only ever shows a Vietnamese sentence. */
  logError?: ErrorLog;
  /** The shared library's sync timings and limits (tests shorten them). */
  sync?: Pick<SyncServiceOptions, 'everyMs' | 'afterMoveMs' | 'idleTimeoutMs' | 'maximumResponseBytes' | 'pushBatchBytes'>;
}

/**
 * One data folder held by this process: opens the library in the background (the window shows `status` meanwhile),
 * holds its lock, and owns the application layer over it. Restoring a backup replaces the files under the open
 * stores, so the session flushes them, restores, opens the folder afresh and builds a new application; calls arriving
 * meanwhile wait. Whatever needs the stores asks for the current ones each time (`opened()`), never keeps them.
 */
export class LibrarySession {
  readonly backupService: BackupService;
  readonly dataDirectory: string;
  readonly appVersion: string;
  /** This machine's connection to the shared library: its own file, unaffected by restores. */
  readonly sharedLibrary: SharedLibraryService;
  /** Syncs the library with the shared library's server (only this process can: it holds the lock). */
  readonly sync: SyncService;
  #ready: Promise<void>;
  #application: LibraryApplication | null = null;
  #status: StartupStatus = { state: 'opening', reason: null, done: 0, total: 0 };
  #restoring: Promise<void> | null = null;
  #lock: LibraryLock | null = null;
  /** The session's own listeners, which outlive each application (a restore opens a new one). */
  readonly #sessionEvents: LibraryEvents;
  /** Work started through `run` and not yet settled; a restore waits for it. */
  readonly #running = new Set<Promise<void>>();
  readonly #options: LibrarySessionOptions;

  private constructor(options: LibrarySessionOptions) {
    this.#options = options;
    this.dataDirectory = options.dataDirectory;
    this.appVersion = options.appVersion;
    this.sharedLibrary = new SharedLibraryService(
      new SharedLibrarySettingsStore(options.dataDirectory, options.writeOptions),
      options.secretBox ?? unavailableSecretBox,
      options.sharedLibrary,
    );
    this.#sessionEvents = new LibraryEvents((error, change) => this.#options.onSubscriberError?.(error, change));
    const layout = libraryLayout(options.dataDirectory);
    this.sync = new SyncService({
      ...options.sync,
      layout,
      sharedLibrary: this.sharedLibrary,
      run: (work) => this.run(work),
      recovery: { dataDirectory: options.dataDirectory, log: new RecoveryLog(), now: options.now },
      writeOptions: options.writeOptions,
      now: options.now,
      logError: (context, error) => this.#options.logError?.(context, error),
    });
    this.#sessionEvents.subscribe((change) => this.sync.noteChange(change));
    this.backupService = new BackupService({
      dataDirectory: options.dataDirectory,
      appVersion: options.appVersion,
      now: options.now,
      writeOptions: options.writeOptions,
      linkFile: options.linkFile,
      onFailure: options.onBackupFailure,
      policy: () => {
        const settings = this.library.settings.get();
        return {
          everyMinutes: settings.backupEveryMinutes,
          keepHours: settings.backupKeepHours,
          dailyKeepDays: settings.backupDailyKeepDays,
        };
      },
    });
    this.#ready = this.#openFirst();
    // Observed through `status` and by every waiting call; not an unhandled rejection.
    this.#ready.catch(() => undefined);
  }

  /** Starts opening the library in a data folder; returns at once (calls wait for `ready`). */
  static start(options: LibrarySessionOptions): LibrarySession {
    return new LibrarySession(options);
  }

  /** Opens the library in a data folder. */
  static async open(options: LibrarySessionOptions): Promise<LibrarySession> {
    const session = LibrarySession.start(options);
    await session.ready;
    return session;
  }

  /** Settles once the library is open; rejects (with an AppError) when it cannot be opened (until a retry opens it). */
  get ready(): Promise<void> {
    return this.#ready;
  }

  /** How far opening has got (what `app:startup` answers). */
  get status(): StartupStatus {
    return { ...this.#status };
  }

  /** After a failed opening (the other window closed, the disk fixed): tries again; otherwise says how things stand. */
  retryOpen(): StartupStatus {
    if (this.#status.state === 'failed') {
      this.#status = { state: 'opening', reason: null, done: 0, total: 0 };
      this.#ready = this.#openFirst();
      this.#ready.catch(() => undefined);
    }
    return this.status;
  }

  /** The application layer over the library as it is now: waits for opening and for any restore under way. */
  async application(): Promise<LibraryApplication> {
    await this.#ready;
    while (this.#restoring !== null) await this.#restoring.catch(() => undefined);
    return this.#current();
  }

  /**
   * Runs one piece of work (a handler's call) on the application as it is now. A restore waits for the work already
   * running to finish before it flushes and replaces the stores, and work arriving meanwhile waits for the new ones:
   * a save acknowledged during a restore is never written into the old stores behind the restored files.
   */
  async run<Result>(work: (application: LibraryApplication) => Promise<Result>): Promise<Result> {
    const application = await this.application();
    // A restore that began while this call waited must be waited for too (no await between this check and the start).
    if (this.#restoring !== null) return this.run(work);
    const running = work(application);
    const tracked = running.then(
      () => undefined,
      () => undefined,
    );
    this.#running.add(tracked);
    void tracked.then(() => this.#running.delete(tracked));
    return running;
  }

  /**
   * Listens to the changes of every application this session opens, also after a restore replaced the first one
   * (what lives as long as the session subscribes here; what belongs to one library, in createLibraryApplication).
   */
  subscribe(listener: LibraryChangeListener): () => void {
    return this.#sessionEvents.subscribe(listener);
  }

  /** The stores open right now (a restore replaces them); only once `ready` has settled. */
  get library(): OpenLibrary {
    return this.#current().library;
  }

  /** The stores, once the library is open (for what serves photos while it may still be opening). */
  async opened(): Promise<OpenLibrary> {
    return (await this.application()).library;
  }

  #current(): LibraryApplication {
    if (this.#application === null) throw new AppError('internal', 'Thư viện chưa mở xong');
    return this.#application;
  }

  async #openFirst(): Promise<void> {
    try {
      // One writer per data folder, whatever runs it (a second app with the same folder, the browser harness).
      // Still held when re-opening after a restore failed to open the restored files.
      this.#lock ??= await LibraryLock.acquire(this.#options.dataDirectory, {
        appVersion: this.#options.appVersion,
        writeOptions: this.#options.writeOptions,
        onLost: () => {
          // Another process holds the library now: it alone may sync it.
          void this.sync.stop();
          this.#options.onLockLost?.();
        },
      });
      this.#application = await this.#openApplication((progress) => {
        this.#status = { state: 'opening', ...progress };
      });
      this.#status = { state: 'ready' };
      void this.sync.start().catch((error: unknown) => this.#options.logError?.('không bắt đầu được đồng bộ', error));
    } catch (cause) {
      // The screen shows a sentence for the user and the data folder; the raw cause (paths, English) goes to the log.
      if (!(cause instanceof AppError) || cause.cause !== undefined) this.#options.logError?.('không mở được thư viện', cause);
      const error =
        cause instanceof AppError
          ? cause
          : new AppError('storage-failed', 'Không mở được thư viện vì một lỗi không lường trước khi đọc thư mục dữ liệu.', { cause });
      this.#status = { state: 'failed', error: error.toData(), dataDirectory: this.#options.dataDirectory };
      await this.#lock?.release().catch(() => undefined);
      this.#lock = null;
      throw error;
    }
  }

  async #openApplication(onProgress?: (progress: LibraryOpenProgress) => void): Promise<LibraryApplication> {
    const { dataDirectory, now, writeOptions, dialogs, clipboard, printer } = this.#options;
    const stores = await openLibrary(dataDirectory, { now, writeOptions, onProgress });
    const search = LibrarySearch.start({ store: stores.store, folder: stores.layout.library.search, writeOptions });
    const service = this.backupService;
    const application = createLibraryApplication(
      { ...stores, search },
      {
        dialogs,
        clipboard,
        printer,
        appVersion: this.#options.appVersion,
        writeOptions,
        now,
        backups: { noteChange: () => void service.noteChange() },
        onSubscriberError: (error, change) => this.#options.onSubscriberError?.(error, change),
        onBackgroundFailure: (context, error) => this.#options.logError?.(context, error),
      },
    );
    // The session's own listeners, forwarded from each application in turn (one unsubscribe works across restores).
    application.events.subscribe((change) => this.#sessionEvents.announceAndWait(change));
    return application;
  }

  /** Every complete snapshot, newest first. */
  listBackups(): Promise<BackupEntry[]> {
    return this.run(() => this.backupService.list());
  }

  /** Takes a snapshot now, of everything saved so far. */
  createBackupNow(): Promise<BackupEntry> {
    return this.run(async (application) => {
      await application.library.store.flush();
      return this.backupService.createNow();
    });
  }

  /** The last background snapshot failure (null once a later one succeeds). */
  lastBackupFailure(): Promise<BackupFailure | null> {
    return this.run(async () => this.backupService.lastFailure);
  }

  /** Waits for every write started so far (quitting waits on this). */
  async flush(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.#restoring?.catch(() => undefined);
    if (this.#application === null) return;
    // Versions a save or a move set off are written before the stores are flushed.
    await this.#application.versions.settled();
    await this.#application.library.store.flush();
    // The search index is a cache, but a shard written after the app (or a test) let go of the folder would linger.
    await this.#application.library.search.flush();
  }

  /** Flushes, then lets go of the data folder so another instance may open it (quitting, closing the harness). */
  async close(): Promise<void> {
    // A sync under way finishes (it writes whole files, but its push is worth finishing); no new one starts.
    await this.sync.stop();
    await this.flush();
    // A snapshot of the last save may still be linking files: quitting mid-way would lose it, and the next holder's
    // backup service would take its partial folder for a crash's leftover.
    await this.backupService.settled();
    await this.#lock?.release();
    this.#lock = null;
  }

  /** Snapshots the current library, replaces it with snapshot `id` and opens it afresh. */
  async restoreBackup(id: string): Promise<void> {
    const { library } = await this.application();
    // A restore that began while this one waited goes first.
    if (this.#restoring !== null) return this.restoreBackup(id);
    const run = (async () => {
      // Who uses this copy of the app is not the library's past: a restore brings back articles, not another user.
      const { userName, userRole } = library.settings.get();
      // Calls already running finish on the old stores, and nothing they hold in memory may land after the
      // snapshot's files are in place.
      await Promise.all([...this.#running]);
      await this.#current().versions.settled();
      await library.store.flush();
      await library.search.flush();
      try {
        await this.backupService.restore(id);
      } finally {
        // Even a restore that failed half-way changed files: the memory must match the disk again.
        await this.#reopenAfterRestore();
      }
      const restored = this.#current().library.settings;
      if (restored.get().userName !== userName || restored.get().userRole !== userRole) await restored.update({ userName, userRole });
      this.#current().events.announce({ kind: 'library-restored', backupId: id });
    })();
    this.#restoring = run;
    return run.finally(() => {
      if (this.#restoring === run) this.#restoring = null;
    });
  }

  /** Opens the restored files; if they cannot be opened, the window shows why (as at start) and "Thử lại" retries. */
  async #reopenAfterRestore(): Promise<void> {
    this.#application = null;
    try {
      this.#application = await this.#openApplication();
    } catch (cause) {
      this.#options.logError?.('không mở lại được thư viện sau khi khôi phục', cause);
      const error =
        cause instanceof AppError
          ? cause
          : new AppError('storage-failed', 'Không mở lại được thư viện sau khi khôi phục bản sao lưu.', { cause });
      this.#status = { state: 'failed', error: error.toData(), dataDirectory: this.#options.dataDirectory };
      this.#ready = Promise.reject(error);
      this.#ready.catch(() => undefined);
      throw error;
    }
  }
}
