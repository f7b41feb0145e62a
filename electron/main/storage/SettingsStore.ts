import { canonicalJson } from '../../../shared/canonicalJson';
import { AppError } from '../../../shared/errorCodes';
import {
  defaultPersonalSettings,
  personalSettingsSchema,
  settingsSchema,
  storedPersonalSettingsSchema,
  type PersonalSettings,
  type Settings,
} from '../../../shared/settingsModel';
import {
  defaultSharedSettings,
  sharedSettingsSchema,
  storedSharedSettingsSchema,
  type SharedSettings,
} from '../../../shared/sharedSettingsModel';
import { libraryLayout } from '../library/libraryLayout';
import { DurableJsonFile, type RecoveryOptions } from './DurableJsonFile';
import type { DurableWriteOptions } from './writeFileDurably';

/** Bumped when a released settings file would no longer read as intended. */
const settingsFormatVersion = 1;
/** Bumped when a released shared settings file would no longer read as intended. */
const sharedSettingsFormatVersion = 1;

type StoredPersonalSettings = ReturnType<typeof storedPersonalSettingsSchema.parse>;

/**
 * The settings the window sees, from two files: this person's in settings.json (never synced), the newsroom's shared
 * choices in library/shared-settings.json (carried by a shared library). A damaged file is quarantined and its
 * previous generation loaded; with none good, defaults apply (with a notice) and the file is rewritten on the next change.
 */
export class SettingsStore {
  readonly #personalFile: DurableJsonFile<StoredPersonalSettings>;
  readonly #sharedFile: DurableJsonFile<SharedSettings>;
  #personal: PersonalSettings = { ...defaultPersonalSettings };
  #shared: SharedSettings = { ...defaultSharedSettings };
  /** Updates and reloads run one at a time, so a reload never lands between an update's reading and its writes. */
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(directory: string, writeOptions: DurableWriteOptions, recovery: RecoveryOptions | undefined) {
    const layout = libraryLayout(directory);
    this.#personalFile = new DurableJsonFile(layout.settings, storedPersonalSettingsSchema, writeOptions, {
      format: { kind: 'ban-thao/settings', version: settingsFormatVersion },
      recovery,
    });
    this.#sharedFile = new DurableJsonFile(layout.library.sharedSettings, storedSharedSettingsSchema, writeOptions, {
      format: { kind: 'ban-thao/shared-settings', version: sharedSettingsFormatVersion },
      recovery,
    });
  }

  static async open(directory: string, writeOptions: DurableWriteOptions = {}, recovery?: RecoveryOptions): Promise<SettingsStore> {
    const store = new SettingsStore(directory, writeOptions, recovery);
    const stored = await readUnlessDamaged(store.#personalFile);
    if (stored !== 'damaged' && stored !== null) store.#personal = personalSettingsSchema.parse(stored);
    const shared = await readUnlessDamaged(store.#sharedFile);
    if (shared !== 'damaged' && shared !== null) store.#shared = shared;
    const legacyHouseStyle = stored === 'damaged' ? undefined : stored?.houseStyle;
    if (legacyHouseStyle !== undefined && shared !== 'damaged') {
      // Before shared-settings.json existed the house style lived in settings.json: it moves to the library, once.
      if (shared === null) {
        store.#shared = { ...defaultSharedSettings, houseStyle: legacyHouseStyle };
        await store.#sharedFile.write(store.#shared);
      }
      // Dropped only once the library holds a house style, so a crash in between moves it again at the next open.
      await store.#personalFile.write(store.#personal);
    }
    return store;
  }

  get(): Settings {
    return { ...this.#personal, ...this.#shared };
  }

  /** Writes each part that changed to its own file: an unchanged shared file is no change for a sync to carry. */
  update(changes: Partial<Settings>): Promise<Settings> {
    return this.#exclusive(async () => {
      const next = settingsSchema.parse({ ...this.get(), ...changes });
      const shared = sharedSettingsSchema.parse(next);
      const personal = personalSettingsSchema.parse(next);
      if (canonicalJson(shared) !== canonicalJson(this.#shared)) {
        await this.#sharedFile.write(shared);
        this.#shared = shared;
      }
      if (canonicalJson(personal) !== canonicalJson(this.#personal)) {
        await this.#personalFile.write(personal);
        this.#personal = personal;
      }
      return this.get();
    });
  }

  /**
   * Reads library/shared-settings.json again (a sync wrote another machine's copy); true when the shared settings
   * changed. A file gone means the defaults; a damaged one with no good generation left is quarantined (with a
   * notice) and the settings held here are written back, so the library holds a good file again.
   */
  reloadShared(): Promise<boolean> {
    return this.#exclusive(async () => {
      const read = await readUnlessDamaged(this.#sharedFile);
      if (read === 'damaged') {
        await this.#sharedFile.write(this.#shared);
        return false;
      }
      const shared = read ?? { ...defaultSharedSettings };
      const changed = canonicalJson(shared) !== canonicalJson(this.#shared);
      this.#shared = shared;
      return changed;
    });
  }

  #exclusive<Result>(work: () => Promise<Result>): Promise<Result> {
    const run = this.#queue.catch(() => undefined).then(work);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

/** A file's data; null when neither generation exists; 'damaged' when none good is left (quarantined, with a notice). */
async function readUnlessDamaged<Data>(file: DurableJsonFile<Data>): Promise<Data | null | 'damaged'> {
  try {
    return await file.read();
  } catch (error) {
    // Settings hold no user writing: losing a choice is better than refusing to start.
    if (error instanceof AppError && error.code === 'corrupt-file') return 'damaged';
    throw error;
  }
}
