import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createBridgeServer, type BridgeServer } from '../../harness/createBridgeServer';
import type { Identity } from '../../../shared/identity';
import { appViewport, type AppDriver, type AppDriverOptions } from './AppDriver';
import { e2eIdentity, presetIdentity } from './presetIdentity';
import { memorySecretBox } from '../../support/memorySecretBox';
import type { ClipboardContent } from '../../../electron/main/application/Clipboard';

/** Debian's Chromium (apt package `chromium`); BANTHAO_CHROMIUM points elsewhere on other systems. */
export const chromiumPath = process.env.BANTHAO_CHROMIUM ?? '/usr/bin/chromium';

// Headless, sandbox off (runs as root in CI), no background network; Playwright refuses --user-data-dir in args,
// so the profile goes to launchPersistentContext.
const chromiumArguments = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How long a closing page may take to send its pending save, like the Electron window's close guard. */
const pageCloseTimeoutMs = 5_000;

/** The built renderer in headless Chromium, with `window.api` served by the loopback bridge. */
export class BrowserDriver implements AppDriver {
  readonly name = 'browser' as const;
  readonly dataDirectory: string;
  readonly exportDirectory: string;
  readonly #openFiles: string[];
  readonly #identity: Identity | null;
  #packageFile: string | null;
  readonly #wordFile: string | null;
  readonly #stylesheetFile: string | null;
  #bridge: BridgeServer | null = null;
  #context: BrowserContext | null = null;
  #page: Page | null = null;
  #profileDirectory: string | null = null;
  readonly #secretStorage: boolean;

  constructor(options: AppDriverOptions) {
    this.dataDirectory = options.dataDirectory;
    this.exportDirectory = options.exportDirectory ?? join(options.dataDirectory, 'exports');
    this.#openFiles = [...(options.openFiles ?? [])];
    this.#identity = options.identity === undefined ? e2eIdentity : options.identity;
    this.#packageFile = options.packageFile ?? null;
    this.#wordFile = options.wordFile ?? null;
    this.#stylesheetFile = options.stylesheetFile ?? null;
    this.#secretStorage = options.secretStorage === true;
  }

  async start(): Promise<Page> {
    if (this.#context !== null) throw new Error('BrowserDriver: the app is already running');
    if (!existsSync(chromiumPath)) {
      throw new Error(`BrowserDriver: no Chromium at ${chromiumPath}; install it (apt-get install chromium) or set BANTHAO_CHROMIUM.`);
    }
    await presetIdentity(this.dataDirectory, this.#identity);
    this.#bridge = await createBridgeServer({
      dataDirectory: this.dataDirectory,
      exportDirectory: this.exportDirectory,
      openFiles: this.#openFiles,
      // Read when the dialog opens, so pickPackageFile holds across restarts and while the app runs.
      packageFile: () => this.#packageFile,
      ...(this.#wordFile === null ? {} : { wordFile: this.#wordFile }),
      ...(this.#stylesheetFile === null ? {} : { stylesheetFile: this.#stylesheetFile }),
      ...(this.#secretStorage ? { secretBox: memorySecretBox() } : {}),
      // Main's clipboard writes go into the page's own clipboard, as Electron's go to the system's; done before main answers.
      clipboard: { write: (content) => this.#writeClipboard(content) },
    });
    // One profile per driver, kept across restarts like Electron's user-data folder.
    this.#profileDirectory ??= await mkdtemp(join(tmpdir(), 'banthao-chromium-'));
    this.#context = await chromium.launchPersistentContext(this.#profileDirectory, {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArguments,
      viewport: appViewport,
      // The clipboard a test reads back ("Sao chép cho CMS") is Chromium's own.
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = this.#context.pages()[0] ?? (await this.#context.newPage());
    page.on('pageerror', (error) => console.error(`[app page error] ${error.message}`));
    this.#page = page;
    await page.goto(this.#bridge.url);
    return page;
  }

  /** Writes into the page's clipboard with navigator.clipboard, both types in one item, as Electron's clipboard.write. */
  async #writeClipboard(content: ClipboardContent): Promise<void> {
    if (this.#page === null) throw new Error('BrowserDriver: no page to write the clipboard from');
    await this.#page.evaluate(async ({ text, html }) => {
      const types: Record<string, Blob> = { 'text/plain': new Blob([text], { type: 'text/plain' }) };
      if (html !== undefined) types['text/html'] = new Blob([html], { type: 'text/html' });
      await navigator.clipboard.write([new ClipboardItem(types)]);
    }, content);
  }

  async readClipboard(): Promise<Record<string, string>> {
    if (this.#page === null) throw new Error('BrowserDriver: no page to read the clipboard from');
    return this.#page.evaluate(async () => {
      // Chromium's option (not yet in TypeScript's DOM types): HTML as it was written, not cleaned again on the way out.
      const clipboard: { read(options: { unsanitized: string[] }): Promise<ClipboardItems> } = navigator.clipboard;
      const [item] = await clipboard.read({ unsanitized: ['text/html'] });
      if (item === undefined) return {};
      const entries = await Promise.all(item.types.map(async (type) => [type, await (await item.getType(type)).text()] as const));
      return Object.fromEntries(entries);
    });
  }

  async pickPackageFile(path: string): Promise<void> {
    this.#packageFile = path;
  }

  async restart(): Promise<Page> {
    await this.#quit();
    return this.start();
  }

  async stop(): Promise<void> {
    await this.#quit();
    if (this.#profileDirectory !== null) await rm(this.#profileDirectory, { recursive: true, force: true });
    this.#profileDirectory = null;
  }

  /** Closes the pages as a person would (beforeunload sends pending saves), then the browser, then the bridge. */
  async #quit(): Promise<void> {
    const context = this.#context;
    this.#context = null;
    this.#page = null;
    if (context !== null) {
      await Promise.all(context.pages().map((page) => closePage(page)));
      await context.close();
    }
    const bridge = this.#bridge;
    this.#bridge = null;
    await bridge?.close();
  }
}

async function closePage(page: Page): Promise<void> {
  const closed = new Promise<void>((resolve) => page.once('close', () => resolve()));
  // With runBeforeUnload, close() returns at once; the 'close' event says the page is really gone.
  await page.close({ runBeforeUnload: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, pageCloseTimeoutMs)))]);
  clearTimeout(timer);
}
