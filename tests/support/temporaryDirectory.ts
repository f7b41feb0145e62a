import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const pendingFlushes = new Set<{ flush(): Promise<void> }>();

/** Makes the next temp-folder cleanup wait for this store's background writes (an index write may still be running). */
export function flushBeforeCleanup<Store extends { flush(): Promise<void> }>(store: Store): Store {
  pendingFlushes.add(store);
  return store;
}

/** A fresh temp folder per call, removed after the test that made it (once registered stores have flushed). */
export function useTemporaryDirectories(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    const stores = [...pendingFlushes];
    pendingFlushes.clear();
    await Promise.all(stores.map((store) => store.flush()));
    await Promise.all(made.splice(0).map((path) => rm(path, { recursive: true, force: true })));
  });
  return async () => {
    const path = await mkdtemp(join(tmpdir(), 'banthao-test-'));
    made.push(path);
    return path;
  };
}
