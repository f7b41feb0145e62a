import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleContent } from '../../../../shared/articleModel';
import { ApiError } from '../../lib/api';
import { registerFlusher } from '../../lib/pendingSaves';

/** How long the user must pause before a save starts: about a second, as promised. */
export const autosaveDelayMs = 700;
const retryDelaysMs = [2_000, 4_000, 8_000, 15_000, 30_000];

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; error: ApiError; retryInMs: number | null };

export interface AutosaveOptions {
  initialRevision: number;
  /** When the article was last saved, shown until the next save. */
  lastSavedAt?: Date;
  save: (baseRevision: number, content: ArticleContent) => Promise<{ revision: number; updatedAt: string }>;
}

/**
 * Saves the article shortly after the user pauses: one save in flight at a time, the newest content wins,
 * failures are shown and retried with back-off (never for a conflict, which needs the user).
 */
export function useAutosave({ initialRevision, lastSavedAt, save }: AutosaveOptions) {
  const [state, setState] = useState<SaveState>(lastSavedAt ? { kind: 'saved', at: lastSavedAt } : { kind: 'idle' });
  const revision = useRef(initialRevision);
  // The same revision as state, for what follows the article's saves (the versions list); a render per save.
  const [savedRevision, setSavedRevision] = useState(initialRevision);
  const readContent = useRef<(() => ArticleContent) | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const failures = useRef(0);
  const lastError = useRef<ApiError | null>(null);
  const blockedByConflict = useRef(false);
  const saveRef = useRef(save);
  saveRef.current = save;

  const clearTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };

  const runSave = useCallback(async (): Promise<void> => {
    clearTimer();
    if (inFlight.current !== null) {
      await inFlight.current;
      return;
    }
    const read = readContent.current;
    if (read === null || blockedByConflict.current) return;
    readContent.current = null;
    setState({ kind: 'saving' });
    const attempt = (async () => {
      try {
        const result = await saveRef.current(revision.current, read());
        revision.current = result.revision;
        setSavedRevision(result.revision);
        failures.current = 0;
        lastError.current = null;
        if (readContent.current === null) setState({ kind: 'saved', at: new Date() });
      } catch (caught) {
        const error = caught instanceof ApiError ? caught : new ApiError({ code: 'internal', message: String(caught) });
        lastError.current = error;
        // Keep the unsaved content unless newer edits already replaced it.
        readContent.current ??= read;
        if (error.code === 'conflict') {
          blockedByConflict.current = true;
          setState({ kind: 'failed', error, retryInMs: null });
          return;
        }
        const delay = retryDelaysMs[Math.min(failures.current, retryDelaysMs.length - 1)]!;
        failures.current += 1;
        setState({ kind: 'failed', error, retryInMs: delay });
        // eslint-disable-next-line react-hooks/immutability -- the retry calls runSave itself: the timer fires after runSave is assigned
        timer.current = setTimeout(() => void runSave(), delay);
      }
    })();
    inFlight.current = attempt;
    await attempt;
    inFlight.current = null;
    // Edits made while this save was in flight get their own save.
    if (readContent.current !== null && timer.current === null && !blockedByConflict.current) {
      setState({ kind: 'pending' });
      timer.current = setTimeout(() => void runSave(), autosaveDelayMs);
    }
  }, []);

  /** Marks the article changed; `read` is called only when the save runs, so typing stays cheap. */
  const markChanged = useCallback(
    (read: () => ArticleContent) => {
      readContent.current = read;
      if (blockedByConflict.current) return;
      if (inFlight.current === null) setState((current) => (current.kind === 'failed' ? current : { kind: 'pending' }));
      clearTimer();
      timer.current = setTimeout(() => void runSave(), autosaveDelayMs);
    },
    [runSave],
  );

  /** Saves now whatever is pending and resolves when it is on disk or has failed (a few tries, never a spin). */
  const flush = useCallback(async (): Promise<void> => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (inFlight.current !== null) {
        await inFlight.current;
        continue;
      }
      if (readContent.current === null || blockedByConflict.current) return;
      await runSave();
    }
  }, [runSave]);

  /**
   * Runs a change that makes a new revision of the article outside the autosave (a workflow move): pending edits are
   * saved first (if they cannot be, the change is not made and the save's error is thrown), no save starts while it
   * runs (edits made meanwhile wait, then save over the revision it made), and later saves build on its revision.
   */
  const runBetweenSaves = useCallback(
    async <Result extends { revision: number }>(change: (baseRevision: number) => Promise<Result>): Promise<Result> => {
      await flush();
      while (inFlight.current !== null) await inFlight.current;
      if (readContent.current !== null) {
        throw lastError.current ?? new ApiError({ code: 'internal', message: 'Chưa lưu xong các thay đổi' });
      }
      clearTimer();
      const attempt = change(revision.current);
      // Saves asked for meanwhile wait for it (runSave and flush wait on whatever is in flight).
      inFlight.current = attempt.then(
        () => undefined,
        () => undefined,
      );
      try {
        const result = await attempt;
        revision.current = result.revision;
        setSavedRevision(result.revision);
        return result;
      } finally {
        inFlight.current = null;
        if (readContent.current !== null && timer.current === null && !blockedByConflict.current) {
          setState({ kind: 'pending' });
          timer.current = setTimeout(() => void runSave(), autosaveDelayMs);
        }
      }
    },
    [flush, runSave],
  );

  const retryNow = useCallback(() => {
    failures.current = 0;
    void runSave();
  }, [runSave]);

  useEffect(() => registerFlusher(flush), [flush]);

  useEffect(
    () => () => {
      // Leaving the editor: save what is pending instead of dropping it.
      clearTimer();
      if (readContent.current !== null) void runSave();
    },
    [runSave],
  );

  /** Whether edits wait to be saved (a save that failed keeps them here). */
  const hasPendingEdits = useCallback(() => readContent.current !== null, []);

  return { state, savedRevision, markChanged, flush, runBetweenSaves, retryNow, hasPendingEdits, currentRevision: () => revision.current };
}
