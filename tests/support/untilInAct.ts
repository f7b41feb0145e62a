import { act } from 'react';

/** Waits (inside act, up to 3 s) until the predicate holds: effects resolve over a few async hops. */
export async function untilInAct(predicate: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (predicate()) return;
    await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error(`Timed out waiting for ${what}`);
}
