import { readdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { articleContentSchema, type ArticleContent } from '../../../shared/articleModel';
import { AppError } from '../../../shared/errorCodes';
import { versionSummarySchema, type Version, type VersionSummary } from '../../../shared/versionModel';
import { libraryFolderLayout } from '../library/libraryLayout';
import { KeyedQueue } from '../media/KeyedQueue';
import { errorCodeOf, toStorageError } from './fileSystemErrors';
import { newRecordId, writeFileIfMissing } from './ArticleRecordLog';
import { applyDelta, deltaBetween } from './lineDelta';
import { decodeStoredJson, encodeStoredJson } from './storedJson';
import { writeFileDurably, type DurableWriteOptions } from './writeFileDurably';

const format = { kind: 'ban-thao/article-version', version: 1 };

// A version whose chain back to a whole text is this long stores the whole text again: reading any version then
// applies at most this many deltas.
const keyframeEvery = 25;

/**
 * A version as stored: its summary, the version its text is stored against (`parentId`), and either the whole text or
 * the change from that one. `parentId` is only the delta base, not the line of descent: history forks when two
 * libraries take versions of the same article (a package received with a conflict), and the next version is stored
 * against whichever version was newest, whatever its branch. Which side descends from which is read from the sets of
 * version ids each side holds (PackageService), never from parents.
 */
export const storedVersionSchema = versionSummarySchema.extend({
  parentId: versionSummarySchema.shape.id.nullable(),
  content: articleContentSchema.nullable(),
  delta: z.array(z.union([z.number().int(), z.array(z.string())])).nullable(),
});
export type StoredVersion = z.infer<typeof storedVersionSchema>;

/** The lines a version's text is compared by: one JSON property (a paragraph's text, a caption…) per line. */
function linesOf(content: ArticleContent): string[] {
  return JSON.stringify(content, null, 1).split('\n');
}

export type NewVersion = Omit<VersionSummary, 'id' | 'articleId' | 'at'> & { at: Date };

/**
 * The versions of each article: one small immutable file per version in the article's own records folder, each the
 * change from the version before it (every 25th the whole text), so a day's 300 versions of a long article stay small
 * and two machines each add theirs without rewriting the other's.
 */
export class VersionStore {
  readonly #layout: ReturnType<typeof libraryFolderLayout>;
  readonly #writeOptions: DurableWriteOptions;
  readonly #queue = new KeyedQueue();
  /** The newest version of each article read or written so far, with its text and its distance to a whole text. */
  readonly #newest = new Map<string, { id: string; content: ArticleContent; depth: number }>();

  constructor(libraryFolder: string, writeOptions: DurableWriteOptions = {}) {
    this.#layout = libraryFolderLayout(libraryFolder);
    this.#writeOptions = writeOptions;
  }

  /** Takes a version of `content`; versions of one article are taken one at a time, in order. */
  take(articleId: string, content: ArticleContent, version: NewVersion): Promise<VersionSummary> {
    // Stored and cached as the schema gives it back (NFC, keys in schema order), so the next delta applies to the file.
    const parsed = articleContentSchema.parse(content);
    return this.#queue.run(articleId, async () => {
      const newest = await this.#newestOf(articleId);
      const summary: VersionSummary = { ...version, id: newRecordId(version.at), articleId, at: version.at.toISOString() };
      const delta = newest === null || newest.depth + 1 >= keyframeEvery ? null : deltaBetween(linesOf(newest.content), linesOf(parsed));
      const stored: StoredVersion = { ...summary, parentId: newest?.id ?? null, content: delta === null ? parsed : null, delta };
      const path = this.#layout.versionFile(articleId, summary.id);
      await writeFileDurably(path, encodeStoredJson(format, storedVersionSchema.parse(stored)), this.#writeOptions).catch(
        (error: unknown) => {
          throw toStorageError(error, path);
        },
      );
      this.#newest.set(articleId, { id: summary.id, content: parsed, depth: delta === null || newest === null ? 0 : newest.depth + 1 });
      return summary;
    });
  }

  /**
   * Version files made elsewhere (a received review package), each written byte for byte where it belongs unless a
   * file is already there; in the article's queue, so no version is being taken meanwhile. Returns how many were written.
   */
  adoptFiles(articleId: string, files: readonly { id: string; bytes: Uint8Array }[]): Promise<number> {
    return this.#queue.run(articleId, async () => {
      let written = 0;
      for (const file of files) {
        if (await writeFileIfMissing(this.#layout.versionFile(articleId, file.id), file.bytes, this.#writeOptions)) written += 1;
      }
      // The newest version may be one of them now: read again when the next one is taken.
      this.#newest.delete(articleId);
      return written;
    });
  }

  /** An article's versions, newest first (a damaged file is left where it is and not listed). */
  async list(articleId: string): Promise<VersionSummary[]> {
    const records = await this.#readAll(articleId);
    return [...records.values()].map(summaryOf).sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
  }

  /** One version with its text, rebuilt from the nearest whole text; not-found or corrupt-file when it cannot be. */
  async get(articleId: string, versionId: string): Promise<Version> {
    const record = await this.#readOne(articleId, versionId);
    if (record === null) throw new AppError('not-found', 'Không tìm thấy phiên bản này của bài.');
    // Only the chain back to a whole text is read (at most 25 files), not every version of the article.
    const chain = new Map<string, StoredVersion>([[record.id, record]]);
    for (let current = record; current.content === null && current.parentId !== null && !chain.has(current.parentId);) {
      const parent = await this.#readOne(articleId, current.parentId);
      if (parent === null) break;
      chain.set(parent.id, parent);
      current = parent;
    }
    return { ...summaryOf(record), content: rebuild(record, chain).content };
  }

  /** One version's file, or null when it is missing or unreadable. */
  async #readOne(articleId: string, versionId: string): Promise<StoredVersion | null> {
    const path = this.#layout.versionFile(articleId, versionId);
    try {
      const record = decodeStoredJson(await readFile(path), format, storedVersionSchema, path);
      return record.articleId === articleId && record.id === versionId ? record : null;
    } catch {
      return null;
    }
  }

  /** The delta base of the next version: the newest by time, on either branch of a forked history (any base rebuilds). */
  async #newestOf(articleId: string): Promise<{ id: string; content: ArticleContent; depth: number } | null> {
    const known = this.#newest.get(articleId);
    if (known !== undefined) return known;
    const records = await this.#readAll(articleId);
    const newest = [...records.values()].sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id))[0];
    if (newest === undefined) return null;
    try {
      const rebuilt = rebuild(newest, records);
      this.#newest.set(articleId, { id: newest.id, ...rebuilt });
      return { id: newest.id, ...rebuilt };
    } catch {
      // A damaged chain: the next version starts a new one with the whole text.
      return null;
    }
  }

  async #readAll(articleId: string): Promise<Map<string, StoredVersion>> {
    const folder = dirname(this.#layout.versionFile(articleId, 'x'));
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      if (errorCodeOf(error) === 'ENOENT') return new Map();
      throw error;
    }
    const records = new Map<string, StoredVersion>();
    for (const name of names.filter((candidate) => candidate.endsWith('.json') && !candidate.startsWith('.'))) {
      const path = this.#layout.versionFile(articleId, name.slice(0, -'.json'.length));
      try {
        const record = decodeStoredJson(await readFile(path), format, storedVersionSchema, path);
        if (record.articleId === articleId && `${record.id}.json` === name) records.set(record.id, record);
      } catch {
        // Unreadable: not listed; versions after it that need it cannot be rebuilt and say so when opened.
      }
    }
    return records;
  }
}

