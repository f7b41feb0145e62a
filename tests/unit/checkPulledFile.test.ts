import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryLayout, sharedFileKinds, sharedFileOf, type SharedFileKind } from '../../electron/main/library/libraryLayout';
import { checkPulledFile, pulledFileByteLimits } from '../../electron/main/sharedLibrary/checkPulledFile';
import { newRecordId } from '../../electron/main/storage/ArticleRecordLog';
import { createConflictLog } from '../../electron/main/storage/ConflictLog';
import { encodeStoredJson } from '../../electron/main/storage/storedJson';
import { articleContentSchema, articleFormatVersion } from '../../shared/articleModel';
import { defaultHouseStyle } from '../../shared/houseStyle';
import { mediaLimits } from '../../shared/mediaLimits';
import { bodyWithPhoto } from '../support/bodyWithPhoto';
import { manualClock, openTestSession, type TestSession } from '../support/openTestSession';
import { rainbowHeic } from './media/heicFixtures';
import { pngBomb, twoColourJpeg } from './media/photoFixtures';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const textOf = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytesOf = (text: string) => new TextEncoder().encode(text);

/** The envelope's parts of a stored file: its format and its data. */
function envelopeOf(bytes: Uint8Array): { format: string; formatVersion: number; data: Record<string, unknown> } {
  return JSON.parse(textOf(bytes)) as { format: string; formatVersion: number; data: Record<string, unknown> };
}

/** The same file re-encoded (checksum right) with other data or another format version. */
function reencoded(bytes: Uint8Array, change: { data?: Record<string, unknown>; version?: number }): Uint8Array {
  const envelope = envelopeOf(bytes);
  return bytesOf(
    encodeStoredJson({ kind: envelope.format, version: change.version ?? envelope.formatVersion }, change.data ?? envelope.data),
  );
}

/** Another id of the same form and prefix: the last character changed. */
function otherId(id: string): string {
  return `${id.slice(0, -1)}${id.endsWith('0') ? '1' : '0'}`;
}

async function expectRefused(path: string, bytes: Uint8Array, ...reasonParts: (string | RegExp)[]): Promise<string> {
  const check = await checkPulledFile(path, bytes);
  expect(check.ok).toBe(false);
  const reason = check.ok ? '' : check.reason;
  expect(reason).toMatch(/^Không nhận tệp “/);
  for (const part of reasonParts) expect(reason).toMatch(part);
  return reason;
}

