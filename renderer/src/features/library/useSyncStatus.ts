import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncOutcome, SyncStatus } from '../../../../shared/sharedLibraryModel';
import { api, onSharedLibrarySynced } from '../../lib/api';

/** How often the status is asked while a sync runs, and otherwise (it is held in memory by main: cheap). */
const syncingPollMs = 2_000;
const idlePollMs = 15_000;

export interface SyncStatusHandle {
  /** null until first read (or when it cannot be read: no shared library to speak of). */
  status: SyncStatus | null;
  /** Whether an address is saved in Cài đặt (a library that has not joined says so only then). */
  addressSaved: boolean;
  /** A join or "Đồng bộ ngay" asked from this window is under way. */
  running: boolean;
  /** Joins or syncs now; the outcome (what went wrong is in its status), or the error the call itself threw. */
  run: (kind: 'join' | 'syncNow') => Promise<SyncOutcome>;
  /** Reads the status (and whether an address is saved) again now. */
  refresh: () => void;
}

/**
 * The shared library's status as the window shows it: read at once, then every 2 s while a sync runs and every 15 s
 * otherwise, and taken from each sync's outcome as it arrives (main's `sharedLibrary:synced`).
 */
export function useSyncStatus(): SyncStatusHandle {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [addressSaved, setAddressSaved] = useState(false);
  const [running, setRunning] = useState(false);
  const mounted = useRef(true);
  const [reads, setReads] = useState(0);
  // Bumped by each outcome: a status read begun before it is older than the outcome and is dropped.
  const outcomes = useRef(0);
  const takeOutcome = useCallback((outcome: SyncOutcome) => {
    outcomes.current += 1;
    setStatus(outcome.status);
  }, []);

  const refresh = useCallback(() => setReads((count) => count + 1), []);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // One read per `reads`, then the next one is scheduled from what it said.
  useEffect(() => {
    let current = true;
    const before = outcomes.current;
    api
      .sharedLibraryStatus({})
      .then(async (read) => {
        // Whether to show anything before joining depends on an address being saved.
        const saved = read.state !== 'not-joined' || (await api.sharedLibraryGet({})).address !== '';
        if (!current || outcomes.current !== before) return;
        setStatus(read);
        setAddressSaved(saved);
      })
      .catch(() => current && outcomes.current === before && setStatus(null));
    return () => {
      current = false;
    };
  }, [reads]);

  const syncing = status?.state === 'syncing' || running;
  useEffect(() => {
    const timer = setTimeout(refresh, syncing ? syncingPollMs : idlePollMs);
    return () => clearTimeout(timer);
  }, [reads, syncing, refresh]);

  useEffect(() => {
    try {
      return onSharedLibrarySynced(takeOutcome);
    } catch {
      // No platform API (a page without it): the polling alone keeps the status.
      return undefined;
    }
  }, [takeOutcome]);

  const run = useCallback(
    async (kind: 'join' | 'syncNow') => {
      setRunning(true);
      refresh();
      try {
        const outcome = await (kind === 'join' ? api.sharedLibraryJoin({}) : api.sharedLibrarySyncNow({}));
        if (mounted.current) takeOutcome(outcome);
        return outcome;
      } finally {
        if (mounted.current) setRunning(false);
      }
    },
    [refresh, takeOutcome],
  );

  return { status, addressSaved, running, run, refresh };
}
