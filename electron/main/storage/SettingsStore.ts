import { Low } from 'lowdb';
import { defaultSettings, settingsSchema, storedSettingsSchema, type Settings } from '../../../shared/settingsModel';
import { AppError } from '../../../shared/errorCodes';
import { libraryLayout } from '../library/libraryLayout';
import { DurableJsonFile, type RecoveryOptions } from './DurableJsonFile';
import type { DurableWriteOptions } from './writeFileDurably';

/** Bumped when a released settings file would no longer read as intended. */
const settingsFormatVersion = 1;

/**
 * The user's settings in settings.json. A damaged file is quarantined and its previous generation loaded; with
 * none good, defaults apply (with a notice) and the file is rewritten on the next change.
 */
export class SettingsStore {
  readonly #database: Low<Settings>;

  private constructor(directory: string, writeOptions: DurableWriteOptions, recovery: RecoveryOptions | undefined) {
    const file = new DurableJsonFile<Settings>(libraryLayout(directory).settings, storedSettingsSchema, writeOptions, {
      format: { kind: 'ban-thao/settings', version: settingsFormatVersion },
      recovery,
    });
    this.#database = new Low(file, { ...defaultSettings });
  }

  static async open(directory: string, writeOptions: DurableWriteOptions = {}, recovery?: RecoveryOptions): Promise<SettingsStore> {
    const store = new SettingsStore(directory, writeOptions, recovery);
    try {
      await store.#database.read();
    } catch (error) {
      // Settings hold no user writing: losing a language choice is better than refusing to start.
      if (!(error instanceof AppError && error.code === 'corrupt-file')) throw error;
    }
    return store;
  }

  get(): Settings {
    return { ...this.#database.data };
  }

  async update(changes: Partial<Settings>): Promise<Settings> {
    const next = settingsSchema.parse({ ...this.#database.data, ...changes });
    await this.#database.adapter.write(next);
    this.#database.data = next;
    return { ...next };
  }
}
