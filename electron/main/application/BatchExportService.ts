import { lstat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Article } from '../../../shared/articleModel';
import type { BatchExportForm, BatchExportItem, BatchExportOutcome, BatchExportProgress } from '../../../shared/batchExportModel';
import { AppError } from '../../../shared/errorCodes';
import { exportFileName } from '../../../shared/exportFileName';
import { preflightArticle } from '../../../shared/preflightArticle';
import type { Settings } from '../../../shared/settingsModel';
import type { LibraryStores } from '../library/openLibrary';
import { renderStandaloneHtml, writeExportFolder, type EarlierExportChoice } from '../services/exportArticle';
import { renderDocx } from '../services/renderDocx';
import { writeFileDurably, type DurableWriteOptions } from '../storage/writeFileDurably';
import { currentIdentity } from './currentIdentity';
import type { Dialogs } from './Dialogs';
import type { LibraryEvents } from './LibraryEvents';

/** An article read for the batch with the file name planned for it, or why it could not be read. */
type Planned = { id: string; article: Article; fileName: string } | { id: string; failure: string };

// lstat: a link where the file would go counts as taken, and is never followed.
async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** The Vietnamese message of a failure, for the result list (never a stack or a path of the library). */
function messageOf(error: unknown): string {
  return error instanceof AppError ? error.message : 'Không xuất được bài này.';
}

/** `name` with `-n` before its extension: "tin.html" → "tin-2.html"; a folder's bare slug → "tin-2". */
function numbered(fileName: string, extension: string, attempt: number): string {
  if (attempt === 1) return fileName;
  const stem = extension === '' ? fileName : fileName.slice(0, -(extension.length + 1));
  return extension === '' ? `${stem}-${attempt}` : `${stem}-${attempt}.${extension}`;
}

const extensionOf: Record<BatchExportForm, string> = { html: 'html', folder: '', docx: 'docx' };

/**
 * Exports several articles into one folder the user picks, one at a time: an article that fails is recorded with its
 * message and the batch goes on; preflight findings are noted, never blocking. Files already there are replaced only
 * when the user says so (asked once for the batch). Each file is written to a temp name and renamed, so "Hủy" (taken
 * between articles) leaves only finished files. Each export is announced, as a single export is.
 */
export class BatchExportService {
  readonly #stores: Pick<LibraryStores, 'store' | 'media' | 'settings'>;
  readonly #dialogs: Dialogs;
  readonly #events: LibraryEvents;
  readonly #writeOptions: DurableWriteOptions | undefined;
  #progress: BatchExportProgress = null;
  #cancelRequested = false;
  /** The folder of the last batch that ran: the only one "Mở thư mục" opens (never a path sent by the window). */
  #lastFolder: string | null = null;

  constructor(
    stores: Pick<LibraryStores, 'store' | 'media' | 'settings'>,
    dialogs: Dialogs,
    events: LibraryEvents,
    writeOptions?: DurableWriteOptions,
  ) {
    this.#stores = stores;
    this.#dialogs = dialogs;
    this.#events = events;
    this.#writeOptions = writeOptions;
  }

  /** How far the running batch has got; null when none runs. */
  progress(): BatchExportProgress {
    return this.#progress;
  }

