import { useEffect, useState, type ReactNode } from 'react';
import type { StartupStatus } from '../../../../shared/startupStatus';
import { useMessages } from '../../i18n/MessagesContext';
import { ApiError, api } from '../../lib/api';
import { describeError } from '../../lib/describeError';

/** How often the opening progress is asked for: smooth enough for a bar, cheap for main. */
export const pollIntervalMs = 150;
/** Asking fails this many times in a row before the window says opening failed. */
const maximumFailedAsks = 5;
/** A normal start takes a fraction of a second: no screen flashes before this. */
export const quietStartMs = 400;

/** Shows the library's opening (index rebuild progress, or why it failed) until it is ready, then the app. */
export function StartupGate({ children, onReady }: { children: ReactNode; onReady?: () => void }) {
  const messages = useMessages();
  const [status, setStatus] = useState<StartupStatus | null>(null);
  const [quietOver, setQuietOver] = useState(false);
  // Each attempt at opening (the first, then every "Thử lại") restarts the polling below.
  const [attempt, setAttempt] = useState(0);
  const [retrying, setRetrying] = useState(false);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failedAsks = 0;
    const poll = async () => {
      try {
        const next = await api.appStartup({});
        if (stopped) return;
        failedAsks = 0;
        setStatus(next);
        if (next.state === 'opening') timer = setTimeout(() => void poll(), pollIntervalMs);
      } catch (error) {
        if (stopped) return;
        // One lost answer (a busy main process, a dropped bridge request) must not strand the window on an error.
        failedAsks += 1;
        if (failedAsks < maximumFailedAsks) {
          timer = setTimeout(() => void poll(), pollIntervalMs * failedAsks);
          return;
        }
        const data =
          error instanceof ApiError ? { code: error.code, message: error.message } : { code: 'internal' as const, message: String(error) };
        setStatus({ state: 'failed', error: data, dataDirectory: '' });
      }
    };
    void poll();
    const quiet = setTimeout(() => setQuietOver(true), quietStartMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(quiet);
    };
  }, [attempt]);

  const ready = status?.state === 'ready';
  useEffect(() => {
    if (ready) onReady?.();
  }, [ready, onReady]);

  const retry = async () => {
    setRetrying(true);
    try {
      setStatus(await api.appRetryOpen({}));
    } catch {
      // The polling restarted below asks again and reports what it finds.
    } finally {
      setRetrying(false);
      setAttempt((previous) => previous + 1);
    }
  };

  if (status?.state === 'ready') return children;
  if (status?.state === 'failed') {
    return (
      <main className="startup" role="alert">
        <h1 className="startup-title">{messages.openFailedTitle}</h1>
        {/* Main's own message names the cause precisely (which process holds the lock, which file failed). */}
        <p className="startup-error">{status.error.message || describeError(messages, new ApiError(status.error))}</p>
        {status.dataDirectory !== '' && <p className="muted">{messages.openFailedHint(status.dataDirectory)}</p>}
        {/* Focused: after closing the other window (or fixing the disk), Enter tries again. */}
        <button type="button" className="button button-primary" onClick={() => void retry()} disabled={retrying} autoFocus>
          {messages.retryOpen}
        </button>
      </main>
    );
  }
  const reading = status !== null && status.total > 0 ? status : null;
  if (!quietOver && reading === null) return <main className="startup" aria-busy="true" />;
  return (
    <main className="startup" aria-busy="true">
      {reading === null ? (
        <p className="startup-title" role="status">
          {messages.openingLibrary}
        </p>
      ) : (
        <>
          <h1 className="startup-title">{reading.reason === 'rebuild' ? messages.rebuildingIndexTitle : messages.catchingUpTitle}</h1>
          <progress
            className="startup-progress"
            max={reading.total}
            value={reading.done}
            aria-label={messages.articlesRead(reading.done, reading.total)}
          />
          <p role="status">{messages.articlesRead(reading.done, reading.total)}</p>
          <p className="muted">{reading.reason === 'rebuild' ? messages.rebuildingIndexWhy : messages.catchingUpWhy}</p>
        </>
      )}
    </main>
  );
}
