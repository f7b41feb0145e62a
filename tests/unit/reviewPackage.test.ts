import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { libraryLayout, mediaFileLayout } from '../../electron/main/library/libraryLayout';
import { readReviewPackage, type ReviewPackageLimits, defaultReviewPackageLimits } from '../../electron/main/services/readReviewPackage';
import { packagedArticleFormat } from '../../electron/main/services/reviewPackageEntries';
import { writeReviewPackage } from '../../electron/main/services/writeReviewPackage';
import { commentFormat } from '../../electron/main/storage/CommentLog';
import { encodeStoredJson } from '../../electron/main/storage/storedJson';
import { versionFormat } from '../../electron/main/storage/VersionStore';
import { articleContentSchema, type Article } from '../../shared/articleModel';
import type { ReviewPackageManifest } from '../../shared/reviewPackageModel';
import { bodyWithPhoto } from '../support/bodyWithPhoto';
import { craftZip, type CraftedEntry } from '../support/craftZip';
import { openTestSession, manualClock } from '../support/openTestSession';
import { twoColourJpeg } from './media/photoFixtures';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Every file under a folder with the SHA-256 of its bytes, sorted by path. */
async function hashTree(folder: string): Promise<string[]> {
  const lines: string[] = [];
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    lines.push(`${relative(folder, path)} ${sha256(await readFile(path))}`);
  }
  return lines.sort();
}

/** Every entry of a zip, by name, in the zip's order. */
async function unzip(path: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true });
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error !== null) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

