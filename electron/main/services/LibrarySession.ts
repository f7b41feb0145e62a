import type { HandlerTable } from '../../../shared/ipcContract';
import { ipcChannels } from '../../../shared/ipcChannels';
import { BackupService, type BackupEntry, type BackupFailure } from '../backup/BackupService';
import type { LinkFile } from '../backup/linkOrCopyFile';
import type { DurableWriteOptions } from '../storage/writeFileDurably';
import { LibrarySearch } from '../search/LibrarySearch';
import { openLibrary } from './openLibrary';

/** The stores of an open library folder, and its search index (owned here so quitting can flush it). */
export type OpenLibrary = Awaited<ReturnType<typeof openLibrary>> & { search: LibrarySearch };

async function openWithSearch(options: LibrarySessionOptions): Promise<OpenLibrary> {
  const library = await openLibrary(options.dataDirectory, { now: options.now, writeOptions: options.writeOptions });
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
}

/**
 * Holds the open library and a handler table that always reaches it. Restoring a backup replaces the files under an
 * open ArticleStore, so the session flushes it, restores, opens the folder afresh and swaps the table every channel
 * delegates to; calls arriving meanwhile wait. Photos are only ever added by a restore, so the old MediaStore (held by
 * the media protocol) stays valid.
 */
export class LibrarySession {
  readonly backups: LibraryBackups;
  readonly backupService: BackupService;
  /** Stable: register this once with ipcMain or the bridge. */
  readonly handlers: HandlerTable;
  #library: OpenLibrary;
  #table: HandlerTable;
  #restoring: Promise<void> | null = null;
  readonly #options: LibrarySessionOptions;

  private constructor(options: LibrarySessionOptions, library: OpenLibrary) {
    this.#options = options;
    this.#library = library;
    this.backupService = new BackupService({
      dataDirectory: options.dataDirectory,
      appVersion: options.appVersion,
      now: options.now,
      writeOptions: options.writeOptions,
      linkFile: options.linkFile,
      onFailure: options.onBackupFailure,
      policy: () => {
        const settings = this.#library.settings.get();
        return { everyMinutes: settings.backupEveryMinutes, keepHours: settings.backupKeepHours, dailyKeepDays: settings.backupDailyKeepDays };
      },
    });
    const service = this.backupService;
    this.backups = {
      noteChange: () => void service.noteChange(),
      list: () => service.list(),
      createNow: async () => {
        await this.#library.store.flush();
        return service.createNow();
      },
      restore: (id) => this.#restore(id),
      lastFailure: () => service.lastFailure,
    };
    this.#table = options.buildHandlers(library, this.backups);
    const delegating: Record<string, (request: never) => Promise<unknown>> = {};
    for (const channel of ipcChannels) {
      delegating[channel] = async (request: never) => {
        // The restore call itself is already past this point; the calls after it wait for the fresh library.
        if (this.#restoring !== null) await this.#restoring.catch(() => undefined);
        return (this.#table[channel] as (request: never) => Promise<unknown>)(request);
      };
    }
    this.handlers = delegating as unknown as HandlerTable;
  }

  /** Opens the library in a data folder and the handler table over it. */
  static async open(options: LibrarySessionOptions): Promise<LibrarySession> {
    return new LibrarySession(options, await openWithSearch(options));
  }

  /** The stores open right now (a restore replaces them). */
  get library(): OpenLibrary {
    return this.#library;
  }

  /** Waits for every write started so far (quitting waits on this). */
  async flush(): Promise<void> {
    await this.#restoring?.catch(() => undefined);
    await this.#library.store.flush();
    // The search index is a cache, but a shard written after the app (or a test) let go of the folder would linger.
    await this.#library.search.flush();
  }

  #restore(id: string): Promise<void> {
    const run = (async () => {
      // Nothing the old store still holds in memory may land after the snapshot's files are in place.
      await this.#library.store.flush();
      await this.#library.search.flush();
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
