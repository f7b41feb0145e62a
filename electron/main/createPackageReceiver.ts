import { basename } from 'node:path';
import { AppError } from '../../shared/errorCodes';
import type { PackageReceivedReport } from '../../shared/packageReceivedReport';
import type { LibrarySession } from './application/LibrarySession';
import { toErrorData } from './ipc/invokeHandler';
import { logError, type ErrorLog } from './logging/logError';

/** What receiving needs of the window: its pending edits saved first, and the report shown after. */
export interface PackageWindow {
  savePendingEdits(): Promise<void>;
  report(report: PackageReceivedReport): void;
}

export interface PackageReceiver {
  /** Receives the package at `path` after the packages asked for before it; resolves with what the window was told. */
  receive(path: string): Promise<PackageReceivedReport>;
}

/**
 * Receives the review packages opened outside the window (a double-click, a second launch, macOS's open-file), one at
 * a time: the window saves its pending edits first (the package may update the article on screen, and the edits must
 * be on disk to be kept as a version), the library receives through the session (after its opening, never under a
 * restore), and the window is told what happened, or why not, in Vietnamese. Nothing thrown escapes.
 */
export function createPackageReceiver(session: LibrarySession, window: PackageWindow, log: ErrorLog = logError): PackageReceiver {
  let previous: Promise<unknown> = Promise.resolve();
  const receiveOne = async (path: string): Promise<PackageReceivedReport> => {
    const fileName = basename(path);
    let report: PackageReceivedReport;
    try {
      await window.savePendingEdits();
      const outcome = await session.run((application) => application.packages.receive(path));
      report = { fileName, ok: true, outcome };
    } catch (error) {
      if (!(error instanceof AppError) || error.cause !== undefined) log(`không nhận được gói ${fileName}`, error);
      report = { fileName, ok: false, error: toErrorData(error) };
    }
    try {
      window.report(report);
    } catch (error) {
      log(`không báo được kết quả nhận gói ${fileName}`, error);
    }
    return report;
  };
  return {
    receive(path) {
      const received = previous.then(() => receiveOne(path));
      previous = received.catch(() => undefined);
      return received;
    },
  };
}
