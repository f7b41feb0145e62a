import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { articleContentOf, type Article } from '../../../shared/articleModel';
import { canonicalJson } from '../../../shared/canonicalJson';
import { AppError } from '../../../shared/errorCodes';
import { reviewPackageDropLimitBytes, reviewPackageExtension } from '../../../shared/reviewPackageModel';
import { slugify } from '../../../shared/slugify';
import type { LibraryStores } from '../library/openLibrary';
import { readReviewPackage, type ReviewPackage } from '../services/readReviewPackage';
import { writeReviewPackage } from '../services/writeReviewPackage';
import { writeFileIfMissing } from '../storage/ArticleRecordLog';
import type { DurableWriteOptions } from '../storage/writeFileDurably';
import type { ConflictService } from './ConflictService';
import { currentIdentity } from './currentIdentity';
import type { Dialogs } from './Dialogs';
import type { LibraryEvents } from './LibraryEvents';
import type { VersionService } from './VersionService';

export type SendPackageOutcome = { status: 'saved'; path: string } | { status: 'cancelled' };

/** What receiving a package did; `message` is the Vietnamese sentence the window shows. */
export type ReceivePackageOutcome =
  | { status: 'created'; articleId: string; title: string; message: string }
  | { status: 'updated'; articleId: string; title: string; message: string }
  | { status: 'unchanged'; articleId: string; title: string; message: string }
  | { status: 'conflict'; articleId: string; title: string; message: string }
  | { status: 'cancelled' };

export const receiveMessages = {
  created: 'Đã nhận bài mới từ gói, cùng lịch sử, bình luận, phiên bản và ảnh của bài.',
  updated: 'Đã cập nhật bài theo gói: gói mới hơn bản trong máy; nội dung cũ vẫn còn trong các phiên bản.',
  unchanged: 'Không có gì thay đổi: bản trong máy đã mới bằng hoặc mới hơn gói này.',
  conflict:
    'Cả bản trong máy và bản trong gói đều đã sửa từ phiên bản chung gần nhất: không có gì bị ghi đè, cả hai bản đều được giữ. ' +
    'Hãy so sánh ba bên và chọn từng mục để gộp thành một bản.',
  conflictPending:
    'Bài này đang có xung đột chờ giải quyết với một gói đã nhận; cả hai bản vẫn được giữ. ' +
    'Hãy giải quyết xung đột (so sánh ba bên, chọn từng mục) trước.',
  inTrash: 'Bài trong gói đang nằm trong thùng rác của máy này: hãy khôi phục bài khỏi thùng rác rồi mở lại gói.',
} as const;

type Stores = Pick<LibraryStores, 'store' | 'media' | 'settings' | 'layout' | 'versions'>;

/** A version's id and time: the base of a conflict is the newest version both sides hold. */
const newestFirst = (a: { at: string; id: string }, b: { at: string; id: string }) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id);

export interface PackageServiceOptions {
  appVersion: string;
  writeOptions?: DurableWriteOptions;
  now?: () => Date;
}

/**
 * Hand-off without a server: writes an article's review package where the user chooses, and takes one in. Sending
 * first keeps the text sent as a version (unless the newest version holds it already), so the package's newest version
 * is exactly its text and the receiver, which takes no version of its own, ends with the same versions as the sender:
 * that version is their last common one. Receiving reads and checks the whole package before anything is written,
 * then decides by the version history:
 * - an article this library does not have is created (photos, then its record files, then the article itself);
 * - a package holding every local version and more (it descends from the local copy) is applied over it, unless text
 *   was typed here since the newest local version: then both sides changed;
 * - a package whose versions are all here already changes nothing;
 * - otherwise both sides changed since their last common version: both are kept. The package's photos and records are
 *   added (versions, comments and moves simply add up), the local text is left as it is, and a conflict record holds
 *   the package's text for the three-way view (ConflictService), where the user settles it field by field.
 * While a conflict is pending, a package with nothing new is answered with it, and one with anything new is kept as a
 * newer conflict over the same base (the user has merged nothing since); sending waits until it is settled.
 * An article in the local trash is refused with a sentence saying to restore it first.
 */
