import type { ResultOf } from '../../../shared/ipcContract';
import type { PackageReceivedReport } from '../../../shared/packageReceivedReport';
import type { ToastMessage } from '../components/useToast';
import type { Messages } from '../i18n/messages';
import { ApiError } from './api';
import { describeError } from './describeError';

/** The toast for what receiving a package did, however it was opened (menu, drop, double-click); none if cancelled. */
export function packageOutcomeToast(messages: Messages, outcome: ResultOf<'package:openFromDialog'>): ToastMessage | null {
  if (outcome.status === 'cancelled') return null;
  return {
    text: messages.packageOutcome[outcome.status](outcome.title || messages.untitled),
    // A conflict keeps both copies and opens the three-way view: news to act on, not a failure.
    tone: 'info',
  };
}

/** The toast for main's report on a package opened outside the window: the outcome's, or why it was not received. */
export function packageReportToast(messages: Messages, report: PackageReceivedReport): ToastMessage | null {
  if (report.ok) return packageOutcomeToast(messages, report.outcome);
  // A code this build does not know reads as unforeseen rather than as nothing.
  const code = report.error.code in messages.errors ? report.error.code : 'internal';
  return {
    text: messages.packageNotReceived(report.fileName),
    detail: describeError(messages, new ApiError({ code, message: report.error.message })),
    tone: 'error',
  };
}
