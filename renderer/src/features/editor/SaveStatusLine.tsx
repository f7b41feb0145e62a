import { useEffect, useState } from 'react';
import { useMessages } from '../../i18n/MessagesContext';
import { describeError } from '../../lib/describeError';
import { formatDateTime, formatTime } from '../../lib/formatDateTime';

/** "14:05" today, "14:05 25/11/2026" on another day: an old "saved at" must not look like today's. */
function formatSavedAt(at: Date): string {
  if (at.toDateString() === new Date().toDateString()) return formatTime(at);
  const [date, time] = formatDateTime(at.toISOString()).split(' ');
  return `${time} ${date}`;
}
import type { SaveState } from './useAutosave';

/** "Đang lưu…", "Đã lưu lúc 14:05" or "Chưa lưu — why", always visible next to the title. */
export function SaveStatusLine({ state, onRetry, onSaveAsNew }: { state: SaveState; onRetry: () => void; onSaveAsNew?: () => void }) {
  const messages = useMessages();
  const [, setTick] = useState(0);
  // Re-render each second while a retry countdown is showing.
  useEffect(() => {
    if (state.kind !== 'failed' || state.retryInMs === null) return;
    const interval = setInterval(() => setTick((tick) => tick + 1), 1_000);
    return () => clearInterval(interval);
  }, [state]);

  switch (state.kind) {
    case 'idle':
      return (
        <p className="save-status save-idle" role="status">
          {messages.saveIdle}
        </p>
      );
    case 'pending':
      return (
        <p className="save-status save-pending" role="status">
          {messages.savePending}
        </p>
      );
    case 'saving':
      return (
        <p className="save-status save-saving" role="status">
          {messages.saveSaving}
        </p>
      );
    case 'saved':
      return (
        <p className="save-status save-saved" role="status">
          ✓ {messages.saveSaved(formatSavedAt(state.at))}
        </p>
      );
    case 'failed': {
      const reason = state.error.code === 'conflict' ? messages.saveConflict : describeError(messages, state.error);
      return (
        <div className="save-status save-failed" role="alert">
          <span>
            {messages.saveFailed(reason)} {state.retryInMs !== null && messages.saveRetrying(Math.round(state.retryInMs / 1000))}
          </span>
          {state.error.code !== 'conflict' && (
            <button type="button" className="button button-small" onClick={onRetry}>
              {messages.retryNow}
            </button>
          )}
          {/* A conflict is never overwritten: the user's text goes to a new article instead of being lost. */}
          {state.error.code === 'conflict' && onSaveAsNew !== undefined && (
            <button type="button" className="button button-small button-primary" onClick={onSaveAsNew}>
              {messages.saveAsNewArticle}
            </button>
          )}
        </div>
      );
    }
  }
}
