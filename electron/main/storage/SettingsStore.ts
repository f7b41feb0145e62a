import { join } from 'node:path';
import { Low } from 'lowdb';
import { defaultSettings, settingsSchema, storedSettingsSchema, type Settings } from '../../../shared/settingsModel';
import { AppError } from '../../../shared/errorCodes';
import { DurableJsonFile } from './DurableJsonFile';
import type { DurableWriteOptions } from './writeFileDurably';

/** The user's settings in settings.json; a damaged file falls back to defaults and is rewritten on the next change. */
export class SettingsStore {
  readonly #database: Low<Settings>;

  private constructor(directory: string, writeOptions: DurableWriteOptions) {
    this.#database = new Low(new DurableJsonFile<Settings>(join(directory, 'settings.json'), storedSettingsSchema, writeOptions), { ...defaultSettings });
  }

  static async open(directory: string, writeOptions: DurableWriteOptions = {}): Promise<SettingsStore> {
    const store = new SettingsStore(directory, writeOptions);
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
