import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { articleContentOf } from '../../../shared/articleModel';
import { libraryLayout } from '../../../electron/main/library/libraryLayout';
import { pulledFileByteLimits } from '../../../electron/main/sharedLibrary/checkPulledFile';
import { GitObjects } from '../../../electron/main/sharedLibrary/GitObjects';
import { largestFetchedObjectBytes } from '../../../electron/main/sharedLibrary/GitRemote';
import { sampleContent } from '../../support/sampleContent';
import { memberPassword, startSharedNewsroom, type Member, type SharedNewsroom } from '../../support/sharedNewsroom';
import { useTemporaryDirectories } from '../../support/temporaryDirectory';

const run = promisify(execFile);
const temporaryDirectory = useTemporaryDirectories();
let newsroom: SharedNewsroom;

beforeEach(async () => {
  newsroom = await startSharedNewsroom(temporaryDirectory);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await newsroom.close();
});

/** A reporter with one article, joined, and an editor joined after: both hold the article. */
async function twoMembersWithAnArticle() {
  const reporter = await newsroom.member({ name: 'Ngọc Sơn', role: 'reporter' });
  const editor = await newsroom.member({ name: 'Thu Hà', role: 'editor' });
  const { id } = await reporter.session.handlers['article:create']({});
  await reporter.session.handlers['article:save']({ id, baseRevision: 1, content: sampleContent() });
  expect((await reporter.session.handlers['sharedLibrary:join']({})).status.message).toBeNull();
  expect((await editor.session.handlers['sharedLibrary:join']({})).status.message).toBeNull();
  return { reporter, editor, id };
}

async function save(member: Member, id: string, change: Parameters<typeof sampleContent>[0]) {
  const stored = await member.session.handlers['article:get']({ id });
  await member.session.handlers['article:save']({ id, baseRevision: stored.revision, content: { ...articleContentOf(stored), ...change } });
}

/** Someone with push rights pushes, with plain Git, a file of `size` zero bytes (it compresses about 1000 to 1). Returns its blob id. */
async function pushZeros(path: string, size: number): Promise<string> {
  const scratch = await mkdtemp(join(tmpdir(), 'banthao-huge-'));
  const git = (...args: string[]) => run('git', ['-C', scratch, '-c', 'user.name=Minh', '-c', 'user.email=minh@toasoan.vn', ...args]);
  try {
    await run('git', ['clone', '--quiet', newsroom.address.replace('http://', `http://minh:${memberPassword}@`), scratch]);
    await mkdir(dirname(join(scratch, path)), { recursive: true });
    await writeFile(join(scratch, path), Buffer.alloc(size));
    await git('add', '.');
    await git('commit', '--quiet', '-m', 'tệp khổng lồ');
    await git('push', '--quiet', 'origin', 'main');
    return (await git('rev-parse', `HEAD:${path}`)).stdout.trim();
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function trackedHeadOf(member: Member): Promise<string> {
  const gitdir = libraryLayout(member.dataDirectory).sync.git;
  return (await run('git', ['--git-dir', gitdir, 'rev-parse', 'refs/remotes/origin/main'])).stdout.trim();
}

async function packsOf(member: Member): Promise<string[]> {
  return (await readdir(join(libraryLayout(member.dataDirectory).sync.git, 'objects', 'pack')).catch(() => [])).sort();
}

describe('a huge, very compressible blob from the server is refused by its declared size, never inflated whole', () => {
  it('refuses a photo past its cap from its header, without reading it, and syncs the rest', async () => {
    const { reporter, editor, id } = await twoMembersWithAnArticle();
    const photoPath = `media/ab/${'ab'.repeat(32)}.jpg`;
    // Past a photo's cap, within what a fetch takes (a photo's cap is the smaller one).
    const size = pulledFileByteLimits['photo-original'] + 1024 * 1024;
    expect(size).toBeLessThanOrEqual(largestFetchedObjectBytes);
    const oid = await pushZeros(photoPath, size);
    await save(reporter, id, { sapo: 'Sapo mới sau tệp khổng lồ.' });
    expect((await reporter.session.handlers['sharedLibrary:syncNow']({})).status.message).toBeNull();

    const readBlob = vi.spyOn(GitObjects.prototype, 'readBlob');
    const outcome = await editor.session.handlers['sharedLibrary:syncNow']({});
    expect(outcome.status.message).toBeNull();
    expect(outcome.status.refusedFiles).toEqual([{ path: photoPath, reason: expect.stringMatching(/^Không nhận tệp .*: tệp quá lớn: /) }]);
    // Refused by the size in its header: its content was never read (so never inflated to be checked or set aside).
    expect(readBlob.mock.calls.map(([read]) => read)).not.toContain(oid);
    expect(readBlob).toHaveBeenCalled();
    expect((await editor.session.handlers['article:get']({ id })).sapo).toBe('Sapo mới sau tệp khổng lồ.');
    expect(await readdir(libraryLayout(editor.dataDirectory).library.media).catch(() => [])).not.toContain('ab');
  }, 60_000);

  it('stops a fetch whose pack holds an object past every cap before it is indexed, and says so', async () => {
    const { editor, id } = await twoMembersWithAnArticle();
    const hostileId = '00000000-dead-beef-0000-000000000000';
    await pushZeros(`articles/00/${hostileId}.json`, largestFetchedObjectBytes + 1024 * 1024);
    const packsBefore = await packsOf(editor);
    const trackedBefore = await trackedHeadOf(editor);
    const asideBefore = await readdir(libraryLayout(editor.dataDirectory).quarantine, { recursive: true }).catch(() => []);

    const outcome = await editor.session.handlers['sharedLibrary:syncNow']({});
    expect(outcome.status).toMatchObject({
      state: 'error',
      message: expect.stringMatching(/^Máy chủ gửi về dữ liệu không nhận được \(một đối tượng [\d.]+ byte \(tối đa [\d.]+\)\.\)/),
    });
    // The pack was never written, so isomorphic-git never indexed (inflated) it; nothing reached the library, and the
    // tracking ref still names a commit this Git folder holds.
    expect(await packsOf(editor)).toEqual(packsBefore);
    expect(await trackedHeadOf(editor)).toBe(trackedBefore);
    expect(outcome.status.message).toContain('Người quản trị máy chủ cần gỡ tệp quá lớn khỏi lịch sử của kho.');
    expect((await editor.session.handlers['library:list']({ scope: 'active' })).map((article) => article.id)).toEqual([id]);
    expect(await readdir(libraryLayout(editor.dataDirectory).quarantine, { recursive: true }).catch(() => [])).toEqual(asideBefore);
  }, 60_000);
});
