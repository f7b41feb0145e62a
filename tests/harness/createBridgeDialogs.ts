import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Dialogs } from '../../electron/main/ipc/createHandlers';

export interface BridgeDialogOptions {
  /** Where "Xuất HTML" writes, as if the user had picked this folder in the save dialog. */
  exportDirectory: string;
  /** Files an open dialog will answer with, in order (reserved for the import dialogs to come). */
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
  };
}
