import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ZipFile } from 'yazl';
import type { z } from 'zod';
import type { Article, ArticleContent } from '../../../shared/articleModel';
import { collectFigures } from '../../../shared/collectFigures';
import { commentRecordSchema } from '../../../shared/commentModel';
import { AppError } from '../../../shared/errorCodes';
import type { Identity } from '../../../shared/identity';
import { isMediaId } from '../../../shared/isMediaId';
import {
  reviewPackageFormat,
  reviewPackageFormatVersion,
  reviewPackageManifestSchema,
  type ReviewPackageEntry,
  type ReviewPackageManifest,
} from '../../../shared/reviewPackageModel';
import { workflowEventSchema } from '../../../shared/workflowEvent';
import { libraryFolderLayout, mediaFileLayout } from '../library/libraryLayout';
import { commentFormat } from '../storage/CommentLog';
import { errorCodeOf, toStorageError } from '../storage/fileSystemErrors';
import { decodeStoredJson, encodeStoredJson, type StoredFormat } from '../storage/storedJson';
import { rebuildVersion, storedVersionSchema, versionFormat, type StoredVersion } from '../storage/VersionStore';
import { workflowEventFormat } from '../storage/WorkflowLog';
import { writeFileDurably, type DurableWriteOptions } from '../storage/writeFileDurably';
import {
  isRecordId,
  packagedArticleFormat,
  photoExtensions,
  reviewPackageNames,
  reviewPackageRecordKinds,
  type ReviewPackageRecordKind,
} from './reviewPackageEntries';

/** The largest package written (its entries added up, before compression): it is built in memory. */
export const reviewPackageWriteLimitBytes = 1024 * 1024 * 1024;

export interface WriteReviewPackageInput {
  /** Where the `.banthao` file goes; written beside it first, then renamed (never half-written). */
  target: string;
  /** The article as stored (ArticleStore.get). */
  article: Article;
  /** The library folder (`<data>/library`): the article's records and the photo originals are read from it. */
  libraryFolder: string;
  createdBy: Identity | null;
  appVersion: string;
  now?: () => Date;
  maximumBytes?: number;
  writeOptions?: DurableWriteOptions;
}

export interface WrittenReviewPackage {
  manifest: ReviewPackageManifest;
  /** Record files of the article that could not be read, or versions whose chain is broken: left out of the package. */
  leftOut: number;
  /** Photos the article or one of its versions names whose original is not in the library. */
  missingPhotoIds: string[];
}

const recordSources: Record<ReviewPackageRecordKind, { format: StoredFormat; schema: z.ZodType<{ id: string; articleId: string }> }> = {
  workflow: { format: workflowEventFormat, schema: workflowEventSchema },
  comments: { format: commentFormat, schema: commentRecordSchema },
  versions: { format: versionFormat, schema: storedVersionSchema },
};

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function photoIdsOf(content: ArticleContent, into: Set<string>): void {
  for (const figure of collectFigures(content.body)) if (isMediaId(figure.mediaId)) into.add(figure.mediaId);
  if (content.coverMediaId !== null) into.add(content.coverMediaId);
}

/** One kind of the article's records: each file's bytes unchanged, with what it decodes to; unreadable ones are counted. */
async function readRecords(
  libraryFolder: string,
  articleId: string,
  kind: ReviewPackageRecordKind,
): Promise<{ files: { id: string; bytes: Buffer; record: unknown }[]; unreadable: number }> {
  const layout = libraryFolderLayout(libraryFolder);
  const fileOf = { workflow: layout.workflowEventFile, comments: layout.commentFile, versions: layout.versionFile }[kind];
  const folder = dirname(fileOf(articleId, 'x'));
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if (errorCodeOf(error) === 'ENOENT' || errorCodeOf(error) === 'ENOTDIR') return { files: [], unreadable: 0 };
    throw toStorageError(error, folder);
  }
  const { format, schema } = recordSources[kind];
  const files: { id: string; bytes: Buffer; record: unknown }[] = [];
  let unreadable = 0;
  for (const name of names.filter((candidate) => candidate.endsWith('.json') && !candidate.startsWith('.')).sort()) {
    const id = name.slice(0, -'.json'.length);
    const path = fileOf(articleId, id);
    try {
      if (!isRecordId(id)) throw new Error('not a record name');
      const bytes = await readFile(path);
      const record = decodeStoredJson(bytes, format, schema, path);
      if (record.articleId !== articleId || record.id !== id) throw new Error('not this article’s record');
      files.push({ id, bytes, record });
    } catch {
      unreadable += 1;
    }
  }
  return { files, unreadable };
}

