import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Dialogs, EarlierExportChoice } from '../../electron/main/application/Dialogs';

export interface BridgeDialogOptions {
  /** Where "Xuất HTML" writes, as if the user had picked this folder in the save dialog. */
  exportDirectory: string;
  /** Files the "insert photo" dialog answers with (BANTHAO_OPEN_FILES). */
  openFiles?: readonly string[];
  /** The answer on finding an earlier export of the same article; default BANTHAO_EARLIER_EXPORT, then "replace". */
  earlierExport?: EarlierExportChoice;
  /** The review package "Mở gói bài…" answers with; default BANTHAO_OPEN_PACKAGE, unset is cancelled. */
  packageToOpen?: string;
  /**
   * Asked each time a package dialog opens: the file "Gửi gói" saves to and "Mở gói bài…" opens, as if the user had
   * picked it (the end-to-end driver changes it between rounds); null leaves the answers above.
   */
  packageFile?: () => string | null;
  /** The Word file "Nhập từ Word…" answers with; default BANTHAO_OPEN_WORD, unset is cancelled. */
  wordFile?: string;
  /** The stylesheet the template's "Chọn tệp CSS…" answers with; default BANTHAO_OPEN_STYLESHEET, unset is cancelled. */
  stylesheetFile?: string | undefined;
}

const earlierExportChoices: readonly EarlierExportChoice[] = ['replace', 'keep-both', 'cancel'];

/** BANTHAO_EARLIER_EXPORT as an answer; unset is "replace", what the harness did before it was asked. */
function earlierExportFromEnvironment(): EarlierExportChoice {
  const text = process.env.BANTHAO_EARLIER_EXPORT || 'replace';
  const choice = earlierExportChoices.find((candidate) => candidate === text);
  if (choice === undefined) throw new Error(`BANTHAO_EARLIER_EXPORT must be one of ${earlierExportChoices.join(', ')}, not "${text}"`);
  return choice;
}

/** The platform dialogs of the browser harness: answered by configuration, never by a person. */
export function createBridgeDialogs(options: BridgeDialogOptions): Dialogs {
  return {
    async chooseExportPath(suggestedFileName) {
      await mkdir(options.exportDirectory, { recursive: true });
      // basename: a suggested name can never climb out of the export folder.
      return join(options.exportDirectory, basename(suggestedFileName));
    },
    async chooseExportFolder() {
      await mkdir(options.exportDirectory, { recursive: true });
      return options.exportDirectory;
    },
    async askAboutEarlierExport() {
      return options.earlierExport ?? earlierExportFromEnvironment();
    },
    async chooseImageFiles() {
      return [...(options.openFiles ?? [])];
    },
    async choosePackagePath(suggestedFileName) {
      const picked = options.packageFile?.() ?? null;
      if (picked !== null) return picked;
      await mkdir(options.exportDirectory, { recursive: true });
      return join(options.exportDirectory, basename(suggestedFileName));
    },
    async choosePackageToOpen() {
      return options.packageFile?.() ?? options.packageToOpen ?? (process.env.BANTHAO_OPEN_PACKAGE || null);
    },
    async chooseWordFile() {
      return options.wordFile ?? (process.env.BANTHAO_OPEN_WORD || null);
    },
    async chooseStylesheetFile() {
      return options.stylesheetFile ?? (process.env.BANTHAO_OPEN_STYLESHEET || null);
    },
    async askToReplaceFiles() {
      // "Lưu ảnh cho CMS…" over files already there: replaced only when BANTHAO_REPLACE_FILES=1.
      return process.env.BANTHAO_REPLACE_FILES === '1';
    },
    async openFolder() {
      // No file manager in the harness: "Mở thư mục" does nothing.
    },
  };
}
