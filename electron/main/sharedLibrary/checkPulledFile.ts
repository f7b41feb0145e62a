import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { articleFormatVersion } from '../../../shared/articleModel';
import { commentRecordSchema } from '../../../shared/commentModel';
import { conflictRecordSchema } from '../../../shared/conflictModel';
import type { DocumentNodeJson } from '../../../shared/documentJson';
import { parseDocument } from '../../../shared/documentSchema';
import { mediaInfoSchema, mediaLimits } from '../../../shared/mediaModel';
import { storedArticleSchema } from '../../../shared/migrateArticle';
import { storedSharedSettingsSchema } from '../../../shared/sharedSettingsModel';
import { dictionaryEntrySchema } from '../../../shared/spelling/dictionaryModel';
import { workflowEventSchema } from '../../../shared/workflowEvent';
import { sharedFileOf, type SharedFileKind, type SharedFilePath } from '../library/libraryLayout';
import { assertAcceptableImage } from '../media/assertAcceptableImage';
import { mediaInfoFormat } from '../media/MediaStore';
import { renderPreview } from '../media/renderPreview';
import { sniffImageType, storedExtensions } from '../media/sniffImageType';
import { defaultReviewPackageLimits } from '../services/readReviewPackage';
import { commentFormat } from '../storage/CommentLog';
import { conflictFormat } from '../storage/ConflictLog';
import { dictionaryFormat, dictionaryWordHash } from '../storage/DictionaryStore';
import { decodeStoredJson, type StoredFormat } from '../storage/storedJson';
import { storedVersionSchema, versionFormat } from '../storage/VersionStore';
import { workflowEventFormat } from '../storage/WorkflowLog';

/** A file pulled from the shared library's server: accepted with what its path names, or refused with a Vietnamese reason. */
export type PulledFileCheck = { ok: true; file: SharedFilePath } | { ok: false; reason: string };

// The same caps a received review package has: a JSON entry as its JSON entries, a photo (or its display copy) as a photo.
const jsonBytes = defaultReviewPackageLimits.maximumJsonEntryBytes;

/** The largest blob of each kind the sync engine takes; a bigger one is refused by its size, before it is read. */
export const pulledFileByteLimits: Record<SharedFileKind, number> = {
  article: jsonBytes,
  'workflow-event': jsonBytes,
  version: jsonBytes,
  comment: jsonBytes,
  conflict: jsonBytes,
  'dictionary-word': jsonBytes,
  'photo-original': mediaLimits.maximumBytes,
  'photo-description': jsonBytes,
  'photo-preview': mediaLimits.maximumBytes,
  'shared-settings': jsonBytes,
};

/** The format SettingsStore writes `shared-settings.json` with. */
const sharedSettingsFormat: StoredFormat = { kind: 'ban-thao/shared-settings', version: 1 };

const articleFormat: StoredFormat = { kind: 'ban-thao/article', version: articleFormatVersion };

const numberFormat = new Intl.NumberFormat('vi-VN');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Thrown inside the checks only, caught below: a refusal's reason for the user. */
class Refusal extends Error {}

