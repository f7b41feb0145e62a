import type { Settings } from '../../../shared/settingsModel';
import type { SettingsStore } from '../storage/SettingsStore';
import type { LibraryEvents } from './LibraryEvents';
import { checkedTemplate } from './TemplateService';

/** The settings of one opened library; each change is announced once it is on disk. */
export class SettingsService {
  readonly #settings: SettingsStore;
  readonly #events: LibraryEvents;

  constructor(settings: SettingsStore, events: LibraryEvents) {
    this.#settings = settings;
    this.#events = events;
  }

  get(): Settings {
    return this.#settings.get();
  }

  async update(changes: Partial<Settings>): Promise<Settings> {
    const checked =
      changes.exportTemplate === undefined ? changes : { ...changes, exportTemplate: await checkedTemplate(changes.exportTemplate) };
    const settings = await this.#settings.update(checked);
    this.#events.announce({ kind: 'settings-changed', settings });
    return settings;
  }

  /** After a sync wrote library/shared-settings.json: reads it again and, when the shared settings changed, announces them. */
  async reloadShared(): Promise<void> {
    if (await this.#settings.reloadShared()) this.#events.announce({ kind: 'settings-changed', settings: this.#settings.get() });
  }
}
