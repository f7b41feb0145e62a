import { useCallback, useEffect, useState } from 'react';
import type { BackupEntryData } from '../../../../shared/backupModel';
import type { ToastMessage } from '../../components/useToast';
import { useMessages } from '../../i18n/MessagesContext';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describeError';
import { formatBytes } from '../../lib/formatBytes';
import { formatDateTime } from '../../lib/formatDateTime';
import { flushPendingSaves } from '../../lib/pendingSaves';
import { useModalDialog } from '../../lib/useModalDialog';

export interface BackupScreenProps {
  onBack: () => void;
  showToast: (toast: ToastMessage) => void;
  /** After a restore every screen's data is stale: the default reloads the window, which re-reads everything. */
  onRestored?: () => void;
}

/** "Khôi phục từ bản sao lưu": the snapshots by time, "Sao lưu ngay", and a confirmed restore per snapshot. */
export function BackupScreen({ onBack, showToast, onRestored = () => window.location.reload() }: BackupScreenProps) {
  const messages = useMessages();
  const [entries, setEntries] = useState<BackupEntryData[] | null>(null);
  const [failure, setFailure] = useState<{ at: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<BackupEntryData | null>(null);
  // The policy as set in Cài đặt, so the explanation never states defaults the user has changed.
  const [policy, setPolicy] = useState<{ everyMinutes: number; keepHours: number; dailyKeepDays: number } | null>(null);

  const reload = useCallback(async () => {
    try {
      const [list, status] = await Promise.all([api.backupList({}), api.backupStatus({})]);
      setEntries(list);
      setFailure(status.lastFailure);
    } catch (error) {
      setEntries([]);
      showToast({ text: describeError(messages, error), tone: 'error' });
    }
  }, [messages, showToast]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    api.settingsGet({}).then(
      (settings) =>
        setPolicy({
          everyMinutes: settings.backupEveryMinutes,
          keepHours: settings.backupKeepHours,
          dailyKeepDays: settings.backupDailyKeepDays,
        }),
      () => setPolicy(null),
    );
  }, []);

  const backUpNow = async () => {
    setBusy(true);
    try {
      // A snapshot should hold what the user sees, including a save still on its way.
      await flushPendingSaves();
      await api.backupCreateNow({});
      showToast({ text: messages.backupCreated, tone: 'info' });
      await reload();
    } catch (error) {
      showToast({ text: describeError(messages, error), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const restore = async (entry: BackupEntryData) => {
    setBusy(true);
    try {
      await flushPendingSaves();
      await api.backupRestore({ id: entry.id });
      onRestored();
    } catch (error) {
      setBusy(false);
      setConfirming(null);
      showToast({ text: describeError(messages, error), tone: 'error' });
    }
  };

  return (
    <div className="library backups">
      <header className="topbar">
        <button type="button" className="button" onClick={onBack}>
          ← {messages.backToLibrary}
        </button>
        <h1 className="backups-title">{messages.backupsTitle}</h1>
        <div className="topbar-end">
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void backUpNow()}>
            {messages.backupNow}
          </button>
        </div>
      </header>
      <main className="library-main">
        {policy !== null && <p className="muted">{messages.backupsHint(policy.everyMinutes, policy.keepHours, policy.dailyKeepDays)}</p>}
        {failure !== null && (
          <p className="backups-failure" role="alert">
            {messages.backupLastFailure(formatDateTime(failure.at), failure.message)}
          </p>
        )}
        {entries === null ? (
          <p className="muted">{messages.loading}</p>
        ) : entries.length === 0 ? (
          <p className="muted">{messages.backupsEmpty}</p>
        ) : (
          <table className="article-table">
            <thead>
              <tr>
                <th scope="col">{messages.backupTakenAt}</th>
                <th scope="col">{messages.backupKind}</th>
                <th scope="col">{messages.backupArticles}</th>
                <th scope="col">{messages.backupSize}</th>
                <th scope="col">{messages.columnActions}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-backup-id={entry.id}>
                  <td>{formatDateTime(entry.takenAt)}</td>
                  <td>{messages.backupKinds[entry.kind]}</td>
                  <td>{entry.articleCount.toLocaleString(messages.numberLocale)}</td>
                  <td>{formatBytes(entry.bytes)}</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      aria-label={`${messages.backupRestore} ${formatDateTime(entry.takenAt)}`}
                      onClick={() => setConfirming(entry)}
                    >
                      {messages.backupRestore}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
      {confirming !== null && (
        <RestoreConfirmDialog
          entry={confirming}
          busy={busy}
          onConfirm={() => void restore(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </div>
  );
}

interface RestoreConfirmDialogProps {
  entry: BackupEntryData;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The one visible step before a restore: says the current library is backed up first; Escape cancels. */
function RestoreConfirmDialog({ entry, busy, onConfirm, onCancel }: RestoreConfirmDialogProps) {
  const messages = useMessages();
  // Esc cancels, except while the restore runs ("Hủy" is disabled then too): the library is being replaced.
  // Esc is taken on keydown too: a third Esc in a row would otherwise close the dialog whatever its cancel handler says.
  const modal = useModalDialog({ onEscape: busy ? 'ignore' : onCancel, catchEscapeKey: true, closeOnUnmount: true, restoreFocus: true });

  return (
    <dialog {...modal} className="settings-dialog" aria-labelledby="restore-title" aria-describedby="restore-description">
      <h2 id="restore-title">{messages.backupRestoreConfirmTitle(formatDateTime(entry.takenAt))}</h2>
      <p id="restore-description">{messages.backupRestoreConfirm}</p>
      <div className="dialog-actions">
        {/* Cancel has the focus: Enter alone never replaces the library. */}
        <button type="button" className="button" autoFocus onClick={onCancel} disabled={busy}>
          {messages.cancel}
        </button>
        <button type="button" className="button button-primary" onClick={onConfirm} disabled={busy}>
          {busy ? messages.backupRestoring : messages.backupRestore}
        </button>
      </div>
    </dialog>
  );
}
