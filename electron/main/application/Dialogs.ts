import type { EarlierExportChoice } from '../services/exportArticle';

export type { EarlierExportChoice };

/** The platform's dialogs, answered by a person in Electron and by environment variables in the test bridge. */
export interface Dialogs {
  /** Asks where to save an export; null when the user cancelled. */
  chooseExportPath(suggestedFileName: string): Promise<string | null>;
  /** Asks for the folder an export folder goes into; null when the user cancelled. */
  chooseExportFolder(): Promise<string | null>;
  /** Asks whether the earlier export in `folderPath` is replaced, kept beside a new `<slug>-n` folder, or the export cancelled. */
  askAboutEarlierExport(folderPath: string): Promise<EarlierExportChoice>;
  /** Asks for photos to insert; empty when the user cancelled. */
  chooseImageFiles(): Promise<string[]>;
  /** Asks where to save a review package (`.banthao`); null when the user cancelled. */
  choosePackagePath(suggestedFileName: string): Promise<string | null>;
  /** Asks for a review package (`.banthao`) to open; null when the user cancelled. */
  choosePackageToOpen(): Promise<string | null>;
  /** Asks for a Word file (`.docx`) to import as a new article; null when the user cancelled. */
  chooseWordFile(): Promise<string | null>;
  /** Asks for the agency template's stylesheet (`.css`); null when the user cancelled. Where it is missing none is asked. */
  chooseStylesheetFile?(): Promise<string | null>;
  /**
   * Asks whether files already in `folder` (`names`) are replaced by the photos saved for the CMS; false keeps them
   * and nothing is saved. Where it is missing nothing is ever replaced.
   */
  askToReplaceFiles?(folder: string, names: readonly string[]): Promise<boolean>;
  /**
   * Asked once for a batch export when files of these names (`names`) are already in `folder`: replace them, keep them
   * beside the new files (`<slug>-n`), or cancel the batch. Where it is missing both are kept.
   */
  askAboutExistingExports?(folder: string, names: readonly string[]): Promise<EarlierExportChoice>;
  /** Shows `folder` in the system's file manager ("Mở thư mục" after a batch export). Where it is missing nothing opens. */
  openFolder?(folder: string): Promise<void>;
}
