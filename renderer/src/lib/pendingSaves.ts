type Flusher = () => Promise<void>;

const flushers = new Set<Flusher>();

/** Registers a function that saves pending edits; returns its unregistration (for a React effect). */
export function registerFlusher(flusher: Flusher): () => void {
  flushers.add(flusher);
  return () => {
    flushers.delete(flusher);
  };
}

/** Saves every pending edit of every open editor; the window closes only after this. */
export async function flushPendingSaves(): Promise<void> {
  await Promise.allSettled([...flushers].map((flush) => flush()));
}
