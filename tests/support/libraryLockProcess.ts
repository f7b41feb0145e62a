/**
 * LibraryLock's cross-process test child: tries to take `<data folder>`'s lock and prints `won` or `refused <code>`;
 * a winner holds the lock (heartbeating) until its stdin closes, then releases it and exits.
 * Run with `node --import tsx tests/support/libraryLockProcess.ts <data folder> [staleAfterMs]`.
 */
import { LibraryLock } from '../../electron/main/storage/LibraryLock';

const dataDirectory = process.argv[2];
if (dataDirectory === undefined) throw new Error('usage: libraryLockProcess.ts <data folder> [staleAfterMs]');
const staleAfterMs = process.argv[3] === undefined ? undefined : Number(process.argv[3]);

try {
  const lock = await LibraryLock.acquire(dataDirectory, { staleAfterMs, heartbeatMs: 100 });
  process.stdout.write('won\n');
  // A timer keeps the process alive (the heartbeat is unref'd) until the parent closes stdin.
  const alive = setInterval(() => {}, 1_000);
  process.stdin.resume();
  process.stdin.on('end', () => {
    clearInterval(alive);
    void lock.release().then(() => process.exit(0));
  });
} catch (error) {
  process.stdout.write(`refused ${(error as { code?: string }).code ?? String(error)}\n`);
}
