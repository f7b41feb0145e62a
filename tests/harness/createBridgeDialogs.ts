import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Dialogs } from '../../electron/main/ipc/createHandlers';

export interface BridgeDialogOptions {
  /** Where "Xuất HTML" writes, as if the user had picked this folder in the save dialog. */
  exportDirectory: string;
  /** Files the "insert photo" dialog answers with (BANTHAO_OPEN_FILES). */
  openFiles?: readonly string[];
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
    async chooseImageFiles() {
      return [...(options.openFiles ?? [])];
    },
  };
}
