import type { LibraryChange } from './LibraryChange';

export type LibraryChangeListener = (change: LibraryChange) => void;

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
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch (error) {
        this.#onListenerError(error, change);
      }
    }
  }
}
