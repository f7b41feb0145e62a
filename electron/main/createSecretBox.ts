import { safeStorage } from 'electron';
import type { SecretBox } from './application/SecretBox';

/** The secret box over Electron's safeStorage (the system's key store: DPAPI, Keychain, libsecret/kwallet). */
export function createSecretBox(): SecretBox {
  return {
    // Linux's "basic_text" backend is a hard-coded key: as good as plain text, so it counts as unavailable.
    isAvailable: async () =>
      (await safeStorage.isAsyncEncryptionAvailable()) &&
      (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
    encrypt: async (secret) => new Uint8Array(await safeStorage.encryptStringAsync(secret)),
    decrypt: async (encrypted) => (await safeStorage.decryptStringAsync(Buffer.from(encrypted))).result,
  };
}
