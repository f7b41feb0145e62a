import { lstat, mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { exportCmsCopy, type CmsField } from '../../../shared/exportArticleFragment';
import type { LibraryStores } from '../library/openLibrary';
import { renderNamedWebImages, renderStandaloneHtml } from '../services/exportArticle';
import { exportLookOf } from '../services/exportLookOf';
import { previewPageHtml } from '../services/previewHtml';
import { toStorageError } from '../storage/fileSystemErrors';
import { writeFileDurably, type DurableWriteOptions } from '../storage/writeFileDurably';
import type { Clipboard, ClipboardContent } from './Clipboard';
import { currentIdentity } from './currentIdentity';
import type { Dialogs } from './Dialogs';
import type { LibraryEvents } from './LibraryEvents';

export type CmsPhotosOutcome = { status: 'saved'; path: string; count: number } | { status: 'cancelled' };

// lstat: a link where a photo would go counts as taken, and is never followed.
async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/**
 * The preview of the HTML export, and the article handed to the website's CMS: its HTML fragment and plain text on the
 * clipboard (announced as an export, so a version is taken), each field alone, and its photos web-sized in a folder.
 */
export class CmsExportService {
  readonly #stores: Pick<LibraryStores, 'store' | 'media' | 'settings'>;
  readonly #dialogs: Dialogs;
  readonly #events: LibraryEvents;
  readonly #clipboard: Clipboard;
  readonly #writeOptions: DurableWriteOptions | undefined;

  constructor(
    stores: Pick<LibraryStores, 'store' | 'media' | 'settings'>,
    dialogs: Dialogs,
    events: LibraryEvents,
    clipboard: Clipboard,
    writeOptions?: DurableWriteOptions,
  ) {
    this.#stores = stores;
    this.#dialogs = dialogs;
    this.#events = events;
    this.#clipboard = clipboard;
    this.#writeOptions = writeOptions;
  }

  #dependencies() {
    return { media: this.#stores.media, settings: this.#stores.settings.get() };
  }

  /** The page the HTML export writes, rendered once, with a policy forbidding script and remote loads (previewPageHtml). */
  async preview(id: string): Promise<{ html: string }> {
    const article = await this.#stores.store.get(id);
    const look = exportLookOf(this.#stores.settings.get());
    return { html: previewPageHtml(await renderStandaloneHtml(article, this.#dependencies()), look.stylesheet) };
  }

  /** Puts the article's `<article>` fragment (text/html) and its plain text on the clipboard; returns each field. */
  async copyForCms(id: string): Promise<{ fields: CmsField[] }> {
    const article = await this.#stores.store.get(id);
    // The photos named and sized as the folder export and "Lưu ảnh cho CMS…" write them; none is written here.
    const images = await renderNamedWebImages(article, this.#dependencies());
    // The CMS has its own stylesheet and masthead: only the template's order of the parts comes along.
    const copy = exportCmsCopy(article, images, exportLookOf(this.#stores.settings.get()));
    await this.#clipboard.write({ html: copy.html, text: copy.text });
    await this.#events.announceAndWait({
      kind: 'article-exported',
      id,
      revision: article.revision,
      form: 'cms',
      path: '',
      article,
      by: currentIdentity(this.#stores.settings.get()),
    });
    return { fields: copy.fields };
  }

  /** One field of the CMS panel on the clipboard, as main gave it (copyForCms). */
  async copyField(content: ClipboardContent): Promise<void> {
    await this.#clipboard.write(content);
  }

  /**
   * Writes the photos web-sized into `<picked folder>/images/`, named exactly as the fragment's `<img src>` names them;
   * files already there are replaced only when the user agrees, else nothing is written.
   */
  async savePhotos(id: string): Promise<CmsPhotosOutcome> {
    const article = await this.#stores.store.get(id);
    const folder = await this.#dialogs.chooseExportFolder();
    if (folder === null) return { status: 'cancelled' };
    // Web copies are small (a few hundred kB): kept in memory so the question comes before anything is written.
    const files: Array<{ name: string; bytes: Uint8Array }> = [];
    await renderNamedWebImages(article, this.#dependencies(), async (name, bytes) => void files.push({ name, bytes }));
    const imagesFolder = join(folder, 'images');
    const taken: string[] = [];
    for (const file of files) if (await exists(join(folder, file.name))) taken.push(basename(file.name));
    if (taken.length > 0 && !((await this.#dialogs.askToReplaceFiles?.(imagesFolder, taken)) ?? false)) return { status: 'cancelled' };
    try {
      await mkdir(imagesFolder, { recursive: true });
      for (const file of files) {
        const path = join(folder, file.name);
        // The names are made here (images/<slug>-n.ext), but a photo must never land outside images/.
        if (dirname(path) !== imagesFolder) throw new Error(`CmsExportService: ${file.name} is not in images/`);
        await writeFileDurably(path, file.bytes, this.#writeOptions);
      }
    } catch (error) {
      throw toStorageError(error, imagesFolder);
    }
    return { status: 'saved', path: imagesFolder, count: files.length };
  }
}