describe('review packages (.banthao)', () => {
  let folder: string;
  let dataDirectory: string;
  let packagePath: string;
  let article: Article;
  let photoId: string;
  /** The real package's entries other than the manifest, by name. */
  let files: Map<string, Buffer>;
  let manifest: ReviewPackageManifest;
  let dataBefore: string[];
  let counter = 0;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'banthao-package-'));
    dataDirectory = join(folder, 'data');
    const clock = manualClock();
    const session = await openTestSession(dataDirectory, { now: clock.now });
    const { handlers } = session;
    await handlers['settings:update']({ userName: 'Ngọc Sơn', userRole: 'reporter' });
    const created = await handlers['article:create']({});
    const photo = await handlers['media:importBytes']({ fileName: 'cau-rong.jpg', bytes: new Uint8Array(await twoColourJpeg()) });
    photoId = photo.id;
    const { id, revision } = created;
    const content = articleContentSchema.parse(created);
    const first = await handlers['article:save']({
      id,
      baseRevision: revision,
      content: { ...content, title: 'Cầu Rồng phun lửa', body: bodyWithPhoto(photo.id), coverMediaId: photo.id },
    });
    await handlers['version:save']({ id, label: 'Bản đầu' });
    clock.advanceMinutes(5);
    const second = await handlers['article:save']({
      id,
      baseRevision: first.revision,
      content: { ...content, title: 'Cầu Rồng phun lửa tối thứ Bảy', body: bodyWithPhoto(photo.id), coverMediaId: photo.id },
    });
    await handlers['article:move']({ id, baseRevision: second.revision, to: 'submitted', note: 'Nhờ anh duyệt' });
    await handlers['settings:update']({ userName: 'Minh Anh', userRole: 'editor' });
    const thread = await handlers['comment:start']({ id, text: 'Nguồn ảnh?', quote: 'Cầu Rồng' });
    await handlers['comment:reply']({ id, threadId: thread.id, text: 'Ảnh của báo' });
    article = await handlers['article:get']({ id });
    await session.close();
    packagePath = join(folder, 'bai.banthao');
    const written = await writeReviewPackage({
      target: packagePath,
      article,
      libraryFolder: libraryLayout(dataDirectory).library.folder,
      createdBy: { name: 'Minh Anh', role: 'editor' },
      appVersion: '0.9.0',
      now: () => new Date('2026-03-10T09:00:00Z'),
    });
    expect(written).toMatchObject({ leftOut: 0, missingPhotoIds: [] });
    manifest = written.manifest;
    files = await unzip(packagePath);
    files.delete('manifest.json');
    dataBefore = await hashTree(dataDirectory);
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  /** A package of these entries with a manifest listing each (sizes, hashes), changed by `patch`; written to a file. */
  async function packageOf(
    entries: readonly CraftedEntry[],
    patch: (manifest: ReviewPackageManifest) => unknown = (same) => same,
  ): Promise<string> {
    const listed = entries.map((entry) => {
      const data = typeof entry.data === 'string' ? Buffer.from(entry.data) : entry.data;
      return { path: String(entry.name), bytes: data.byteLength, sha256: sha256(data) };
    });
    const own = patch({ ...manifest, entries: listed });
    return fileOf(craftZip([{ name: 'manifest.json', data: JSON.stringify(own) }, ...entries]));
  }

  async function fileOf(bytes: Buffer | string): Promise<string> {
    counter += 1;
    const path = join(folder, `hostile-${counter}.banthao`);
    await writeFile(path, bytes);
    return path;
  }

  /** The real package's entries, each changed by `change` (null leaves one out). */
  function realEntries(change: (name: string, data: Buffer) => Buffer | null = (_name, data) => data): CraftedEntry[] {
    const entries: CraftedEntry[] = [];
    for (const [name, data] of files) {
      const changed = change(name, data);
      if (changed !== null) entries.push({ name, data: changed });
    }
    return entries;
  }

  function namesOf(kind: string): string[] {
    return [...files.keys()].filter((name) => name.startsWith(`records/${kind}/`)).sort();
  }

  function recordOf(name: string): Record<string, unknown> {
    return (JSON.parse(files.get(name)!.toString('utf8')) as { data: Record<string, unknown> }).data;
  }

  async function expectRefused(path: string, message: RegExp, limits: ReviewPackageLimits = defaultReviewPackageLimits) {
    const error: unknown = await readReviewPackage(path, limits).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toMatchObject({ code: 'invalid-package' });
    expect((error as Error).message).toMatch(message);
    expect(await hashTree(dataDirectory)).toEqual(dataBefore);
  }

  it('packs the article, its records byte for byte and its photo, and reads them back unchanged', async () => {
    expect([...files.keys()]).toEqual([
      'article.json',
      ...namesOf('workflow'),
      ...namesOf('comments'),
      ...namesOf('versions'),
      `media/${photoId}.jpg`,
    ]);
    expect(namesOf('workflow')).toHaveLength(1);
    expect(namesOf('comments')).toHaveLength(2);
    expect(namesOf('versions').length).toBeGreaterThanOrEqual(2);
    expect(manifest).toMatchObject({ format: 'ban-thao/review-package', formatVersion: 1, articleId: article.id, appVersion: '0.9.0' });
    const read = await readReviewPackage(packagePath);
    expect(read.article).toEqual(article);
    expect(read.manifest).toEqual(manifest);
    const library = libraryLayout(dataDirectory).library;
    const fileOfKind = { workflow: library.workflowEventFile, comments: library.commentFile, versions: library.versionFile };
    for (const kind of ['workflow', 'comments', 'versions'] as const) {
      const onDisk = (await readdir(dirname(fileOfKind[kind](article.id, 'x')))).sort();
      expect(read.records[kind].map(({ record }) => `${record.id}.json`).sort()).toEqual(onDisk);
      for (const { record, bytes } of read.records[kind]) {
        expect(bytes.equals(await readFile(fileOfKind[kind](article.id, record.id)))).toBe(true);
        expect(record.articleId).toBe(article.id);
      }
    }
    expect(read.missingPhotoIds).toEqual([]);
    expect(read.photos.map(({ id, type }) => ({ id, type }))).toEqual([{ id: photoId, type: 'jpeg' }]);
    expect(read.photos[0]!.bytes.equals(await readFile(mediaFileLayout(library.media, photoId).original('jpg')))).toBe(true);
    expect(await hashTree(dataDirectory)).toEqual(dataBefore);
  });

  it('writes the same bytes for the same article, atomically beside the target', async () => {
    const again = join(folder, 'again.banthao');
    await writeReviewPackage({
      target: again,
      article,
      libraryFolder: libraryLayout(dataDirectory).library.folder,
      createdBy: { name: 'Minh Anh', role: 'editor' },
      appVersion: '0.9.0',
      now: () => new Date('2026-03-10T09:00:00Z'),
    });
    expect((await readFile(again)).equals(await readFile(packagePath))).toBe(true);
    expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses what is not a whole zip', async () => {
    await expectRefused(await fileOf('Xin chào, đây không phải gói'), /không phải tệp zip/);
    await expectRefused(await fileOf(''), /tệp rỗng/);
    const whole = await readFile(packagePath);
    await expectRefused(await fileOf(whole.subarray(0, Math.floor(whole.byteLength / 2))), /cắt cụt/);
  });

  it('refuses another format and a newer format version, saying a newer Bản Thảo made it', async () => {
    await expectRefused(
      await packageOf(realEntries(), (own) => ({ ...own, format: 'zip-bai-bao' })),
      /không phải gói bài duyệt của Bản Thảo/,
    );
    await expectRefused(
      await packageOf(realEntries(), (own) => ({ ...own, formatVersion: 2 })),
      /phiên bản Bản Thảo mới hơn.*Hãy cập nhật/,
    );
    const withoutManifest = await fileOf(craftZip(realEntries()));
    await expectRefused(withoutManifest, /thiếu manifest\.json/);
  });

  it.each([
    ['../x', /“\.\.\/x” nằm ngoài gói/],
    ['a/../../x', /nằm ngoài gói/],
    ['/etc/x', /“\/etc\/x” là đường dẫn tuyệt đối/],
    ['C:/x', /“C:\/x” là đường dẫn tuyệt đối/],
    ['a\\..\\x', /gạch ngược/],
    ['media/x\u0000.jpg', /ký tự điều khiển/],
    ['records/', /thư mục/],
    ['notes.txt', /mục lạ “notes\.txt”/],
  ])('refuses the entry name %j', async (name, message) => {
    await expectRefused(await packageOf([...realEntries(), { name, data: 'x' }]), message);
  });

  it('refuses a symbolic link and a directory entry', async () => {
    const link = { name: `media/${'0'.repeat(64)}.jpg`, data: '/etc/passwd', externalAttributes: (0o120777 << 16) >>> 0 };
    await expectRefused(await packageOf([...realEntries(), link]), /liên kết \(symlink\)/);
    const directory = { name: 'media', data: '', externalAttributes: (0o040755 << 16) >>> 0 };
    await expectRefused(await packageOf([...realEntries(), directory]), /là một thư mục/);
  });

  it('refuses duplicate names, also when they differ only in letter case', async () => {
    const article = files.get('article.json')!;
    await expectRefused(
      await fileOf(craftZip([...realEntries(), { name: 'article.json', data: article }])),
      /“article\.json” xuất hiện hai lần/,
    );
    await expectRefused(
      await fileOf(craftZip([...realEntries(), { name: 'ARTICLE.json', data: article }])),
      /chỉ khác chữ hoa, chữ thường/,
    );
  });

  it('refuses more entries or more bytes than the limits, from the directory and while inflating', async () => {
    await expectRefused(packagePath, /tối đa 3\)/, { ...defaultReviewPackageLimits, maximumEntries: 3 });
    const small = { ...defaultReviewPackageLimits, maximumTotalBytes: 1024 * 1024 };
    const zeros = Buffer.alloc(2 * 1024 * 1024);
    await expectRefused(
      await packageOf([...realEntries(), { name: `records/comments/2026-03-10T09-00-00.000Z-${'a'.repeat(12)}.json`, data: zeros }]),
      /giải nén ra hơn/,
      small,
    );
    // A 1 GB entry that deflates to a few kilobytes: refused from its declared size, before a byte is inflated.
    const bomb = { name: `media/${'1'.repeat(64)}.jpg`, data: Buffer.alloc(1), declaredSize: 1024 * 1024 * 1024 };
    await expectRefused(await fileOf(craftZip([{ name: 'manifest.json', data: '{}' }, bomb])), /quá lớn/);
    // One that claims 100 bytes and inflates to 2 MB: stopped while inflating.
    const liar = { name: 'article.json', data: zeros, declaredSize: 100 };
    await expectRefused(await fileOf(craftZip([{ name: 'manifest.json', data: '{}' }, liar])), /giải nén/);
    expect(deflateRawSync(zeros).byteLength).toBeLessThan(10_000);
  });

  it('refuses entries that do not match the manifest', async () => {
    await expectRefused(
      await packageOf(realEntries(), (own) => ({
        ...own,
        entries: own.entries.map((entry) => (entry.path === 'article.json' ? { ...entry, sha256: sha256('khác') } : entry)),
      })),
      /“article\.json” không khớp mã SHA-256/,
    );
    const comment = namesOf('comments')[0]!;
    await expectRefused(
      await packageOf(realEntries(), (own) => ({
        ...own,
        entries: [...own.entries, { path: comment.replace('.json', '0.json'), bytes: 1, sha256: sha256('x') }],
      })),
      /manifest\.json sai cấu trúc|thiếu mục/,
    );
    const listedButMissing = await packageOf(realEntries());
    const entries = realEntries((name, data) => (name === comment ? null : data));
    const zip = craftZip([{ name: 'manifest.json', data: (await unzip(listedButMissing)).get('manifest.json')! }, ...entries]);
    await expectRefused(await fileOf(zip), new RegExp(`thiếu mục “${comment}”`));
    const extra = { name: `records/comments/2026-03-10T09-00-00.000Z-${'b'.repeat(12)}.json`, data: files.get(comment)! };
    const unlisted = craftZip([
      { name: 'manifest.json', data: (await unzip(listedButMissing)).get('manifest.json')! },
      ...realEntries(),
      extra,
    ]);
    await expectRefused(await fileOf(unlisted), /không có trong manifest\.json/);
  });

  it('refuses an article that fails its schema or is not the one the manifest names', async () => {
    const broken = encodeStoredJson(packagedArticleFormat, { ...article, title: 42 });
    await expectRefused(
      await packageOf(realEntries((name, data) => (name === 'article.json' ? Buffer.from(broken) : data))),
      /article\.json.*sai cấu trúc/,
    );
    await expectRefused(
      await packageOf(realEntries(), (own) => ({ ...own, articleId: 'khac-bai-12345678' })),
      /không phải bài manifest\.json ghi/,
    );
  });

  it('refuses a comment of another article and two records with one id', async () => {
    const name = namesOf('comments')[0]!;
    const foreign = encodeStoredJson(commentFormat, { ...recordOf(name), articleId: 'khac-bai-12345678' });
    await expectRefused(
      await packageOf(realEntries((entry, data) => (entry === name ? Buffer.from(foreign) : data))),
      /thuộc một bài khác/,
    );
    const twin = { name: `records/comments/2026-03-10T09-00-00.000Z-${'c'.repeat(12)}.json`, data: files.get(name)! };
    // The twin sorts after the original (its time is later), so the original is read first.
    await expectRefused(await packageOf([...realEntries(), twin]), /hai bản ghi cùng mã/);
  });

  it('refuses a version history that does not chain', async () => {
    // Versions taken in the same millisecond sort by their random part: the chain is found by parentId, not by name.
    const root = namesOf('versions').find((name) => recordOf(name).parentId === null)!;
    const second = namesOf('versions').find((name) => recordOf(name).parentId === recordOf(root).id)!;
    expect(second).toBeDefined();
    await expectRefused(
      await packageOf(realEntries((name, data) => (name === root ? null : data))),
      /nối tiếp phiên bản .* không có trong gói/,
    );
    const looped = encodeStoredJson(versionFormat, { ...recordOf(root), parentId: recordOf(second).id });
    await expectRefused(await packageOf(realEntries((name, data) => (name === root ? Buffer.from(looped) : data))), /vòng lặp/);
  });

  it('refuses a photo whose name is not its hash, and one that is not a photo', async () => {
    const photoName = `media/${photoId}.jpg`;
    const renamed = realEntries((name, data) => (name === photoName ? null : data));
    await expectRefused(
      await packageOf([...renamed, { name: `media/${'2'.repeat(64)}.jpg`, data: files.get(photoName)! }]),
      /không khớp tên của nó/,
    );
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>';
    await expectRefused(await packageOf([...realEntries(), { name: `media/${sha256(svg)}.jpg`, data: svg }]), /Không nhận ảnh SVG/);
    const text = 'chỉ là chữ';
    await expectRefused(await packageOf([...realEntries(), { name: `media/${sha256(text)}.jpg`, data: text }]), /không được hỗ trợ/);
    const photoBytes = files.get(photoName)!;
    const cutShort = photoBytes.subarray(0, Math.floor(photoBytes.byteLength / 2));
    await expectRefused(
      await packageOf([...realEntries(), { name: `media/${sha256(cutShort)}.jpg`, data: cutShort }]),
      /hỏng hoặc không đầy đủ/,
    );
    const other = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#00ff00' } })
      .png()
      .toBuffer();
    await expectRefused(await packageOf([...realEntries(), { name: `media/${sha256(other)}.png`, data: other }]), /không thuộc bài/);
  });
});
