/**
 * Encrypts a secret (a password or access token) for this user on this machine: Electron's `safeStorage` in the app
 * (createSecretBox.ts), an in-memory stand-in in tests. Plain text never reaches a file.
 */
export interface SecretBox {
  /** False where the system has no key store (Linux without a keyring): then no secret is stored at all. */
  isAvailable(): Promise<boolean>;
  encrypt(secret: string): Promise<Uint8Array>;
  decrypt(encrypted: Uint8Array): Promise<string>;
}

/** The box of a platform that cannot keep secrets (the browser harness): nothing is ever stored. */
export const unavailableSecretBox: SecretBox = {
  isAvailable: async () => false,
  encrypt: async () => {
    throw new Error('no secret storage on this platform');
  },
  decrypt: async () => {
    throw new Error('no secret storage on this platform');
  },
};
