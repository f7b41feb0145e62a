import { useEffect, useState } from 'react';
import type { RecoveryNotice } from '../../../../shared/recoveryNotice';
import { useMessages } from '../../i18n/MessagesContext';
import { api } from '../../lib/api';

/** Dismissed for the rest of the session: the library screen remounts after each article, the banner must not come back. */
const dismissed = new Set<string>();
const keyOf = (notice: RecoveryNotice) => `${notice.at}|${notice.file}`;

/** A banner telling the user which data files were found damaged, where each was moved, and what was loaded instead. */
export function RecoveryNotices() {
  const messages = useMessages();
  const [notices, setNotices] = useState<RecoveryNotice[]>([]);

  useEffect(() => {
    let current = true;
    // No notices is the normal case; failing to fetch them must not get in the way of the library.
    api.appNotices({}).then(
      (all) => current && setNotices(all.filter((notice) => !dismissed.has(keyOf(notice)))),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);

  if (notices.length === 0) return null;
  const dismiss = () => {
    for (const notice of notices) dismissed.add(keyOf(notice));
    setNotices([]);
  };
  return (
    <section className="recovery-notices" role="alert" aria-label={messages.recoveryTitle}>
      <strong>{messages.recoveryTitle}</strong>
      <ul>
        {notices.map((notice) => (
          <li key={keyOf(notice)}>
            {notice.restoredFrom === 'previous-generation'
              ? messages.recoveryRestored(notice.file)
              : notice.restoredFrom === 'backup'
                ? messages.recoveryFromBackup(notice.file)
                : messages.recoveryLost(notice.file)}{' '}
            {messages.recoveryKeptAt} <code>{notice.quarantinedTo}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="button button-small" onClick={dismiss}>
        {messages.recoveryDismiss}
      </button>
    </section>
  );
}
