import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import type { Identity } from '../../../shared/identity';
import { reviewPackageExtension } from '../../../shared/reviewPackageExtension';
import { wordFileExtension } from '../../../shared/wordFileLimits';
import { appViewport, type AppDriver, type AppDriverOptions } from './AppDriver';
import { e2eIdentity, presetIdentity } from './presetIdentity';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const mainScript = join(repositoryRoot, 'out', 'main', 'index.js');

/** The installed Electron executable, or null when its download was skipped (ELECTRON_SKIP_BINARY_DOWNLOAD). */
export function findElectronExecutable(root = repositoryRoot): string | null {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

/** Where the main process keeps the package file the dialogs pick, so that pickPackageFile can change it while the app runs. */
interface PackageAnswer {
  banthaoE2ePackageFile?: string | null;
}

/**
 * The real app (out/main/index.js) through Playwright's Electron support. BANTHAO_DATA_DIR moves the whole
 * user-data folder (library, Chromium profile, single-instance lock) away from the user's real one, and the
 * native dialogs, which no test can answer, are replaced in the main process by ones that pick exportDirectory,
 * openFiles, the package file or the Word file.
 */
export class ElectronDriver implements AppDriver {
  readonly name = 'electron' as const;
  readonly dataDirectory: string;
  readonly exportDirectory: string;
  readonly #openFiles: string[];
  readonly #identity: Identity | null;
  #packageFile: string | null;
  readonly #wordFile: string | null;
  readonly #stylesheetFile: string | null;
  #application: ElectronApplication | null = null;

  constructor(options: AppDriverOptions) {
    this.dataDirectory = options.dataDirectory;
    this.exportDirectory = options.exportDirectory ?? join(options.dataDirectory, 'exports');
    this.#openFiles = [...(options.openFiles ?? [])];
    this.#identity = options.identity === undefined ? e2eIdentity : options.identity;
    this.#packageFile = options.packageFile ?? null;
    this.#wordFile = options.wordFile ?? null;
    this.#stylesheetFile = options.stylesheetFile ?? null;
  }

  async start(): Promise<Page> {
    if (this.#application !== null) throw new Error('ElectronDriver: the app is already running');
    const executablePath = findElectronExecutable();
    if (executablePath === null)
      throw new Error('ElectronDriver: the Electron binary is not installed (node_modules/electron/path.txt or dist/ missing).');
    if (!existsSync(mainScript))
      throw new Error(`ElectronDriver: ${mainScript} is missing; build the app first (npx electron-vite build).`);
    await mkdir(this.exportDirectory, { recursive: true });
    await presetIdentity(this.dataDirectory, this.#identity);
    const environment: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) environment[key] = value;
    // Left over from a parent Electron process, it would start Node instead of the app.
    delete environment.ELECTRON_RUN_AS_NODE;
    environment.BANTHAO_DATA_DIR = this.dataDirectory;
    // Chromium refuses to run as root with its sandbox on (CI containers); elsewhere the sandbox stays.
    const chromiumSwitches = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    this.#application = await _electron.launch({
      executablePath,
      args: [...chromiumSwitches, mainScript],
      cwd: repositoryRoot,
      env: environment,
    });
    await this.#application.evaluate(
      ({ dialog }, answers) => {
        (globalThis as PackageAnswer).banthaoE2ePackageFile = answers.packageFile;
        type Question = { defaultPath?: string; properties?: string[]; filters?: { extensions: string[] }[] };
        // "Gửi gói" and "Mở gói bài…" ask for a file of the review package's own type.
        const asksForPackage = (options: Question) =>
          options.filters?.some((filter) => filter.extensions.includes(answers.packageExtension)) ?? false;
        // "Nhập từ Word…" asks for a .docx.
        const asksForWord = (options: Question) =>
          options.filters?.some((filter) => filter.extensions.includes(answers.wordExtension)) ?? false;
        // The template's "Chọn tệp CSS…" asks for a .css.
        const asksForStylesheet = (options: Question) => options.filters?.some((filter) => filter.extensions.includes('css')) ?? false;
        const packageFile = () => (globalThis as PackageAnswer).banthaoE2ePackageFile ?? null;
        // Answers "Xuất HTML" (and "Gửi gói" with no package file picked) with <exportDirectory>/<suggested name>,
        // as a user clicking Save would.
        dialog.showSaveDialog = async (...args: unknown[]) => {
          const options = args[args.length - 1] as Question;
          const picked = asksForPackage(options) ? packageFile() : null;
          if (picked !== null) return { canceled: false, filePath: picked };
          const fileName = (options.defaultPath ?? 'bai-viet.html').split(/[\\/]/).pop();
          return { canceled: false, filePath: `${answers.folder}/${fileName}` };
        };
        // A folder question (the folder export) gets exportDirectory; a package question ("Mở gói bài…") the package
        // file, a Word question ("Nhập từ Word…") the Word file, each cancelled when none is picked; any other file
        // question ("Chèn ảnh") gets openFiles.
        dialog.showOpenDialog = async (...args: unknown[]) => {
          const options = args[args.length - 1] as Question;
          const wantsFolder = options.properties?.includes('openDirectory') ?? false;
          const picked = asksForPackage(options)
            ? packageFile()
            : asksForWord(options)
              ? answers.wordFile
              : asksForStylesheet(options)
                ? answers.stylesheetFile
                : undefined;
          const filePaths = wantsFolder ? [answers.folder] : picked === undefined ? answers.openFiles : picked === null ? [] : [picked];
          return { canceled: filePaths.length === 0, filePaths };
        };
        // "Thay thế" when an export folder of ours for the same article is already there, as the browser harness answers.
        dialog.showMessageBox = async () => ({ response: 0, checkboxChecked: false });
      },
      {
        folder: this.exportDirectory,
        openFiles: this.#openFiles,
        packageFile: this.#packageFile,
        packageExtension: reviewPackageExtension,
        wordFile: this.#wordFile,
        wordExtension: wordFileExtension,
        stylesheetFile: this.#stylesheetFile,
      },
    );
    // "In / PDF" opens the system print dialog, which no test can answer: the page it would print (what the hidden print
    // window loaded from its own scheme) is written to <exportDirectory>/print/ instead, as the browser harness does.
    await this.#application.evaluate(({ app }, folder) => {
      app.on('web-contents-created', (_event, contents) => {
        contents.print = (_options, callback) => {
          const fs = process.getBuiltinModule('node:fs');
          const path = process.getBuiltinModule('node:path');
          const url = contents.getURL();
          void contents.session
            .fetch(url)
            .then((response) => response.text())
            .then((html) => {
              fs.mkdirSync(path.join(folder, 'print'), { recursive: true });
              fs.writeFileSync(path.join(folder, 'print', decodeURIComponent(path.basename(new URL(url).pathname))), html);
              callback?.(true, '');
            });
        };
      });
    }, this.exportDirectory);
    const page = await this.#application.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await this.#application.evaluate(({ BrowserWindow }, size) => {
      BrowserWindow.getAllWindows()[0]?.setContentSize(size.width, size.height);
    }, appViewport);
    return page;
  }

  async readClipboard(): Promise<Record<string, string>> {
    if (this.#application === null) throw new Error('ElectronDriver: the app is not running');
    // In main, where the app wrote it: the window may not read the clipboard (every permission is refused there).
    return this.#application.evaluate(async ({ clipboard }) => {
      const [item] = await clipboard.read();
      if (item === undefined) return {};
      const entries: Array<[string, string]> = [];
      for (const type of item.types) {
        const value = await item.getType(type);
        entries.push([type, value instanceof Blob ? await value.text() : JSON.stringify(value)]);
      }
      return Object.fromEntries(entries);
    });
  }

  async pickPackageFile(path: string): Promise<void> {
    this.#packageFile = path;
    await this.#application?.evaluate((_electron, file) => {
      (globalThis as PackageAnswer).banthaoE2ePackageFile = file;
    }, path);
  }

  async restart(): Promise<Page> {
    await this.#quit();
    return this.start();
  }

  async stop(): Promise<void> {
    await this.#quit();
  }

  /** app.quit(): the window's close guard lets the renderer flush, the store flushes, the process exits. */
  async #quit(): Promise<void> {
    const application = this.#application;
    this.#application = null;
    await application?.close();
  }
}