/** The original of a stored photo (whichever extension it was stored with), or null when the library has none. */
async function readOriginal(libraryFolder: string, id: string): Promise<{ bytes: Buffer; extension: string } | null> {
  const files = mediaFileLayout(libraryFolderLayout(libraryFolder).media, id);
  for (const extension of photoExtensions) {
    try {
      return { bytes: await readFile(files.original(extension)), extension };
    } catch (error) {
      if (errorCodeOf(error) !== 'ENOENT') throw toStorageError(error, files.original(extension));
    }
  }
  return null;
}

function zipToBuffer(zip: ZipFile): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.end();
  });
}

/**
 * Writes an article's review package (`.banthao`): a zip of `manifest.json` (first), `article.json` (the article in
 * its stored envelope), `records/<kind>/<id>.json` (the article's workflow moves, comments and versions, each file
 * byte for byte as stored) and `media/<id>.<ext>` (the originals of the photos the article and its versions name).
 * Entries are in a fixed order with a fixed time, so the same article written twice gives the same bytes.
 */
export async function writeReviewPackage(input: WriteReviewPackageInput): Promise<WrittenReviewPackage> {
  const { article, libraryFolder } = input;
  const createdAt = (input.now ?? (() => new Date()))();
  const maximumBytes = input.maximumBytes ?? reviewPackageWriteLimitBytes;
  const files: { path: string; bytes: Buffer; compress: boolean }[] = [
    { path: reviewPackageNames.article, bytes: Buffer.from(encodeStoredJson(packagedArticleFormat, article), 'utf8'), compress: true },
  ];
  let leftOut = 0;
  const photoIds = new Set<string>();
  photoIdsOf(article, photoIds);
  for (const kind of reviewPackageRecordKinds) {
    const read = await readRecords(libraryFolder, article.id, kind);
    leftOut += read.unreadable;
    let kept = read.files;
    if (kind === 'versions') {
      // A version whose chain back to a whole text is broken could not be opened by the receiver: it stays behind.
      const versions = new Map(read.files.map((file) => [file.id, file.record as StoredVersion]));
      kept = read.files.filter((file) => {
        try {
          photoIdsOf(rebuildVersion(file.record as StoredVersion, versions).content, photoIds);
          return true;
        } catch {
          return false;
        }
      });
      // Leaving one out can break the chain of those after it: keep only versions whose parents all stayed.
      for (let changed = true; changed;) {
        const keptIds = new Set(kept.map((file) => file.id));
        const next = kept.filter((file) => {
          const parentId = (file.record as StoredVersion).parentId;
          return parentId === null || keptIds.has(parentId);
        });
        changed = next.length !== kept.length;
        kept = next;
      }
      leftOut += read.files.length - kept.length;
    }
    for (const file of kept) files.push({ path: reviewPackageNames.record(kind, file.id), bytes: file.bytes, compress: true });
  }
  const missingPhotoIds: string[] = [];
  for (const id of [...photoIds].sort()) {
    const original = await readOriginal(libraryFolder, id);
    if (original === null) missingPhotoIds.push(id);
    // Photos are compressed already: stored as they are.
    else files.push({ path: reviewPackageNames.photo(id, original.extension), bytes: original.bytes, compress: false });
  }
  const total = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  if (total > maximumBytes) {
    throw new AppError(
      'invalid-package',
      `Bài cùng ảnh và lịch sử quá lớn để đóng gói: ${Math.ceil(total / 1024 / 1024)} MB ` +
        `(tối đa ${Math.floor(maximumBytes / 1024 / 1024)} MB).`,
    );
  }
  const entries: ReviewPackageEntry[] = files.map((file) => ({
    path: file.path,
    bytes: file.bytes.byteLength,
    sha256: sha256Of(file.bytes),
  }));
  const manifest = reviewPackageManifestSchema.parse({
    format: reviewPackageFormat,
    formatVersion: reviewPackageFormatVersion,
    createdAt: createdAt.toISOString(),
    createdBy: input.createdBy,
    appVersion: input.appVersion,
    articleId: article.id,
    entries,
  } satisfies ReviewPackageManifest);
  const zip = new ZipFile();
  const entryOptions = { mtime: createdAt, mode: 0o100644 };
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`, 'utf8'), reviewPackageNames.manifest, {
    ...entryOptions,
    compress: true,
  });
  for (const file of files) zip.addBuffer(file.bytes, file.path, { ...entryOptions, compress: file.compress });
  const bytes = await zipToBuffer(zip);
  await writeFileDurably(input.target, bytes, input.writeOptions);
  return { manifest, leftOut, missingPhotoIds };
}
