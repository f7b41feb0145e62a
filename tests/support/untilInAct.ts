import { act } from 'react';

// Captured before any test fakes timers: the wait below stays real time, and never moves a test's fake clock.
const realSetTimeout = globalThis.setTimeout;

/** Waits (inside act, up to 3 s) until the predicate holds: effects resolve over a few async hops. */
export async function untilInAct(predicate: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (predicate()) return;
    await act(async () => new Promise((resolve) => realSetTimeout(resolve, 10)));
  }
  throw new Error(`Timed out waiting for ${what}`);
}