  /** Stops the running batch once the article under way is dropped (its file is never written); finished files stay. */
  cancel(): void {
    if (this.#progress !== null) this.#cancelRequested = true;
  }

  /** "Mở thư mục": shows the last batch's folder in the file manager; false when no batch has run yet. */
  async openLastFolder(): Promise<{ opened: boolean }> {
    if (this.#lastFolder === null || this.#dialogs.openFolder === undefined) return { opened: false };
    await this.#dialogs.openFolder(this.#lastFolder);
    return { opened: true };
  }

  async exportArticles(ids: readonly string[], form: BatchExportForm): Promise<BatchExportOutcome> {
    if (this.#progress !== null) throw new AppError('export-failed', 'Đang xuất một loạt bài khác; chờ xong rồi thử lại.');
    const folder = await this.#dialogs.chooseExportFolder();
    if (folder === null) return { status: 'cancelled' };
    this.#cancelRequested = false;
    this.#progress = { done: 0, total: ids.length, currentTitle: '' };
    try {
      const planned = await this.#plan(ids, form, folder);
      if (planned === null) return { status: 'cancelled' };
      const outcome = await this.#run(planned.items, form, folder, planned.replace);
      this.#lastFolder = folder;
      return outcome;
    } finally {
      this.#progress = null;
      this.#cancelRequested = false;
    }
  }

  /**
   * Reads each article and names its file: the first `<slug>`, `<slug>-2`… no earlier article of the batch took. Names
   * already in the folder are asked about once: replaced, or kept beside the new files (`-n`), or the batch cancelled.
   */
  async #plan(ids: readonly string[], form: BatchExportForm, folder: string) {
    const extension = extensionOf[form];
    const taken = new Set<string>();
    const items: Planned[] = [];
    for (const id of new Set(ids)) {
      let article: Article;
      try {
        article = await this.#stores.store.get(id);
      } catch (error) {
        items.push({ id, failure: messageOf(error) });
        continue;
      }
      const base = exportFileName(article, extension);
      let attempt = 1;
      // Case folded: "Tin.html" and "tin.html" are one file on Windows and macOS.
      while (taken.has(numbered(base, extension, attempt).toLowerCase())) attempt += 1;
      const fileName = numbered(base, extension, attempt);
      taken.add(fileName.toLowerCase());
      items.push({ id, article, fileName });
    }
    // A folder export never replaces a folder it did not write: writeExportFolder asks about our own earlier exports.
    if (form === 'folder') return { items, replace: false };
    const existing: string[] = [];
    for (const item of items) if ('fileName' in item && (await exists(join(folder, item.fileName)))) existing.push(item.fileName);
    if (existing.length === 0) return { items, replace: false };
    const choice: EarlierExportChoice = (await this.#dialogs.askAboutExistingExports?.(folder, existing)) ?? 'keep-both';
    if (choice === 'cancel') return null;
    if (choice === 'replace') return { items, replace: true };
    for (const item of items) {
      if (!('fileName' in item) || !existing.includes(item.fileName)) continue;
      const base = exportFileName(item.article, extension);
      let attempt = 2;
      for (;;) {
        const candidate = numbered(base, extension, attempt);
        if (!taken.has(candidate.toLowerCase()) && !(await exists(join(folder, candidate)))) break;
        attempt += 1;
      }
      item.fileName = numbered(base, extension, attempt);
      taken.add(item.fileName.toLowerCase());
    }
    return { items, replace: false };
  }

  async #run(items: readonly Planned[], form: BatchExportForm, folder: string, replace: boolean): Promise<BatchExportOutcome> {
    const settings = this.#stores.settings.get();
    const results: BatchExportItem[] = [];
    // The folder form's question about our own earlier exports, asked once for the batch.
    let earlierChoice: EarlierExportChoice | null = null;
    const askAboutEarlierExport = async (path: string) => (earlierChoice ??= await this.#dialogs.askAboutEarlierExport(path));
    let cancelled = false;
    for (const item of items) {
      const title = 'article' in item ? item.article.title : '';
      if (this.#cancelRequested) {
        cancelled = true;
        results.push({ status: 'skipped', id: item.id, title, notes: [] });
        continue;
      }
      if ('failure' in item) {
        results.push({ status: 'failed', id: item.id, title, message: item.failure, notes: [] });
        this.#finished(results.length);
        continue;
      }
      const { article } = item;
      this.#progress = { done: results.length, total: items.length, currentTitle: title };
      const notes = preflightArticle(article, settings.houseStyle).map((finding) => finding.message);
      try {
        const path = await this.#exportOne(article, form, folder, item.fileName, replace, askAboutEarlierExport, settings);
        if (path === null) {
          results.push({ status: 'skipped', id: item.id, title, notes });
        } else {
          await this.#events.announceAndWait({
            kind: 'article-exported',
            id: article.id,
            revision: article.revision,
            form,
            path,
            article,
            by: currentIdentity(settings),
          });
          results.push({ status: 'exported', id: item.id, title, fileName: basename(path), notes });
        }
      } catch (error) {
        results.push({ status: 'failed', id: item.id, title, message: messageOf(error), notes });
      }
      this.#finished(results.length);
    }
    return { status: 'done', folder, cancelled, items: results };
  }

  #finished(done: number): void {
    if (this.#progress !== null) this.#progress = { ...this.#progress, done };
  }

  /** Writes one article; null when it was dropped (cancelled while it rendered, or its earlier folder export kept). */
  async #exportOne(
    article: Article,
    form: BatchExportForm,
    folder: string,
    fileName: string,
    replace: boolean,
    askAboutEarlierExport: (path: string) => Promise<EarlierExportChoice>,
    // Read once when the batch starts: a sync landing mid-batch cannot give half the articles another template.
    settings: Settings,
  ): Promise<string | null> {
    const dependencies = { media: this.#stores.media, settings };
    if (form === 'folder') {
      // writeExportFolder builds in a temp folder and renames it into place: a cancel never leaves half of one.
      return writeExportFolder(article, folder, dependencies, { askAboutEarlierExport });
    }
    const bytes = form === 'html' ? await renderStandaloneHtml(article, dependencies) : await renderDocx(article, dependencies);
    // "Hủy" while the article rendered: nothing of it is written.
    if (this.#cancelRequested) return null;
    let target = join(folder, fileName);
    // A file that appeared while the batch ran is not ours to replace: the next free name is taken instead.
    if (!replace) {
      const extension = extensionOf[form];
      const base = fileName.slice(0, -(extension.length + 1));
      for (let attempt = 2; await exists(target); attempt += 1) target = join(folder, `${base}-${attempt}.${extension}`);
    }
    await writeFileDurably(target, bytes, this.#writeOptions);
    return target;
  }
}
