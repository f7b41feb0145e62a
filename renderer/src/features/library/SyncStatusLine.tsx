import { useEffect, useRef } from 'react';
import { useMessages } from '../../i18n/MessagesContext';
import { syncStatusText } from './syncStatusText';
import type { SyncStatusHandle } from './useSyncStatus';

export interface SyncStatusLineProps {
  sync: SyncStatusHandle;
  /** Where it is shown: the library's footer, or Cài đặt's section (which has its own frame). */
  className?: string;
}

/**
 * The shared library's status in one calm line, with "Đồng bộ ngay": when it last synced, where a sync is, offline
 * with what waits, the error, the conflicts. Nothing at all before an address is saved; before joining, where to join.
 */
export function SyncStatusLine({ sync, className = 'sync-status-line' }: SyncStatusLineProps) {
  const messages = useMessages();
  const { status, addressSaved, running } = sync;
  const joined = status !== null && status.state !== 'not-joined';
  if (status === null || (!joined && !addressSaved)) return null;
  const text = syncStatusText(messages, status) ?? messages.sync.notJoined;
  const busy = running || status.state === 'syncing';
  const failing = status.state === 'error' || (status.state !== 'offline' && status.message !== null);
  return (
    <div className={className}>
      <p
        className={failing ? 'sync-status sync-status-error' : 'sync-status'}
        role="status"
        aria-label={messages.sync.statusLabel}
        title={status.message ?? undefined}
      >
        {text}
      </p>
      {joined && status.state !== 'read-only' && (
        <button
          type="button"
          className="button button-small"
          title={messages.sync.syncNowHint}
          aria-keyshortcuts="Control+Shift+S"
          disabled={busy}
          onClick={() => void sync.run('syncNow').catch(() => sync.refresh())}
        >
          {messages.sync.syncNow}
        </button>
      )}
    </div>
  );
}

/** Ctrl+Shift+S (⌘⇧S) syncs now, once joined and while nothing is under way (the library screen's shortcut). */
export function useSyncShortcut(sync: SyncStatusHandle): void {
  const latest = useRef(sync);
  latest.current = sync;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey) return;
      if (event.code !== 'KeyS' && event.key.toLowerCase() !== 's') return;
      const { status, running } = latest.current;
      if (status === null || status.state === 'not-joined' || status.state === 'read-only') return;
      event.preventDefault();
      if (running || status.state === 'syncing') return;
      void latest.current.run('syncNow').catch(() => latest.current.refresh());
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
