/**
 * A crash or power cut at any moment of a sync leaves the library whole, and the next sync recovers: a syncing child is
 * killed with SIGKILL at random moments (seeded, as the save crash test does), the Git folder and the sync state are
 * damaged in every way a crash or a disk can, and a state write fails half-way through a sync.
 * `BANTHAO_SYNC_CRASH_SEED=1234 npx vitest run --project unit tests/unit/sharedLibrary/syncCrash.test.ts` replays the kill
 * delays of seed 1234; `BANTHAO_SYNC_CRASH_ROUNDS` sets the number of kills (6, or 60 with `vitest --mode stress`).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fileSystem from 'node:fs/promises';
import { readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LibrarySession } from '../../../electron/main/application/LibrarySession';
import { createHandlers } from '../../../electron/main/ipc/createHandlers';
import { libraryLayout, sharedFileOf } from '../../../electron/main/library/libraryLayout';
import { checkPulledFile } from '../../../electron/main/sharedLibrary/checkPulledFile';
import type { DurableFileSystem } from '../../../electron/main/storage/writeFileDurably';
import { articleContentOf } from '../../../shared/articleModel';
import { bodyWithPhoto } from '../../support/bodyWithPhoto';
import { bundleChildProcess } from '../../support/bundleChildProcess';
import { memorySecretBox } from '../../support/memorySecretBox';
import { cannedDialogs, type TestSession } from '../../support/openTestSession';
import { sampleContent } from '../../support/sampleContent';
import { seededRandom, seedFromEnvironment } from '../../support/seededRandom';
import { startSharedNewsroom, type Member, type SharedNewsroom } from '../../support/sharedNewsroom';
import type { SyncLoopAck } from '../../support/syncLoopProcess';
import { flushBeforeCleanup, useTemporaryDirectories } from '../../support/temporaryDirectory';
import { twoColourJpeg } from '../media/photoFixtures';

// A fifth of the save crash test's kills: 6 by default, 60 under `vitest --mode stress` (vitest.config.ts sets 300 there).
const rounds = Number(process.env.BANTHAO_SYNC_CRASH_ROUNDS ?? Math.ceil(Number(process.env.BANTHAO_CRASH_ITERATIONS ?? 30) / 5));
const seed = seedFromEnvironment('BANTHAO_SYNC_CRASH_SEED');
const replayCommand =
  `BANTHAO_SYNC_CRASH_SEED=${seed} BANTHAO_SYNC_CRASH_ROUNDS=${rounds} ` +
  'npx vitest run --project unit tests/unit/sharedLibrary/syncCrash.test.ts';
const childSource = fileURLToPath(new URL('../../support/syncLoopProcess.ts', import.meta.url));
const childBundle = fileURLToPath(new URL('../../../node_modules/.cache/banthao/syncLoopProcess.mjs', import.meta.url));

const temporaryDirectory = useTemporaryDirectories();
let newsroom: SharedNewsroom;

beforeAll(async () => {
  await bundleChildProcess(childSource, childBundle);
}, 60_000);
beforeEach(async () => {
  newsroom = await startSharedNewsroom(temporaryDirectory);
});
afterEach(async () => {
  await newsroom.close();
});

interface ChildRun {
  acks: SyncLoopAck[];
  failures: string[];
  errors: string;
}

/** Runs the syncing child on a data folder until a moment after it is ready, then kills it with SIGKILL. */
function runAndKill(dataDirectory: string, firstCounter: number, killAfterReadyMs: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childBundle, dataDirectory, String(firstCounter)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const run: ChildRun = { acks: [], failures: [], errors: '' };
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), killAfterReadyMs);
        else if (line.startsWith('synced ')) run.acks.push(JSON.parse(line.slice('synced '.length)) as SyncLoopAck);
        else if (line.startsWith('failed ')) run.failures.push(line.slice('failed '.length));
      }
    });
    child.stderr.on('data', (chunk) => (run.errors += String(chunk)));
    child.on('error', reject);
    // 'close' comes after stdout is drained: every line printed before the kill has been read.
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the sync child stopped by itself (${code}): ${run.errors}`));
      else resolve(run);
    });
  });
}

/** Every file under a folder, relative and `/`-separated. */
async function filesUnder(folder: string, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
    if (entry.isDirectory()) found.push(...(await filesUnder(join(folder, entry.name), `${prefix}${entry.name}/`)));
    else found.push(`${prefix}${entry.name}`);
  }
  return found;
}

function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What the shared library carries of a member's library: the active articles' content, every other shared file's hash. */
async function sharedView(session: TestSession) {
  const { store } = session.library;
  const articles: Record<string, unknown> = {};
  for (const { id } of store.list('active')) {
    const article = await store.get(id);
    articles[id] = { ...articleContentOf(article), trashedAt: article.trashedAt };
  }
  const folder = session.library.layout.library.folder;
  const files: Record<string, string> = {};
  for (const path of await filesUnder(folder)) {
    const kind = sharedFileOf(path)?.kind;
    if (kind !== undefined && kind !== 'article') files[path] = hashOf(await readFile(join(folder, path)));
  }
  return { articles, files };
}

/** Every shared file of the library by its hash (articles included): to see what a sync changed. */
async function sharedFileHashes(session: TestSession): Promise<Record<string, string>> {
  const folder = session.library.layout.library.folder;
  const files: Record<string, string> = {};
  for (const path of await filesUnder(folder)) {
    if (sharedFileOf(path) !== null) files[path] = hashOf(await readFile(join(folder, path)));
  }
  return files;
}

/** The library as reopened after a kill: every article reads, the list is the files, no stray temp file, every file passes the checks. */
async function expectLibraryWhole(session: TestSession, context: string): Promise<{ betweenRenames: number; temporary: string[] }> {
  const { store, layout } = session.library;
  expect(store.recoveryNotices(), `${context}: recovery needed`).toEqual([]);
  const listed = [...store.list('active'), ...store.list('trash')].map((summary) => summary.id).sort();
  for (const id of listed) await store.get(id);
  const files = await filesUnder(layout.library.folder);
  // Opening the library removes the temp files of article saves; a kill while a record, a photo or a search shard was
  // written leaves a hidden one (`.<name>.<pid>.<random>.tmp`, never synced) that nothing removes yet: counted, and
  // any other temp file is refused.
  const temporary = files.filter((path) => path.endsWith('.tmp'));
  expect(
    temporary.filter((path) => /^articles\/[^/]+\/[^/]+$/.test(path)),
    `${context}: temp files of article saves left in library/`,
  ).toEqual([]);
  expect(
    temporary.filter((path) => !/(^|\/)\.[^/]+\.\d+\.[0-9a-f]{12}\.tmp$/.test(path)),
    `${context}: temp files not named as a durable write names them`,
  ).toEqual([]);
  // A kill between a save's two renames leaves only the previous generation (`<id>.json.prev`): the store reads that.
  const articleFiles = files.flatMap((path) => {
    const file = sharedFileOf(path.replace(/\.prev$/, ''));
    return file?.kind === 'article' && (!path.endsWith('.prev') || !files.includes(path.slice(0, -'.prev'.length)))
      ? [file.articleId!]
      : [];
  });
  expect(articleFiles.sort(), `${context}: the list is the article files`).toEqual(listed);
  for (const path of files) {
    if (sharedFileOf(path) === null) continue;
    const check = await checkPulledFile(path, await readFile(join(layout.library.folder, path)));
    expect(check, `${context}: ${path} is whole`).toMatchObject({ ok: true });
  }
  // A kill may leave a Git folder set aside there, never a library file.
  for (const path of await filesUnder(layout.quarantine)) expect(path, `${context}: quarantined`).toMatch(/^[^/]+\/sync-git\//);
  const betweenRenames = files.filter((path) => path.endsWith('.json.prev') && !files.includes(path.slice(0, -'.prev'.length))).length;
  return { betweenRenames, temporary };
}

async function syncOk(member: Member | TestSession, context: string) {
  const session = 'session' in member ? member.session : member;
  const outcome = await session.handlers['sharedLibrary:syncNow']({});
  const logged = 'logged' in session ? (session.logged as string[]).join('\n') : '';
  expect(outcome.status.message, `${context}: sync message (logged: ${logged})`).toBeNull();
  return outcome;
}

async function pendingConflicts(session: TestSession): Promise<string[]> {
  return session.run(async (application) => (await application.conflicts.pendingArticleIds()).sort());
}

/** Saves new values for some fields of an article. */
async function edit(session: TestSession, id: string, changes: Partial<ReturnType<typeof articleContentOf>>): Promise<void> {
  const article = await session.handlers['article:get']({ id });
  await session.handlers['article:save']({ id, baseRevision: article.revision, content: { ...articleContentOf(article), ...changes } });
}

function paragraph(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

/** Reporter A with three articles (one with a photo) joined first, editor B joined after, A synced again. */
async function joinedNewsroom(): Promise<{ a: Member; b: Member; ids: string[]; photoArticle: string }> {
  const a = await newsroom.member({ name: 'Ngọc Sơn', role: 'reporter' });
  const b = await newsroom.member({ name: 'Thu Hà', role: 'editor' });
  const photo = await a.session.handlers['media:importBytes']({ fileName: 'cau-rong.jpg', bytes: new Uint8Array(await twoColourJpeg()) });
  const ids: string[] = [];
  for (const title of ['Hội nghị sơ kết', 'Cầu Rồng', 'Mùa nước nổi']) {
    const created = await a.session.handlers['article:create']({});
    await a.session.handlers['article:save']({ id: created.id, baseRevision: created.revision, content: sampleContent({ title }) });
    ids.push(created.id);
  }
  const photoArticle = ids[0]!;
  await edit(a.session, photoArticle, { body: bodyWithPhoto(photo.id), coverMediaId: photo.id });
  await a.session.handlers['comment:start']({ id: photoArticle, text: 'Ảnh đẹp', quote: '' });
  expect((await a.session.handlers['sharedLibrary:join']({})).status.message).toBeNull();
  expect((await b.session.handlers['sharedLibrary:join']({})).status.message).toBeNull();
  // Something of B's for A to fetch: A's Git folder then holds a pack as well as loose objects.
  await b.session.handlers['comment:start']({ id: ids[1]!, text: 'Hà đã đọc', quote: '' });
  await syncOk(b, 'B after joining');
  await syncOk(a, 'A after B joined');
  return { a, b, ids, photoArticle };
}

/** A's and B's libraries carry the same: articles, records, photos. */
async function expectSame(a: TestSession, b: TestSession, context: string, check: typeof expect.soft = expect): Promise<void> {
  const [viewA, viewB] = [await sharedView(a), await sharedView(b)];
  check(Object.keys(viewA.articles).sort(), `${context}: active articles`).toEqual(Object.keys(viewB.articles).sort());
  for (const id of Object.keys(viewA.articles)) check(viewA.articles[id], `${context}: article ${id}`).toEqual(viewB.articles[id]);
  check(viewA.files, `${context}: records and photos`).toEqual(viewB.files);
}

/** A member's session over a data folder, keeping what it logs (a failed sync's cause); durable writes through `fileSystem` if given. */
async function openSessionWith(dataDirectory: string, durableFileSystem?: DurableFileSystem): Promise<TestSession & { logged: string[] }> {
  const logged: string[] = [];
  const session = LibrarySession.start({
    dataDirectory,
    appVersion: 'test',
    dialogs: cannedDialogs(),
    secretBox: memorySecretBox(),
    ...(durableFileSystem === undefined ? {} : { writeOptions: { fileSystem: durableFileSystem } }),
    logError: (context, error) => logged.push(`${context}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    onSubscriberError: (error) => {
      throw error;
    },
  });
  flushBeforeCleanup({ flush: () => session.close() });
  const handlers = createHandlers(session, { onCloseReady: () => {} });
  await session.ready;
  return Object.assign(session, { handlers, logged });
}

