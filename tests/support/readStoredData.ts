import { readFile } from 'node:fs/promises';
import { checksumOf } from '../../electron/main/storage/storedJson';

/** The data inside a stored file's envelope, after checking the envelope's checksum (tests read files on disk, not memory). */
export async function readStoredData(path: string): Promise<any> {
  const envelope = JSON.parse(await readFile(path, 'utf8'));
  if (typeof envelope.format !== 'string' || envelope.checksum !== checksumOf(JSON.stringify(envelope.data))) {
    throw new Error(`${path} is not a stored file with a valid checksum`);
  }
  return envelope.data;
}
