import { execFile, fork, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { Session as InspectorSession } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { articleContentOf, articleFormatVersion } from '../../shared/articleModel';
import type { NewsroomRole } from '../../shared/articleVocabulary';
import type { SyncOutcome } from '../../shared/sharedLibraryModel';
import { allowedMoves } from '../../shared/workflow';
import type { HandlerTable } from '../../shared/ipcContract';
import { LibrarySession } from '../../electron/main/application/LibrarySession';
import { syncLibraryOf } from '../../electron/main/application/syncLibraryOf';
import { listFilesUnder } from '../../electron/main/backup/listFilesUnder';
import { createHandlers } from '../../electron/main/ipc/createHandlers';
import { libraryLayout, sharedFileOf } from '../../electron/main/library/libraryLayout';
import { checkPulledFile } from '../../electron/main/sharedLibrary/checkPulledFile';
import { commitMessageOf } from '../../electron/main/sharedLibrary/commitMessageOf';
import { createGitHttpClient, type CappedHttpClient } from '../../electron/main/sharedLibrary/createGitHttpClient';
import { GitObjects } from '../../electron/main/sharedLibrary/GitObjects';
import { GitRemote, type RemoteAccount } from '../../electron/main/sharedLibrary/GitRemote';
import { readLocalChanges } from '../../electron/main/sharedLibrary/readLocalChanges';
import { scanLibraryFiles } from '../../electron/main/sharedLibrary/scanLibraryFiles';
import { SyncEngine } from '../../electron/main/sharedLibrary/SyncEngine';
import { emptySyncState, syncStateFile, type SyncState } from '../../electron/main/sharedLibrary/SyncStateFile';
import { RecoveryLog } from '../../electron/main/storage/RecoveryLog';
import { encodeStoredJson } from '../../electron/main/storage/storedJson';
import type { GitServerTraffic } from '../support/gitServer';
import { memorySecretBox } from '../support/memorySecretBox';
import { cannedDialogs } from '../support/openTestSession';
import { seededRandom } from '../support/seededRandom';
import type { GitServerAnswer, GitServerRequest } from './gitServerProcess';
import { buildLibrary } from './libraryBenchmarks';
import type { SharedLibraryReport } from './sharedLibraryProcess';
import { cameraLikePixels } from './cameraLikePixels';

const run = promisify(execFile);

const articleCount = 10_000;
const photoCount = 1_000;
/** Articles moved once in the editorial flow (an event and the version the move takes), as a working library has. */
const movedArticles = 2_000;
/** Of those, articles with a comment thread and one reply. */
const commentedArticles = 1_000;
/** Of those, articles with a version saved by hand. */
const handVersionArticles = 500;
const historyCommits = 1_000;
/** One-change syncs measured each way (A sends and B receives, then the reverse), in each phase. */
const roundsEachWay = 3;
const idleSamples = 5;

const password = 'mat-khau-toa-soan-2026';
const memberA = { user: 'son', name: 'Ngọc Sơn', role: 'managingEditor' as NewsroomRole };
const memberB = { user: 'ha', name: 'Thu Hà', role: 'editor' as NewsroomRole };

const round = (value: number) => Math.round(value * 100) / 100;
const megabytes = (bytes: number) => round(bytes / 1024 / 1024);
const kilobytes = (bytes: number) => round(bytes / 1024);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** What building member A's library took, phase by phase, and what it holds. */
interface BuildReport {
  articlesMs: number;
  recordsMs: number;
  photosMs: number;
  photoJpegBytes: { smallest: number; average: number; largest: number };
}

/** Photo `index`: a 720–1140 px wide crop at its own place, brightness and quality: 50–200 KB, no two alike. */
async function smallJpeg(pixels: Buffer, index: number): Promise<Buffer> {
  const [sourceWidth, sourceHeight] = [1600, 1200];
  const width = 720 + ((index * 37) % 8) * 60;
  const height = Math.round(width * 0.75);
  return sharp(pixels, { raw: { width: sourceWidth, height: sourceHeight, channels: 3 } })
    .extract({ left: (index * 53) % (sourceWidth - width), top: (index * 31) % (sourceHeight - height), width, height })
    .linear(1, index % 40)
    .jpeg({ quality: 70 + (index % 3) * 5 })
    .toBuffer();
}

function openMember(dataDirectory: string): Promise<LibrarySession> {
  return LibrarySession.open({
    dataDirectory,
    appVersion: 'bench',
    dialogs: cannedDialogs(),
    secretBox: memorySecretBox(),
    logError: (context, error) => console.error(context, error),
    // Syncs run when the benchmark says: no five-minute sync in the middle of a measurement.
    sync: { everyMs: 24 * 60 * 60_000 },
  });
}

/**
 * Member A's library: 10,000 seed-like articles through the real store (as libraryBenchmarks builds them), then through
 * the handler table 2,000 workflow moves (each with the version it takes), 1,000 comment threads with a reply, 500
 * versions saved by hand, and 1,000 photos imported as "Chèn ảnh" does (original, description, display copy).
 */
async function buildMemberLibrary(dataDirectory: string): Promise<BuildReport> {
  let started = performance.now();
  await buildLibrary(dataDirectory, articleCount);
  const articlesMs = performance.now() - started;
  const session = await openMember(dataDirectory);
  const handlers = createHandlers(session, { onCloseReady: () => {} });
  try {
    await handlers['settings:update']({ userName: memberA.name, userRole: memberA.role });
    started = performance.now();
    const summaries = await handlers['library:list']({ scope: 'active' });
    const step = Math.floor(summaries.length / movedArticles);
    for (let index = 0; index < movedArticles; index += 1) {
      const { id } = summaries[index * step]!;
      const article = await handlers['article:get']({ id });
      const to = allowedMoves(article.status, memberA.role)[0];
      if (to !== undefined) await handlers['article:move']({ id, baseRevision: article.revision, to, note: 'Đã xem, chuyển bước tiếp.' });
      if (index < commentedArticles) {
        const thread = await handlers['comment:start']({ id, text: `Kiểm tra lại số liệu đoạn ${index % 7}`, quote: 'Hội nghị' });
        await handlers['comment:reply']({ id, threadId: thread.id, text: 'Đã kiểm tra, số liệu đúng.' });
      }
      if (index < handVersionArticles) await handlers['version:save']({ id, label: 'Bản gửi tổng biên tập' });
    }
    await session.flush();
    const recordsMs = performance.now() - started;

    started = performance.now();
    // Camera-like pixels that every photo is a different crop of.
    const pixels = cameraLikePixels(1600, 1200, 15);
    const sizes: number[] = [];
    const ids = new Set<string>();
    // Four at a time: sharp's threads keep both cores busy while the next photos are made.
    for (let start = 0; start < photoCount; start += 4) {
      await Promise.all(
        Array.from({ length: Math.min(4, photoCount - start) }, async (_, offset) => {
          const bytes = await smallJpeg(pixels, start + offset);
          sizes.push(bytes.length);
          const info = await handlers['media:importBytes']({ fileName: `anh-${start + offset + 1}.jpg`, bytes: new Uint8Array(bytes) });
          ids.add(info.id);
        }),
      );
    }
    if (ids.size !== photoCount) throw new Error(`${ids.size} distinct photos imported, not ${photoCount}`);
    await session.flush();
    const photosMs = performance.now() - started;
    return {
      articlesMs,
      recordsMs,
      photosMs,
      photoJpegBytes: {
        smallest: Math.min(...sizes),
        average: sizes.reduce((sum, size) => sum + size, 0) / sizes.length,
        largest: Math.max(...sizes),
      },
    };
  } finally {
    await session.close();
  }
}

/** The shared files of a library folder (what a sync carries): count and bytes, by kind. */
async function sharedFilesOf(libraryFolder: string): Promise<Record<string, { files: number; bytes: number }>> {
  const scan = await scanLibraryFiles(libraryFolder);
  const byKind: Record<string, { files: number; bytes: number }> = {};
  for (const [path, file] of scan.files) {
    const kind = sharedFileOf(path)!.kind;
    const entry = (byKind[kind] ??= { files: 0, bytes: 0 });
    entry.files += 1;
    entry.bytes += file.size;
  }
  return byKind;
}

/** Member A's library, built here or, when BANTHAO_BENCH_SHARED_CACHE names a folder, copied from the one built there. */
async function memberLibrary(dataDirectory: string): Promise<BuildReport & { fromCache: boolean }> {
  const cache = process.env['BANTHAO_BENCH_SHARED_CACHE'];
  if (cache !== undefined) {
    const reportFile = join(cache, 'build.json');
    const cached = await readFile(reportFile, 'utf8').catch(() => null);
    if (cached !== null) {
      await cp(join(cache, 'data'), dataDirectory, { recursive: true });
      return { ...(JSON.parse(cached) as BuildReport), fromCache: true };
    }
    const report = await buildMemberLibrary(dataDirectory);
    await rm(join(cache, 'data'), { recursive: true, force: true });
    // Snapshots are this machine's, not the library's: not kept.
    await cp(dataDirectory, join(cache, 'data'), {
      recursive: true,
      filter: (source) => !source.includes(`${join(dataDirectory, 'backups')}`),
    });
    await writeFile(reportFile, JSON.stringify(report));
    return { ...report, fromCache: false };
  }
  return { ...(await buildMemberLibrary(dataDirectory)), fromCache: false };
}

/** The office's Git server as the benchmark sees it: its repository and the bytes it carried. */
interface BenchServer {
  address: string;
  /** The bare repository's folder on this machine. */
  repository: string;
  traffic(): Promise<GitServerTraffic>;
  resetTraffic(): Promise<void>;
  close(): Promise<void>;
}

/** The Git server in its own process (see gitServerProcess.ts), asked one thing at a time. */
async function serverInFreshProcess(): Promise<BenchServer> {
  const users = { [memberA.user]: { password }, [memberB.user]: { password } };
  const child = fork(fileURLToPath(new URL('./gitServerProcess.ts', import.meta.url)), [JSON.stringify(users), 'thu-vien'], {
    execArgv: ['--import', 'tsx'],
  });
  let answer: { resolve: (message: GitServerAnswer) => void; reject: (error: Error) => void } | null = null;
  const answered = () =>
    new Promise<GitServerAnswer>((resolve, reject) => {
      answer = { resolve, reject };
    });
  child.on('message', (message) => answer?.resolve(message as GitServerAnswer));
  child.on('exit', (code) => answer?.reject(new Error(`the Git server process exited with ${code}`)));
  const ask = (request: GitServerRequest) => {
    const next = answered();
    child.send(request);
    return next;
  };
  const started = await answered();
  if (started.kind !== 'started') throw new Error(`the Git server process answered ${started.kind}`);
  return {
    address: started.address,
    repository: started.repository,
    traffic: async () => {
      const traffic = await ask({ kind: 'traffic' });
      if (traffic.kind !== 'traffic') throw new Error(`the Git server process answered ${traffic.kind}`);
      return traffic.traffic;
    },
    resetTraffic: async () => void (await ask({ kind: 'reset-traffic' })),
    close: async () => void (await ask({ kind: 'close' })),
  };
}

/** A member joins ("Tham gia") in a fresh process (see sharedLibraryProcess.ts); the server counts what it carried. */
async function joinInFreshProcess(
  server: BenchServer,
  dataDirectory: string,
  member: typeof memberA,
): Promise<SharedLibraryReport & { traffic: GitServerTraffic }> {
  await server.resetTraffic();
  const report = await new Promise<SharedLibraryReport>((resolve, reject) => {
    const child = fork(
      fileURLToPath(new URL('./sharedLibraryProcess.ts', import.meta.url)),
      [dataDirectory, server.address, member.user, password, member.name, member.role],
      { execArgv: ['--import', 'tsx'] },
    );
    let report: SharedLibraryReport | undefined;
    child.on('message', (message) => {
      report = message as SharedLibraryReport;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (report === undefined || code !== 0) return reject(new Error(`join process exited with ${code}`));
      if (report.message !== null) return reject(new Error(`the join of ${member.name} said: ${report.message}`));
      resolve(report);
    });
  });
  return { ...report, traffic: await server.traffic() };
}

interface Member {
  session: LibrarySession;
  handlers: HandlerTable;
  dataDirectory: string;
}

interface TimedSync {
  ms: number;
  outcome: SyncOutcome;
  traffic: GitServerTraffic;
}

/** "Đồng bộ ngay" through the handler table, after the member's own background work (saves, snapshots) settled. */
async function timedSync(server: BenchServer, member: Member): Promise<TimedSync> {
  await member.session.flush();
  await member.session.backupService.settled();
  await server.resetTraffic();
  const started = performance.now();
  const outcome = await member.handlers['sharedLibrary:syncNow']({});
  const ms = performance.now() - started;
  if (outcome.status.message !== null) throw new Error(`sync said: ${outcome.status.message}`);
  return { ms, outcome, traffic: await server.traffic() };
}

/** One article edited as an autosave does (its sapo gains a few words). */
async function editArticle(member: Member, id: string, step: string): Promise<void> {
  const article = await member.handlers['article:get']({ id });
  await member.handlers['article:save']({
    id,
    baseRevision: article.revision,
    content: { ...articleContentOf(article), sapo: `${article.sapo} (sửa ${step})` },
  });
}

interface OneChangeFigures {
  /** Who sent in each round: A (objects it wrote itself, loose) or B (objects fetched in packs). */
  senders: ('A' | 'B')[];
  sendMs: number[];
  receiveMs: number[];
  sendRequestBytes: number[];
  sendResponseBytes: number[];
  receiveResponseBytes: number[];
  receiveRequestBytes: number[];
}

/** One article changed on one side, synced there (sent) then on the other side (received); each way in turn. */
async function oneChangeRounds(server: BenchServer, a: Member, b: Member, drafts: string[], label: string): Promise<OneChangeFigures> {
  const figures: OneChangeFigures = {
    senders: [],
    sendMs: [],
    receiveMs: [],
    sendRequestBytes: [],
    sendResponseBytes: [],
    receiveResponseBytes: [],
    receiveRequestBytes: [],
  };
  for (let index = 0; index < 2 * roundsEachWay; index += 1) {
    const [sender, receiver] = index % 2 === 0 ? [a, b] : [b, a];
    const id = drafts.shift()!;
    await editArticle(sender, id, `${label} ${index}`);
    const sent = await timedSync(server, sender);
    if (sent.outcome.filesSent < 1) throw new Error('the changed article was not sent');
    const received = await timedSync(server, receiver);
    if (!received.outcome.changedArticleIds.includes(id)) throw new Error('the changed article was not received');
    figures.senders.push(index % 2 === 0 ? 'A' : 'B');
    figures.sendMs.push(sent.ms);
    figures.sendRequestBytes.push(sent.traffic.requestBytes);
    figures.sendResponseBytes.push(sent.traffic.responseBytes);
    figures.receiveMs.push(received.ms);
    figures.receiveResponseBytes.push(received.traffic.responseBytes);
    figures.receiveRequestBytes.push(received.traffic.requestBytes);
  }
  return figures;
}

async function idleSyncs(server: BenchServer, member: Member): Promise<{ ms: number[]; bytes: number[] }> {
  const ms: number[] = [];
  const bytes: number[] = [];
  for (let sample = 0; sample < idleSamples; sample += 1) {
    const synced = await timedSync(server, member);
    if (synced.outcome.filesSent !== 0 || synced.outcome.filesReceived !== 0) throw new Error('a sync with nothing to do moved files');
    ms.push(synced.ms);
    bytes.push(synced.traffic.requestBytes + synced.traffic.responseBytes);
  }
  return { ms, bytes };
}

/**
 * 1,000 commits of history on the server as other members' syncs leave it: each changes one article file (picked at
 * random, some more than once) in the library's own stored format (sapo edited, revision and time moved on), with the
 * message a sync writes. Written by `git fast-import` straight into the server's repository, the fastest honest way:
 * 1,000 real syncs would take most of an hour. The server holds them in one pack where pushes would leave many.
 */
async function addHistory(repository: string, libraryFolder: string): Promise<{ ms: number; articles: number }> {
  const started = performance.now();
  const head = (await run('git', ['-C', repository, 'rev-parse', 'refs/heads/main'])).stdout.trim();
  const listed = await run('git', ['-C', repository, 'ls-tree', '-r', '--name-only', 'main', 'articles/'], { maxBuffer: 256 * 1024 ** 2 });
  const articles = listed.stdout.split('\n').filter((path) => sharedFileOf(path)?.kind === 'article');
  const random = seededRandom(historyCommits);
  const latest = new Map<string, Record<string, unknown>>();
  const importer = spawn('git', ['-C', repository, 'fast-import', '--quiet'], { stdio: ['pipe', 'ignore', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => importer.once('close', resolve));
  const write = async (chunk: string | Buffer) => {
    if (!importer.stdin.write(chunk)) await new Promise((resolve) => importer.stdin.once('drain', resolve));
  };
  const identity = { name: memberB.name, role: memberB.role };
  const firstSecond = Math.floor(Date.now() / 1000) - historyCommits - 60;
  for (let commit = 0; commit < historyCommits; commit += 1) {
    const path = articles[Math.floor(random() * articles.length)]!;
    const stored =
      latest.get(path) ?? (JSON.parse(await readFile(join(libraryFolder, path), 'utf8')) as { data: Record<string, unknown> }).data;
    const second = firstSecond + commit;
    const data = {
      ...stored,
      sapo: `${String(stored['sapo'])} (sửa ${commit + 1})`,
      revision: Number(stored['revision']) + 1,
      updatedAt: new Date(second * 1000).toISOString(),
      updatedBy: identity,
    };
    latest.set(path, data);
    const bytes = Buffer.from(encodeStoredJson({ kind: 'ban-thao/article', version: articleFormatVersion }, data));
    const message = Buffer.from(commitMessageOf(identity, [path]));
    const person = `${identity.name} <${identity.role}@ban-thao.invalid> ${second} +0000`;
    await write(`commit refs/heads/main\nauthor ${person}\ncommitter ${person}\ndata ${message.length}\n`);
    await write(message);
    await write(`\n${commit === 0 ? `from ${head}\n` : ''}M 100644 inline ${path}\ndata ${bytes.length}\n`);
    await write(bytes);
    await write('\n');
  }
  importer.stdin.end();
  const code = await exited;
  if (code !== 0) throw new Error(`git fast-import exited with ${code}`);
  const count = Number((await run('git', ['-C', repository, 'rev-list', '--count', 'main'])).stdout.trim());
  if (count < historyCommits) throw new Error(`the server's branch has ${count} commits`);
  return { ms: performance.now() - started, articles: latest.size };
}

/** Time and calls of each part of one sync, the parts timed where the engine calls them. */
class PartTimes {
  readonly parts = new Map<string, { ms: number; calls: number }>();

  async time<Result>(name: string, work: () => Promise<Result>): Promise<Result> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      const part = this.parts.get(name) ?? { ms: 0, calls: 0 };
      part.ms += performance.now() - started;
      part.calls += 1;
      this.parts.set(name, part);
    }
  }
}

class TimedGitObjects extends GitObjects {
  readonly #times: PartTimes;
  #updating = 0;

  constructor(gitdir: string, times: PartTimes) {
    super(gitdir);
    this.#times = times;
  }

  override readTree(...args: Parameters<GitObjects['readTree']>) {
    return this.#times.time('objects.readTree', () => super.readTree(...args));
  }
  override readBlob(...args: Parameters<GitObjects['readBlob']>) {
    return this.#times.time('objects.readBlob', () => super.readBlob(...args));
  }
  override writeBlob(...args: Parameters<GitObjects['writeBlob']>) {
    return this.#times.time('objects.writeBlob', () => super.writeBlob(...args));
  }
  override treeOfCommit(...args: Parameters<GitObjects['treeOfCommit']>) {
    return this.#times.time('objects.treeOfCommit', () => super.treeOfCommit(...args));
  }
  override diffTrees(...args: Parameters<GitObjects['diffTrees']>) {
    return this.#times.time('objects.diffTrees (readTree inside)', () => super.diffTrees(...args));
  }
  override async updateTree(...args: Parameters<GitObjects['updateTree']>) {
    // Recursive: timed once, at the top.
    if (this.#updating > 0) return super.updateTree(...args);
    this.#updating += 1;
    try {
      return await this.#times.time('objects.updateTree (readTree inside)', () => super.updateTree(...args));
    } finally {
      this.#updating -= 1;
    }
  }
}

class TimedGitRemote extends GitRemote {
  readonly #times: PartTimes;

  constructor(gitdir: string, http: CappedHttpClient, account: RemoteAccount, times: PartTimes) {
    super(gitdir, http, account);
    this.#times = times;
  }

  override fetch(...args: Parameters<GitRemote['fetch']>) {
    return this.#times.time('remote.fetch', () => super.fetch(...args));
  }
  override push(...args: Parameters<GitRemote['push']>) {
    return this.#times.time('remote.push', () => super.push(...args));
  }
}

interface ProfiledSync {
  totalMs: number;
  parts: Record<string, { ms: number; calls: number }>;
  /** The same steps run alone right before, on the same library and state. */
  scanMs: number;
  readLocalChangesMs: number;
  stateReadMs: number;
  scannedFiles: number;
  stateFiles: number;
  stateBytes: number;
  cpu: ReturnType<typeof cpuTimesOf>;
}

/**
 * A one-change sync of member A through the same engine "Đồng bộ ngay" builds (SyncService.#engineRun), its Git
 * objects, remote, state file and library wrapped to time each part, under the CPU profiler; the scan and the reading
 * of local changes (called inside the engine) timed alone just before.
 */
async function profiledSync(member: Member, profileFile: string): Promise<ProfiledSync> {
  const layout = libraryLayout(member.dataDirectory);
  const recovery = { dataDirectory: member.dataDirectory, log: new RecoveryLog() };
  const stateFile = syncStateFile(layout.sync.state, {}, recovery);
  const account = (await member.session.sharedLibrary.account())!;
  await member.session.flush();
  await member.session.backupService.settled();

  let started = performance.now();
  const state = (await stateFile.read())!;
  const stateReadMs = performance.now() - started;
  started = performance.now();
  const scan = await scanLibraryFiles(layout.library.folder);
  const scanMs = performance.now() - started;
  started = performance.now();
  await readLocalChanges(layout.library.folder, state.files, scan);
  const readLocalChangesMs = performance.now() - started;

  const times = new PartTimes();
  const http = createGitHttpClient({ idleTimeoutMs: 30_000, maximumResponseBytes: 1024 ** 3 });
  const inspector = new InspectorSession();
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.setSamplingInterval', { interval: 200 });
  await inspector.post('Profiler.start');
  started = performance.now();
  await member.session.run(async (application) => {
    const library = syncLibraryOf(application, member.dataDirectory, undefined, () => new Date());
    const engine = new SyncEngine({
      library: {
        ...library,
        flush: () => times.time('library.flush', () => library.flush()),
        putArticle: (article, expected) => times.time('library.putArticle', () => library.putArticle(article, expected)),
        afterPull: (changes) => times.time('library.afterPull', () => library.afterPull(changes)),
      },
      objects: new TimedGitObjects(layout.sync.git, times),
      remote: new TimedGitRemote(layout.sync.git, http, account, times),
      checkFile: (path, bytes) => times.time('checkPulledFile', () => checkPulledFile(path, bytes)),
      state: {
        read: () => times.time('state.read', async () => (await stateFile.read()) ?? emptySyncState(account.address)),
        write: (next: SyncState) => times.time('state.write', () => stateFile.write(next)),
      },
    });
    return engine.sync();
  });
  const totalMs = performance.now() - started;
  const { profile } = await inspector.post('Profiler.stop');
  inspector.disconnect();
  await writeFile(profileFile, JSON.stringify(profile));
  return {
    totalMs,
    parts: Object.fromEntries(times.parts),
    scanMs,
    readLocalChangesMs,
    stateReadMs,
    scannedFiles: scan.files.size,
    stateFiles: Object.keys(state.files).length,
    stateBytes: (await stat(layout.sync.state)).size,
    cpu: cpuTimesOf(profile),
  };
}

/** Functions whose CPU time (their synchronous part and what they call) says where a sync's work goes: label, name. */
const watchedFunctions: [string, RegExp][] = [
  // sendPack: isomorphic-git's packObjects over exactly the objects the sync made.
  ['push: packObjects', /^_packObjects /],
  // isomorphic-git 1.44.19's listObjects (its inner walk): what its own push would spend reading every folder of two commits.
  ['isomorphic-git push: listObjects walk', /^walk isomorphic-git\/index\.cjs:15040$/],
  ['git: _readObject', /^_readObject /],
  ['git: readObjectLoose', /^readObjectLoose /],
  ['git: readObjectPacked', /^readObjectPacked /],
  ['git: shasum (SHA-1 check of each object read)', /^shasum /],
  ['git: inflate', /^inflate isomorphic-git/],
  ['scanLibraryFiles', /^scanFolder /],
  ['readLocalChanges', /^readLocalChanges /],
  ['decodeStoredJson', /^decodeStoredJson /],
];

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * A CPU profile read: self time by function (name, file and line), the largest first; the time in watched functions
 * with what they call; the idle time (waiting for the disk's thread pool or the server). The profiler's own stop is left out.
 */
function cpuTimesOf(profile: CpuProfile): { hot: { function: string; selfMs: number }[]; watched: Record<string, number>; idleMs: number } {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const nameOf = (id: number) => {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const file = url.replace(/^.*\/node_modules\//, '').replace(/^.*\/work\/main\//, '');
    return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const watched: Record<string, number> = Object.fromEntries(watchedFunctions.map(([label]) => [label, 0]));
  let idleMs = 0;
  const samples = profile.samples ?? [];
  for (let index = 0; index < samples.length; index += 1) {
    const ms = (profile.timeDeltas?.[index] ?? 0) / 1000;
    const stack: string[] = [];
    for (let id: number | undefined = samples[index]; id !== undefined; id = parents.get(id)) stack.push(nameOf(id));
    if (stack.some((name) => name.startsWith('post node:inspector'))) continue;
    if (stack[0]!.startsWith('(idle)')) {
      idleMs += ms;
      continue;
    }
    const name = nameOf(samples[index]!);
    self.set(name, (self.get(name) ?? 0) + ms);
    for (const [label, pattern] of watchedFunctions) if (stack.some((name) => pattern.test(name))) watched[label]! += ms;
  }
  const hot = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([name, ms]) => ({ function: name, selfMs: round(ms) }));
  return { hot, watched, idleMs };
}

function photoFilesOf(files: Record<string, { files: number }>): number {
  return Object.entries(files)
    .filter(([kind]) => kind.startsWith('photo'))
    .reduce((sum, [, entry]) => sum + entry.files, 0);
}

async function folderBytes(folder: string): Promise<number> {
  let bytes = 0;
  for (const path of await listFilesUnder(folder)) bytes += (await stat(join(folder, path))).size;
  return bytes;
}

/**
 * Issue 11's figures: with 10,000 articles (2,000 with workflow moves and versions, 1,000 with comments) and 1,000
 * photos on the office server (git http-backend on loopback), member A's first push, member B's first join (time,
 * bytes through the server, peak memory, each in a fresh process), one changed article synced each way (target under
 * 300 ms on loopback), a sync with nothing to do; again after 1,000 commits of history; and one sync taken apart.
 */
export async function benchmarkSharedLibrary(): Promise<Record<string, number>> {
  const root = await mkdtemp(join(tmpdir(), 'banthao-bench-shared-'));
  const server = await serverInFreshProcess();
  const members: Member[] = [];
  const loadAtStart = loadavg()[0]!;
  try {
    const { repository } = server;
    const aDirectory = join(root, 'a');
    const bDirectory = join(root, 'b');
    await mkdir(bDirectory, { recursive: true });
    const build = await memberLibrary(aDirectory);
    const libraryFiles = await sharedFilesOf(libraryLayout(aDirectory).library.folder);
    console.table(Object.entries(libraryFiles).map(([kind, entry]) => ({ kind, files: entry.files, MB: megabytes(entry.bytes) })));

    const firstPush = await joinInFreshProcess(server, aDirectory, memberA);
    const repositoryBytes = await folderBytes(repository);
    const firstJoin = await joinInFreshProcess(server, bDirectory, memberB);
    const bFiles = await sharedFilesOf(libraryLayout(bDirectory).library.folder);
    const countOf = (files: typeof libraryFiles) => Object.values(files).reduce((sum, entry) => sum + entry.files, 0);
    if (countOf(bFiles) !== countOf(libraryFiles)) throw new Error(`B holds ${countOf(bFiles)} files, A ${countOf(libraryFiles)}`);

    for (const dataDirectory of [aDirectory, bDirectory]) {
      const session = await openMember(dataDirectory);
      members.push({ session, handlers: createHandlers(session, { onCloseReady: () => {} }), dataDirectory });
      await session.library.search.ready;
    }
    const [a, b] = members as [Member, Member];
    const drafts = (await a.handlers['library:list']({ scope: 'active' }))
      .filter((summary) => summary.status === 'draft')
      .map((summary) => summary.id);
    // A first sync each after opening, so the measured ones start where a working day's do.
    await timedSync(server, a);
    await timedSync(server, b);
    const fresh = await oneChangeRounds(server, a, b, drafts, 'trước');
    const freshIdle = await idleSyncs(server, a);

    const history = await addHistory(repository, libraryLayout(aDirectory).library.folder);
    const catchUpA = await timedSync(server, a);
    const catchUpB = await timedSync(server, b);
    const withHistory = await oneChangeRounds(server, a, b, drafts, 'sau');
    const historyIdle = await idleSyncs(server, a);

    // One sync of each taken apart: A sends a change (B receives it untimed), then B sends one.
    await editArticle(a, drafts.shift()!, 'đo A');
    const profileA = await profiledSync(a, join(process.cwd(), 'bench-results', 'shared-library-sync-a.cpuprofile'));
    await timedSync(server, b);
    await editArticle(b, drafts.shift()!, 'đo B');
    const profileB = await profiledSync(b, join(process.cwd(), 'bench-results', 'shared-library-sync-b.cpuprofile'));

    const figures: Record<string, number> = {
      'build.articles.s': build.articlesMs / 1000,
      'build.records.s': build.recordsMs / 1000,
      'build.photos.s': build.photosMs / 1000,
      'build.fromCache': build.fromCache ? 1 : 0,
      'library.files': countOf(libraryFiles),
      'library.recordFiles': countOf(libraryFiles) - (libraryFiles['article']?.files ?? 0) - photoFilesOf(libraryFiles),
      'library.MB': megabytes(Object.values(libraryFiles).reduce((sum, entry) => sum + entry.bytes, 0)),
      'library.photoJpeg.smallestKB': kilobytes(build.photoJpegBytes.smallest),
      'library.photoJpeg.averageKB': kilobytes(build.photoJpegBytes.average),
      'library.photoJpeg.largestKB': kilobytes(build.photoJpegBytes.largest),
      'firstPush.s': firstPush.totalMs / 1000,
      'firstPush.sentMB': megabytes(firstPush.traffic.requestBytes),
      'firstPush.receivedMB': megabytes(firstPush.traffic.responseBytes),
      'firstPush.filesSent': firstPush.filesSent,
      'firstPush.rssBeforeMB': megabytes(firstPush.rssBefore),
      'firstPush.peakRssMB': megabytes(firstPush.peakRss),
      'firstPush.sampledPeakRssMB': megabytes(firstPush.sampledPeakRss),
      'server.repositoryMB': megabytes(repositoryBytes),
      'firstJoin.s': firstJoin.totalMs / 1000,
      'firstJoin.receivedMB': megabytes(firstJoin.traffic.responseBytes),
      'firstJoin.sentKB': kilobytes(firstJoin.traffic.requestBytes),
      'firstJoin.requests': firstJoin.traffic.requests,
      'firstJoin.filesReceived': firstJoin.filesReceived,
      'firstJoin.articlesChanged': firstJoin.changedArticles,
      'firstJoin.rssBeforeMB': megabytes(firstJoin.rssBefore),
      'firstJoin.peakRssMB': megabytes(firstJoin.peakRss),
      'firstJoin.sampledPeakRssMB': megabytes(firstJoin.sampledPeakRss),
    };
    for (const [label, phase, idle] of [
      ['fresh', fresh, freshIdle],
      ['afterHistory', withHistory, historyIdle],
    ] as const) {
      figures[`${label}.oneChange.send.medianMs`] = median(phase.sendMs);
      figures[`${label}.oneChange.send.maxMs`] = Math.max(...phase.sendMs);
      figures[`${label}.oneChange.send.sentKB`] = kilobytes(median(phase.sendRequestBytes));
      figures[`${label}.oneChange.send.receivedKB`] = kilobytes(median(phase.sendResponseBytes));
      figures[`${label}.oneChange.receive.medianMs`] = median(phase.receiveMs);
      figures[`${label}.oneChange.receive.maxMs`] = Math.max(...phase.receiveMs);
      figures[`${label}.oneChange.receive.receivedKB`] = kilobytes(median(phase.receiveResponseBytes));
      figures[`${label}.oneChange.receive.sentKB`] = kilobytes(median(phase.receiveRequestBytes));
      for (const sender of ['A', 'B'] as const) {
        const rounds = phase.senders.flatMap((who, index) => (who === sender ? [index] : []));
        const other = sender === 'A' ? 'B' : 'A';
        figures[`${label}.oneChange.${sender}sends.medianMs`] = median(rounds.map((index) => phase.sendMs[index]!));
        figures[`${label}.oneChange.${other}receives.medianMs`] = median(rounds.map((index) => phase.receiveMs[index]!));
      }
      figures[`${label}.nothingToDo.medianMs`] = median(idle.ms);
      figures[`${label}.nothingToDo.maxMs`] = Math.max(...idle.ms);
      figures[`${label}.nothingToDo.KB`] = kilobytes(median(idle.bytes));
    }
    Object.assign(figures, {
      'history.commits': historyCommits,
      'history.articlesChanged': history.articles,
      'history.write.s': history.ms / 1000,
      'history.catchUpA.s': catchUpA.ms / 1000,
      'history.catchUpA.receivedMB': megabytes(catchUpA.traffic.responseBytes),
      'history.catchUpA.filesReceived': catchUpA.outcome.filesReceived,
      'history.catchUpB.s': catchUpB.ms / 1000,
      'history.catchUpB.receivedMB': megabytes(catchUpB.traffic.responseBytes),
      'loadAverage.start': loadAtStart,
      'loadAverage.end': loadavg()[0]!,
    });
    for (const [member, profile] of [
      ['A', profileA],
      ['B', profileB],
    ] as const) {
      Object.assign(figures, {
        [`profile${member}.totalMs`]: profile.totalMs,
        [`profile${member}.scanAloneMs`]: profile.scanMs,
        [`profile${member}.readLocalChangesAloneMs`]: profile.readLocalChangesMs,
        [`profile${member}.stateReadAloneMs`]: profile.stateReadMs,
        [`profile${member}.scannedFiles`]: profile.scannedFiles,
        [`profile${member}.stateKB`]: kilobytes(profile.stateBytes),
        [`profile${member}.cpuIdleMs`]: profile.cpu.idleMs,
      });
      for (const [name, part] of Object.entries(profile.parts)) figures[`profile${member}.${name}.ms`] = part.ms;
      for (const [name, ms] of Object.entries(profile.cpu.watched)) figures[`profile${member}.cpu.${name}.ms`] = ms;
      console.log(`\none-change sync of ${member} taken apart (after the history; parts nest where marked)`);
      console.table([
        { part: 'whole engine sync', ms: round(profile.totalMs), calls: 1 },
        { part: 'scanLibraryFiles (alone, before)', ms: round(profile.scanMs), calls: 1 },
        { part: 'readLocalChanges (alone, before)', ms: round(profile.readLocalChangesMs), calls: 1 },
        ...Object.entries(profile.parts).map(([part, { ms, calls }]) => ({ part, ms: round(ms), calls })),
      ]);
      console.log(
        `CPU time inside (sampled; idle ${round(profile.cpu.idleMs)} ms; profile in bench-results/shared-library-sync-*.cpuprofile)`,
      );
      console.table(Object.entries(profile.cpu.watched).map(([part, ms]) => ({ part, ms: round(ms) })));
      console.table(profile.cpu.hot);
    }
    const mark = (pass: boolean) => (pass ? '✔ pass' : '✘ FAIL');
    console.table([
      {
        target: 'first push by A (10,000 articles, 1,000 photos): time, sent, peak RSS',
        value: `${round(firstPush.totalMs / 1000)} s, ${figures['firstPush.sentMB']} MB, ${figures['firstPush.peakRssMB']} MB`,
        result: 'no target in the issue',
      },
      {
        target: 'first join by B: time, received, peak RSS',
        value: `${round(firstJoin.totalMs / 1000)} s, ${figures['firstJoin.receivedMB']} MB, ${figures['firstJoin.peakRssMB']} MB`,
        result: 'no target in the issue',
      },
      ...(['fresh', 'afterHistory'] as const).flatMap((label) => [
        {
          target: `${label}: one changed article, sender's sync under 300 ms (median of ${roundsEachWay * 2})`,
          value: `${round(figures[`${label}.oneChange.send.medianMs`]!)} ms, sent ${figures[`${label}.oneChange.send.sentKB`]} KB`,
          result: mark(figures[`${label}.oneChange.send.medianMs`]! < 300),
        },
        {
          target: `${label}: one changed article, receiver's sync under 300 ms`,
          value: `${round(figures[`${label}.oneChange.receive.medianMs`]!)} ms, got ${figures[`${label}.oneChange.receive.receivedKB`]} KB`,
          result: mark(figures[`${label}.oneChange.receive.medianMs`]! < 300),
        },
        {
          target: `${label}: nothing to do`,
          value: `${round(figures[`${label}.nothingToDo.medianMs`]!)} ms, ${figures[`${label}.nothingToDo.KB`]} KB`,
          result: 'no target in the issue',
        },
      ]),
    ]);
    return Object.fromEntries(Object.entries(figures).map(([name, value]) => [name, round(value)]));
  } finally {
    for (const member of members) await member.session.close();
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
}
