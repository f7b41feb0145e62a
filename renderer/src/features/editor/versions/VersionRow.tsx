import { useId } from 'react';
import type { VersionSummary } from '../../../../../shared/versionModel';
import { useMessages } from '../../../i18n/MessagesContext';
import { formatDateTime } from '../../../lib/formatDateTime';
import { versionLabel, versionPerson, versionReason } from './versionText';

export interface VersionRowProps {
  version: VersionSummary;
  /** Ticked to be compared with another ticked version. */
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onView: () => void;
  onCompareWithNow: () => void;
  onRestore: () => void;
  /** Approved and published text is not restored over (main refuses it): the button says why instead. */
  restoreLocked: boolean;
  /** A call is on its way: the buttons wait. */
  busy: boolean;
}

/** One version in the list: when (dd/mm/yyyy HH:MM), who, why and its label; view, compare with now, restore. */
export function VersionRow({ version, selected, onSelect, onView, onCompareWithNow, onRestore, restoreLocked, busy }: VersionRowProps) {
  const messages = useMessages();
  const timeId = useId();
  const when = formatDateTime(version.at);
  const label = versionLabel(version);
  return (
    <li className={`version-row${selected ? ' version-row-selected' : ''}`}>
      <input
        type="checkbox"
        className="version-select"
        checked={selected}
        aria-label={messages.versions.select(when)}
        onChange={(event) => onSelect(event.target.checked)}
      />
      <time id={timeId} className="version-time" dateTime={version.at}>
        {when}
      </time>
      <div className="version-main">
        <span className="version-person">{versionPerson(messages, version)}</span>
        <span className="version-why">
          <span className={`version-reason version-reason-${version.reason}`}>{versionReason(messages, version)}</span>
          {label !== '' && (
            <>
              {' · '}
              <span className="version-label">“{label}”</span>
            </>
          )}
        </span>
      </div>
      <div className="version-actions">
        <button type="button" className="button button-small" aria-describedby={timeId} aria-disabled={busy} onClick={onView}>
          {messages.versions.view}
        </button>
        <button type="button" className="button button-small" aria-describedby={timeId} aria-disabled={busy} onClick={onCompareWithNow}>
          {messages.versions.compareWithNow}
        </button>
        <button
          type="button"
          className="button button-small"
          aria-describedby={timeId}
          disabled={restoreLocked}
          aria-disabled={busy}
          title={restoreLocked ? messages.versions.restoreLocked : undefined}
          onClick={onRestore}
        >
          {messages.versions.restore}
        </button>
      </div>
    </li>
  );
}
