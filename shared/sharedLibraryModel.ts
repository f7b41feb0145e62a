import { z } from 'zod';
import { sharedLibraryAddressPattern } from './sharedLibraryAddress';

/** The server address: an http or https URL, without credentials (those go in the user name and secret). */
export const sharedLibraryAddressSchema = z.string().trim().max(2000).regex(sharedLibraryAddressPattern, 'not an http or https address');

/** What the renderer sends to test or save a shared library's connection. */
export const sharedLibraryConnectionSchema = z
  .object({
    address: sharedLibraryAddressSchema,
    userName: z.string().max(200),
    /** The password or access token; absent: the saved one (if any) is used or kept. */
    secret: z.string().min(1).max(4000).optional(),
    /** The user's explicit choice to use plain http to an address outside the local network. */
    allowPlainHttp: z.boolean(),
  })
  .strict();
export type SharedLibraryConnection = z.input<typeof sharedLibraryConnectionSchema>;

/** What the renderer learns of the saved settings: never the secret, only whether one is saved. */
export const sharedLibraryViewSchema = z
  .object({
    address: z.string(),
    userName: z.string(),
    allowPlainHttp: z.boolean(),
    secretSaved: z.boolean(),
    /** Whether this machine can encrypt a secret (Linux without a keyring cannot): without it, none is stored. */
    secretStorageAvailable: z.boolean(),
  })
  .strict();
export type SharedLibraryView = z.infer<typeof sharedLibraryViewSchema>;

/** The answers of "Kiểm tra kết nối". */
export const connectionOutcomes = [
  'connected',
  'read-only',
  'unreachable',
  'unauthorized',
  'not-repository',
  'certificate',
  'plain-http-refused',
  'too-large',
] as const;
export type ConnectionOutcome = (typeof connectionOutcomes)[number];

export const connectionTestResultSchema = z
  .object({
    outcome: z.enum(connectionOutcomes),
    /** For a certificate error, what the TLS check said (e.g. `DEPTH_ZERO_SELF_SIGNED_CERT`), shown to the user. */
    detail: z.string().max(200).optional(),
  })
  .strict();
export type ConnectionTestResult = z.infer<typeof connectionTestResultSchema>;