/** Node's file system, except that putting a new `sync/state.json` in place fails while `failing(count)` says so (count from 1). */
function stateWritesFailing(failing: (count: number) => boolean): DurableFileSystem & { stateWrites: () => number } {
  let count = 0;
  return {
    open: (path, flags) => fileSystem.open(path, flags),
    rename: async (from, to) => {
      // The temp file's rename is the write; a rename back from `.prev` (after a failure) is not counted or failed.
      if (to.endsWith(join('sync', 'state.json')) && from.endsWith('.tmp')) {
        count += 1;
        if (failing(count)) throw Object.assign(new Error('EIO: i/o error (simulated), rename'), { code: 'EIO' });
      }
      return fileSystem.rename(from, to);
    },
    unlink: (path) => fileSystem.unlink(path),
    mkdir: (path, options) => fileSystem.mkdir(path, options),
    stateWrites: () => count,
  };
}

describe('a sync killed at a random moment', () => {
  it(
    `leaves the library whole and loses nothing acknowledged, through ${rounds} SIGKILLs of a syncing process (seed ${seed})`,
    async () => {
      try {
        const { a, b, photoArticle } = await joinedNewsroom();
        const bArticle = (await b.session.handlers['library:list']({ scope: 'active' })).find((s) => s.id !== photoArticle)!.id;
        await a.session.close();
        const random = seededRandom(seed);
        const acks: SyncLoopAck[] = [];
        let syncs = 0;
        let betweenRenames = 0;
        const temporaryLeft = new Set<string>();
        for (let round = 1; round <= rounds; round += 1) {
          const context = `round ${round}`;
          // B's change waits on the server: the child pulls it (and merges it with its own edits) while it may be killed.
          await edit(b.session, bArticle, { body: paragraph(`Thân bài Hà sửa, vòng ${round}`) });
          await syncOk(b, `${context}: B before the child`);
          const run = await runAndKill(a.dataDirectory, round * 1000, Math.floor(random() * 2500));
          expect(run.failures, `${context}: the child's syncs failed: ${run.errors}`).toEqual([]);
          acks.push(...run.acks);
          syncs += run.acks.length;

          const reopened = await openSessionWith(a.dataDirectory);
          const whole = await expectLibraryWhole(reopened, `${context}, reopened`);
          betweenRenames += whole.betweenRenames;
          for (const path of whole.temporary) temporaryLeft.add(path);
          await syncOk(reopened, `${context}: A after the kill`);
          await syncOk(b, `${context}: B`);
          await syncOk(reopened, `${context}: A again`);
          await expectSame(reopened, b.session, context);
          // B's change of this round is kept, not overwritten by A's older text.
          const bBody = (await b.session.handlers['article:get']({ id: bArticle })).body;
          expect(JSON.stringify(bBody), `${context}: B's body`).toContain(`Thân bài Hà sửa, vòng ${round}`);
          expect(await pendingConflicts(reopened), `${context}: conflicts at A`).toEqual([]);
          expect(await pendingConflicts(b.session), `${context}: conflicts at B`).toEqual([]);
          for (const ack of acks) {
            for (const id of ack.created) expect(b.session.library.store.has(id), `${context}: created ${id} reached B`).toBe(true);
            for (const [id, title] of Object.entries(ack.titles)) {
              const atB = (await b.session.handlers['article:get']({ id })).title;
              // A later edit of the same article may have reached B too: never an earlier one.
              expect(counterOf(atB), `${context}: ${id} at B is "${atB}", acknowledged "${title}"`).toBeGreaterThanOrEqual(
                counterOf(title),
              );
            }
            for (const [id, threads] of Object.entries(ack.threads)) {
              const atB = (await b.session.handlers['comment:list']({ id })).map((thread) => thread.id);
              expect(atB, `${context}: comments of ${id} at B`).toEqual(expect.arrayContaining(threads));
            }
          }
          await reopened.close();
        }
        console.info(
          `sync crash: ${rounds} kills, ${syncs} acknowledged syncs, ` +
            `${betweenRenames} files found between a save's two renames, ${temporaryLeft.size} hidden temp files left (seed ${seed})`,
        );
        expect(syncs, 'the child synced at all').toBeGreaterThan(0);
      } catch (error) {
        if (error instanceof Error) error.message += `\n(sync crash seed ${seed}; replay with: ${replayCommand})`;
        throw error;
      }
    },
    rounds * 15_000 + 30_000,
  );
});

