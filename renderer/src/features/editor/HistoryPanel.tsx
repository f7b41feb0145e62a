import { useState } from 'react';
import type { WorkflowEvent } from '../../../../shared/workflowEvent';
import { useMessages } from '../../i18n/MessagesContext';
import { formatDateTime } from '../../lib/formatDateTime';
import { personLabel } from '../../lib/workflowText';

export interface HistoryPanelProps {
  /** The article's moves, oldest first as main lists them; null while they are being read. */
  events: readonly WorkflowEvent[] | null;
}

/** "Lịch sử duyệt": every move of the article, newest first, with who, when, from → to and the note. Collapsible. */
export function HistoryPanel({ events }: HistoryPanelProps) {
  const messages = useMessages();
  const [open, setOpen] = useState(true);
  const newestFirst = events === null ? null : [...events].reverse();
  return (
    <details className="history-panel" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <h2 className="history-title">
          {messages.historyTitle}
          {newestFirst !== null && newestFirst.length > 0 && <span className="history-count"> ({newestFirst.length})</span>}
        </h2>
      </summary>
      {newestFirst === null ? (
        <p className="muted">{messages.loading}</p>
      ) : newestFirst.length === 0 ? (
        <p className="muted">{messages.historyEmpty}</p>
      ) : (
        <ol className="history-list">
          {newestFirst.map((event) => (
            <li key={event.id} className="history-entry">
              <time className="history-time" dateTime={event.at}>
                {formatDateTime(event.at)}
              </time>
              <span className="history-person">{personLabel(messages, event.by)}</span>
              <span className="history-move">
                <span className={`status status-${event.from}`}>{messages.status[event.from]}</span>
                <span className="history-arrow"> → </span>
                <span className={`status status-${event.to}`}>{messages.status[event.to]}</span>
              </span>
              {event.note !== '' && <p className="history-note">{event.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
