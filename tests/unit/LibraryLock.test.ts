import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/errorCodes';
import { intervalHeartbeat, LibraryLock, type HeartbeatTimer, type LibraryLockOwner } from '../../electron/main/storage/LibraryLock';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { bundleChildProcess } from '../support/bundleChildProcess';

const childSource = fileURLToPath(new URL('../support/libraryLockProcess.ts', import.meta.url));
// Bundled once (plain JS starts faster than through tsx), next to node_modules so packages resolve.
const childBundle = fileURLToPath(new URL('../../node_modules/.cache/banthao/libraryLockProcess.mjs', import.meta.url));
// Short timings instead of the real 30 s / 90 s.
const staleAfterMs = 2_000;
const options = { staleAfterMs, heartbeatMs: 50 };

const temporaryDirectory = useTemporaryDirectories();
const children = new Set<ChildProcess>();
const locks = new Set<LibraryLock>();

afterEach(async () => {
  vi.useRealTimers();
  for (const child of children) child.kill('SIGKILL');
  children.clear();
  await Promise.all([...locks].map((lock) => lock.release()));
  locks.clear();
});

async function acquire(dataDirectory: string, extra: Parameters<typeof LibraryLock.acquire>[1] = {}): Promise<LibraryLock> {
  const lock = await LibraryLock.acquire(dataDirectory, { ...options, ...extra });
  locks.add(lock);
  return lock;
}

/** The AppError an acquire is refused with; fails the test when it is granted. */
async function refusal(dataDirectory: string): Promise<AppError> {
  const error = await acquire(dataDirectory).then(
    () => {
      throw new Error('expected the lock to be refused');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('library-locked');
  return error as AppError;
}

/** A heartbeat the test runs by hand: each `beat()` is one refresh, resolved once it is done. */
function manualHeartbeat() {
  const heartbeat = {
    intervalMs: 0,
    stopped: false,
    beat: (): Promise<void> => Promise.reject(new Error('the lock never started its heartbeat')),
  };
  const timer: HeartbeatTimer = (beat, intervalMs) => {
    Object.assign(heartbeat, { beat, intervalMs });
    return () => {
      heartbeat.stopped = true;
    };
  };
  return Object.assign(heartbeat, { timer });
}

/** How long ago the lock file's heartbeat last touched it. */
async function lockAgeMs(dataDirectory: string): Promise<number> {
  return Date.now() - (await stat(lockPath(dataDirectory))).mtimeMs;
}

function lockPath(dataDirectory: string): string {
  return join(dataDirectory, 'library.lock');
}

async function readOwner(dataDirectory: string): Promise<LibraryLockOwner> {
  return JSON.parse(await readFile(lockPath(dataDirectory), 'utf8')) as LibraryLockOwner;
}

/** A lock file as another holder would have left it, its mtime `ageMs` in the past. */
async function writeForeignLock(dataDirectory: string, owner: Partial<LibraryLockOwner>, ageMs = 0): Promise<void> {
  const record = { pid: 1, hostname: hostname(), startedAt: new Date().toISOString(), token: 'someone-else', ...owner };
  await writeFile(lockPath(dataDirectory), JSON.stringify(record));
  await age(lockPath(dataDirectory), ageMs);
}

async function age(path: string, ageMs: number): Promise<void> {
  const then = new Date(Date.now() - ageMs);
  await utimes(path, then, then);
}

function startChild(command: string[]): ChildProcess {
  const child = spawn(process.execPath, command, { stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(child);
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

/** The pid of a process that has already ended. */
async function deadPid(): Promise<number> {
  const child = startChild(['-e', '']);
  await exited(child);
  return child.pid!;
}

/** A live process that does nothing, and its pid. */
function liveProcess(): ChildProcess {
  return startChild(['-e', 'setInterval(() => {}, 1000)']);
}

/** The first line a lock child prints: `won` or `refused <code>`. */
function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    let errors = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n')) resolve(text.split('\n')[0]!);
    });
    child.stderr!.on('data', (chunk) => (errors += String(chunk)));
    child.once('exit', () => reject(new Error(`the lock child exited without answering: ${errors}`)));
  });
}

