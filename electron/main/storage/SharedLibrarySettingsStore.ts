import { z } from 'zod';
import { libraryLayout } from '../library/libraryLayout';
import { DurableJsonFile } from './DurableJsonFile';
import type { DurableWriteOptions } from './writeFileDurably';

/** What `shared-library.json` holds: the secret only as the secret box's encrypted bytes, in base64. */
export const storedSharedLibrarySchema = z
  .object({
    address: z.string().max(2000),
    userName: z.string().max(200),
    allowPlainHttp: z.boolean(),
    encryptedSecret: z.base64().max(16_000).nullable(),
  })
  .strict();
export type StoredSharedLibrary = z.infer<typeof storedSharedLibrarySchema>;

export const noSharedLibrary: StoredSharedLibrary = { address: '', userName: '', allowPlainHttp: false, encryptedSecret: null };

/** This machine's connection to the shared library, in `shared-library.json` beside settings.json (never synced). */
export class SharedLibrarySettingsStore {
  readonly #file: DurableJsonFile<StoredSharedLibrary>;

  constructor(dataDirectory: string, writeOptions: DurableWriteOptions = {}) {
    this.#file = new DurableJsonFile(libraryLayout(dataDirectory).sharedLibrary, storedSharedLibrarySchema, writeOptions, {
      format: { kind: 'ban-thao/shared-library', version: 1 },
    });
  }

  async read(): Promise<StoredSharedLibrary> {
    return (await this.#file.read()) ?? noSharedLibrary;
  }

  async write(settings: StoredSharedLibrary): Promise<void> {
    await this.#file.write(storedSharedLibrarySchema.parse(settings));
  }
}