function counterOf(title: string): number {
  return Number(/#(\d+)$/.exec(title)?.[1] ?? -1);
}

/** Ways the Git folder (`sync/git`) can be damaged by a crash or a disk. */
const damages: Record<string, (git: string) => Promise<void>> = {
  'every loose object truncated': async (git) => {
    const loose = (await filesUnder(join(git, 'objects'))).filter((path) => /^[0-9a-f]{2}\//.test(path));
    expect(loose.length).toBeGreaterThan(0);
    for (const path of loose) {
      const bytes = await readFile(join(git, 'objects', path));
      await truncate(join(git, 'objects', path), Math.floor(bytes.length / 2));
    }
  },
  // What a kill leaves when it lands while isomorphic-git writes an object in place (it never rewrites one that exists).
  'every loose object emptied': async (git) => {
    const loose = (await filesUnder(join(git, 'objects'))).filter((path) => /^[0-9a-f]{2}\//.test(path));
    expect(loose.length).toBeGreaterThan(0);
    for (const path of loose) await truncate(join(git, 'objects', path), 0);
  },
  'every pack file truncated': async (git) => {
    const packs = (await filesUnder(join(git, 'objects'))).filter((path) => path.endsWith('.pack'));
    expect(packs.length).toBeGreaterThan(0);
    for (const path of packs) {
      const bytes = await readFile(join(git, 'objects', path));
      await truncate(join(git, 'objects', path), Math.floor(bytes.length / 2));
    }
  },
  'objects/ deleted': (git) => rm(join(git, 'objects'), { recursive: true, force: true }),
  'refs/heads/main pointing to garbage': (git) => writeFile(join(git, 'refs', 'heads', 'main'), 'rác rưởi\n'),
  'HEAD removed': (git) => rm(join(git, 'HEAD'), { force: true }),
  'the Git folder replaced by a file': async (git) => {
    await rm(git, { recursive: true, force: true });
    await writeFile(git, 'không phải thư mục');
  },
};

describe('a damaged Git folder', () => {
  for (const [damage, apply] of Object.entries(damages)) {
    it(`is rebuilt from the server and the library, losing nothing: ${damage}`, async () => {
      const { a, b, ids, photoArticle } = await joinedNewsroom();
      const [ours, theirs] = [ids[1]!, ids[2]!];
      // A's change made before the damage, not yet synced; B's change waiting on the server.
      await edit(a.session, ours, { title: 'Sơn sửa trước khi hỏng' });
      const thread = await a.session.handlers['comment:start']({ id: photoArticle, text: 'Góp ý trước khi hỏng', quote: '' });
      await edit(b.session, theirs, { sapo: 'Hà sửa sapo' });
      await b.session.handlers['comment:start']({ id: theirs, text: 'Góp ý của Hà', quote: '' });
      await syncOk(b, 'B');
      const before = await sharedFileHashes(a.session);

      await apply(libraryLayout(a.dataDirectory).sync.git);
      await syncOk(a, `A after "${damage}"`);

      // Unchanged apart from what the server brought: B's article merged in, B's new files added.
      const after = await sharedFileHashes(a.session);
      const fromB = await sharedFileHashes(b.session);
      const theirsFile = Object.keys(before).find(
        (path) => sharedFileOf(path)?.articleId === theirs && sharedFileOf(path)?.kind === 'article',
      );
      for (const [path, hash] of Object.entries(before)) {
        if (path !== theirsFile) expect(after[path], `${path} after "${damage}"`).toBe(hash);
      }
      for (const path of Object.keys(after)) {
        if (!(path in before)) expect(after[path], `${path} came from B`).toBe(fromB[path]);
      }
      expect((await a.session.handlers['article:get']({ id: theirs })).sapo).toBe('Hà sửa sapo');

      await syncOk(b, 'B after');
      expect((await b.session.handlers['article:get']({ id: ours })).title).toBe('Sơn sửa trước khi hỏng');
      expect((await b.session.handlers['comment:list']({ id: photoArticle })).map((t) => t.id)).toContain(thread.id);
      await syncOk(a, 'A again');
      await expectSame(a.session, b.session, damage);
      expect(await pendingConflicts(a.session)).toEqual([]);
      // The next sync needs no second rebuild.
      const asideBefore = await readdir(libraryLayout(a.dataDirectory).quarantine).catch(() => []);
      await syncOk(a, 'A once more');
      expect(await readdir(libraryLayout(a.dataDirectory).quarantine).catch(() => [])).toEqual(asideBefore);
    });
  }
});

describe('a damaged sync state', () => {
  for (const when of ['while the app runs', 'found when the app starts'] as const) {
    it(`(both generations of sync/state.json garbage, ${when}) loses nothing: the next sync merges both sides afresh`, async () => {
      const { a, b, ids } = await joinedNewsroom();
      const [removed, ours, theirs] = ids as [string, string, string];
      await edit(a.session, ours, { title: 'Sơn sửa, trạng thái hỏng' });
      await edit(b.session, theirs, { sapo: 'Hà sửa sapo' });
      // B deletes an article for good (trash, then empty the trash): A has not heard of it when its state is lost.
      await b.session.handlers['article:trash']({ id: removed });
      await b.session.handlers['trash:empty']({});
      await syncOk(b, 'B');
      const { state } = libraryLayout(a.dataDirectory).sync;
      let session: TestSession = a.session;
      if (when === 'found when the app starts') await a.session.close();
      await writeFile(state, 'rác');
      await writeFile(`${state}.prev`, 'rác');
      if (when === 'found when the app starts') session = await openSessionWith(a.dataDirectory);

      const resynced = await syncOk(session, 'A with a damaged state');
      const named = (id: string) =>
        id === ours ? 'changed only by A' : id === theirs ? 'changed only by B' : id === removed ? 'deleted by B' : `untouched ${id}`;
      // Each side changed a different article, and the other side left it alone: nothing for the user to resolve.
      expect.soft(resynced.conflictArticleIds.map(named).sort().join(', '), 'articles the resync turned into conflicts').toBe('');
      // B's change is in A's article, not only in a conflict's other side.
      expect.soft((await session.handlers['article:get']({ id: theirs })).sapo, "B's change in A's article").toBe('Hà sửa sapo');
      expect((await session.handlers['article:get']({ id: ours })).title).toBe('Sơn sửa, trạng thái hỏng');
      const quarantined = await filesUnder(libraryLayout(a.dataDirectory).quarantine);
      const setAside = quarantined.filter((path) => path.endsWith('sync/state.json') || path.endsWith('sync/state.json.prev'));
      // Found at start, the damaged files are kept aside, not deleted; while the app runs it holds the state itself and
      // simply writes it again.
      if (when === 'found when the app starts') expect(setAside).toHaveLength(2);
      else expect(JSON.parse(await readFile(state, 'utf8'))).toMatchObject({ format: 'ban-thao/sync-state' });
      await syncOk(b, 'B after');
      expect((await b.session.handlers['article:get']({ id: ours })).title).toBe('Sơn sửa, trạng thái hỏng');
      await syncOk(session, 'A again');
      await syncOk(b, 'B again');
      expect.soft(b.session.library.store.has(removed), 'the article B deleted for good is back at B').toBe(false);
      await expectSame(session, b.session, 'after merging afresh', expect.soft);
      expect.soft((await pendingConflicts(session)).map(named).sort().join(', '), 'pending conflicts at A').toBe('');
      expect.soft((await pendingConflicts(b.session)).map(named).sort().join(', '), 'pending conflicts at B').toBe('');
    });
  }
});

describe('a sync stopped between the library files and the state', () => {
  for (const [when, failing] of [
    ['no state write fails (the plain case)', () => false],
    ['every state write of the sync fails (after the pull)', () => true],
    ['only the state write after the push fails', (count: number) => count === 2],
  ] as const) {
    it(`converges at the next sync without a second conflict: ${when}`, async () => {
      const { a, b, ids } = await joinedNewsroom();
      const contested = ids[1]!;
      await edit(b.session, contested, { title: 'Tít của Hà' });
      await syncOk(b, 'B');
      await edit(a.session, contested, { title: 'Tít của Sơn' });
      await edit(a.session, ids[2]!, { sapo: 'Sơn sửa sapo' });
      await a.session.close();

      let faulty = true;
      const faultyFileSystem = stateWritesFailing((count) => faulty && failing(count));
      const session = await openSessionWith(a.dataDirectory, faultyFileSystem);
      const stopped = await session.handlers['sharedLibrary:syncNow']({});
      if (failing(1) || failing(2)) expect(stopped.status.message, 'the failed state write is reported').not.toBeNull();
      else expect(stopped.status.message).toBeNull();
      expect(faultyFileSystem.stateWrites(), 'a state write after the pull and one after the push').toBe(failing(1) ? 1 : 2);
      faulty = false;

      await syncOk(session, 'A after the failed state write');
      await syncOk(b, 'B');
      await syncOk(session, 'A again');
      await syncOk(b, 'B again');
      await expectSame(session, b.session, when, expect.soft);
      expect((await b.session.handlers['article:get']({ id: ids[2]! })).sapo).toBe('Sơn sửa sapo');
      // Both titles are kept: one in the article, the other in the conflict the user resolves.
      const view = await session.handlers['conflict:get']({ id: contested });
      expect([view?.mine.title, view?.theirs.title].sort()).toEqual(['Tít của Hà', 'Tít của Sơn']);
      for (const member of [session, b.session]) {
        const who = member === session ? 'A' : 'B';
        expect.soft(await pendingConflicts(member), `pending conflicts at ${who}`).toEqual([contested]);
        const conflictRecords = Object.keys(await sharedFileHashes(member)).filter((path) => sharedFileOf(path)?.kind === 'conflict');
        expect.soft(conflictRecords, `conflict records at ${who}: one, not one per sync`).toHaveLength(1);
      }
    });
  }
});
