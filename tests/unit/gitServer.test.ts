import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitServer, type GitServer } from '../support/gitServer';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

const run = promisify(execFile);
const temporaryDirectory = useTemporaryDirectories();
const writer = { username: 'phongvien', password: 'mat-khau-1' };
const reader = { username: 'bandoc', password: 'chi-doc' };

describe('the test Git server (git http-backend behind basic authentication)', () => {
  let server: GitServer;
  beforeEach(async () => {
    server = await startGitServer({
      [writer.username]: { password: writer.password },
      [reader.username]: { password: reader.password, readOnly: true },
    });
  });
  afterEach(async () => server.close());

  it('lets isomorphic-git clone, commit and push Vietnamese text', async () => {
    const bare = await server.createRepository('toa-soan');
    const first = await temporaryDirectory();
    await git.clone({ fs, http, dir: first, url: server.url('toa-soan'), ref: 'main', onAuth: () => writer });
    await writeFile(join(first, 'bài.json'), JSON.stringify({ title: 'Hội nghị thường niên ở Đà Nẵng' }));
    await git.add({ fs, dir: first, filepath: 'bài.json' });
    await git.commit({
      fs,
      dir: first,
      message: 'Thêm bài “Hội nghị”',
      author: { name: 'Ngọc Sơn', email: 'son@toasoan.vn' },
      ref: 'main',
    });
    const pushed = await git.push({
      fs,
      http,
      dir: first,
      remote: 'origin',
      ref: 'main',
      remoteRef: 'refs/heads/main',
      onAuth: () => writer,
    });
    expect(pushed.ok).toBe(true);

    const { stdout } = await run('git', ['-C', bare, 'log', '--format=%an|%s', 'main']);
    expect(stdout.trim()).toBe('Ngọc Sơn|Thêm bài “Hội nghị”');
    const second = await temporaryDirectory();
    await git.clone({ fs, http, dir: second, url: server.url('toa-soan'), ref: 'main', onAuth: () => reader });
    expect(JSON.parse(await readFile(join(second, 'bài.json'), 'utf8'))).toEqual({ title: 'Hội nghị thường niên ở Đà Nẵng' });
  });

  it('answers 401 with WWW-Authenticate to a wrong password, 404 where there is no repository', async () => {
    await server.createRepository('toa-soan');
    const wrong = await fetch(`${server.url('toa-soan')}/info/refs?service=git-upload-pack`, {
      headers: { authorization: `Basic ${Buffer.from(`${writer.username}:sai`).toString('base64')}` },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Basic /);
    const missing = await fetch(`${server.origin}/khong-co.git/info/refs?service=git-upload-pack`, {
      headers: { authorization: `Basic ${Buffer.from(`${writer.username}:${writer.password}`).toString('base64')}` },
    });
    expect(missing.status).toBe(404);
  });

  it('refuses a read-only user’s push with 403', async () => {
    await server.createRepository('toa-soan');
    const dir = await temporaryDirectory();
    await git.clone({ fs, http, dir, url: server.url('toa-soan'), onAuth: () => reader });
    await writeFile(join(dir, 'a.txt'), 'chữ');
    await git.add({ fs, dir, filepath: 'a.txt' });
    await git.commit({ fs, dir, message: 'thử', author: { name: 'Bạn đọc', email: 'doc@toasoan.vn' }, ref: 'main' });
    const error = await git
      .push({ fs, http, dir, remote: 'origin', ref: 'main', remoteRef: 'refs/heads/main', onAuth: () => reader })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'HttpError', data: { statusCode: 403 } });
  });
});
