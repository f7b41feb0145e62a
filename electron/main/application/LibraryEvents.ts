import type { LibraryChange } from './LibraryChange';

/** A listener may return the background work it started, for a service that must answer only once it is done. */
export type LibraryChangeListener = (change: LibraryChange) => void | Promise<unknown>;

/**
 * The typed announcements of one opened library. Listeners run synchronously, in subscription order, after the
 * change is on disk; they start their own background work and must not throw. One that does is reported and the
 * others still run: a failed side effect must never fail the user's save.
 */
export class LibraryEvents {
  readonly #listeners = new Set<LibraryChangeListener>();
  readonly #onListenerError: (error: unknown, change: LibraryChange) => void;

  constructor(onListenerError: (error: unknown, change: LibraryChange) => void) {
    this.#onListenerError = onListenerError;
  }

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: LibraryChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  announce(change: LibraryChange): void {
    void this.announceAndWait(change);
  }

  /**
   * Announces, then resolves once the background work the listeners started for this change is done (a move answers
   * only once its version is written, so the version list shown next has it). Never rejects.
   */
  async announceAndWait(change: LibraryChange): Promise<void> {
    const started: Promise<unknown>[] = [];
    for (const listener of this.#listeners) {
      try {
        const work = listener(change);
        if (work instanceof Promise) started.push(work);
      } catch (error) {
        this.#onListenerError(error, change);
      }
    }
    await Promise.allSettled(started);
  }
}
