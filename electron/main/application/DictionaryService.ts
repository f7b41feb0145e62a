import { AppError } from '../../../shared/errorCodes';
import type { DictionaryEntry } from '../../../shared/spelling/dictionaryModel';
import { spellingKey } from '../../../shared/spelling/findMisspellings';
import type { LibraryStores } from '../library/openLibrary';
import { currentIdentity } from './currentIdentity';
import type { LibraryEvents } from './LibraryEvents';

/** The library's spelling dictionary: words the user added ("Thêm vào từ điển"), known to every article's check. */
export class DictionaryService {
  readonly #stores: Pick<LibraryStores, 'dictionary' | 'settings'>;
  readonly #events: LibraryEvents;
  readonly #now: () => Date;

  constructor(stores: Pick<LibraryStores, 'dictionary' | 'settings'>, events: LibraryEvents, now: () => Date = () => new Date()) {
    this.#stores = stores;
    this.#events = events;
    this.#now = now;
  }

  /** Every word of the dictionary, alphabetical. */
  list(): Promise<DictionaryEntry[]> {
    return this.#stores.dictionary.list();
  }

  /**
   * Adds a word (already checked: NFC, trimmed, one word); returns its entry, the earlier one when the word (in any
   * case) was there already, which announces nothing.
   */
  async add(word: string): Promise<DictionaryEntry> {
    // Whoever added it: attribution for a shared library, not a condition (a word is no review step).
    const entry: DictionaryEntry = { word, addedBy: currentIdentity(this.#stores.settings.get()), addedAt: this.#now().toISOString() };
    if (await this.#stores.dictionary.add(entry)) {
      this.#events.announce({ kind: 'dictionary-word-added', entry });
      return entry;
    }
    return (await this.list()).find((listed) => spellingKey(listed.word) === spellingKey(word)) ?? entry;
  }

  /** Takes a word (in any case) out of the dictionary, a word added by mistake; `not-found` when it is not there. */
  async remove(word: string): Promise<DictionaryEntry> {
    const removed = await this.#stores.dictionary.remove(word);
    if (removed === null) throw new AppError('not-found', `Từ “${word}” không có trong từ điển chính tả.`);
    this.#events.announce({ kind: 'dictionary-word-removed', entry: removed });
    return removed;
  }
}