describe('checkPulledFile: a file pulled from the shared library is checked as one read from disk or a package', () => {
  let dataDirectory: string;
  let session: TestSession;
  /** Every file of the library folder the stores wrote, by its path relative to it (`/`-separated, as Git spells it). */
  const files = new Map<string, Uint8Array>();
  let articleId: string;
  let jpegId: string;
  let jpegBytes: Buffer;

  /** The one file of a kind (the first when there are several). */
  function fileOfKind(kind: SharedFileKind): [string, Uint8Array] {
    const found = [...files].find(([path]) => sharedFileOf(path)?.kind === kind);
    if (found === undefined) throw new Error(`no ${kind} file`);
    return found;
  }

  beforeAll(async () => {
    const clock = manualClock();
    dataDirectory = await mkdtemp(join(tmpdir(), 'banthao-test-'));
    session = await openTestSession(dataDirectory, { now: clock.now });
    const { handlers } = session;
    await handlers['settings:update']({ userName: 'Ngọc Sơn', userRole: 'reporter' });
    // The house style is the newsroom's: SettingsStore writes it to library/shared-settings.json.
    await handlers['settings:update']({ houseStyle: { ...defaultHouseStyle, toneMarks: 'new' } });
    jpegBytes = await twoColourJpeg();
    const jpeg = await handlers['media:importBytes']({ fileName: 'cau-rong.jpg', bytes: new Uint8Array(jpegBytes) });
    jpegId = jpeg.id;
    const heic = await handlers['media:importBytes']({ fileName: 'rainbow.heic', bytes: new Uint8Array(rainbowHeic) });
    const created = await handlers['article:create']({});
    articleId = created.id;
    const content = {
      ...articleContentSchema.parse(created),
      title: 'Cầu Rồng phun lửa',
      body: bodyWithPhoto(jpeg.id),
      coverMediaId: heic.id,
    };
    const saved = await handlers['article:save']({ id: articleId, baseRevision: created.revision, content });
    const version = await handlers['version:save']({ id: articleId, label: 'Bản đầu' });
    clock.advanceMinutes(2);
    await handlers['article:move']({ id: articleId, baseRevision: saved.revision, to: 'submitted', note: 'Nhờ chị duyệt' });
    await handlers['comment:start']({ id: articleId, text: 'Ảnh đã xin phép', quote: 'Cầu Rồng' });
    await handlers['dictionary:add']({ word: 'Zalo' });
    // A conflict is kept when a package meets local changes; its log is the store that writes it.
    const at = clock.now();
    await createConflictLog(libraryLayout(dataDirectory).library.folder).append({
      kind: 'conflict',
      id: newRecordId(at),
      articleId,
      at: at.toISOString(),
      receivedBy: { name: 'Ngọc Sơn', role: 'reporter' },
      sentBy: { name: 'Minh Anh', role: 'editor' },
      sentAt: at.toISOString(),
      source: 'package',
      baseVersionId: version.id,
      localVersionId: version.id,
      theirs: { ...content, title: 'Cầu Rồng phun lửa đêm nay' },
    });
    await session.flush();
    await session.backupService.settled();
    const libraryFolder = libraryLayout(dataDirectory).library.folder;
    for (const entry of await readdir(libraryFolder, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      files.set(relative(libraryFolder, path).split(sep).join('/'), new Uint8Array(await readFile(path)));
    }
  });

  afterAll(async () => {
    await session.close();
    await rm(dataDirectory, { recursive: true, force: true });
  });

  it('accepts every library file the stores wrote, of every kind, and refuses the caches and previous generations', async () => {
    const accepted = new Set<SharedFileKind>();
    for (const [path, bytes] of files) {
      const check = await checkPulledFile(path, bytes);
      if (sharedFileOf(path) === null) {
        expect(check, path).toEqual({ ok: false, reason: `Không nhận tệp “${path}” từ máy chủ: không phải một tệp của thư viện.` });
        continue;
      }
      expect(check, path).toEqual({ ok: true, file: sharedFileOf(path) });
      if (check.ok) accepted.add(check.file.kind);
    }
    expect([...accepted].sort()).toEqual([...sharedFileKinds].sort());
    // Both photos, JPEG and HEIC (the fixture from libheif), passed the full decode.
    expect([...files.keys()].filter((path) => sharedFileOf(path)?.kind === 'photo-original').map((path) => path.split('.').pop())).toEqual(
      expect.arrayContaining(['jpg', 'heic']),
    );
    // The caches were among the files, and refused.
    expect(files.has('index.json')).toBe(true);
    expect([...files.keys()].some((path) => path.startsWith('search/'))).toBe(true);
  });

  it('refuses paths outside the library, odd or not its own, without throwing', async () => {
    const [articlePath, articleBytes] = fileOfKind('article');
    const refusals: [string, RegExp][] = [
      [`../${articlePath}`, /ra ngoài thư viện/],
      [`articles/../${articlePath}`, /ra ngoài thư viện/],
      [`/${articlePath}`, /tuyệt đối/],
      [`C:/${articlePath}`, /tuyệt đối/],
      [articlePath.replaceAll('/', '\\'), /gạch ngược/],
      [`${articlePath}\u0000`, /ký tự điều khiển/],
      [`articles/\u001b[2J/${articlePath}`, /ký tự điều khiển/],
      [`./${articlePath}`, /không hợp lệ/],
      [`articles//${articlePath.slice('articles/'.length)}`, /không hợp lệ/],
      ['articles/ca/cafe\u0301-000000.json', /NFC/],
      ['', /trống/],
      [`${articlePath}.prev`, /không phải một tệp của thư viện/],
      ['.git/config', /không phải một tệp của thư viện/],
      ['articles/ab/readme.txt', /không phải một tệp của thư viện/],
      ['search/00.json', /không phải một tệp của thư viện/],
      // An article file put under a prefix folder that is not its id's.
      [`articles/zz/${articlePath.split('/').pop()}`, /không phải một tệp của thư viện/],
    ];
    for (const [path, reason] of refusals) await expectRefused(path, articleBytes, reason);
    // A control character is shown escaped, never as itself.
    const shown = await expectRefused(`${articlePath}\u0000`, articleBytes);
    expect(shown).toContain('\\x00');
    expect(shown).not.toContain('\u0000');
  });

  it('refuses an empty file and one over its kind’s size cap, the cap being a package’s', async () => {
    const [wordPath] = fileOfKind('dictionary-word');
    await expectRefused(wordPath, new Uint8Array(0), /rỗng/);
    expect(pulledFileByteLimits['dictionary-word']).toBe(64 * 1024 * 1024);
    expect(pulledFileByteLimits['photo-original']).toBe(mediaLimits.maximumBytes);
    const oversized = new Uint8Array(pulledFileByteLimits['dictionary-word'] + 1).fill(0x20);
    await expectRefused(wordPath, oversized, /quá lớn: 67\.108\.865 byte \(tối đa 67\.108\.864\)/);
    const [photoPath] = fileOfKind('photo-original');
    await expectRefused(photoPath, new Uint8Array(mediaLimits.maximumBytes + 1), /quá lớn/);
  });

  it('refuses an article that is damaged, another article’s, fails its schema or body, or was written by a newer app', async () => {
    const [path, bytes] = fileOfKind('article');
    const article = envelopeOf(bytes).data;
    // Under another article's name (same prefix folder): the content names its own id.
    const otherPath = path.replace(articleId, otherId(articleId));
    await expectRefused(otherPath, bytes, /bài mang mã “.+”, khác mã trong đường dẫn/);
    // The title changed without the checksum following it.
    await expectRefused(path, bytesOf(textOf(bytes).replace('Cầu Rồng phun lửa', 'Cầu Rồng phun nước')), /sai mã kiểm tra/);
    await expectRefused(path, bytes.subarray(0, Math.floor(bytes.byteLength / 2)), /không phải JSON UTF-8 hợp lệ/);
    await expectRefused(path, reencoded(bytes, { data: { ...article, revision: 'một' } }), /sai cấu trúc/);
    await expectRefused(
      path,
      bytesOf(encodeStoredJson({ kind: 'ban-thao/comment', version: 1 }, article)),
      /không phải tệp ban-thao\/article/,
    );
    const script = { type: 'doc', content: [{ type: 'script', content: [{ type: 'text', text: 'alert(1)' }] }] };
    await expectRefused(path, reencoded(bytes, { data: { ...article, body: script } }), /thân bài không mở được/);
    const newer = articleFormatVersion + 1;
    const future = [
      reencoded(bytes, { version: newer, data: { ...article, formatVersion: newer } }),
      reencoded(bytes, { data: { ...article, formatVersion: newer } }),
    ];
    for (const futureBytes of future)
      await expectRefused(path, futureBytes, new RegExp(`mới hơn ghi \\(định dạng số ${newer};.*Hãy cập nhật`));
  });

  it('refuses a record under another name or another article’s folder, damaged or failing its schema', async () => {
    for (const kind of ['workflow-event', 'version', 'comment', 'conflict'] as const) {
      const [path, bytes] = fileOfKind(kind);
      const file = sharedFileOf(path)!;
      const renamed = path.replace(`${file.recordId}.json`, `${otherId(file.recordId!)}.json`);
      await expectRefused(renamed, bytes, /bản ghi mang mã “.+”, khác mã trong đường dẫn/);
      const moved = path.replaceAll(articleId, otherId(articleId));
      await expectRefused(moved, bytes, /bản ghi thuộc một bài khác/);
      await expectRefused(path, bytes.subarray(0, bytes.byteLength - 3), /không phải JSON UTF-8 hợp lệ/);
      await expectRefused(path, reencoded(bytes, { data: { ...envelopeOf(bytes).data, at: 'hôm qua' } }), /sai cấu trúc/);
      await expectRefused(path, reencoded(bytes, { version: 2 }), /mới hơn ghi \(định dạng số 2; bản này chỉ đọc đến số 1\)/);
    }
    // A conflict's text is a body the editor must be able to open.
    const [conflictPath, conflictBytes] = fileOfKind('conflict');
    const conflict = envelopeOf(conflictBytes).data as { theirs: Record<string, unknown> };
    const broken = { ...conflict, theirs: { ...conflict.theirs, body: { type: 'doc', content: [{ type: 'iframe' }] } } };
    await expectRefused(conflictPath, reencoded(conflictBytes, { data: broken }), /nội dung bài trong bản ghi không mở được/);
  });

  it('refuses a dictionary word whose file is not named by the hash of the word', async () => {
    const [path, bytes] = fileOfKind('dictionary-word');
    const entry = envelopeOf(bytes).data;
    await expectRefused(path, reencoded(bytes, { data: { ...entry, word: 'Viber' } }), /từ “Viber” không khớp tên tệp/);
    await expectRefused(path, reencoded(bytes, { data: { ...entry, word: 'hai từ' } }), /sai cấu trúc/);
    // The same word in another case is the same file: its hash is of the lookup form.
    expect(await checkPulledFile(path, reencoded(bytes, { data: { ...entry, word: 'zalo' } }))).toMatchObject({ ok: true });
  });

  it('refuses a photo whose bytes do not hash to its name, whose type is not its extension, or that is too big to decode', async () => {
    const path = [...files.keys()].find((candidate) => candidate.endsWith(`${jpegId}.jpg`))!;
    const changed = Buffer.from(jpegBytes);
    changed.writeUInt8(changed.readUInt8(changed.byteLength - 10) ^ 0xff, changed.byteLength - 10);
    await expectRefused(path, changed, /ảnh không khớp tên của nó/);
    // Named by its own hash, but a JPEG under a .png name.
    await expectRefused(path.replace('.jpg', '.png'), jpegBytes, /thực chất là JPEG/);
    // Named by its own hash, the header intact, the rest cut off: the full decode a package's photo gets refuses it.
    const cut = jpegBytes.subarray(0, Math.floor(jpegBytes.byteLength * 0.6));
    const cutId = sha256(cut);
    await expectRefused(`media/${cutId.slice(0, 2)}/${cutId}.jpg`, cut, /ảnh không nhận được: tệp ảnh bị hỏng hoặc không đầy đủ\.$/);
    const bomb = pngBomb(20_000, 20_000);
    const bombId = sha256(bomb);
    await expectRefused(
      `media/${bombId.slice(0, 2)}/${bombId}.png`,
      bomb,
      /ảnh không nhận được: ảnh quá lớn: 400 megapixel \(tối đa 40\)\.$/,
    );
    const text = bytesOf('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const textId = sha256(text);
    await expectRefused(`media/${textId.slice(0, 2)}/${textId}.png`, text, /ảnh không nhận được: không nhận ảnh SVG\.$/);
  });

  it('refuses a photo description of another photo and a display copy that is not WebP', async () => {
    const [descriptionPath, descriptionBytes] = fileOfKind('photo-description');
    const mediaId = sharedFileOf(descriptionPath)!.mediaId!;
    await expectRefused(descriptionPath.replaceAll(mediaId, otherId(mediaId)), descriptionBytes, /tệp mô tả ảnh mang mã/);
    await expectRefused(
      descriptionPath,
      reencoded(descriptionBytes, { data: { ...envelopeOf(descriptionBytes).data, width: -1 } }),
      /sai cấu trúc/,
    );
    const [previewPath] = fileOfKind('photo-preview');
    await expectRefused(previewPath, jpegBytes, /không phải ảnh WebP/);
  });

  it('refuses shared settings that are not an intact envelope of their kind, fail their schema or come from a newer app', async () => {
    const [path, bytes] = fileOfKind('shared-settings');
    expect(path).toBe('shared-settings.json');
    const settings = envelopeOf(bytes).data as { houseStyle: Record<string, unknown> };
    // Data without an envelope would pass the schema (every choice has a default), but no app ever wrote one.
    await expectRefused(path, bytesOf(JSON.stringify(settings)), /không phải tệp ban-thao\/shared-settings/);
    await expectRefused(
      path,
      bytesOf(encodeStoredJson({ kind: 'ban-thao/settings', version: 1 }, settings)),
      /không phải tệp ban-thao\/shared-settings/,
    );
    await expectRefused(path, bytesOf(textOf(bytes).replace('"new"', '"old"')), /sai mã kiểm tra/);
    await expectRefused(path, bytes.subarray(0, 20), /không phải JSON UTF-8 hợp lệ/);
    await expectRefused(
      path,
      reencoded(bytes, { data: { houseStyle: { ...settings.houseStyle, toneMarks: 'sideways' } } }),
      /sai cấu trúc/,
    );
    await expectRefused(path, reencoded(bytes, { version: 2 }), /mới hơn ghi \(định dạng số 2/);
  });
});
