import type { SecretBox } from '../../electron/main/application/SecretBox';

/**
 * The tests' secret box: a reversible scrambling that keeps no plain text in what it returns (so a test can search
 * the settings file for the secret), or an unavailable one, as on Linux without a keyring.
 */
export function memorySecretBox(available = true): SecretBox {
  return {
    isAvailable: async () => available,
    encrypt: async (secret) => {
      if (!available) throw new Error('secret storage unavailable');
      return Uint8Array.from(Buffer.from(secret, 'utf8'), (byte) => byte ^ 0x5a);
    },
    decrypt: async (encrypted) => Buffer.from(Uint8Array.from(encrypted, (byte) => byte ^ 0x5a)).toString('utf8'),
  };
}
