import type { Page } from 'playwright-core';
import type { Identity } from '../../../shared/identity';

/** The size of the window every end-to-end run (and every screenshot) uses: the app's default window. */
export const appViewport = { width: 1280, height: 860 } as const;

export interface AppDriverOptions {
  /** The library folder the app opens; the caller makes it and removes it. */
  dataDirectory: string;
  /** Where "Xuất HTML" writes; default `<data>/exports`. */
  exportDirectory?: string;
  /** What the "Chèn ảnh" file dialog answers with, as if the user had picked these files. */
  openFiles?: readonly string[];
  /**
   * Who the user is, written into the data folder's settings before the app starts as if the first-run question had
   * been answered (presetIdentity.ts); a reporter unless said otherwise; null leaves "Bạn là ai?" for the test to answer.
   */
  identity?: Identity | null;
  /**
   * The review package file the package dialogs pick, as if the user had chosen it: "Gửi gói"'s save dialog saves
   * there and "Mở gói bài…"'s open dialog opens it; `pickPackageFile` changes it while the app runs. Unset, "Gửi gói"
   * saves `<exportDirectory>/<suggested name>` and "Mở gói bài…" is cancelled.
   */
  packageFile?: string;
  /** The Word file "Nhập từ Word…"'s open dialog picks, as if the user had chosen it; unset, the dialog is cancelled. */
  wordFile?: string;
  /** The stylesheet the template's "Chọn tệp CSS…" picks, as if the user had chosen it; unset, the dialog is cancelled. */
  stylesheetFile?: string;
  /**
   * Whether the shared library's password can be kept: in the browser harness a test box stands in for the system's key
   * store (tests/support/memorySecretBox.ts); Electron uses safeStorage, which needs a key store on the machine.
   */
  secretStorage?: boolean;
}

/** One running copy of the app, the same to a test whether it is Electron or the browser harness. */
export interface AppDriver {
  readonly name: 'electron' | 'browser';
  readonly dataDirectory: string;
  /** Where exports land (in Electron, the save dialog is answered with this folder). */
  readonly exportDirectory: string;
  /** Launches the app on the data folder; resolves with its window once the page has loaded. */
  start(): Promise<Page>;
  /** Quits the app entirely (pending saves flushed) and launches it again on the same folder. */
  restart(): Promise<Page>;
  /**
   * The system clipboard as the app left it: each type of its first item as text ('text/html', 'text/plain'). The
   * browser harness's is Chromium's own, read unsanitized; Electron's is read in the main process.
   */
  readClipboard(): Promise<Record<string, string>>;
  /** From now on the package dialogs ("Gửi gói", "Mở gói bài…") pick this file (AppDriverOptions.packageFile). */
  pickPackageFile(path: string): Promise<void>;
  /** Quits the app and removes whatever the driver itself made (never the data folder). */
  stop(): Promise<void>;
}