describe('LibraryLock', () => {
  beforeAll(async () => {
    await bundleChildProcess(childSource, childBundle);
  }, 60_000);

  it('writes <data folder>/library.lock naming this process, outside the synced library folder', async () => {
    const dataDirectory = join(await temporaryDirectory(), 'not-yet-created');
    const lock = await acquire(dataDirectory, { appVersion: '1.2.3' });
    expect(lock.path).toBe(lockPath(dataDirectory));
    const owner = await readOwner(dataDirectory);
    expect(owner).toEqual(lock.owner);
    expect(owner).toMatchObject({ pid: process.pid, hostname: hostname(), appVersion: '1.2.3' });
    expect(Date.now() - Date.parse(owner.startedAt)).toBeLessThan(10_000);
  });

  it('refuses a second acquire in the same process, naming the holder in Vietnamese, and grants it after release', async () => {
    const dataDirectory = await temporaryDirectory();
    const first = await acquire(dataDirectory);
    const error = await refusal(dataDirectory);
    expect(error.message).toBe(
      `Thư viện đang được một cửa sổ Bản Thảo khác mở (tiến trình ${process.pid} trên máy ${hostname()}). ` +
        'Hãy dùng cửa sổ đó, hoặc đóng nó rồi bấm “Thử lại”.',
    );
    expect((await readOwner(dataDirectory)).token).toBe(first.owner.token);

    await first.release();
    await expect(stat(lockPath(dataDirectory))).rejects.toMatchObject({ code: 'ENOENT' });
    const second = await acquire(dataDirectory);
    expect((await readOwner(dataDirectory)).token).toBe(second.owner.token);
  });

  it('grants exactly one of many simultaneous acquires', async () => {
    const dataDirectory = await temporaryDirectory();
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => acquire(dataDirectory)));
    const granted = results.filter((result) => result.status === 'fulfilled');
    expect(granted).toHaveLength(1);
    expect((await readOwner(dataDirectory)).token).toBe((granted[0] as PromiseFulfilledResult<LibraryLock>).value.owner.token);
  });

  it('takes over a lock left by a process that has ended', async () => {
    const dataDirectory = await temporaryDirectory();
    await writeForeignLock(dataDirectory, { pid: await deadPid() });
    const lock = await acquire(dataDirectory);
    expect(await readOwner(dataDirectory)).toEqual(lock.owner);
  });

  it('takes over a lock naming this pid that this process never took (an earlier run that had the same pid)', async () => {
    const dataDirectory = await temporaryDirectory();
    await writeForeignLock(dataDirectory, { pid: process.pid, token: 'earlier-run' });
    const lock = await acquire(dataDirectory);
    expect((await readOwner(dataDirectory)).token).toBe(lock.owner.token);
  });

  it('refuses a lock held by a live process, and takes it over once its heartbeat is stale (the pid was reused)', async () => {
    const dataDirectory = await temporaryDirectory();
    const holder = liveProcess();
    await writeForeignLock(dataDirectory, { pid: holder.pid! }, staleAfterMs / 2);
    expect((await refusal(dataDirectory)).message).toContain(`tiến trình ${holder.pid} trên máy ${hostname()}`);
    expect((await readOwner(dataDirectory)).pid).toBe(holder.pid);

    await age(lockPath(dataDirectory), staleAfterMs * 2);
    const lock = await acquire(dataDirectory);
    expect((await readOwner(dataDirectory)).token).toBe(lock.owner.token);
  });

  it('judges another machine’s lock by its heartbeat only: fresh is refused even with a pid dead here, stale is taken over', async () => {
    const dataDirectory = await temporaryDirectory();
    const pid = await deadPid();
    await writeForeignLock(dataDirectory, { pid, hostname: 'may-bien-tap-2' }, staleAfterMs / 2);
    expect((await refusal(dataDirectory)).message).toContain(`tiến trình ${pid} trên máy may-bien-tap-2`);

    await age(lockPath(dataDirectory), staleAfterMs * 2);
    const lock = await acquire(dataDirectory);
    expect((await readOwner(dataDirectory)).token).toBe(lock.owner.token);
  });

  it.each([
    ['empty', ''],
    ['cut short', '{"pid":12'],
    ['not a lock', '{"hello":"world"}'],
    ['a pid that is not one', JSON.stringify({ pid: -1, hostname: hostname(), startedAt: '', token: 'x' })],
  ])('takes over a damaged lock file (%s)', async (_name, content) => {
    const dataDirectory = await temporaryDirectory();
    await writeFile(lockPath(dataDirectory), content);
    const lock = await acquire(dataDirectory);
    expect((await readOwner(dataDirectory)).token).toBe(lock.owner.token);
  });

  it('release leaves alone a lock that is no longer ours', async () => {
    const dataDirectory = await temporaryDirectory();
    const lock = await acquire(dataDirectory, { heartbeatMs: 60_000 });
    await writeForeignLock(dataDirectory, { hostname: 'may-khac', token: 'new-holder' });
    await lock.release();
    expect(await readOwner(dataDirectory)).toMatchObject({ hostname: 'may-khac', token: 'new-holder' });
  });

  it('refreshes the lock’s mtime on each heartbeat while held, and stops, reporting the loss, once the lock is taken over', async () => {
    const dataDirectory = await temporaryDirectory();
    const heartbeat = manualHeartbeat();
    let losses = 0;
    await acquire(dataDirectory, { heartbeatTimer: heartbeat.timer, onLost: () => (losses += 1) });
    expect(heartbeat.intervalMs).toBe(options.heartbeatMs);
    await age(lockPath(dataDirectory), 60_000);
    await heartbeat.beat();
    expect(await lockAgeMs(dataDirectory)).toBeLessThan(30_000);
    expect(losses).toBe(0);

    await writeForeignLock(dataDirectory, { hostname: 'may-khac', token: 'new-holder' }, 60_000);
    await heartbeat.beat();
    expect(losses).toBe(1);
    expect(heartbeat.stopped).toBe(true);
    expect(await lockAgeMs(dataDirectory)).toBeGreaterThan(50_000);
  });

  it('beats every heartbeatMs on its default timer until stopped', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let beats = 0;
    const stop = intervalHeartbeat(async () => void (beats += 1), 50);
    vi.advanceTimersByTime(49);
    expect(beats).toBe(0);
    vi.advanceTimersByTime(1);
    expect(beats).toBe(1);
    vi.advanceTimersByTime(100);
    expect(beats).toBe(3);
    stop();
    vi.advanceTimersByTime(500);
    expect(beats).toBe(3);
  });

  it('refreshes the lock on the default timer when no other is given', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const dataDirectory = await temporaryDirectory();
    await acquire(dataDirectory);
    await age(lockPath(dataDirectory), 60_000);
    vi.advanceTimersByTime(options.heartbeatMs);
    // The beat's file I/O is real: wait for its effect, with a generous deadline.
    await vi.waitFor(async () => expect(await lockAgeMs(dataDirectory)).toBeLessThan(30_000), { timeout: 4_000 });
  });

  it('removes a takeover guard left by a crash', async () => {
    const dataDirectory = await temporaryDirectory();
    const guard = join(dataDirectory, 'library.lock.guard');
    await writeFile(guard, '');
    await age(guard, staleAfterMs * 2);
    await acquire(dataDirectory);
    await expect(stat(guard)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  describe('across processes', () => {
    it('refuses while another process holds the lock and takes it over once that process is killed', async () => {
      const dataDirectory = await temporaryDirectory();
      const holder = startChild([childBundle, dataDirectory, String(staleAfterMs)]);
      expect(await firstLine(holder)).toBe('won');
      expect((await refusal(dataDirectory)).message).toContain(`tiến trình ${holder.pid} `);

      holder.kill('SIGKILL');
      await exited(holder);
      const lock = await acquire(dataDirectory);
      expect((await readOwner(dataDirectory)).token).toBe(lock.owner.token);
    }, 20_000);

    it('lets exactly one of several processes take over an abandoned lock', async () => {
      const dataDirectory = await temporaryDirectory();
      await writeForeignLock(dataDirectory, { pid: await deadPid() });
      const contenders = Array.from({ length: 5 }, () => startChild([childBundle, dataDirectory, String(staleAfterMs)]));
      const answers = await Promise.all(contenders.map(firstLine));
      expect(answers.filter((answer) => answer === 'won')).toHaveLength(1);
      expect(answers.filter((answer) => answer === 'refused library-locked')).toHaveLength(4);
      const winner = contenders[answers.indexOf('won')]!;
      expect((await readOwner(dataDirectory)).pid).toBe(winner.pid);

      // Closing its stdin makes the winner release: the file is gone once it exits.
      winner.stdin!.end();
      await exited(winner);
      expect(winner.exitCode).toBe(0);
      await expect(stat(lockPath(dataDirectory))).rejects.toMatchObject({ code: 'ENOENT' });
    }, 20_000);
  });
});
