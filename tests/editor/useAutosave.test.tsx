import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleContent } from '../../shared/articleModel';
import { ApiError } from '../../renderer/src/lib/api';
import { flushPendingSaves } from '../../renderer/src/lib/pendingSaves';
import { autosaveDelayMs, useAutosave, type SaveState } from '../../renderer/src/features/editor/useAutosave';
import { sampleContent } from '../support/sampleContent';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type SaveFunction = (baseRevision: number, content: ArticleContent) => Promise<{ revision: number; updatedAt: string }>;

/** Mounts the hook in a real React root and exposes its latest return value. */
function mountAutosave(save: SaveFunction) {
  const latest: { current: ReturnType<typeof useAutosave> | null } = { current: null };
  function Probe() {
    latest.current = useAutosave({ initialRevision: 1, save });
    return null;
  }
  const container = document.createElement('div');
  let root: Root;
  act(() => {
    root = createRoot(container);
    root.render(<Probe />);
  });
  return { hook: () => latest.current!, state: (): SaveState => latest.current!.state, unmount: () => act(() => root.unmount()) };
}

/** A save that resolves when the test says so, recording what it was given. */
function controllableSave() {
  const calls: Array<{ baseRevision: number; content: ArticleContent; resolve: () => void; reject: (error: unknown) => void }> = [];
  const save: SaveFunction = (baseRevision, content) =>
    new Promise((resolve, reject) => {
      calls.push({
        baseRevision,
        content,
        resolve: () => resolve({ revision: baseRevision + 1, updatedAt: new Date().toISOString() }),
        reject,
      });
    });
  return { save, calls };
}

describe('useAutosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once, shortly after the user pauses, with the newest content', async () => {
    const { save, calls } = controllableSave();
    const view = mountAutosave(save);
    act(() => view.hook().markChanged(() => sampleContent({ title: 'H' })));
    act(() => view.hook().markChanged(() => sampleContent({ title: 'Hội' })));
    expect(view.state().kind).toBe('pending');
    await act(async () => vi.advanceTimersByTime(autosaveDelayMs - 1));
    expect(calls).toHaveLength(0);
    await act(async () => vi.advanceTimersByTime(1));
    expect(calls.map((call) => call.content.title)).toEqual(['Hội']);
    expect(view.state().kind).toBe('saving');
    await act(async () => calls[0]!.resolve());
    expect(view.state().kind).toBe('saved');
    view.unmount();
  });

  it('bases each save on the revision the previous save returned', async () => {
    const { save, calls } = controllableSave();
    const view = mountAutosave(save);
    act(() => view.hook().markChanged(() => sampleContent({ title: 'a' })));
    await act(async () => vi.advanceTimersByTime(autosaveDelayMs));
    await act(async () => calls[0]!.resolve());
    act(() => view.hook().markChanged(() => sampleContent({ title: 'b' })));
    await act(async () => vi.advanceTimersByTime(autosaveDelayMs));
    expect(calls.map((call) => call.baseRevision)).toEqual([1, 2]);
    view.unmount();
  });

  it('keeps one save in flight and saves edits made meanwhile right after it', async () => {
    const { save, calls } = controllableSave();
    const view = mountAutosave(save);
    act(() => view.hook().markChanged(() => sampleContent({ title: 'first' })));
    await act(async () => vi.advanceTimersByTime(autosaveDelayMs));
    act(() => view.hook().markChanged(() => sampleContent({ title: 'second' })));
    await act(async () => vi.advanceTimersByTime(autosaveDelayMs * 3));
    expect(calls).toHaveLength(1);
    await act(async () => calls[0]!.resolve());
    await act(async () => vi.advanceTimersByTime(autosaveDelayMs));
    expect(calls.map((call) => call.content.title)).toEqual(['first', 'second']);
    view.unmount();
  });

  it('shows why a save failed and retries it by itself', async () => {
    const { save, calls } = controllableSave();
    const view = mountAutosave(save);
    act(() => view.hook().markChanged(() => sampleContent({ title: 'kept' })));
    await act(async () => vi.advanceTimersByTime(autosaveDelayMs));
    await act(async () => calls[0]!.reject(new ApiError({ code: 'disk-full', message: 'ENOSPC' })));
    const failed = view.state();
    expect(failed.kind === 'failed' && failed.error.code).toBe('disk-full');
    await act(async () => vi.advanceTimersByTime(2_000));
    expect(calls.map((call) => call.content.title)).toEqual(['kept', 'kept']);
    await act(async () => calls[1]!.resolve());
    expect(view.state().kind).toBe('saved');
    view.unmount();
  });

  it('never retries a conflicting save by itself (the user must decide)', async () => {
    const { save, calls } = controllableSave();
    const view = mountAutosave(save);
    act(() => view.hook().markChanged(() => sampleContent()));
    await act(async () => vi.advanceTimersByTime(autosaveDelayMs));
    await act(async () => calls[0]!.reject(new ApiError({ code: 'conflict', message: 'revision 5' })));
    await act(async () => vi.advanceTimersByTime(60_000));
    expect(calls).toHaveLength(1);
    expect(view.state()).toMatchObject({ kind: 'failed', retryInMs: null });
    view.unmount();
  });

  it('saves pending edits at once when the window is about to close', async () => {
    const { save, calls } = controllableSave();
    const view = mountAutosave(save);
    act(() => view.hook().markChanged(() => sampleContent({ title: 'last words' })));
    let flushed = false;
    let closing: Promise<unknown> = Promise.resolve();
    await act(async () => {
      closing = flushPendingSaves().then(() => (flushed = true));
    });
    expect(calls.map((call) => call.content.title)).toEqual(['last words']);
    expect(flushed).toBe(false);
    await act(async () => calls[0]!.resolve());
    await closing;
    expect(flushed).toBe(true);
    view.unmount();
  });
});
