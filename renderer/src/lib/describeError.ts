import type { Messages } from '../i18n/messages';
import { ApiError } from './api';

/** The sentence a user sees for an error: the plain-language reason, then the detail the service gave. */
export function describeError(messages: Messages, error: unknown): string {
  if (error instanceof ApiError) {
    const reason = messages.errors[error.code];
    return error.message && error.message !== reason ? `${reason} (${error.message})` : reason;
  }
  return `${messages.errors.internal} (${error instanceof Error ? error.message : String(error)})`;
}
