/**
 * A large push (a whole library at joining) goes to the server as several commits of bounded size, one after another,
 * so the pack built in memory stays small; a push stopped between two of them converges at the next sync.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sharedFileOf } from '../../../electron/main/library/libraryLayout';
import { pushBatchesOf } from '../../../electron/main/sharedLibrary/SyncEngine';
import type { SyncProgress } from '../../../shared/sharedLibraryModel';
import { bodyWithPhoto } from '../../support/bodyWithPhoto';
import type { TestSession } from '../../support/openTestSession';
import { sampleContent } from '../../support/sampleContent';
import { startSharedNewsroom, type Member, type SharedNewsroom } from '../../support/sharedNewsroom';
import { useTemporaryDirectories } from '../../support/temporaryDirectory';
import { cameraJpeg, listFilesUnder, twoColourJpeg } from '../media/photoFixtures';

/** The file bytes one pushed commit carries at most here (64 MB in the app). */
const batchBytes = 20_000;

const temporaryDirectory = useTemporaryDirectories();
let newsroom: SharedNewsroom;

beforeEach(async () => {
  newsroom = await startSharedNewsroom(temporaryDirectory);
});
afterEach(async () => {
  await newsroom.close();
});

function git(...args: string[]): string {
  return execFileSync('git', ['-C', newsroom.repository, ...args], { encoding: 'utf8' }).trim();
}

/** A reporter (pushing in small batches) whose library holds several more articles, each with a photo (one larger than a batch). */
async function reporterWithLibrary(member?: Member): Promise<{ reporter: Member; ids: string[] }> {
  const reporter = member ?? (await newsroom.member({ name: 'Ngọc Sơn', role: 'reporter' }, { sync: { pushBatchBytes: batchBytes } }));
  const photos = [
    await twoColourJpeg(),
    await twoColourJpeg({ width: 600, height: 400 }),
    await cameraJpeg({ width: 400, height: 300, noise: true }),
  ];
  const ids: string[] = [];
  for (const [index, title] of [
    'Hội nghị sơ kết',
    'Cầu Rồng',
    'Mùa nước nổi',
    'Chợ nổi Cái Răng',
    'Phố cổ Hội An',
    'Đèo Hải Vân',
  ].entries()) {
    const created = await reporter.session.handlers['article:create']({});
    const photo = photos[index % photos.length]!;
    const imported = await reporter.session.handlers['media:importBytes']({ fileName: `anh-${index}.jpg`, bytes: new Uint8Array(photo) });
    const content = { ...sampleContent({ title }), body: bodyWithPhoto(imported.id), coverMediaId: imported.id };
    await reporter.session.handlers['article:save']({ id: created.id, baseRevision: created.revision, content });
    ids.push(created.id);
  }
  // Its pending version records written now, as a sync does first: the files counted are those the sync sends.
  await reporter.session.flush();
  return { reporter, ids };
}

/** Every shared file of a member's library by its hash. */
async function sharedFiles(session: TestSession): Promise<Record<string, string>> {
  const folder = session.library.layout.library.folder;
  const files: Record<string, string> = {};
  for (const path of await listFilesUnder(folder)) {
    const shared = path.split('\\').join('/');
    if (sharedFileOf(shared) !== null)
      files[shared] = createHash('sha256')
        .update(await readFile(join(folder, path)))
        .digest('hex');
  }
  return files;
}

/** The file bytes each commit on the server added, with how many files: what that commit's pack carried. */
function commitsOnServer(): { files: number; bytes: number }[] {
  return git('rev-list', 'main')
    .split('\n')
    .map((commit) => {
      const added = git('diff-tree', '-r', '--root', '--no-commit-id', '--diff-filter=AM', '--format=', commit)
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => line.split(' ')[3]!);
      return { files: added.length, bytes: added.reduce((total, oid) => total + Number(git('cat-file', '-s', oid)), 0) };
    });
}

/**
 * Before a member's second pushed commit goes, another commit lands on top of its first (as another member's push
 * would): these files of `folder` written there. Returns whether it happened.
 */
