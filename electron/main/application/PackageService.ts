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
    'Chưa nhận gói: cả bản trong máy và bản trong gói đều đã sửa từ phiên bản chung gần nhất. ' +
    'Không có gì bị ghi đè; phần so sánh ba bên để chọn từng mục sẽ có ở bước sau.',
  inTrash: 'Bài trong gói đang nằm trong thùng rác của máy này: hãy khôi phục bài khỏi thùng rác rồi mở lại gói.',
} as const;

type Stores = Pick<LibraryStores, 'store' | 'media' | 'settings' | 'layout' | 'versions'>;

export interface PackageServiceOptions {
  appVersion: string;
  writeOptions?: DurableWriteOptions;
  now?: () => Date;
}

/**
 * Hand-off without a server: writes an article's review package where the user chooses, and takes one in. Receiving
 * reads and checks the whole package before anything is written, then decides by the version history:
 * - an article this library does not have is created (photos, then its record files, then the article itself);
 * - a package holding every local version and more (it descends from the local copy) is applied over it;
 * - a package whose versions are all here already changes nothing;
 * - otherwise both sides changed since their last common version: nothing is written (the three-way view comes next).
 * An article in the local trash is refused with a sentence saying to restore it first.
 */
export class PackageService {
  readonly #stores: Stores;
  readonly #dialogs: Pick<Dialogs, 'choosePackagePath' | 'choosePackageToOpen'>;
  readonly #events: LibraryEvents;
  readonly #versions: VersionService;
  readonly #options: PackageServiceOptions;

  constructor(
    stores: Stores,
    dialogs: Pick<Dialogs, 'choosePackagePath' | 'choosePackageToOpen'>,
    events: LibraryEvents,
    versions: VersionService,
    options: PackageServiceOptions,
  ) {
    this.#stores = stores;
    this.#dialogs = dialogs;
    this.#events = events;
    this.#versions = versions;
    this.#options = options;
  }

  /** Writes the article as it is stored, with its records and photos, to a `.banthao` file the user picks. */
  async send(id: string): Promise<SendPackageOutcome> {
    const article = await this.#stores.store.get(id);
    const slug = slugify(article.title) || 'bai-viet';
    const path = await this.#dialogs.choosePackagePath(`${slug}.${reviewPackageExtension}`);
    if (path === null) return { status: 'cancelled' };
    await this.#versions.settled();
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
    if (local.trashedAt !== null) throw new AppError('conflict', receiveMessages.inTrash);
    const localVersionIds = new Set((await this.#versions.list(article.id)).map((version) => version.id));
    const packageVersionIds = new Set(received.records.versions.map(({ record }) => record.id));
    const packageHasAllLocal = [...localVersionIds].every((id) => packageVersionIds.has(id));
    const localHasAllPackage = [...packageVersionIds].every((id) => localVersionIds.has(id));
    const shown = { articleId: article.id, title: local.title };
    if (localHasAllPackage) return { status: 'unchanged', ...shown, message: receiveMessages.unchanged };
    if (!packageHasAllLocal) return { status: 'conflict', ...shown, message: receiveMessages.conflict };
    return this.#update(received, local);
  }

  async #create(received: ReviewPackage): Promise<ReceivePackageOutcome> {
    await this.#importPhotosAndRecords(received);
    // The article last: until it is written nothing lists the records, and a failure before leaves no article half-made.
    const article = await this.#stores.store.adopt(received.article);
    await this.#events.announceAndWait({ kind: 'package-received', article, outcome: 'created' });
    await this.#versions.take(article.id, 'package');
    return { status: 'created', articleId: article.id, title: article.title, message: receiveMessages.created };
  }

  async #update(received: ReviewPackage, local: Article): Promise<ReceivePackageOutcome> {
    const id = local.id;
    // Text typed since the newest local version would be lost under the package's: kept as a version first.
    const [newest] = await this.#versions.list(id);
    const newestContent = newest === undefined ? null : (await this.#versions.get(id, newest.id)).content;
    if (newestContent === null || canonicalJson(newestContent) !== canonicalJson(articleContentOf(local))) {
      await this.#versions.take(id, 'editing');
    }
    await this.#importPhotosAndRecords(received);
    const article = await this.#stores.store.takeReceived(id, local.revision, received.article);
    await this.#events.announceAndWait({ kind: 'package-received', article, outcome: 'updated' });
    await this.#versions.take(id, 'package');
    return { status: 'updated', articleId: id, title: article.title, message: receiveMessages.updated };
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
