import { exportFileName } from '../../../shared/exportFileName';
import type { LibraryStores } from '../library/openLibrary';
import { renderStandaloneHtml, writeExportFolder } from '../services/exportArticle';
import { renderDocx } from '../services/renderDocx';
import { exportLookOf } from '../services/exportLookOf';
import { printPageHtml } from '../services/printHtml';
import { printHeaderOf } from '../../../shared/printStylesheet';
import { writeFileDurably, type DurableWriteOptions } from '../storage/writeFileDurably';
import { currentIdentity } from './currentIdentity';
import type { Dialogs } from './Dialogs';
import type { LibraryEvents } from './LibraryEvents';
import { unavailablePrinter, type Printer, type PrintOutcome } from './Printer';

export type ExportOutcome = { status: 'saved'; path: string } | { status: 'cancelled' };

/** Exports an article where the user chooses; each export written is announced (versions will be taken on it). */
export class ExportService {
  readonly #stores: Pick<LibraryStores, 'store' | 'media' | 'settings'>;
  readonly #dialogs: Dialogs;
  readonly #events: LibraryEvents;
  readonly #writeOptions: DurableWriteOptions | undefined;
  readonly #printer: Printer;

  constructor(
    stores: Pick<LibraryStores, 'store' | 'media' | 'settings'>,
    dialogs: Dialogs,
    events: LibraryEvents,
    writeOptions?: DurableWriteOptions,
    printer: Printer = unavailablePrinter,
  ) {
    this.#stores = stores;
    this.#dialogs = dialogs;
    this.#events = events;
    this.#writeOptions = writeOptions;
    this.#printer = printer;
  }

  #dependencies() {
    return { media: this.#stores.media, settings: this.#stores.settings.get() };
  }

  /** One standalone HTML file with the photos embedded. */
  async exportHtml(id: string): Promise<ExportOutcome> {
    const article = await this.#stores.store.get(id);
    // Render before asking: an article that cannot be exported fails before the user picks a place.
    const html = await renderStandaloneHtml(article, this.#dependencies());
    const path = await this.#dialogs.chooseExportPath(exportFileName(article, 'html'));
    if (path === null) return { status: 'cancelled' };
    await writeFileDurably(path, html, this.#writeOptions);
    await this.#events.announceAndWait({
      kind: 'article-exported',
      id,
      revision: article.revision,
      form: 'html',
      path,
      article,
      by: currentIdentity(this.#stores.settings.get()),
    });
    return { status: 'saved', path };
  }

  /** A Word document (.docx) with the photos embedded, for sign-off on paper or in Word. */
  async exportDocx(id: string): Promise<ExportOutcome> {
    const article = await this.#stores.store.get(id);
    // Render before asking, as the HTML export does; the save dialog asks before replacing a file.
    const docx = await renderDocx(article, this.#dependencies());
    const path = await this.#dialogs.chooseExportPath(exportFileName(article, 'docx'));
    if (path === null) return { status: 'cancelled' };
    await writeFileDurably(path, docx, this.#writeOptions);
    await this.#events.announceAndWait({
      kind: 'article-exported',
      id,
      revision: article.revision,
      form: 'docx',
      path,
      article,
      by: currentIdentity(this.#stores.settings.get()),
    });
    return { status: 'saved', path };
  }

  /** A folder with index.html and web-sized photos; never replaces a folder it did not write. */
  async exportFolder(id: string): Promise<ExportOutcome> {
    const article = await this.#stores.store.get(id);
    const parentFolder = await this.#dialogs.chooseExportFolder();
    if (parentFolder === null) return { status: 'cancelled' };
    const askAboutEarlierExport = (folderPath: string) => this.#dialogs.askAboutEarlierExport(folderPath);
    const path = await writeExportFolder(article, parentFolder, this.#dependencies(), { askAboutEarlierExport });
    if (path === null) return { status: 'cancelled' };
    await this.#events.announceAndWait({
      kind: 'article-exported',
      id,
      revision: article.revision,
      form: 'folder',
      path,
      article,
      by: currentIdentity(this.#stores.settings.get()),
    });
    return { status: 'saved', path };
  }

  /** The print page (A4, the agency's header, page numbers) through the system print dialog, which also saves a PDF. */
  async print(id: string): Promise<PrintOutcome> {
    const article = await this.#stores.store.get(id);
    const settings = this.#stores.settings.get();
    const look = exportLookOf(settings);
    const page = await renderStandaloneHtml(article, this.#dependencies());
    const html = printPageHtml(page, printHeaderOf(article, look), look);
    const outcome = await this.#printer.print({ html, name: exportFileName(article, '') });
    if (outcome.status === 'cancelled') return outcome;
    await this.#events.announceAndWait({
      kind: 'article-exported',
      id,
      revision: article.revision,
      form: 'print',
      path: '',
      article,
      by: currentIdentity(settings),
    });
    return outcome;
  }
}
