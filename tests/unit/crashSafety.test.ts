/**
 * Kills an autosaving child with SIGKILL at random moments after it is ready, and checks the library after each kill.
 * The kill delays come from a seeded generator: the seed is in the test's name and in every failure, and
 * `BANTHAO_CRASH_SEED=1234 npx vitest run --project unit tests/unit/crashSafety.test.ts` replays seed 1234's delays
 * (the child's own pace still varies between runs, so a replay repeats the kill times, not every interleaving).
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleFormatVersion } from '../../shared/articleModel';
import { storedArticleSchema } from '../../shared/migrateArticle';
import { openLibrary } from '../../electron/main/library/openLibrary';
import { libraryIndexFormatVersion, libraryIndexSchema } from '../../electron/main/storage/libraryIndex';
import { decodeStoredJson } from '../../electron/main/storage/storedJson';
import { autosaveArticleIds, autosaveContent, contentHash } from '../support/autosaveContent';
import { seededRandom, seedFromEnvironment } from '../support/seededRandom';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { bundleChildProcess } from '../support/bundleChildProcess';

/** 20 by default; `npm run test:stress` (vitest --mode stress, any shell) sets 300 through vitest.config.ts. */
const iterations = Number(process.env.BANTHAO_CRASH_ITERATIONS ?? 20);
const seed = seedFromEnvironment('BANTHAO_CRASH_SEED');
const replayCommand =
  `BANTHAO_CRASH_SEED=${seed} BANTHAO_CRASH_ITERATIONS=${iterations} ` + 'npx vitest run --project unit tests/unit/crashSafety.test.ts';
const childSource = fileURLToPath(new URL('../support/autosaveLoopProcess.ts', import.meta.url));
// Bundled once (plain JS starts in ~0.5 s instead of ~1.8 s through tsx), next to node_modules so packages resolve.
const childBundle = fileURLToPath(new URL('../../node_modules/.cache/banthao/autosaveLoopProcess.mjs', import.meta.url));

interface Ack {
  revision: number;
  hash: string;
}

/** Runs the child until a random moment after it is ready, kills it with SIGKILL, and returns its last acknowledged save per role. */
function runAndKill(dataDirectory: string, killAfterReadyMs: number): Promise<{ acks: Map<string, Ack>; ackCount: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childBundle, dataDirectory], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acks = new Map<string, Ack>();
    let ackCount = 0;
    let pending = '';
    let errors = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), killAfterReadyMs);
        const [word, role, , revision, hash] = line.split(' ');
        if (word === 'ack' && role !== undefined && hash !== undefined) {
          acks.set(role, { revision: Number(revision), hash });
          ackCount += 1;
        }
      }
    });
    child.stderr.on('data', (chunk) => (errors += String(chunk)));
    child.on('error', reject);
    // 'close' comes after stdout is drained: every ack printed before the kill has been read.
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the autosave child stopped by itself (${code}): ${errors}`));
      else resolve({ acks, ackCount });
    });
  });
}

/** Runs a test body so that whatever fails in it (an assertion, the child, reading the library) says how to replay it. */
function replayable(body: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await body();
    } catch (error) {
      if (error instanceof Error) error.message += `\n(crash seed ${seed}; replay with: ${replayCommand})`;
      throw error;
    }
  };
}

/** Every stored file of the library passes its integrity check (envelope, checksum, schema): nothing needs recovery. */
async function expectEveryFileIntact(libraryDirectory: string): Promise<void> {
  for (const name of await readdir(libraryDirectory)) {
    if (name === 'index.json' || name === 'index.json.prev') {
      decodeStoredJson(
        await readFile(join(libraryDirectory, name)),
        { kind: 'ban-thao/library-index', version: libraryIndexFormatVersion },
        libraryIndexSchema,
        name,
      );
    }
  }
  const articles = join(libraryDirectory, 'articles');
  for (const prefix of await readdir(articles)) {
    for (const name of await readdir(join(articles, prefix))) {
      expect(name, 'no temp file survives opening the library').not.toMatch(/\.tmp$/);
      const path = join(articles, prefix, name);
      decodeStoredJson(await readFile(path), { kind: 'ban-thao/article', version: articleFormatVersion }, storedArticleSchema, path);
    }
  }
}

describe('crash safety', () => {
  const temporaryDirectory = useTemporaryDirectories();

  beforeAll(async () => {
    await bundleChildProcess(childSource, childBundle);
  }, 60_000);

  it(
    `keeps the last acknowledged save readable, no recovery needed, through ${iterations} SIGKILLs of an autosaving process (seed ${seed})`,
    replayable(async () => {
      const dataDirectory = await temporaryDirectory();
      const random = seededRandom(seed);
      const lastAcks = new Map<string, Ack>();
      let totalAcks = 0;
      let writtenButUnacknowledged = 0;
      for (let iteration = 1; iteration <= iterations; iteration += 1) {
        const { acks, ackCount } = await runAndKill(dataDirectory, Math.floor(random() * 250));
        totalAcks += ackCount;
        for (const [role, ack] of acks) lastAcks.set(role, ack);

        const library = await openLibrary(dataDirectory);
        const context = `after kill ${iteration}`;
        expect(library.store.recoveryNotices(), context).toEqual([]);
        await expect(stat(join(dataDirectory, 'quarantine')), context).rejects.toMatchObject({ code: 'ENOENT' });
        for (const [role, ack] of lastAcks) {
          const article = await library.store.get(autosaveArticleIds[role as 'main' | 'second']);
          // The kill may land after a write but before its ack line: one revision ahead is allowed, never one behind.
          expect([ack.revision, ack.revision + 1], `${context}: revision of ${role}`).toContain(article.revision);
          expect(article, `${context}: content of ${role}`).toMatchObject(autosaveContent(role as 'main' | 'second', article.revision));
          if (article.revision === ack.revision) expect(contentHash(article), context).toBe(ack.hash);
          else writtenButUnacknowledged += 1;
        }
        await library.store.flush();
        await expectEveryFileIntact(library.layout.library.folder);
      }
      expect(totalAcks, 'the child saved at all').toBeGreaterThan(iterations);
      console.info(
        `crash safety: ${iterations} kills, ${totalAcks} acknowledged saves, ` +
          `${writtenButUnacknowledged} kills between a write and its ack (seed ${seed})`,
      );
    }),
    iterations * 5_000 + 30_000,
  );
});