export class PackageService {
  readonly #stores: Stores;
  readonly #dialogs: Pick<Dialogs, 'choosePackagePath' | 'choosePackageToOpen'>;
  readonly #events: LibraryEvents;
  readonly #versions: VersionService;
  readonly #conflicts: ConflictService;
  readonly #options: PackageServiceOptions;

  constructor(
    stores: Stores,
    dialogs: Pick<Dialogs, 'choosePackagePath' | 'choosePackageToOpen'>,
    events: LibraryEvents,
    versions: VersionService,
    conflicts: ConflictService,
    options: PackageServiceOptions,
  ) {
    this.#stores = stores;
    this.#dialogs = dialogs;
    this.#events = events;
    this.#versions = versions;
    this.#conflicts = conflicts;
    this.#options = options;
  }

  /** Writes the article as it is stored, with its records and photos, to a `.banthao` file the user picks. */
  async send(id: string): Promise<SendPackageOutcome> {
    const article = await this.#stores.store.get(id);
    // The local text alone would reach the other side as if it held theirs too (their versions are here already).
    await this.#conflicts.assertNonePending(id);
    const slug = slugify(article.title) || 'bai-viet';
    const path = await this.#dialogs.choosePackagePath(`${slug}.${reviewPackageExtension}`);
    if (path === null) return { status: 'cancelled' };
    await this.#versions.settled();
    if (!(await this.#isNewestVersion(article))) {
      await this.#versions.take(id, 'sent', '', { article, by: currentIdentity(this.#stores.settings.get()) });
    }
    await writeReviewPackage({
      target: path,
      article,
      libraryFolder: this.#stores.layout.library.folder,
      createdBy: currentIdentity(this.#stores.settings.get()),
      appVersion: this.#options.appVersion,
      now: this.#options.now,
      writeOptions: this.#options.writeOptions,
    });
    return { status: 'saved', path };
  }

  /** "Mở gói bài…": the user picks a package, which is received. */
  async openFromDialog(): Promise<ReceivePackageOutcome> {
    const path = await this.#dialogs.choosePackageToOpen();
    if (path === null) return { status: 'cancelled' };
    return this.receive(path);
  }

  /** A package dropped on the window: its bytes go to a temp file of their own, which is read, then deleted. */
  async receiveBytes(fileName: string, bytes: Uint8Array): Promise<ReceivePackageOutcome> {
    if (bytes.byteLength > reviewPackageDropLimitBytes) {
      throw new AppError(
        'invalid-package',
        `Tệp ${basename(fileName)} quá lớn để nhận (tối đa ${Math.floor(reviewPackageDropLimitBytes / 1024 / 1024)} MB).`,
      );
    }
    const folder = await mkdtemp(join(tmpdir(), 'banthao-receive-'));
    try {
      // Our own name: the dropped file's name is only shown, never used as a path.
      const path = join(folder, `${randomBytes(6).toString('hex')}.${reviewPackageExtension}`);
      await writeFile(path, bytes);
      return await this.receive(path);
    } finally {
      await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  /** Receives the package at `path` (see the class comment). */
  async receive(path: string): Promise<ReceivePackageOutcome> {
    const received = await readReviewPackage(path);
    const { article } = received;
    const { store } = this.#stores;
    if (!store.has(article.id)) return this.#create(received);
    const local = await store.get(article.id);
    if (local.trashedAt !== null) throw new AppError('package-refused', receiveMessages.inTrash);
    const localVersions = await this.#versions.list(article.id);
    const localVersionIds = new Set(localVersions.map((version) => version.id));
    const packageVersionIds = new Set(received.records.versions.map(({ record }) => record.id));
    const packageHasAllLocal = [...localVersionIds].every((id) => packageVersionIds.has(id));
    const localHasAllPackage = [...packageVersionIds].every((id) => localVersionIds.has(id));
    const shown = { articleId: article.id, title: local.title };
    const pending = await this.#conflicts.pending(article.id);
    if (localHasAllPackage) {
      return pending === null
        ? { status: 'unchanged', ...shown, message: receiveMessages.unchanged }
        : { status: 'conflict', ...shown, message: receiveMessages.conflictPending };
    }
    // A pending conflict's versions are here but its text is not: even a package holding them all is merged by hand.
    // Text typed here since the newest version is a change of this side's too.
    if (packageHasAllLocal && pending === null && (await this.#isNewestVersion(local))) return this.#update(received, local);
    const common = received.records.versions.map(({ record }) => record).filter((version) => localVersionIds.has(version.id));
    // The newest version both sides hold; with none (a sender that had taken none), the package's oldest text stands in.
    // A pending conflict keeps its base: its versions are here, but nothing was merged since.
    const baseVersionId =
      pending?.conflict.baseVersionId ??
      common.sort(newestFirst)[0]?.id ??
      received.records.versions
        .map(({ record }) => record)
        .sort(newestFirst)
        .at(-1)!.id;
    await this.#importPhotosAndRecords(received);
    await this.#conflicts.keep({
      articleId: article.id,
      source: 'package',
      sentBy: received.manifest.createdBy,
      sentAt: received.manifest.createdAt,
      baseVersionId,
      localVersionId: pending?.conflict.localVersionId ?? localVersions[0]?.id ?? null,
      theirs: articleContentOf(received.article),
    });
    await this.#events.announceAndWait({ kind: 'package-received', article: local, outcome: 'conflict' });
    return { status: 'conflict', ...shown, message: receiveMessages.conflict };
  }

  async #create(received: ReviewPackage): Promise<ReceivePackageOutcome> {
    await this.#importPhotosAndRecords(received);
    // The article last: until it is written nothing lists the records, and a failure before leaves no article half-made.
    const article = await this.#stores.store.adopt(received.article);
    await this.#events.announceAndWait({ kind: 'package-received', article, outcome: 'created' });
    await this.#keepUnversionedText(article);
    return { status: 'created', articleId: article.id, title: article.title, message: receiveMessages.created };
  }

  async #update(received: ReviewPackage, local: Article): Promise<ReceivePackageOutcome> {
    const id = local.id;
    // The local text is the newest local version's (receive checked it), which the package holds: nothing is lost.
    await this.#importPhotosAndRecords(received);
    const article = await this.#stores.store.takeReceived(id, local.revision, received.article);
    await this.#events.announceAndWait({ kind: 'package-received', article, outcome: 'updated' });
    await this.#keepUnversionedText(article);
    return { status: 'updated', articleId: id, title: article.title, message: receiveMessages.updated };
  }

  /** Whether the article's text is its newest version's (no version yet: only an empty new article's is). */
  async #isNewestVersion(article: Article): Promise<boolean> {
    const [newest] = await this.#versions.list(article.id);
    if (newest === undefined) return false;
    const { content } = await this.#versions.get(article.id, newest.id);
    return canonicalJson(content) === canonicalJson(articleContentOf(article));
  }

  /**
   * A received text that its package's newest version does not hold (a package from a build that took no version on
   * sending) is kept as a version of this library's, so the text received is never only in the article file.
   */
  async #keepUnversionedText(article: Article): Promise<void> {
    if (!(await this.#isNewestVersion(article))) await this.#versions.take(article.id, 'package');
  }

  /** Photos first (the records and the article name them), then every record file this library lacks, byte for byte. */
  async #importPhotosAndRecords(received: ReviewPackage): Promise<void> {
    const { media, layout, versions } = this.#stores;
    const id = received.article.id;
    for (const photo of received.photos) {
      if (await media.has(photo.id)) continue;
      await media.importImage({ bytes: photo.bytes, fileName: `${photo.id}.${photo.extension}` });
    }
    const writeOptions = this.#options.writeOptions;
    for (const { record, bytes } of received.records.workflow)
      await writeFileIfMissing(layout.library.workflowEventFile(id, record.id), bytes, writeOptions);
    for (const { record, bytes } of received.records.comments)
      await writeFileIfMissing(layout.library.commentFile(id, record.id), bytes, writeOptions);
    await versions.adoptFiles(
      id,
      received.records.versions.map(({ record, bytes }) => ({ id: record.id, bytes })),
    );
  }
}
