import { AppError } from '../../../shared/errorCodes';

/** What is put on the clipboard: always plain text, and HTML beside it when the receiver can take formatting. */
export interface ClipboardContent {
  readonly text: string;
  readonly html?: string;
}

/** The system clipboard: Electron's in the app, the page's in the browser harness, a record in tests. */
export interface Clipboard {
  write(content: ClipboardContent): Promise<void>;
}

/** Where no clipboard was given (a process without a window): copying says so instead of pretending it worked. */
export const unavailableClipboard: Clipboard = {
  async write() {
    throw new AppError('internal', 'Không chép được vào bộ nhớ tạm trên máy này.');
  },
};
