import { createHash } from 'node:crypto';
import { open as openFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { z } from 'zod';
import type { Article, ArticleContent } from '../../../shared/articleModel';
import { collectFigures } from '../../../shared/collectFigures';
import { commentRecordSchema, type CommentRecord } from '../../../shared/commentModel';
import { AppError } from '../../../shared/errorCodes';
import { isMediaId } from '../../../shared/isMediaId';
import { mediaLimits, type ImageType } from '../../../shared/mediaModel';
import { storedArticleSchema } from '../../../shared/migrateArticle';
import {
  reviewPackageFormat,
  reviewPackageFormatVersion,
  reviewPackageManifestSchema,
  type ReviewPackageManifest,
} from '../../../shared/reviewPackageModel';
import { workflowEventSchema, type WorkflowEvent } from '../../../shared/workflowEvent';
import { assertAcceptableImage } from '../media/assertAcceptableImage';
import { renderPreview } from '../media/renderPreview';
import { commentFormat } from '../storage/CommentLog';
import { decodeStoredJson, type StoredFormat } from '../storage/storedJson';
import { rebuildVersion, storedVersionSchema, versionFormat, type StoredVersion } from '../storage/VersionStore';
import { workflowEventFormat } from '../storage/WorkflowLog';
import { packagedArticleFormat, parseReviewPackageName, reviewPackageNames, type ReviewPackageRecordKind } from './reviewPackageEntries';

/** How much a package may hold; checked from the zip's directory first, then again while inflating. */
export interface ReviewPackageLimits {
  /** Entries in the zip (a day's history: a few hundred versions and comments, twenty photos). */
  maximumEntries: number;
  /** All entries added up, uncompressed. */
  maximumTotalBytes: number;
  /** One JSON entry (the article, a record, the manifest), uncompressed; a photo has the photo limit. */
  maximumJsonEntryBytes: number;
}

export const defaultReviewPackageLimits: ReviewPackageLimits = {
  maximumEntries: 20_000,
  maximumTotalBytes: 1024 * 1024 * 1024,
  maximumJsonEntryBytes: 64 * 1024 * 1024,
};

/** A version's chain of changes back to a whole text: the app writes a whole text every 25th version. */
const maximumVersionDepth = 100;

/** One record of the package: what it decodes to, and its file's bytes (to be stored as they are). */
export interface PackagedRecord<Record> {
  record: Record;
  bytes: Buffer;
}

/** A review package that passed every check; nothing of it has been written anywhere. */
export interface ReviewPackage {
  manifest: ReviewPackageManifest;
  /** The article, migrated to the current format and checked. */
  article: Article;
  records: {
    workflow: PackagedRecord<WorkflowEvent>[];
    comments: PackagedRecord<CommentRecord>[];
    versions: PackagedRecord<StoredVersion>[];
  };
  /** The photo originals, by id (the SHA-256 of their bytes), each passed the photo checks of an import (decoded whole). */
  photos: { id: string; type: ImageType; extension: string; bytes: Buffer }[];
  /** Photos the article or one of its versions names that the package does not hold (the sender's library lacked them). */
  missingPhotoIds: string[];
}

function addPhotoIds(content: ArticleContent, into: Set<string>): void {
  for (const figure of collectFigures(content.body)) if (isMediaId(figure.mediaId)) into.add(figure.mediaId);
  if (content.coverMediaId !== null) into.add(content.coverMediaId);
}

const numberFormat = new Intl.NumberFormat('vi-VN');

function refuse(problem: string, cause?: unknown): AppError {
  return new AppError('invalid-package', `Gói hỏng: ${problem}`, cause === undefined ? undefined : { cause });
}

/** A name as a message shows it: control characters escaped, long names cut. */
function shown(name: string): string {
  const visible = name.replace(/[\u0000-\u001f\u007f]/g, (character) => `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `“${visible.length > 120 ? `${visible.slice(0, 120)}…` : visible}”`;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function nameOf(entry: yauzl.Entry): string {
  // With decodeStrings off, yauzl hands the raw bytes: every check below sees the name as written.
  const raw = entry.fileName as unknown as Buffer | string;
  if (typeof raw === 'string') return raw;
  try {
    return strictUtf8.decode(raw);
  } catch (cause) {
    throw refuse(`một mục có tên không đọc được (không phải UTF-8).`, cause);
  }
}

const fileTypeMask = 0o170000;
const regularFile = 0o100000;
const symbolicLink = 0o120000;
const directory = 0o040000;

/** Refuses a name or an entry kind the package format cannot hold, naming the entry and the problem. */
function assertSafeEntry(entry: yauzl.Entry, name: string): void {
  if (/[\u0000-\u001f\u007f]/.test(name)) throw refuse(`tên mục ${shown(name)} chứa ký tự điều khiển.`);
  if (name.includes('\\')) throw refuse(`mục ${shown(name)} có dấu gạch ngược trong tên (đường dẫn kiểu Windows).`);
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) throw refuse(`mục ${shown(name)} là đường dẫn tuyệt đối, nằm ngoài gói.`);
  const segments = name.split('/');
  if (segments.includes('..')) throw refuse(`mục ${shown(name)} nằm ngoài gói.`);
  const fileType = (entry.externalFileAttributes >>> 16) & fileTypeMask;
  if (fileType === symbolicLink) throw refuse(`mục ${shown(name)} là một liên kết (symlink), gói chỉ chứa tệp.`);
  if (name.endsWith('/') || fileType === directory) throw refuse(`mục ${shown(name)} là một thư mục, gói chỉ chứa tệp.`);
  if (fileType !== 0 && fileType !== regularFile) throw refuse(`mục ${shown(name)} không phải tệp thường.`);
  if (segments.some((segment) => segment === '' || segment === '.')) throw refuse(`mục ${shown(name)} có tên không hợp lệ.`);
  if (entry.isEncrypted()) throw refuse(`mục ${shown(name)} bị mã hoá.`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw refuse(`mục ${shown(name)} được nén theo cách không hỗ trợ.`);
}

function readStream(stream: Readable, name: string, declared: number, budget: { remaining: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    stream.on('data', (chunk: Buffer) => {
      length += chunk.byteLength;
      budget.remaining -= chunk.byteLength;
      // Counted while inflating as well: the sizes in the zip's directory are only what it claims.
      if (length > declared || budget.remaining < 0) {
        stream.destroy();
        reject(refuse(`mục ${shown(name)} giải nén ra nhiều hơn kích thước đã khai.`));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', (cause: Error) => reject(refuse(`mục ${shown(name)} không giải nén được (tệp hỏng hoặc không đầy đủ).`, cause)));
    stream.on('end', () => resolve(Buffer.concat(chunks, length)));
  });
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanUp = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: yauzl.Entry) => {
      cleanUp();
      resolve(entry);
    };
    const onEnd = () => {
      cleanUp();
      resolve(null);
    };
    const onError = (error: Error) => {
      cleanUp();
      reject(refuse('mục lục của tệp zip bị hỏng hoặc không đầy đủ.', error));
    };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

async function openZip(path: string): Promise<yauzl.ZipFile> {
  let head: Buffer;
  let size: number;
  try {
    const handle = await openFile(path, 'r');
    try {
      size = (await handle.stat()).size;
      head = Buffer.alloc(4);
      await handle.read(head, 0, 4, 0);
    } finally {
      await handle.close();
    }
  } catch (cause) {
    throw new AppError('not-found', 'Không đọc được tệp gói bài duyệt.', { cause });
  }
  if (size === 0) throw refuse('tệp rỗng (0 byte).');
  try {
    return await yauzl.openPromise(path, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch (cause) {
    if (head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])))
      throw refuse('tệp zip bị cắt cụt hoặc hư (không đọc được mục lục của nó).', cause);
    throw refuse('tệp không phải gói bài duyệt (không phải tệp zip).', cause);
  }
}

/** Every entry's bytes, after every check on names, kinds and sizes. */
async function readEntries(path: string, limits: ReviewPackageLimits): Promise<Map<string, Buffer>> {
  const zip = await openZip(path);
  try {
    if (zip.entryCount === 0) throw refuse('gói không chứa mục nào.');
    if (zip.entryCount > limits.maximumEntries) {
      throw refuse(`gói có ${numberFormat.format(zip.entryCount)} mục (tối đa ${numberFormat.format(limits.maximumEntries)}).`);
    }
    const entries = new Map<string, Buffer>();
    const folded = new Map<string, string>();
    let declaredTotal = 0;
    const budget = { remaining: limits.maximumTotalBytes };
    for (let entry = await nextEntry(zip); entry !== null; entry = await nextEntry(zip)) {
      const name = nameOf(entry);
      assertSafeEntry(entry, name);
      if (entries.has(name)) throw refuse(`mục ${shown(name)} xuất hiện hai lần.`);
      // Windows and macOS see names differing only in letter case (or Unicode form) as one file.
      const key = name.normalize('NFC').toLowerCase();
      const twin = folded.get(key);
      if (twin !== undefined) throw refuse(`mục ${shown(name)} và ${shown(twin)} trùng tên (chỉ khác chữ hoa, chữ thường).`);
      folded.set(key, name);
      const kind = parseReviewPackageName(name);
      if (kind === null) throw refuse(`mục lạ ${shown(name)} (không thuộc định dạng gói bài duyệt).`);
      const entryLimit = kind.kind === 'photo' ? mediaLimits.maximumBytes : limits.maximumJsonEntryBytes;
      if (entry.uncompressedSize > entryLimit) {
        throw refuse(
          `mục ${shown(name)} quá lớn: ${numberFormat.format(entry.uncompressedSize)} byte (tối đa ${numberFormat.format(entryLimit)}).`,
        );
      }
      declaredTotal += entry.uncompressedSize;
      if (declaredTotal > limits.maximumTotalBytes) {
        throw refuse(`gói giải nén ra hơn ${numberFormat.format(limits.maximumTotalBytes)} byte (quá giới hạn).`);
      }
      let stream: Readable;
      try {
        stream = await zip.openReadStreamPromise(entry);
      } catch (cause) {
        throw refuse(`mục ${shown(name)} không đọc được (tệp hỏng hoặc không đầy đủ).`, cause);
      }
      entries.set(name, await readStream(stream, name, entry.uncompressedSize, budget));
    }
    return entries;
  } finally {
    zip.close();
  }
}

function readManifest(entries: Map<string, Buffer>): ReviewPackageManifest {
  const bytes = entries.get(reviewPackageNames.manifest);
  if (bytes === undefined) throw refuse('thiếu manifest.json (không phải gói bài duyệt của Bản Thảo).');
  let json: unknown;
  try {
    json = JSON.parse(strictUtf8.decode(bytes));
  } catch (cause) {
    throw refuse('manifest.json không phải JSON hợp lệ.', cause);
  }
  const header = (typeof json === 'object' && json !== null ? json : {}) as { format?: unknown; formatVersion?: unknown };
  if (header.format !== reviewPackageFormat) {
    throw new AppError('invalid-package', 'Tệp không phải gói bài duyệt của Bản Thảo (manifest.json ghi một định dạng khác).');
  }
  if (typeof header.formatVersion === 'number' && header.formatVersion > reviewPackageFormatVersion) {
    throw new AppError(
      'invalid-package',
      `Gói này được tạo bằng một phiên bản Bản Thảo mới hơn (định dạng gói số ${header.formatVersion}; ` +
        `bản này chỉ đọc đến số ${reviewPackageFormatVersion}). Hãy cập nhật Bản Thảo để mở gói.`,
    );
  }
  const parsed = reviewPackageManifestSchema.safeParse(json);
  if (!parsed.success) throw refuse('manifest.json sai cấu trúc.', parsed.error);
  return parsed.data;
}

/** Every entry is listed with its size and hash, and every listed entry is there. */
function assertEntriesMatch(manifest: ReviewPackageManifest, entries: Map<string, Buffer>): void {
  const listed = new Set<string>();
  for (const item of manifest.entries) {
    if (item.path === reviewPackageNames.manifest || listed.has(item.path))
      throw refuse(`manifest.json liệt kê mục ${shown(item.path)} hai lần.`);
    listed.add(item.path);
    const bytes = entries.get(item.path);
    if (bytes === undefined) throw refuse(`thiếu mục ${shown(item.path)} mà manifest.json liệt kê.`);
    if (bytes.byteLength !== item.bytes) {
      throw refuse(
        `mục ${shown(item.path)} dài ${numberFormat.format(bytes.byteLength)} byte, manifest.json ghi ${numberFormat.format(item.bytes)}.`,
      );
    }
    if (createHash('sha256').update(bytes).digest('hex') !== item.sha256) {
      throw refuse(`mục ${shown(item.path)} không khớp mã SHA-256 trong manifest.json (đã bị sửa hoặc hỏng).`);
    }
  }
  for (const name of entries.keys()) {
    if (name !== reviewPackageNames.manifest && !listed.has(name)) throw refuse(`mục ${shown(name)} không có trong manifest.json.`);
  }
}

/** A stored envelope decoded with its schema; a damaged one is the package's fault. */
function decodeEntry<Data>(bytes: Buffer, format: StoredFormat, schema: z.ZodType<Data>, name: string): Data {
  try {
    return decodeStoredJson(bytes, format, schema, name);
  } catch (cause) {
    const detail = cause instanceof AppError ? cause.message : `Tệp ${shown(name)} bị hỏng.`;
    throw refuse(`${detail.charAt(0).toLowerCase()}${detail.slice(1)}`, cause);
  }
}

const recordFormats: Record<ReviewPackageRecordKind, { format: StoredFormat; schema: z.ZodType<{ id: string; articleId: string }> }> = {
  workflow: { format: workflowEventFormat, schema: workflowEventSchema },
  comments: { format: commentFormat, schema: commentRecordSchema },
  versions: { format: versionFormat, schema: storedVersionSchema },
};

/**
 * Every parent is in the package (or none for a whole-text start), no chain loops, and each version's text rebuilds;
 * adds the photos each version names.
 */
function assertVersionsChain(versions: Map<string, StoredVersion>, photoIds: Set<string>): void {
  const depthOf = new Map<string, number>();
  for (const start of versions.values()) {
    // Walked without recursion; each version's depth is settled once.
    const path: StoredVersion[] = [];
    const onPath = new Set<string>();
    let current: StoredVersion | undefined = start;
    let depth = 0;
    while (current !== undefined && !depthOf.has(current.id)) {
      if (onPath.has(current.id)) throw refuse(`lịch sử phiên bản bị vòng lặp (phiên bản ${shown(current.id)} nối vòng về chính nó).`);
      onPath.add(current.id);
      path.push(current);
      if (current.parentId === null) break;
      const parent = versions.get(current.parentId);
      if (parent === undefined) {
        throw refuse(`phiên bản ${shown(current.id)} nối tiếp phiên bản ${shown(current.parentId)} không có trong gói.`);
      }
      current = parent;
    }
    if (current !== undefined && depthOf.has(current.id)) depth = depthOf.get(current.id)! + 1;
    for (const version of path.reverse()) {
      if (version.content !== null) depth = 0;
      if (depth > maximumVersionDepth) throw refuse(`phiên bản ${shown(version.id)} cách bản toàn văn gần nhất quá nhiều bước.`);
      depthOf.set(version.id, depth);
      depth += 1;
    }
  }
  for (const version of versions.values()) {
    try {
      addPhotoIds(rebuildVersion(version, versions).content, photoIds);
    } catch (cause) {
      const detail = cause instanceof Error ? cause.message : '';
      throw refuse(`phiên bản ${shown(version.id)} không dựng lại được. ${detail}`.trim(), cause);
    }
  }
}

/**
 * Reads and checks a review package (`.banthao`) completely before returning anything: the zip itself, every
 * entry's name, kind and size (while inflating too), the manifest, every entry's size and SHA-256 against it, the
 * article, each record and the version chain, each photo. Writes nothing anywhere. Every refusal is an
 * `invalid-package` error with a Vietnamese message naming the problem.
 */
export async function readReviewPackage(path: string, limits: ReviewPackageLimits = defaultReviewPackageLimits): Promise<ReviewPackage> {
  const entries = await readEntries(path, limits);
  const manifest = readManifest(entries);
  assertEntriesMatch(manifest, entries);

  const articleBytes = entries.get(reviewPackageNames.article);
  if (articleBytes === undefined) throw refuse('thiếu article.json (bài viết).');
  const article = decodeEntry(articleBytes, packagedArticleFormat, storedArticleSchema, reviewPackageNames.article);
  if (article.id !== manifest.articleId)
    throw refuse(`bài trong gói (mã ${shown(article.id)}) không phải bài manifest.json ghi (mã ${shown(manifest.articleId)}).`);

  const records: ReviewPackage['records'] = { workflow: [], comments: [], versions: [] };
  const seen: Record<ReviewPackageRecordKind, Set<string>> = { workflow: new Set(), comments: new Set(), versions: new Set() };
  const photos: ReviewPackage['photos'] = [];
  for (const [name, bytes] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const kind = parseReviewPackageName(name);
    if (kind?.kind === 'record') {
      const { format, schema } = recordFormats[kind.recordKind];
      const record = decodeEntry(bytes, format, schema, name);
      if (record.articleId !== article.id) throw refuse(`bản ghi ${shown(name)} thuộc một bài khác (mã ${shown(record.articleId)}).`);
      if (seen[kind.recordKind].has(record.id)) throw refuse(`hai bản ghi cùng mã ${shown(record.id)} (${shown(name)}).`);
      seen[kind.recordKind].add(record.id);
      if (record.id !== kind.id) throw refuse(`bản ghi ${shown(name)} mang mã ${shown(record.id)}, khác tên tệp.`);
      (records[kind.recordKind] as PackagedRecord<unknown>[]).push({ record, bytes });
    } else if (kind?.kind === 'photo') {
      if (photos.some((photo) => photo.id === kind.id)) throw refuse(`ảnh ${shown(kind.id)} có mặt hai lần.`);
      if (createHash('sha256').update(bytes).digest('hex') !== kind.id) {
        throw refuse(`ảnh ${shown(name)} không khớp tên của nó (mã ảnh phải là SHA-256 của ảnh).`);
      }
      let type: ImageType;
      try {
        const image = await assertAcceptableImage(bytes, name);
        // Decoded whole as an import does (a photo cut short passes the header checks): refused now, not halfway through receiving.
        await renderPreview(bytes, image, name);
        type = image.type;
      } catch (cause) {
        throw refuse(`ảnh ${shown(name)} không nhận được: ${cause instanceof Error ? cause.message : ''}`, cause);
      }
      photos.push({ id: kind.id, type, extension: kind.extension, bytes });
    }
  }
  const named = new Set<string>();
  addPhotoIds(article, named);
  assertVersionsChain(new Map(records.versions.map(({ record }) => [record.id, record])), named);
  for (const photo of photos) {
    if (!named.has(photo.id))
      throw refuse(`ảnh ${shown(`media/${photo.id}.${photo.extension}`)} không thuộc bài hay phiên bản nào của bài.`);
  }
  const missingPhotoIds = [...named].filter((id) => !photos.some((photo) => photo.id === id)).sort();
  return { manifest, article, records, photos, missingPhotoIds };
}
