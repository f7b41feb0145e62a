import * as nodeFileSystem from 'node:fs';
import git, { type GitProgressEvent } from 'isomorphic-git';
import { AppError } from '../../../shared/errorCodes';
import { checkFetchedPack } from './checkFetchedPack';
import { pulledFileByteLimits } from './checkPulledFile';
import type { CappedHttpClient } from './createGitHttpClient';
import { sendPack } from './sendPack';
import { syncOutcomeMessages } from './syncMessageOf';

/** The office server's repository as a sync talks to it: its address and this user's credentials. */
export interface RemoteAccount {
  address: string;
  userName: string;
  secret: string;
}

/** The one branch the shared library uses, and the remote-tracking ref a fetch leaves it in. */
export const sharedBranch = 'main';
const trackingRef = `refs/remotes/origin/${sharedBranch}`;
const localRef = `refs/heads/${sharedBranch}`;

/**
 * The largest object a fetch takes (isomorphic-git inflates each object whole while it indexes the pack): what an office
 * PC can afford, well past every kind's own limit. An object between the two is inflated once and then refused file by
 * file by the size its header states; one past this stops the fetch, and the server's history must lose it.
 */
export const largestFetchedObjectBytes = Math.max(256 * 1024 * 1024, ...Object.values(pulledFileByteLimits));

/**
 * Node's file system with the fetched pack checked as isomorphic-git writes it, before it indexes it (indexing inflates
 * every object whole): a pack holding an object past the cap is never written, and the fetch fails.
 */
function packCheckingFileSystem(maximumObjectBytes: number) {
  const { promises } = nodeFileSystem;
  // isomorphic-git writes again after a failed write (making the folder first): a pack refused once is not walked twice.
  const refused = new Map<string, AppError>();
  const writeFile: typeof promises.writeFile = async (path, data, options) => {
    if (typeof path === 'string' && /[\\/]objects[\\/]pack[\\/]pack-[0-9a-f]+\.pack$/.test(path) && data instanceof Uint8Array) {
      const earlier = refused.get(path);
      if (earlier !== undefined) throw earlier;
      const problem = checkFetchedPack(data, maximumObjectBytes);
      if (problem !== null) {
        const error = new AppError(
          'sync-failed',
          `Máy chủ gửi về dữ liệu không nhận được (${problem}): đã dừng nhận để bảo vệ máy. ` +
            'Người quản trị máy chủ cần gỡ tệp quá lớn khỏi lịch sử của kho.',
        );
        refused.set(path, error);
        throw error;
      }
    }
    return promises.writeFile(path, data, options);
  };
  return { promises: { ...promises, writeFile } };
}

/**
 * Fetch and push of the shared branch, never forced. The local branch is set to the last commit agreed with the server
 * before each fetch, so what a fetch says it has is always on the server (an unpushed commit there makes
 * isomorphic-git download the whole history again).
 */
export class GitRemote {
  readonly #gitdir: string;
  readonly #http: CappedHttpClient;
  readonly #account: RemoteAccount;
  readonly #maximumObjectBytes: number;

  constructor(gitdir: string, http: CappedHttpClient, account: RemoteAccount, maximumObjectBytes = largestFetchedObjectBytes) {
    this.#gitdir = gitdir;
    this.#http = http;
    this.#account = account;
    this.#maximumObjectBytes = maximumObjectBytes;
  }

  get #auth() {
    const account = this.#account;
    return {
      onAuth: () => ({ username: account.userName, password: account.secret }),
      // No second try with the same answer: a wrong password must not loop.
      onAuthFailure: () => ({ cancel: true }),
    };
  }

  /** The newest server head this Git folder has seen (fetched or pushed), or null. */
  async trackedHead(): Promise<string | null> {
    try {
      return await git.resolveRef({ fs: nodeFileSystem, gitdir: this.#gitdir, ref: trackingRef });
    } catch {
      return null;
    }
  }

  /** The server's branch head after fetching what is new (null: the repository is still empty). */
  async fetch(agreedCommit: string | null, onProgress?: (event: GitProgressEvent) => void): Promise<string | null> {
    const url = this.#account.address.replace(/\/+$/, '');
    const info = await git.getRemoteInfo({ http: this.#http, url, ...this.#auth });
    // isomorphic-git may read a cut-off answer as a short one: a truncated list of refs is never "an empty repository".
    this.#assertWhole();
    const heads = (info.refs as { heads?: Record<string, string> } | undefined)?.heads;
    const head = heads?.[sharedBranch] ?? null;
    if (head === null) return null;
    // Nothing new on the server: no fetch round trip (a sync with nothing to do asks only for the refs).
    if (head === agreedCommit && (await this.#holds(head))) return head;
    if (agreedCommit !== null) await this.#setRef(localRef, agreedCommit);
    // The remote's entry in the Git folder's config names where fetched refs go (the address may have been changed).
    await git.addRemote({ fs: nodeFileSystem, gitdir: this.#gitdir, remote: 'origin', url, force: true });
    // isomorphic-git moves the tracking ref before it writes the pack: a refused pack must not leave it naming a commit
    // this Git folder does not hold.
    const trackedBefore = await this.trackedHead();
    try {
      await git.fetch({
        fs: packCheckingFileSystem(this.#maximumObjectBytes),
        http: this.#http,
        gitdir: this.#gitdir,
        url,
        remote: 'origin',
        ref: sharedBranch,
        remoteRef: sharedBranch,
        singleBranch: true,
        tags: false,
        onProgress,
        ...this.#auth,
      });
    } catch (error) {
      if (trackedBefore !== null) await this.#setRef(trackingRef, trackedBefore).catch(() => undefined);
      else await git.deleteRef({ fs: nodeFileSystem, gitdir: this.#gitdir, ref: trackingRef }).catch(() => undefined);
      throw error;
    }
    this.#assertWhole();
    return git.resolveRef({ fs: nodeFileSystem, gitdir: this.#gitdir, ref: trackingRef });
  }

  /**
   * Sends `commit` as the branch's new head, made on `from` (the head the fetch found; null: the repository was empty),
   * with the objects it adds. False when the server's branch moved meanwhile (fetch again); nothing is ever forced.
   */
  async push(commit: string, from: string | null, objects: readonly string[], cache?: object): Promise<boolean> {
    const result = await sendPack({
      gitdir: this.#gitdir,
      http: this.#http,
      account: this.#account,
      branchRef: localRef,
      from,
      to: commit,
      objects: [...objects, commit],
      cache,
    });
    if (result.kind === 'moved-on') return false;
    if (result.kind === 'refused') {
      throw new AppError('sync-failed', `Máy chủ không nhận thay đổi (${result.reason}): các thay đổi vẫn ở trong máy.`);
    }
    await this.#setRef(trackingRef, commit);
    await this.#setRef(localRef, commit);
    return true;
  }

  /** Whether the Git folder holds this commit (a rebuilt one holds nothing yet). */
  async #holds(commit: string): Promise<boolean> {
    try {
      await git.readCommit({ fs: nodeFileSystem, gitdir: this.#gitdir, oid: commit });
      return true;
    } catch {
      return false;
    }
  }

  #assertWhole(): void {
    if (this.#http.cutOff()) throw new AppError('sync-failed', syncOutcomeMessages['too-large']);
  }

  async #setRef(ref: string, value: string): Promise<void> {
    await git.writeRef({ fs: nodeFileSystem, gitdir: this.#gitdir, ref, value, force: true });
  }
}