function summaryOf(record: StoredVersion): VersionSummary {
  const { id, articleId, at, by, label, reason, revision, status } = record;
  return { id, articleId, at, by, label, reason, revision, status };
}

export { format as versionFormat, rebuild as rebuildVersion };

/** A version's text: its own whole text, or its parent's with its delta applied (parents first, without recursion). */
function rebuild(record: StoredVersion, records: Map<string, StoredVersion>): { content: ArticleContent; depth: number } {
  const chain: StoredVersion[] = [];
  const seen = new Set<string>();
  for (let current: StoredVersion | undefined = record; current !== undefined;) {
    if (seen.has(current.id)) throw new AppError('corrupt-file', 'Chuỗi phiên bản của bài bị vòng lặp.');
    seen.add(current.id);
    chain.push(current);
    if (current.content !== null) break;
    current = current.parentId === null ? undefined : records.get(current.parentId);
    if (current === undefined) throw new AppError('corrupt-file', 'Thiếu một phiên bản trước đó: không dựng lại được phiên bản này.');
  }
  const base = chain.pop()!;
  let lines = linesOf(base.content!);
  for (const step of chain.reverse()) {
    try {
      lines = applyDelta(lines, step.delta ?? []);
    } catch (cause) {
      throw new AppError('corrupt-file', 'Một phiên bản không khớp với phiên bản trước nó.', { cause });
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(lines.join('\n'));
  } catch {
    parsed = null;
  }
  const content = articleContentSchema.safeParse(parsed);
  if (!content.success) throw new AppError('corrupt-file', 'Một phiên bản dựng lại không hợp lệ.');
  return { content: content.data, depth: seen.size - 1 };
}
