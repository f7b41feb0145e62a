import type { SyncProgress, SyncStatus } from '../../../../shared/sharedLibraryModel';
import type { Messages } from '../../i18n/messages';
import { formatTime, formatTimeAndDay } from '../../lib/formatDateTime';

/** "nhận bài 12/40": where a sync is. */
export function syncPhaseText(messages: Messages, progress: SyncProgress): string {
  return messages.sync.phases[progress.phase](progress.done, progress.total);
}

/**
 * The status line's sentence: "Đã đồng bộ lúc 14:05", "Đang đồng bộ… (nhận bài 12/40)", "Ngoại tuyến — 3 thay đổi chờ
 * gửi", "Lỗi: …", with "2 bài có xung đột" after; null when there is nothing to say (not joined).
 */
export function syncStatusText(messages: Messages, status: SyncStatus, now: Date = new Date()): string | null {
  const parts: string[] = [];
  const waiting = status.changesWaiting > 0 ? messages.sync.waiting(status.changesWaiting) : null;
  if (status.state === 'syncing') {
    parts.push(messages.sync.syncing(syncPhaseText(messages, status.progress ?? { phase: 'connecting', done: 0, total: 0 })));
  } else if (status.state === 'read-only') {
    parts.push(messages.sync.readOnly);
  } else if (status.state === 'offline') {
    parts.push(waiting === null ? messages.sync.offline : `${messages.sync.offline} — ${waiting}`);
  } else if (status.message !== null) {
    parts.push(messages.sync.failed(status.message));
  } else if (status.state === 'not-joined') {
    return null;
  } else {
    parts.push(status.lastSyncAt === null ? messages.sync.neverSynced : messages.sync.syncedAt(lastSyncTime(status.lastSyncAt, now)));
    if (waiting !== null) parts.push(waiting);
  }
  if (status.conflicts > 0) parts.push(messages.sync.conflicts(status.conflicts));
  return parts.join(' · ');
}

/** "14:05" today, "14:05 29/11" another day. */
function lastSyncTime(isoTimestamp: string, now: Date): string {
  const date = new Date(isoTimestamp);
  return date.toDateString() === now.toDateString() ? formatTime(date) : formatTimeAndDay(isoTimestamp, now);
}
