/** How long main waits for the window to save its pending edits before going on (a hung page must not block it). */
export const saveRequestTimeoutMs = 5_000;

export interface SaveRequestsOptions {
  /** Asks the page to save its pending edits, then to answer with this id (the `package:receiving` event). */
  send(requestId: number): void;
  /** Whether the page has loaded: one still loading holds no edits and could not answer yet. */
  pageLoaded(): boolean;
  timeoutMs?: number;
}

export interface SaveRequests {
  /** Asks the page to save what it holds; resolves once it answers, or after the timeout. */
  request(): Promise<void>;
  /** The page's answer (`package:readyToReceive`); an unknown or late id is ignored. */
  answered(requestId: number): void;
}

/**
 * The handshake before main changes an article the window may be editing (receiving a package opened outside it), the
 * way closing waits for the editor (guardWindowClose): a numbered request out, its answer back.
 */
export function createSaveRequests(options: SaveRequestsOptions): SaveRequests {
  const timeoutMs = options.timeoutMs ?? saveRequestTimeoutMs;
  const waiting = new Map<number, () => void>();
  let nextId = 1;
  return {
    request() {
      if (!options.pageLoaded()) return Promise.resolve();
      const requestId = nextId++;
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiting.delete(requestId);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        waiting.set(requestId, done);
        options.send(requestId);
      });
    },
    answered(requestId) {
      waiting.get(requestId)?.();
    },
  };
}
