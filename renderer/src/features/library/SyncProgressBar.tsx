import type { SyncProgress } from '../../../../shared/sharedLibraryModel';
import { useMessages } from '../../i18n/MessagesContext';
import { syncPhaseText } from './syncStatusText';

/** Where a join (or sync) is: "Đang nhận bài 12/40" over a bar; without a count the bar only says it is working. */
export function SyncProgressBar({ label, progress }: { label: string; progress: SyncProgress | null }) {
  const messages = useMessages();
  const phase = messages.sync.progress(syncPhaseText(messages, progress ?? { phase: 'connecting', done: 0, total: 0 }));
  const counted = progress !== null && progress.total > 0;
  return (
    <div className="sync-progress">
      <span className="sync-progress-phase" aria-live="polite">
        {phase}
      </span>
      <progress aria-label={label} {...(counted ? { value: progress.done, max: progress.total } : {})} />
    </div>
  );
}
