import type { ConnectionTestResult, SharedLibraryConnection, SharedLibraryView } from '../../../shared/sharedLibraryModel';
import { createGitHttpClient } from '../sharedLibrary/createGitHttpClient';
import { testGitConnection } from '../sharedLibrary/testGitConnection';
import type { SharedLibrarySettingsStore, StoredSharedLibrary } from '../storage/SharedLibrarySettingsStore';
import type { SecretBox } from './SecretBox';
import type { RemoteAccount } from '../sharedLibrary/GitRemote';

export interface SharedLibraryServiceOptions {
  /** A server silent this long is unreachable (10 s in the app). */
  idleTimeoutMs?: number;
  /** The most a connection test reads of one answer (1 MiB: a library's refs are a few hundred bytes). */
  maximumResponseBytes?: number;
}

/**
 * "Thư viện chung" in Cài đặt: this machine's connection to the office's Git server. The password or token is
 * encrypted by the secret box before it reaches the file and never leaves main: the renderer only learns whether one
 * is saved. Where the box is unavailable, the secret is not stored at all.
 */
export class SharedLibraryService {
  readonly #store: SharedLibrarySettingsStore;
  readonly #secretBox: SecretBox;
  readonly #options: Required<SharedLibraryServiceOptions>;

  constructor(store: SharedLibrarySettingsStore, secretBox: SecretBox, options: SharedLibraryServiceOptions = {}) {
    this.#store = store;
    this.#secretBox = secretBox;
    this.#options = { idleTimeoutMs: 10_000, maximumResponseBytes: 1024 * 1024, ...options };
  }

  async get(): Promise<SharedLibraryView> {
    return this.#view(await this.#store.read());
  }

  /** Saves the address, user name and choice; a new secret replaces the saved one, no secret keeps it. */
  async save(connection: SharedLibraryConnection): Promise<SharedLibraryView> {
    const saved = await this.#store.read();
    const available = await this.#secretBox.isAvailable();
    let encryptedSecret = available ? saved.encryptedSecret : null;
    if (connection.secret !== undefined && available) {
      encryptedSecret = Buffer.from(await this.#secretBox.encrypt(connection.secret)).toString('base64');
    }
    const next: StoredSharedLibrary = {
      address: connection.address.trim(),
      userName: connection.userName,
      allowPlainHttp: connection.allowPlainHttp,
      encryptedSecret,
    };
    await this.#store.write(next);
    return this.#view(next, available);
  }

  /** Tries the server with the typed secret, or the saved one when none is typed; writes nothing anywhere. */
  async testConnection(connection: SharedLibraryConnection): Promise<ConnectionTestResult> {
    const secret = connection.secret ?? (await this.#savedSecret());
    const http = createGitHttpClient({
      idleTimeoutMs: this.#options.idleTimeoutMs,
      maximumResponseBytes: this.#options.maximumResponseBytes,
    });
    return testGitConnection(
      { address: connection.address.trim(), userName: connection.userName, secret, allowPlainHttp: connection.allowPlainHttp },
      http,
    );
  }

  /** The saved connection a sync uses (the secret decrypted, for main only), or null when no address is saved. */
  async account(): Promise<(RemoteAccount & { allowPlainHttp: boolean }) | null> {
    const stored = await this.#store.read();
    if (stored.address === '') return null;
    return { address: stored.address, userName: stored.userName, secret: await this.#savedSecret(), allowPlainHttp: stored.allowPlainHttp };
  }

  async #savedSecret(): Promise<string> {
    const { encryptedSecret } = await this.#store.read();
    if (encryptedSecret === null || !(await this.#secretBox.isAvailable())) return '';
    return this.#secretBox.decrypt(Buffer.from(encryptedSecret, 'base64'));
  }

  async #view(stored: StoredSharedLibrary, available?: boolean): Promise<SharedLibraryView> {
    const storageAvailable = available ?? (await this.#secretBox.isAvailable());
    return {
      address: stored.address,
      userName: stored.userName,
      allowPlainHttp: stored.allowPlainHttp,
      secretSaved: storageAvailable && stored.encryptedSecret !== null,
      secretStorageAvailable: storageAvailable,
    };
  }
}
