import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkFetchedPack } from '../../../electron/main/sharedLibrary/checkFetchedPack';
import { readObjectSize } from '../../../electron/main/sharedLibrary/readObjectSize';
import { useTemporaryDirectories } from '../../support/temporaryDirectory';

const run = promisify(execFile);
const temporaryDirectory = useTemporaryDirectories();

/** A repository made with plain Git: a file rewritten a few times (so a repack makes deltas), and a big compressible blob. */
async function repositoryWithHistory(): Promise<string> {
  const folder = await temporaryDirectory();
  const git = (...args: string[]) => run('git', ['-C', folder, '-c', 'user.name=Minh', '-c', 'user.email=minh@toasoan.vn', ...args]);
  await run('git', ['init', '--quiet', '--initial-branch=main', folder]);
  const lines = Array.from({ length: 400 }, (_, index) => `Dòng ${index} của bài viết về hội nghị sơ kết.`);
  for (let round = 0; round < 4; round += 1) {
    lines[round * 50] = `Dòng sửa lần ${round}.`;
    lines.push(`Dòng thêm ${round}.`);
    await writeFile(join(folder, 'bai.txt'), lines.join('\n'));
    await writeFile(join(folder, 'khong.bin'), Buffer.alloc(300_000 + round));
    await git('add', '.');
    await git('commit', '--quiet', '-m', `lần ${round}`);
  }
  return folder;
}

/** Every object of the repository with its type and size, as Git itself says. */
async function objectsOf(folder: string): Promise<{ oid: string; type: string; size: number }[]> {
  const { stdout } = await run('git', ['-C', folder, 'cat-file', '--batch-check', '--batch-all-objects']);
  return stdout
    .trim()
    .split('\n')
    .map((line) => line.split(' '))
    .map(([oid, type, size]) => ({ oid: oid!, type: type!, size: Number(size) }));
}

/** A one-object pack whose header declares `declared` bytes over `content` (Git checks the trailer; this check need not). */
function onePack(type: number, declared: number, content: Uint8Array): Buffer {
  const header = [((type & 0x07) << 4) | (declared & 0x0f) | (declared > 0x0f ? 0x80 : 0)];
  for (let rest = Math.floor(declared / 16); rest > 0; rest = Math.floor(rest / 128)) header.push((rest & 0x7f) | (rest >= 128 ? 0x80 : 0));
  const count = Buffer.alloc(4);
  count.writeUInt32BE(1);
  return Buffer.concat([
    Buffer.from('PACK'),
    Buffer.from([0, 0, 0, 2]),
    count,
    Buffer.from(header),
    deflateSync(content),
    Buffer.alloc(20),
  ]);
}

describe('the size of a Git object, read from its header before it is inflated', () => {
  it('reads the size Git gives for every loose object, and for every packed one, deltas included', async () => {
    const folder = await repositoryWithHistory();
    const gitdir = join(folder, '.git');
    const objects = await objectsOf(folder);
    for (const { oid, size } of objects) expect(await readObjectSize(gitdir, oid), `loose ${oid}`).toBe(size);

    await run('git', ['-C', folder, 'repack', '-adf', '--quiet']);
    const { stdout } = await run('git', [
      '-C',
      folder,
      'verify-pack',
      '-v',
      ...(await packsOf(gitdir)).map((pack) => pack.replace(/\.pack$/, '.idx')),
    ]);
    // The repack made deltas (so their result size, not their own, is what is read).
    expect(stdout).toMatch(/chain length = \d+: [1-9]/);
    await run('git', ['-C', folder, 'prune']);
    for (const { oid, size } of objects) expect(await readObjectSize(gitdir, oid), `packed ${oid}`).toBe(size);
    expect(await readObjectSize(gitdir, 'ab'.repeat(20))).toBeNull();
  });

  it('passes a pack Git made within the cap; refuses one with a larger object, a larger delta result or a lying header', async () => {
    const folder = await repositoryWithHistory();
    await run('git', ['-C', folder, 'repack', '-adf', '--quiet']);
    const [pack] = await packsOf(join(folder, '.git'));
    const bytes = await readFile(pack!);
    const largest = Math.max(...(await objectsOf(folder)).map((object) => object.size));
    expect(checkFetchedPack(bytes, largest)).toBeNull();
    expect(checkFetchedPack(bytes, largest - 1)).toMatch(/^một đối tượng 300\.003 byte \(tối đa 300\.002\)\.$/);

    const blob = 3;
    expect(checkFetchedPack(onePack(blob, 5, Buffer.from('Xin chào')), 1000)).toMatch(/khác với khai báo/);
    expect(checkFetchedPack(onePack(blob, 8, Buffer.alloc(1_000_000)), 1000)).toMatch(/khác với khai báo/);
    expect(checkFetchedPack(onePack(blob, 10_000, Buffer.alloc(10_000)), 1000)).toMatch(/một đối tượng/);
    // A reference delta: 20 bytes of base id, then a delta whose header says it makes a 5,000,000-byte object.
    const delta = Buffer.from([0x10, 0xc0, 0x96, 0xb1, 0x02]);
    const referenceDelta = onePack(7, delta.byteLength, delta);
    const withBase = Buffer.concat([referenceDelta.subarray(0, 13), Buffer.alloc(20), referenceDelta.subarray(13)]);
    expect(checkFetchedPack(withBase, 1000)).toMatch(/^một đối tượng 5\.000\.000 byte/);
    expect(checkFetchedPack(Buffer.from('not a pack at all, not even close'), 1000)).toMatch(/không phải một gói Git/);
  });
});

async function packsOf(gitdir: string): Promise<string[]> {
  const folder = join(gitdir, 'objects', 'pack');
  return (await readdir(folder)).filter((file) => file.endsWith('.pack')).map((file) => join(folder, file));
}
