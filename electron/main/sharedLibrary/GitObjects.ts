import * as nodeFileSystem from 'node:fs';
import git, { type TreeEntry } from 'isomorphic-git';
import { readObjectSize, type PackIndexCache } from './readObjectSize';

/** A change to one path of a tree: the new blob's id, or null for a file taken out. */
export type TreeChanges = Map<string, string | null>;

const fileMode = '100644';
const folderMode = '040000';

/**
 * The Git objects of the shared library's Git folder, read and written without a work tree: the library folder is
 * never Git's checkout, so Git never writes into it. One instance per sync (its cache holds the pack indexes read).
 */
export class GitObjects {
  readonly gitdir: string;
  readonly #cache: object = {};
  readonly #packIndexes: PackIndexCache = new Map();

  constructor(gitdir: string) {
    this.gitdir = gitdir;
  }

  get options() {
    return { fs: nodeFileSystem, gitdir: this.gitdir, cache: this.#cache };
  }

  async readBlob(oid: string): Promise<Uint8Array> {
    return (await git.readBlob({ ...this.options, oid })).blob;
  }

  /** A blob's size from its object's header, before (or instead of) inflating it; null when the object is not here. */
  async sizeOf(oid: string): Promise<number | null> {
    return readObjectSize(this.gitdir, oid, this.#packIndexes);
  }

  async writeBlob(bytes: Uint8Array): Promise<string> {
    return git.writeBlob({ fs: nodeFileSystem, gitdir: this.gitdir, blob: bytes });
  }

  async treeOfCommit(commitOid: string): Promise<string> {
    return (await git.readCommit({ ...this.options, oid: commitOid })).commit.tree;
  }

  async readTree(oid: string): Promise<TreeEntry[]> {
    return (await git.readTree({ ...this.options, oid })).tree;
  }

  async writeTree(entries: TreeEntry[]): Promise<string> {
    return git.writeTree({ fs: nodeFileSystem, gitdir: this.gitdir, tree: entries });
  }

  /**
   * The files that differ between two trees (added or changed: the new blob id; removed: null). Subtrees with the same
   * id are skipped unread, so a sync of one changed article reads a handful of trees whatever the library's size.
   */
  async diffTrees(baseTree: string | null, otherTree: string | null, prefix = ''): Promise<TreeChanges> {
    const changes: TreeChanges = new Map();
    await this.#diff(baseTree, otherTree, prefix, changes);
    return changes;
  }

  async #diff(baseTree: string | null, otherTree: string | null, prefix: string, changes: TreeChanges): Promise<void> {
    if (baseTree === otherTree) return;
    const base = new Map((baseTree === null ? [] : await this.readTree(baseTree)).map((entry) => [entry.path, entry]));
    const other = new Map((otherTree === null ? [] : await this.readTree(otherTree)).map((entry) => [entry.path, entry]));
    for (const name of new Set([...base.keys(), ...other.keys()])) {
      const before = base.get(name);
      const after = other.get(name);
      if (before?.oid === after?.oid && before?.type === after?.type) continue;
      const path = `${prefix}${name}`;
      const beforeFolder = before?.type === 'tree' ? before.oid : null;
      const afterFolder = after?.type === 'tree' ? after.oid : null;
      if (beforeFolder !== null || afterFolder !== null) await this.#diff(beforeFolder, afterFolder, `${path}/`, changes);
      // A file replaced by a folder (or the reverse) is both: the file's change and the folder's files.
      if (after?.type === 'blob') changes.set(path, after.oid);
      else if (before?.type === 'blob') changes.set(path, null);
    }
  }

  /** Every file of a tree, by path (used for a first sync and for checks; a sync's diff reads only what changed). */
  async listFiles(tree: string | null): Promise<Map<string, string>> {
    const files = new Map<string, string>();
    for (const [path, oid] of await this.diffTrees(null, tree)) if (oid !== null) files.set(path, oid);
    return files;
  }

  /**
   * A new tree: `baseTree` with the changes applied, rewriting only the folders on a changed path; empty folders go.
   * Each folder written is added to `written` (what a push must send besides the blobs).
   */
  async updateTree(baseTree: string | null, changes: TreeChanges, written: string[] = []): Promise<string | null> {
    const byName = new Map<string, TreeChanges>();
    const own = new Map<string, string | null>();
    for (const [path, oid] of changes) {
      const slash = path.indexOf('/');
      if (slash === -1) {
        own.set(path, oid);
        continue;
      }
      const folder = path.slice(0, slash);
      let inner = byName.get(folder);
      if (inner === undefined) byName.set(folder, (inner = new Map<string, string | null>()));
      inner.set(path.slice(slash + 1), oid);
    }
    const entries = new Map((baseTree === null ? [] : await this.readTree(baseTree)).map((entry) => [entry.path, entry]));
    for (const [name, oid] of own) {
      if (oid === null) {
        if (entries.get(name)?.type === 'blob') entries.delete(name);
      } else entries.set(name, { mode: fileMode, path: name, oid, type: 'blob' });
    }
    for (const [name, inner] of byName) {
      const current = entries.get(name);
      const folder = await this.updateTree(current?.type === 'tree' ? current.oid : null, inner, written);
      if (folder === null) entries.delete(name);
      else entries.set(name, { mode: folderMode, path: name, oid: folder, type: 'tree' });
    }
    if (entries.size === 0) return null;
    const tree = await this.writeTree([...entries.values()]);
    written.push(tree);
    return tree;
  }
}
