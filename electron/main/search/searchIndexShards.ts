import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { errorCodeOf } from '../storage/fileSystemErrors';
import { writeFileDurably, type DurableWriteOptions } from '../storage/writeFileDurably';
import type { SearchDocument } from './SearchIndex';
import { searchShardFile } from '../library/libraryLayout';

// A shard of another version is ignored and its articles re-indexed: the search index is only a cache.
const shardFormatVersion = 1;

const shardSchema = z.object({
  formatVersion: z.literal(shardFormatVersion),
  documents: z.array(z.object({ id: z.string(), revision: z.number(), trashed: z.boolean(), title: z.string(), words: z.string() })),
});

/** Which shard an article's search entry lives in: the same two-character id prefix as its article folder. */
export function shardOf(id: string): string {
  return id.slice(0, 2);
}

/** Reads every readable shard of the search folder; a missing folder or a damaged shard yields nothing for it. */
export async function readSearchShards(folder: string): Promise<{ documents: SearchDocument[]; damaged: string[] }> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if (errorCodeOf(error) === 'ENOENT') return { documents: [], damaged: [] };
    throw error;
  }
  const documents: SearchDocument[] = [];
  const damaged: string[] = [];
  for (const name of names) {
    if (!name.endsWith('.json') || name.startsWith('.')) continue;
    try {
      const parsed = shardSchema.parse(JSON.parse(await readFile(join(folder, name), 'utf8')));
      documents.push(...parsed.documents);
    } catch {
      // The articles of a damaged shard are simply re-indexed from their files.
      damaged.push(name);
    }
  }
  return { documents, damaged };
}

/** Writes one shard durably (temp file, fsync, rename). */
export async function writeSearchShard(
  folder: string,
  shard: string,
  documents: SearchDocument[],
  options?: DurableWriteOptions,
): Promise<void> {
  await writeFileDurably(searchShardFile(folder, shard), JSON.stringify({ formatVersion: shardFormatVersion, documents }), options);
}
