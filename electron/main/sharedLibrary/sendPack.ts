import * as nodeFileSystem from 'node:fs';
import git from 'isomorphic-git';
import type { CappedHttpClient } from './createGitHttpClient';
import type { RemoteAccount } from './GitRemote';

const noCommit = '0'.repeat(40);

/** The server's answer to one ref update: done, refused because the branch moved (fetch again), or refused otherwise. */
export type SendPackResult = { kind: 'updated' } | { kind: 'moved-on' } | { kind: 'refused'; reason: string };

/**
 * Git's receive-pack over smart HTTP with exactly the objects a sync made (its blobs, the folders it rewrote, its
 * commit), instead of isomorphic-git's push, which walks every folder of both commits (seconds at 10,000 articles).
 * The command names the head this sync built on, so the server updates the branch only from it: never a force, and a
 * branch someone moved meanwhile is refused, never overwritten.
 */
export async function sendPack(options: {
  gitdir: string;
  http: CappedHttpClient;
  account: RemoteAccount;
  branchRef: string;
  from: string | null;
  to: string;
  objects: readonly string[];
  cache?: object;
}): Promise<SendPackResult> {
  const { packfile } = await git.packObjects({
    fs: nodeFileSystem,
    gitdir: options.gitdir,
    oids: [...new Set(options.objects)],
    write: false,
    cache: options.cache,
  });
  const command = `${options.from ?? noCommit} ${options.to} ${options.branchRef}\0report-status agent=ban-thao\n`;
  // Sent as three pieces: the pack (the whole library at a first push) is never copied into one body.
  const pieces = [new Uint8Array(Buffer.concat([pktLine(command), Buffer.from('0000')])), packfile!];
  const length = pieces.reduce((total, piece) => total + piece.byteLength, 0);
  const url = `${options.account.address.replace(/\/+$/, '')}/git-receive-pack`;
  const credentials = Buffer.from(`${options.account.userName}:${options.account.secret}`, 'utf8').toString('base64');
  const response = await options.http.request({
    url,
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-git-receive-pack-request',
      Accept: 'application/x-git-receive-pack-result',
      Authorization: `Basic ${credentials}`,
      'Content-Length': String(length),
    },
    body: (async function* () {
      yield* pieces;
    })(),
  });
  const chunks: Uint8Array[] = [];
  for await (const chunk of response.body ?? []) chunks.push(chunk);
  const answer = Buffer.concat(chunks);
  if (response.statusCode !== 200) {
    throw Object.assign(new Error(`HTTP Error: ${response.statusCode} ${response.statusMessage}`), {
      code: 'HttpError',
      data: { statusCode: response.statusCode, statusMessage: response.statusMessage, response: 'git-receive-pack' },
    });
  }
  return resultOf(readPktLines(answer), options.branchRef);
}

function pktLine(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  return Buffer.concat([Buffer.from((payload.byteLength + 4).toString(16).padStart(4, '0')), payload]);
}

function readPktLines(bytes: Buffer): string[] {
  const lines: string[] = [];
  let offset = 0;
  while (offset + 4 <= bytes.byteLength) {
    const length = parseInt(bytes.subarray(offset, offset + 4).toString('latin1'), 16);
    if (Number.isNaN(length)) break;
    if (length === 0) {
      offset += 4;
      continue;
    }
    lines.push(
      bytes
        .subarray(offset + 4, offset + length)
        .toString('utf8')
        .replace(/\n$/, ''),
    );
    offset += length;
  }
  return lines;
}

function resultOf(lines: string[], branchRef: string): SendPackResult {
  const unpack = lines.find((line) => line.startsWith('unpack '));
  if (unpack !== undefined && unpack !== 'unpack ok') return { kind: 'refused', reason: unpack };
  if (lines.includes(`ok ${branchRef}`)) return { kind: 'updated' };
  const refusal = lines.find((line) => line.startsWith(`ng ${branchRef}`));
  if (refusal === undefined) return { kind: 'refused', reason: lines.join(' | ') || 'no answer' };
  const reason = refusal.slice(`ng ${branchRef} `.length);
  // The branch is no longer where this sync found it: another sync went first.
  if (/non-fast-forward|fetch first|stale|failed to (update|lock)|cannot lock|is at [0-9a-f]+ but expected/i.test(reason)) {
    return { kind: 'moved-on' };
  }
  return { kind: 'refused', reason };
}
