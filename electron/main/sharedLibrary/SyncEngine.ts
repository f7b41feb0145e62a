import { lstat, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { GitProgressEvent } from 'isomorphic-git';
import git from 'isomorphic-git';
import * as nodeFileSystem from 'node:fs';
import { articleContentOf, articleFormatVersion, type Article } from '../../../shared/articleModel';
import { AppError } from '../../../shared/errorCodes';
import { mergeArticleFiles } from '../../../shared/mergeArticleFiles';
import type { SyncProgress } from '../../../shared/sharedLibraryModel';
import { storedArticleSchema } from '../../../shared/migrateArticle';
import { articlePathPrefix, sharedFileOf, previousGenerationOf, type SharedFilePath } from '../library/libraryLayout';
import { decodeStoredJson } from '../storage/storedJson';
import { writeFileDurably, type DurableWriteOptions } from '../storage/writeFileDurably';
import { pulledFileSizeRefusal } from './checkPulledFile';
import { commitMessageOf } from './commitMessageOf';
import { gitBlobId } from './gitBlobId';
import type { GitObjects } from './GitObjects';
import type { GitRemote } from './GitRemote';
import { mergeSharedSettingsFiles } from './mergeSharedSettingsFiles';
import { readLocalChanges, type LocalChanges, type LocalFile } from './readLocalChanges';
import { scanLibraryFiles } from './scanLibraryFiles';
import type { PulledChanges, SyncLibrary } from './SyncLibrary';
import type { SyncedFile, SyncState } from './SyncStateFile';

/** A file from the server checked before it is written (see checkPulledFile). */
export type CheckFile = (relativePath: string, bytes: Uint8Array) => Promise<{ ok: true } | { ok: false; reason: string }>;

export interface SyncEngineOptions {
  library: SyncLibrary;
  objects: GitObjects;
  remote: GitRemote;
  checkFile: CheckFile;
  /** Reads and writes `sync/state.json`. */
  state: { read(): Promise<SyncState>; write(state: SyncState): Promise<void> };
  writeOptions?: DurableWriteOptions;
  now?: () => Date;
  onProgress?: (progress: SyncProgress) => void;
  /** The window's editors: held (their typing saved) while the sync writes the library, released after. */
  window?: { hold(): Promise<void>; release(run: SyncRun): void };
  /** Asked for by the user ("Đồng bộ ngay"): the window's typing goes with it even when the server brought nothing. */
  manual?: boolean;
  /** The most file bytes one pushed commit carries (its pack is built in memory): a larger push goes as several commits. */
  pushBatchBytes?: number;
}

/** What one sync did. */
export interface SyncRun {
  pulled: PulledChanges;
  conflictArticleIds: string[];
  filesSent: number;
  filesReceived: number;
  refused: { path: string; reason: string }[];
}

/** What the pull leaves for the commit: the state at the server's head, the synced files, what to read again. */
interface PulledRound {
  state: SyncState;
  files: Record<string, SyncedFile>;
  reread: Set<string>;
  local: LocalChanges;
  remoteTree: string | null;
}

const articleFormat = { kind: 'ban-thao/article', version: articleFormatVersion };
/** How far back a sync without an agreed base looks for past versions of the server's files. */
const maximumHistoryWalk = 10_000;
/** Pushes refused because another sync went first are retried this many times before the sync gives up for now. */
const pushAttempts = 4;
/** What one pushed commit carries at most by default: a first push of several GB of photos is sent 64 MB at a time. */
export const defaultPushBatchBytes = 64 * 1024 * 1024;

/**
 * One sync of the library with the office server: fetch, merge the server's changes into the library (three-way, per
 * file, the article files field by field), then commit what changed here on top of the server's head and push it,
 * fast-forward only. The library is only ever written file by file, durably, and the state last: a sync stopped at
 * any point leaves every file whole, and the next one finds each change again (one already applied merges as equal).
 */
export class SyncEngine {
  readonly #options: SyncEngineOptions;
  readonly #now: () => Date;
  /** The articles some file of which changed here since the last sync (this round's look). */
  #changedHere = new Set<string>();
  /** Whether this round wrote the state after its pull. */
  #wroteState = false;

  constructor(options: SyncEngineOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * `scope`: the library path prefixes changed here since the last sync (what the application announced); none: the
   * whole library is looked at (the first sync of a session, and now and then, in case a change went unannounced).
   */
  async sync(scope?: readonly string[]): Promise<SyncRun> {
    const run: SyncRun = {
      pulled: emptyPulled(),
      conflictArticleIds: [],
      filesSent: 0,
      filesReceived: 0,
      refused: [],
    };
    for (let attempt = 1; attempt <= pushAttempts; attempt += 1) {
      if (await this.#round(run, scope)) return run;
    }
    throw new AppError('conflict', 'Máy chủ liên tục có thay đổi mới trong lúc đồng bộ: sẽ thử lại ở lần đồng bộ sau.');
  }

  /** One fetch, merge, commit and push; false when the push was refused because the server moved on meanwhile. */
  async #round(run: SyncRun, scope: readonly string[] | undefined): Promise<boolean> {
    const { library, objects, remote } = this.#options;
    let state = await this.#options.state.read();
    this.#wroteState = false;
    this.#progress({ phase: 'fetching', done: 0, total: 0 });
    // Without an agreed base, the newest server head this machine saw stands in for files changed only here.
    const seenBefore = state.commit === null ? await remote.trackedHead() : null;
    const remoteCommit = await remote.fetch(state.commit, (event) => this.#fetchProgress(event));
    // The window holds its editors (typing saved first) only while the library is written: never during a download,
    // and not at all for an automatic sync that brings nothing.
    const holdWindow = this.#options.window !== undefined && (this.#options.manual === true || remoteCommit !== state.commit);
    if (holdWindow) await this.#options.window!.hold();
    let pulled: PulledRound;
    try {
      pulled = await this.#pullIntoLibrary(run, scope, state, remoteCommit, seenBefore);
    } finally {
      if (holdWindow) this.#options.window!.release(run);
    }
    const { files, reread, local, remoteTree } = pulled;
    state = pulled.state;

    // Everything changed here (and every merged file) goes in one commit over the server's head (several, if large).
    this.#progress({ phase: 'committing', done: 0, total: 0 });
    // A conflict kept here wrote a record the scan before did not see: its article's folder is looked at again.
    const written = await scanLibraryFiles(library.folder, run.conflictArticleIds.map(articlePathPrefix));
    const fresh = [...written.files.keys()].filter((path) => files[path] === undefined);
    const outgoing = await this.#outgoing(new Set([...local.changes.keys(), ...reread, ...fresh]), files, run);
    if (outgoing.size === 0) {
      if (!this.#wroteState) await this.#options.state.write({ ...state, lastSyncAt: this.#now().toISOString() });
      return true;
    }
    // A large push (a whole library at joining) goes as several commits, one after another: each pack stays small.
    const batches = pushBatchesOf(outgoing, this.#options.pushBatchBytes ?? defaultPushBatchBytes);
    let parent = remoteCommit;
    let parentTree = remoteTree;
    let sent = files;
    // Counted only when there are several: "gửi lên máy chủ 2/5".
    const total = batches.length > 1 ? batches.length : 0;
    for (const [index, batch] of batches.entries()) {
      const writtenTrees: string[] = [];
      const tree = await objects.updateTree(parentTree, new Map([...batch].map(([path, file]) => [path, file?.oid ?? null])), writtenTrees);
      if (tree === parentTree) continue;
      const rootTree = tree ?? (await objects.writeTree([]));
      const commit = await this.#commit(rootTree, parent, batch);
      this.#progress({ phase: 'pushing', done: index, total });
      const blobs = [...batch.values()].flatMap((file) => (file === null ? [] : [file.oid]));
      // Refused because the server moved on: the next round fetches its head, which holds the batches sent so far.
      if (!(await remote.push(commit, parent, [...blobs, ...writtenTrees, rootTree], objects.options.cache))) return false;
      run.filesSent += batch.size;
      parent = commit;
      parentTree = tree;
      sent = withOutgoing(sent, batch);
      // Each batch the server took is agreed at once: a push cut short after it merges from there, not from before it.
      if (index < batches.length - 1)
        await this.#options.state.write({ ...state, commit, files: sent, lastSyncAt: this.#now().toISOString() });
    }
    if (total > 0) this.#progress({ phase: 'pushing', done: total, total });
    if (parent === remoteCommit) {
      await this.#options.state.write({ ...state, files: withOutgoing(files, outgoing), lastSyncAt: this.#now().toISOString() });
      return true;
    }
    await this.#options.state.write({
      ...state,
      commit: parent,
      files: withOutgoing(files, outgoing),
      lastSyncAt: this.#now().toISOString(),
    });
    return true;
  }

  /** Takes the server's changes into the library, merging; returns what the commit is made from. */
  async #pullIntoLibrary(
    run: SyncRun,
    scope: readonly string[] | undefined,
    agreed: SyncState,
    remoteCommit: string | null,
    seenBefore: string | null,
  ): Promise<PulledRound> {
    const { library, objects } = this.#options;
    let state = agreed;
    await library.flush();
    const scan = await scanLibraryFiles(library.folder, scope);
    const local = await readLocalChanges(library.folder, state.files, scan, scope);
    const baseTree = state.commit === null ? null : await objects.treeOfCommit(state.commit);
    const remoteTree = remoteCommit === null ? null : await objects.treeOfCommit(remoteCommit);
    const remoteChanges = [...(await objects.diffTrees(baseTree, remoteTree))].filter(([path]) => sharedFileOf(path) !== null);
    if (state.commit === null && remoteCommit !== null) {
      await this.#withoutPastServerVersions(local, remoteChanges, remoteCommit, seenBefore);
    }
    this.#changedHere = new Set([...local.changes.keys()].flatMap((path) => sharedFileOf(path)?.articleId ?? []));

    // What the library holds of the server's head once its changes are in: the base of the commit made next.
    const files: Record<string, SyncedFile> = { ...state.files, ...Object.fromEntries(local.touched) };
    const reread = new Set<string>();
    const ordered = remoteChanges.sort(([a, aOid], [b, bOid]) => pullOrder(a, aOid) - pullOrder(b, bOid) || (a < b ? -1 : 1));
    // Counted per phase: "Đang nhận bài n/m", then "Đang nhận ảnh n/m".
    const photoCount = ordered.filter(([path]) => sharedFileOf(path)!.kind.startsWith('photo')).length;
    let done = 0;
    for (const [path, theirs] of ordered) {
      const file = sharedFileOf(path)!;
      const isPhoto = file.kind.startsWith('photo');
      const phaseDone = isPhoto ? done - (ordered.length - photoCount) : done;
      this.#progress({
        phase: isPhoto ? 'photos' : 'articles',
        done: phaseDone,
        total: isPhoto ? photoCount : ordered.length - photoCount,
      });
      done += 1;
      await this.#pullOne(path, file, theirs, local.changes.get(path), baseTree, files, reread, run);
    }
    if (remoteCommit !== state.commit) {
      // What the server had is in: that much of a sync went through (one state write for a sync that only receives).
      state = { ...state, commit: remoteCommit, files, lastSyncAt: this.#now().toISOString() };
      await this.#options.state.write(state);
      this.#wroteState = true;
    }
    if (anyPulled(run.pulled)) await library.afterPull(run.pulled);
    return { state, files, reread, local, remoteTree };
  }

  /**
   * With no agreed base (joining again, a damaged state, a restored backup), a file here whose bytes are a version the
   * server once had is not a change made here: the server's newer file is taken (or its removal), with no conflict.
   * Only files that differ from every version the server ever had are this library's own changes.
   */
  async #withoutPastServerVersions(
    local: LocalChanges,
    remoteChanges: [string, string | null][],
    head: string,
    seenBefore: string | null,
  ): Promise<void> {
    const history = await this.#serverHistory(head);
    const onServer = new Map(remoteChanges);
    const seenTree = seenBefore === null ? null : await this.#options.objects.treeOfCommit(seenBefore).catch(() => null);
    for (const [path, ours] of local.changes) {
      // The server's file as it is now: the same on both sides, nothing to write.
      if (ours === null || onServer.get(path) === ours.oid) continue;
      if (history.get(path)?.has(ours.oid) === true) {
        local.changes.delete(path);
        // Agreed as that past version: the server's newer one replaces it, as any one-sided change does.
        local.touched.set(path, [ours.oid, ours.size, ours.mtimeMs]);
        // Gone from the server since: taken out here as any removal is.
        if (!onServer.has(path)) remoteChanges.push([path, null]);
        continue;
      }
      // Changed here, and the server's file is still the one this machine last saw there: only this side changed it.
      const theirs = onServer.get(path);
      if (theirs !== undefined && theirs !== null && seenTree !== null && (await this.#blobIdAt(seenTree, path)) === theirs) {
        remoteChanges.splice(
          remoteChanges.findIndex(([candidate]) => candidate === path),
          1,
        );
      }
    }
  }

  async #blobIdAt(tree: string, path: string): Promise<string | null> {
    try {
      // The id from the folder's tree: reading the blob itself would inflate it whole only to learn its name.
      const slash = path.lastIndexOf('/');
      const folder = slash === -1 ? undefined : path.slice(0, slash);
      const { tree: entries } = await git.readTree({ ...this.#options.objects.options, oid: tree, filepath: folder });
      return entries.find((entry) => entry.path === path.slice(slash + 1) && entry.type === 'blob')?.oid ?? null;
    } catch {
      return null;
    }
  }

  /** Every version each file had in the server's history (walked from its head down the first parents). */
  async #serverHistory(head: string): Promise<Map<string, Set<string>>> {
    const { objects } = this.#options;
    const history = new Map<string, Set<string>>();
    let commit: string | null = head;
    for (let walked = 0; commit !== null && walked < maximumHistoryWalk; walked += 1) {
      const read: { tree: string; parent: string[] } = (await git.readCommit({ ...objects.options, oid: commit })).commit;
      const parentCommit: string | null = read.parent[0] ?? null;
      const tree = read.tree;
      const parentTree = parentCommit === null ? null : await objects.treeOfCommit(parentCommit);
      for (const [path, oid] of await objects.diffTrees(parentTree, tree)) {
        if (oid === null) continue;
        const versions = history.get(path) ?? new Set<string>();
        versions.add(oid);
        history.set(path, versions);
      }
      commit = parentCommit;
    }
    return history;
  }

  /** Takes one file the server changed into the library, merging it with a change made here to the same file. */
  async #pullOne(
    path: string,
    file: SharedFilePath,
    theirs: string | null,
    ours: LocalFile | null | undefined,
    baseTree: string | null,
    files: Record<string, SyncedFile>,
    reread: Set<string>,
    run: SyncRun,
  ): Promise<void> {
    const { objects } = this.#options;
    // Unchanged at the scan: looked at again now, as a save (or a change no announcement named) may have landed since.
    if (ours === undefined && file.kind !== 'photo-original' && file.kind !== 'photo-preview') {
      const now = await currentLook(join(this.#options.library.folder, path));
      if ((now?.oid ?? null) !== (files[path]?.[0] ?? null)) ours = now;
    }
    if (ours !== undefined && ours?.oid === theirs) {
      // The same change on both sides (or one a stopped sync already applied).
      if (ours === null) delete files[path];
      else files[path] = [ours.oid, ours.size, ours.mtimeMs];
      return;
    }
    if (theirs === null) {
      // Taken out on the server: out here too unless changed here or kept (then it goes back with the next commit).
      if (ours === undefined && (await this.#remove(path, file, run))) return void delete files[path];
      delete files[path];
      reread.add(path);
      return;
    }
    // Too large for its kind by its header's size: refused unread, so a huge blob is never inflated (it stays in Git only).
    const size = await objects.sizeOf(theirs);
    const tooLarge = size === null ? null : pulledFileSizeRefusal(path, file.kind, size);
    if (tooLarge !== null) return void run.refused.push({ path, reason: tooLarge });
    const bytes = await objects.readBlob(theirs);
    const check = await this.#options.checkFile(path, bytes);
    if (!check.ok) {
      run.refused.push({ path, reason: check.reason });
      await this.#options.library.quarantine(path, bytes);
      return;
    }
    if (ours === undefined || ours === null) {
      // Changed only on the server, or taken out here while changed there (nothing is lost: it comes back).
      if (await this.#write(path, file, bytes, run)) {
        run.filesReceived += 1;
        // An article is read again next time (a save may land right after this write); other files keep their look.
        files[path] = file.kind === 'article' ? [theirs, -1, 0] : await syncedLook(join(this.#options.library.folder, path), theirs);
      } else reread.add(path);
      return;
    }
    // Changed on both sides.
    files[path] = [theirs, -1, 0];
    reread.add(path);
    if (file.kind === 'article') await this.#mergeArticle(path, file.articleId!, bytes, baseTree, run);
    else if (file.kind === 'shared-settings') {
      const base = baseTree === null ? null : await this.#blobAt(baseTree, path);
      const merged = mergeSharedSettingsFiles(base, await readLibraryFile(this.#options.library.folder, path), bytes);
      await writeFileDurably(join(this.#options.library.folder, path), merged, this.#options.writeOptions);
      run.pulled.sharedSettingsChanged = true;
    } else if (file.kind !== 'photo-description' && file.kind !== 'photo-preview') {
      // Records and photos are named by what they hold: two different files under one name are kept, theirs set aside.
      run.refused.push({ path, reason: `Tệp “${path}” trên máy chủ khác tệp cùng tên trong máy: giữ tệp trong máy, tệp kia để riêng.` });
      await this.#options.library.quarantine(path, bytes);
    }
  }

  async #mergeArticle(path: string, id: string, theirsBytes: Uint8Array, baseTree: string | null, run: SyncRun): Promise<void> {
    const { library } = this.#options;
    const theirs = decodeArticle(theirsBytes, path);
    const ours = await library.readArticle(id);
    if (ours === null) return;
    const baseBytes = baseTree === null ? null : await this.#blobAt(baseTree, path);
    const base = baseBytes === null ? null : decodeArticle(baseBytes, path);
    const merge = mergeArticleFiles(base, ours, theirs);
    try {
      await library.putArticle(merge.article, ours.revision);
    } catch (error) {
      // Saved here meanwhile: the next sync merges again from the same base.
      if (error instanceof AppError && error.code === 'conflict') return;
      throw error;
    }
    run.pulled.articleIds.add(id);
    if (merge.kind === 'conflict') {
      await library.keepConflict({
        articleId: id,
        base: base === null ? null : articleContentOf(base),
        theirs: merge.theirs,
        // Whose text the record keeps: theirs, or ours when ours changed what they approved meanwhile.
        sentBy: (merge.reported === 'ours' ? ours : theirs).updatedBy,
        sentAt: (merge.reported === 'ours' ? ours : theirs).updatedAt,
      });
      run.conflictArticleIds.push(id);
      run.pulled.recordArticleIds.add(id);
    }
  }

  /** Writes a checked file from the server; false when an article was saved here meanwhile (merged next time). */
  async #write(path: string, file: SharedFilePath, bytes: Uint8Array, run: SyncRun): Promise<boolean> {
    const { library } = this.#options;
    if (file.kind === 'article') {
      const article = decodeArticle(bytes, path);
      const stored = await library.readArticle(article.id);
      try {
        await library.putArticle(article, stored?.revision ?? null);
      } catch (error) {
        if (error instanceof AppError && error.code === 'conflict') return false;
        throw error;
      }
      run.pulled.articleIds.add(article.id);
      return true;
    }
    await writeFileDurably(join(library.folder, path), bytes, this.#options.writeOptions);
    noteWritten(run.pulled, file);
    return true;
  }

  /**
   * Takes out a file the server took out; false when it stays: an article something of which changed here, an
   * article's records while the article stays (records go only with their article), a photo an article here shows.
   */
  async #remove(path: string, file: SharedFilePath, run: SyncRun): Promise<boolean> {
    const { library } = this.#options;
    if (file.kind === 'article') {
      // Anything of it changed here (a comment, a version) keeps it: it goes back to the server with that change.
      if (this.#changedHere.has(file.articleId!) || !(await library.removeArticle(file.articleId!))) return false;
      run.pulled.removedArticleIds.add(file.articleId!);
      return true;
    }
    if (file.articleId !== undefined) {
      // Article removals come first: a removed article took its records folder with it; a kept one keeps its records.
      if (run.pulled.removedArticleIds.has(file.articleId)) return true;
      if ((await library.readArticle(file.articleId)) !== null) return false;
    }
    // A photo an article here still shows stays (and goes back to the server with the next commit).
    if (file.mediaId !== undefined && (await library.photoInUse(file.mediaId))) return false;
    const target = join(library.folder, path);
    await rm(target, { force: true });
    await rm(previousGenerationOf(target), { force: true });
    noteWritten(run.pulled, file);
    return true;
  }

  /** The files to commit: every file changed here or merged, read again (a save may have landed), blobs written. */
  async #outgoing(paths: Set<string>, files: Record<string, SyncedFile>, run: SyncRun): Promise<Map<string, LocalFile | null>> {
    const { library, objects } = this.#options;
    const outgoing = new Map<string, LocalFile | null>();
    for (const path of paths) {
      const absolute = join(library.folder, path);
      let stats;
      try {
        stats = await lstat(absolute);
      } catch {
        if ((await exists(previousGenerationOf(absolute))) || files[path] === undefined) continue;
        outgoing.set(path, null);
        continue;
      }
      const bytes = await readLibraryFile(library.folder, path);
      // What leaves this machine passes the same checks as what comes in: a damaged file here is not spread.
      const check = await this.#options.checkFile(path, bytes);
      if (!check.ok) {
        run.refused.push({ path, reason: check.reason });
        continue;
      }
      const oid = await objects.writeBlob(bytes);
      if (files[path]?.[0] === oid) continue;
      outgoing.set(path, { oid, size: stats.size, mtimeMs: stats.mtimeMs });
    }
    return outgoing;
  }

  async #commit(tree: string, parent: string | null, outgoing: Map<string, LocalFile | null>): Promise<string> {
    const identity = this.#options.library.identity();
    const seconds = Math.floor(this.#now().getTime() / 1000);
    const person = { name: identity?.name || 'Bản Thảo', email: `${identity?.role ?? 'user'}@ban-thao.invalid`, timestamp: seconds };
    return git.writeCommit({
      fs: nodeFileSystem,
      gitdir: this.#options.objects.gitdir,
      commit: {
        tree,
        parent: parent === null ? [] : [parent],
        author: { ...person, timezoneOffset: 0 },
        committer: { ...person, timezoneOffset: 0 },
        message: commitMessageOf(identity, [...outgoing.keys()]),
      },
    });
  }

  async #blobAt(tree: string, path: string): Promise<Uint8Array | null> {
    try {
      const { blob } = await git.readBlob({ ...this.#options.objects.options, oid: tree, filepath: path });
      return blob;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'NotFoundError') return null;
      throw error;
    }
  }

  #fetchProgress(event: GitProgressEvent): void {
    this.#progress({ phase: 'fetching', done: event.loaded, total: event.total ?? 0 });
  }

  #progress(progress: SyncProgress): void {
    this.#options.onProgress?.(progress);
  }
}

function emptyPulled(): PulledChanges {
  return {
    articleIds: new Set(),
    removedArticleIds: new Set(),
    recordArticleIds: new Set(),
    photosChanged: false,
    dictionaryChanged: false,
    sharedSettingsChanged: false,
  };
}

function anyPulled(pulled: PulledChanges): boolean {
  return (
    pulled.articleIds.size > 0 ||
    pulled.removedArticleIds.size > 0 ||
    pulled.recordArticleIds.size > 0 ||
    pulled.photosChanged ||
    pulled.dictionaryChanged ||
    pulled.sharedSettingsChanged
  );
}

function noteWritten(pulled: PulledChanges, file: SharedFilePath): void {
  if (file.kind.startsWith('photo')) pulled.photosChanged = true;
  else if (file.kind === 'dictionary-word') pulled.dictionaryChanged = true;
  else if (file.kind === 'shared-settings') pulled.sharedSettingsChanged = true;
  else if (file.articleId !== undefined) pulled.recordArticleIds.add(file.articleId);
}

/**
 * Removed articles first (their records go with them), then records and the article files (an article listed here
 * already has its history), then photos (a joining reporter can work before the last photo is in; an article shows a
 * photo still coming as missing until it is): originals, display copies, and each description last, as an import
 * writes them (a description says the photo is complete).
 */
function pullOrder(path: string, oid: string | null): number {
  const kind = sharedFileOf(path)?.kind;
  if (kind === 'article') return oid === null ? -1 : 1;
  if (kind === 'photo-original') return 2;
  if (kind === 'photo-preview') return 3;
  if (kind === 'photo-description') return 4;
  return 0;
}

/**
 * The outgoing files cut into batches of at most `limit` bytes (by each file's size here), in order; a file larger than
 * the limit is a batch of its own, and removals go with the first. Within the limit: one batch, the whole push.
 */
export function pushBatchesOf(outgoing: Map<string, LocalFile | null>, limit: number): Map<string, LocalFile | null>[] {
  const batches = [new Map<string, LocalFile | null>()];
  let bytes = 0;
  for (const [path, file] of outgoing) {
    if (file === null) {
      batches[0]!.set(path, null);
      continue;
    }
    const current = batches[batches.length - 1]!;
    if (bytes > 0 && bytes + file.size > limit) {
      batches.push(new Map([[path, file]]));
      bytes = file.size;
      continue;
    }
    current.set(path, file);
    bytes += file.size;
  }
  return batches;
}

function withOutgoing(files: Record<string, SyncedFile>, outgoing: Map<string, LocalFile | null>): Record<string, SyncedFile> {
  const next = { ...files };
  for (const [path, file] of outgoing) {
    if (file === null) delete next[path];
    else next[path] = [file.oid, file.size, file.mtimeMs];
  }
  return next;
}

function decodeArticle(bytes: Uint8Array, path: string): Article {
  return decodeStoredJson(bytes, articleFormat, storedArticleSchema, path);
}

async function readLibraryFile(folder: string, path: string): Promise<Uint8Array> {
  return nodeFileSystem.promises.readFile(join(folder, path));
}

/** A library file as it is on disk now (its blob id, size and time), or null when there is none. */
async function currentLook(path: string): Promise<LocalFile | null> {
  try {
    const stats = await lstat(path);
    const bytes = await nodeFileSystem.promises.readFile(path);
    return { oid: gitBlobId(bytes), size: stats.size, mtimeMs: stats.mtimeMs };
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw error;
  }
}

/** A file just written from the server, as the synced state records it: its blob id and its look now. */
async function syncedLook(path: string, oid: string): Promise<SyncedFile> {
  const stats = await lstat(path);
  return [oid, stats.size, stats.mtimeMs];
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