/** A path as a message shows it: control characters escaped, long paths cut. */
function shown(path: string): string {
  const visible = path.replace(
    /[\u0000-\u001f\u007f-\u009f]/g,
    (character) => `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return `“${visible.length > 160 ? `${visible.slice(0, 160)}…` : visible}”`;
}

/** An error's message as the tail of a sentence. */
function detailOf(error: unknown): string {
  const message = error instanceof Error && error.message !== '' ? error.message : 'tệp bị hỏng.';
  return `${message.charAt(0).toLowerCase()}${message.slice(1)}`;
}

/** The problem with a path as a Git tree entry, or null: the library's own paths never have any of these. */
function pathProblem(path: string): string | null {
  if (path === '') return 'đường dẫn trống.';
  if (/[\u0000-\u001f\u007f-\u009f]/.test(path)) return 'đường dẫn chứa ký tự điều khiển.';
  if (path.includes('\\')) return 'đường dẫn có dấu gạch ngược (kiểu Windows).';
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return 'đường dẫn tuyệt đối, nằm ngoài thư viện.';
  const segments = path.split('/');
  if (segments.includes('..')) return 'đường dẫn trỏ ra ngoài thư viện.';
  if (segments.some((segment) => segment === '' || segment === '.')) return 'đường dẫn không hợp lệ.';
  // Two spellings of one name would be two files in Git and one on macOS.
  if (path.normalize('NFC') !== path) return 'tên tệp không ở dạng Unicode chuẩn (NFC).';
  return null;
}

/**
 * The version number a newer app wrote the file with, when it is newer than this build reads: the envelope's, or
 * (for an article) the data's own. Null when it is not newer or cannot be read (decoding then says what is wrong).
 */
function newerVersionOf(bytes: Uint8Array, format: StoredFormat, dataVersion: number | null): number | null {
  let json: unknown;
  try {
    json = JSON.parse(strictUtf8.decode(bytes));
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const header = json as { format?: unknown; formatVersion?: unknown; data?: unknown };
  const enveloped = 'format' in header && 'data' in header;
  if (enveloped && header.format !== format.kind) return null;
  if (enveloped && typeof header.formatVersion === 'number' && header.formatVersion > format.version) return header.formatVersion;
  const data = (enveloped ? header.data : json) as { formatVersion?: unknown } | null;
  if (dataVersion !== null && typeof data === 'object' && data !== null && typeof data.formatVersion === 'number') {
    if (data.formatVersion > dataVersion) return data.formatVersion;
  }
  return null;
}

/** Decodes a stored envelope as the stores read it from disk, after refusing one a newer app wrote. */
function decodePulled<Data>(
  bytes: Uint8Array,
  path: string,
  format: StoredFormat,
  schema: z.ZodType<Data>,
  dataVersion: number | null = null,
): Data {
  const newer = newerVersionOf(bytes, format, dataVersion);
  if (newer !== null) {
    const known = dataVersion ?? format.version;
    throw new Refusal(
      `tệp do một phiên bản Bản Thảo mới hơn ghi (định dạng số ${newer}; bản này chỉ đọc đến số ${known}). Hãy cập nhật Bản Thảo.`,
    );
  }
  try {
    return decodeStoredJson(bytes, format, schema, path);
  } catch (error) {
    throw new Refusal(detailOf(error));
  }
}

/** The body the editor would open: refused when the document schema would refuse it on a save. */
function assertEditableBody(body: DocumentNodeJson, what: string): void {
  try {
    parseDocument(body);
  } catch (error) {
    throw new Refusal(`${what} không mở được: ${detailOf(error)}`);
  }
}

function assertNamedBy(actual: string, expected: string | undefined, what: string): void {
  if (actual !== expected) throw new Refusal(`${what} mang mã ${shown(actual)}, khác mã trong đường dẫn.`);
}

function checkArticle(bytes: Uint8Array, path: string, file: SharedFilePath): void {
  const article = decodePulled(bytes, path, articleFormat, storedArticleSchema, articleFormatVersion);
  assertNamedBy(article.id, file.articleId, 'bài');
  assertEditableBody(article.body, 'thân bài');
}

function recordOf(bytes: Uint8Array, path: string, file: SharedFilePath) {
  switch (file.kind) {
    case 'workflow-event':
      return { record: decodePulled(bytes, path, workflowEventFormat, workflowEventSchema), bodies: [] };
    case 'comment':
      return { record: decodePulled(bytes, path, commentFormat, commentRecordSchema), bodies: [] };
    case 'version': {
      // A version stored as a change from its parent is checked when its chain is rebuilt; a whole text now.
      const record = decodePulled(bytes, path, versionFormat, storedVersionSchema);
      return { record, bodies: record.content === null ? [] : [record.content.body] };
    }
    default: {
      const record = decodePulled(bytes, path, conflictFormat, conflictRecordSchema);
      if (record.kind !== 'conflict') return { record, bodies: [] };
      return { record, bodies: record.base === undefined ? [record.theirs.body] : [record.theirs.body, record.base.body] };
    }
  }
}

function checkRecord(bytes: Uint8Array, path: string, file: SharedFilePath): void {
  const { record, bodies } = recordOf(bytes, path, file);
  // A record copied under another name or another article's folder is not that record (as ArticleRecordLog.list reads it).
  assertNamedBy(record.id, file.recordId, 'bản ghi');
  if (record.articleId !== file.articleId) throw new Refusal(`bản ghi thuộc một bài khác (mã ${shown(record.articleId)}).`);
  for (const body of bodies) assertEditableBody(body, 'nội dung bài trong bản ghi');
}

function checkDictionaryWord(bytes: Uint8Array, path: string, file: SharedFilePath): void {
  const entry = decodePulled(bytes, path, dictionaryFormat, dictionaryEntrySchema);
  if (dictionaryWordHash(entry.word) !== file.wordHash)
    throw new Refusal(`từ ${shown(entry.word)} không khớp tên tệp (tên tệp là mã băm của từ).`);
}

/** The checks a received package makes of a photo: its name is its SHA-256, then the import's header checks and a full decode. */
async function checkPhotoOriginal(bytes: Uint8Array, file: SharedFilePath): Promise<void> {
  if (createHash('sha256').update(bytes).digest('hex') !== file.mediaId)
    throw new Refusal('ảnh không khớp tên của nó (mã ảnh phải là SHA-256 của ảnh).');
  const fileName = `${file.mediaId}.${file.extension}`;
  try {
    const image = await assertAcceptableImage(bytes, fileName);
    if (storedExtensions[image.type] !== file.extension) throw new Refusal(`tệp tên .${file.extension} nhưng không phải ảnh loại đó.`);
    // Decoded whole, as a received package's photos are: a photo cut short passes the header checks.
    await renderPreview(bytes, image, fileName);
  } catch (error) {
    if (error instanceof Refusal) throw error;
    // The import's message ends with the file's name; the reason names the whole path already.
    const detail = detailOf(error).replace(`: ${fileName}`, '');
    throw new Refusal(`ảnh không nhận được: ${detail}${detail.endsWith('.') ? '' : '.'}`);
  }
}

function checkPhotoDescription(bytes: Uint8Array, path: string, file: SharedFilePath): void {
  const info = decodePulled(bytes, path, mediaInfoFormat, mediaInfoSchema);
  assertNamedBy(info.id, file.mediaId, 'tệp mô tả ảnh');
}

function checkPhotoPreview(bytes: Uint8Array): void {
  if (sniffImageType(bytes) !== 'webp') throw new Refusal('bản hiển thị của ảnh không phải ảnh WebP.');
}

/** The shared settings as SettingsStore reads them, in an envelope: no file of this kind was ever written without one. */
function checkSharedSettings(bytes: Uint8Array, path: string): void {
  let json: unknown;
  try {
    json = JSON.parse(strictUtf8.decode(bytes));
  } catch {
    throw new Refusal('tệp không phải JSON UTF-8 hợp lệ.');
  }
  const enveloped = typeof json === 'object' && json !== null && !Array.isArray(json) && 'format' in json && 'data' in json;
  if (!enveloped) throw new Refusal(`tệp không phải tệp ${sharedSettingsFormat.kind}.`);
  decodePulled(bytes, path, sharedSettingsFormat, storedSharedSettingsSchema);
}

async function checkContent(bytes: Uint8Array, path: string, file: SharedFilePath): Promise<void> {
  switch (file.kind) {
    case 'article':
      return checkArticle(bytes, path, file);
    case 'workflow-event':
    case 'version':
    case 'comment':
    case 'conflict':
      return checkRecord(bytes, path, file);
    case 'dictionary-word':
      return checkDictionaryWord(bytes, path, file);
    case 'photo-original':
      return checkPhotoOriginal(bytes, file);
    case 'photo-description':
      return checkPhotoDescription(bytes, path, file);
    case 'photo-preview':
      return checkPhotoPreview(bytes);
    case 'shared-settings':
      return checkSharedSettings(bytes, path);
  }
}

function sizeProblem(kind: SharedFileKind, size: number): string | null {
  const limit = pulledFileByteLimits[kind];
  return size > limit ? `tệp quá lớn: ${numberFormat.format(size)} byte (tối đa ${numberFormat.format(limit)}).` : null;
}

/**
 * The refusal of a pulled file by the size its Git object's header declares (checked before the object is inflated,
 * so a huge blob is never held in memory), or null when the size is within its kind's cap.
 */
export function pulledFileSizeRefusal(relativePath: string, kind: SharedFileKind, size: number): string | null {
  const problem = sizeProblem(kind, size);
  return problem === null ? null : `Không nhận tệp ${shown(relativePath)} từ máy chủ: ${problem}`;
}

/**
 * Checks a file pulled from the shared library's server before it is written into the library: its path (relative
 * to the library folder, `/`-separated as in a Git tree) must be one the library writes, its size within its kind's
 * cap, and its content pass the checks the app makes of a file read from disk or received in a review package.
 * Never throws: every refusal is a Vietnamese reason naming the file.
 */
export async function checkPulledFile(relativePath: string, bytes: Uint8Array): Promise<PulledFileCheck> {
  const refused = (problem: string): PulledFileCheck => ({
    ok: false,
    reason: `Không nhận tệp ${shown(relativePath)} từ máy chủ: ${problem}`,
  });
  try {
    const problem = pathProblem(relativePath);
    if (problem !== null) return refused(problem);
    const file = sharedFileOf(relativePath);
    if (file === null) return refused('không phải một tệp của thư viện.');
    const tooLarge = sizeProblem(file.kind, bytes.byteLength);
    if (tooLarge !== null) return refused(tooLarge);
    if (bytes.byteLength === 0) return refused('tệp rỗng (0 byte).');
    await checkContent(bytes, relativePath, file);
    return { ok: true, file };
  } catch (error) {
    if (error instanceof Refusal) return refused(error.message);
    // Anything else (a decoder that gave up, a stack overflow on a hostile body) is still the file's fault.
    return refused('không kiểm tra được nội dung tệp.');
  }
}