function moveOnAfterFirstCommit(member: Member, folder: string, paths: string[]): () => boolean {
  let movedOn = false;
  member.session.sync.attachWindow({
    savePendingEdits: async () => {},
    synced: () => {},
    progress: (step) => {
      if (step.phase !== 'pushing' || step.done !== 1 || movedOn) return;
      movedOn = true;
      const index = join(newsroom.repository, 'index-of-the-other-member');
      const withIndex = { env: { ...process.env, GIT_INDEX_FILE: index }, encoding: 'utf8' as const };
      execFileSync('git', ['-C', newsroom.repository, 'read-tree', 'main'], withIndex);
      for (const path of paths) {
        const blob = git('hash-object', '-w', join(folder, path));
        execFileSync('git', ['-C', newsroom.repository, 'update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], withIndex);
      }
      const tree = execFileSync('git', ['-C', newsroom.repository, 'write-tree'], withIndex).trim();
      const head = git('rev-parse', 'main');
      git('update-ref', 'refs/heads/main', git('commit-tree', tree, '-p', head, '-m', 'Một thành viên khác'), head);
    },
  });
  return () => movedOn;
}

describe('the batches of a push', () => {
  const file = (size: number) => ({ oid: 'a'.repeat(40), size, mtimeMs: 0 });

  it('are one batch, in order, within the limit', () => {
    const outgoing = new Map([
      ['a', file(10)],
      ['b', null],
      ['c', file(90)],
    ]);
    expect(pushBatchesOf(outgoing, 100).map((batch) => [...batch])).toEqual([[...outgoing]]);
  });

  it('cut by bytes, a file over the limit alone, removals with the first', () => {
    const outgoing = new Map([
      ['a', file(60)],
      ['b', file(50)],
      ['c', file(250)],
      ['d', null],
      ['e', file(30)],
      ['f', file(20)],
    ]);
    expect(pushBatchesOf(outgoing, 100).map((batch) => [...batch.keys()])).toEqual([['a', 'd'], ['b'], ['c'], ['e', 'f']]);
  });
});

describe('a large push', () => {
  it('arrives as several commits of bounded size, and the next member joins to the same library', async () => {
    const { reporter, ids } = await reporterWithLibrary();
    const progress: SyncProgress[] = [];
    reporter.session.sync.attachWindow({
      savePendingEdits: async () => {},
      synced: () => {},
      progress: (step) => void progress.push(step),
    });
    const local = await sharedFiles(reporter.session);
    expect(Object.keys(local).length).toBeGreaterThan(12);

    const joined = await reporter.session.handlers['sharedLibrary:join']({});
    expect(joined.status.message).toBeNull();
    expect(joined.filesSent).toBe(Object.keys(local).length);

    const commits = commitsOnServer();
    expect(commits.length).toBeGreaterThanOrEqual(3);
    expect(Number(git('rev-list', '--count', 'main'))).toBe(commits.length);
    // Each commit stays within the limit, unless it is one file larger than the limit alone.
    for (const commit of commits) expect(commit.bytes <= batchBytes || commit.files === 1, JSON.stringify(commit)).toBe(true);
    expect(commits.some((commit) => commit.bytes > batchBytes)).toBe(true);
    expect(commits.reduce((total, commit) => total + commit.files, 0)).toBe(Object.keys(local).length);
    // Counted batch by batch, the last one done.
    const pushing = progress.filter((step) => step.phase === 'pushing');
    expect(pushing.map((step) => step.done)).toEqual([...Array(commits.length + 1).keys()]);
    expect(new Set(pushing.map((step) => step.total))).toEqual(new Set([commits.length]));

    const editor = await newsroom.member({ name: 'Thu Hà', role: 'editor' });
    const editorJoined = await editor.session.handlers['sharedLibrary:join']({});
    expect(editorJoined.status.message).toBeNull();
    expect(editorJoined.changedArticleIds.sort()).toEqual([...ids].sort());
    expect(await sharedFiles(editor.session)).toEqual(local);
    // Nothing to send back either way: the libraries are the same.
    expect((await editor.session.handlers['sharedLibrary:syncNow']({})).filesSent).toBe(0);
    expect((await reporter.session.handlers['sharedLibrary:syncNow']({})).filesSent).toBe(0);
    expect(Number(git('rev-list', '--count', 'main'))).toBe(commits.length);
  });

  it('stopped after its first commit because the server moved on, goes on at the next round with nothing lost', async () => {
    const { reporter, ids } = await reporterWithLibrary();
    // The editor wrote an article before joining: it reaches the server between the reporter's first and second commits.
    const editor = await newsroom.member({ name: 'Thu Hà', role: 'editor' });
    const editorArticle = await editor.session.handlers['article:create']({});
    await editor.session.handlers['article:save']({
      id: editorArticle.id,
      baseRevision: editorArticle.revision,
      content: sampleContent({ title: 'Bài của Hà' }),
    });
    // Its version record too (written when the library is flushed, as a sync does first).
    await editor.session.flush();
    const editorFiles = await sharedFiles(editor.session);
    expect(Object.keys(editorFiles).some((path) => sharedFileOf(path)?.kind === 'article')).toBe(true);
    const movedOn = moveOnAfterFirstCommit(reporter, editor.session.library.layout.library.folder, Object.keys(editorFiles));
    const local = await sharedFiles(reporter.session);

    const joined = await reporter.session.handlers['sharedLibrary:join']({});
    expect(movedOn()).toBe(true);
    expect(joined.status.message).toBeNull();
    expect(joined.conflictArticleIds).toEqual([]);
    // The editor's article came in; every file of the reporter's went, once.
    expect(joined.changedArticleIds).toEqual([editorArticle.id]);
    expect(joined.filesSent).toBe(Object.keys(local).length);
    const server = git('ls-tree', '-r', '--name-only', 'main').split('\n');
    expect(server.sort()).toEqual(Object.keys({ ...local, ...editorFiles }).sort());
    const sentAndWritten = Object.keys(local).length + Object.keys(editorFiles).length;
    expect(commitsOnServer().reduce((total, commit) => total + commit.files, 0)).toBe(sentAndWritten);

    const editorJoined = await editor.session.handlers['sharedLibrary:join']({});
    expect(editorJoined.status.message).toBeNull();
    expect(editorJoined.conflictArticleIds).toEqual([]);
    expect(editorJoined.filesSent).toBe(0);
    expect(editorJoined.changedArticleIds.sort()).toEqual([...ids].sort());
    const reporterNow = await sharedFiles(reporter.session);
    expect(reporterNow).toEqual({ ...local, ...editorFiles });
    expect(await sharedFiles(editor.session)).toEqual(reporterNow);
    expect((await reporter.session.handlers['sharedLibrary:syncNow']({})).filesSent).toBe(0);
  });

  it('made after joining, stopped after its first commit, goes on from the agreed base without conflicts', async () => {
    const reporter = await newsroom.member({ name: 'Ngọc Sơn', role: 'reporter' }, { sync: { pushBatchBytes: batchBytes } });
    const editor = await newsroom.member({ name: 'Thu Hà', role: 'editor' });
    const first = await reporter.session.handlers['article:create']({});
    await reporter.session.handlers['article:save']({
      id: first.id,
      baseRevision: first.revision,
      content: sampleContent({ title: 'Tin ngắn' }),
    });
    expect((await reporter.session.handlers['sharedLibrary:join']({})).status.message).toBeNull();
    expect((await editor.session.handlers['sharedLibrary:join']({})).status.message).toBeNull();
    const before = await sharedFiles(reporter.session);

    // Then a large import here, while the server moves on (with nothing of the editor's) between two of its commits.
    const later = await reporterWithLibrary(reporter);
    const local = await sharedFiles(reporter.session);
    const movedOn = moveOnAfterFirstCommit(reporter, reporter.session.library.layout.library.folder, []);
    const sent = await reporter.session.handlers['sharedLibrary:syncNow']({});
    expect(movedOn()).toBe(true);
    expect(sent.status.message).toBeNull();
    expect(sent.conflictArticleIds).toEqual([]);
    expect(sent.filesSent).toBe(Object.keys(local).length - Object.keys(before).length);
    expect(git('ls-tree', '-r', '--name-only', 'main').split('\n').sort()).toEqual(Object.keys(local).sort());

    const received = await editor.session.handlers['sharedLibrary:syncNow']({});
    expect(received.status.message).toBeNull();
    expect(received.conflictArticleIds).toEqual([]);
    expect(received.changedArticleIds.sort()).toEqual([...later.ids].sort());
    expect(await sharedFiles(editor.session)).toEqual(local);
    expect(await sharedFiles(reporter.session)).toEqual(local);
  });
});
