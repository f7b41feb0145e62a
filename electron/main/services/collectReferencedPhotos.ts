import { readFile } from 'node:fs/promises';
import { basename, join, relative as relativePath, sep } from 'node:path';
import type { Article, ArticleSummary } from '../../../shared/articleModel';
import { collectFigures } from '../../../shared/collectFigures';
import { AppError } from '../../../shared/errorCodes';
import { listFilesUnder } from '../backup/listFilesUnder';
import { errorCodeOf } from '../storage/fileSystemErrors';
import { relativeLayout, type LibraryLayout } from '../library/libraryLayout';

/** The slice of ArticleStore this needs. */
export interface ReferencingStore {
  list(scope: 'active' | 'trash'): ArticleSummary[];
  get(id: string): Promise<Article>;
}

// A media id is 64 hex digits; a longer run (an id glued to damaged bytes) gives every 64-digit window, to be safe.
const hexRun = /[0-9a-f]{64,}/g;

/** Every 64-hex-digit string in a file's raw bytes, whatever damage surrounds it. */
function mediaIdsInText(text: string): string[] {
  const ids: string[] = [];
  for (const [run] of text.matchAll(hexRun))
    for (let start = 0; start + 64 <= run.length; start += 1) ids.push(run.slice(start, start + 64));
  return ids;
}

/**
 * The ids of every photo the library may still need, read from disk now: the figures and cover of each article
 * (trashed or not), and any media id written in the other article files — previous generations (`.prev`, what a
 * damaged article falls back to) and files moved to `<data>/quarantine/` (unreadable, but a person may repair them).
 * Those are scanned as raw text: reading too much only keeps a photo longer, missing one would lose it for good.
 * Backup snapshots are not read: each holds its own hard links to its photos, and restoring brings them back.
 */
export async function collectReferencedPhotos(options: { store: ReferencingStore; layout: LibraryLayout }): Promise<Set<string>> {
  const { store, layout } = options;
  const referenced = new Set<string>();
  const parsed = new Set<string>();
  for (const { id } of [...store.list('active'), ...store.list('trash')]) {
    let article: Article;
    try {
      article = await store.get(id);
    } catch (error) {
      // A damaged article has just been quarantined by the read (with a notice); the scan below reads it there.
      if (error instanceof AppError && (error.code === 'corrupt-file' || error.code === 'not-found')) continue;
      throw error;
    }
    for (const figure of collectFigures(article.body)) referenced.add(figure.mediaId);
    if (article.coverMediaId !== null) referenced.add(article.coverMediaId);
    parsed.add(`${id}.json`);
  }
  const articlesFolder = layout.library.articles;
  for (const relative of await listFilesUnder(articlesFolder)) {
    if (parsed.has(basename(relative))) continue;
    await addIdsOfFile(join(articlesFolder, relative), referenced);
  }
  const quarantineFolder = layout.quarantine;
  for (const relative of await listFilesUnder(quarantineFolder)) {
    // A photo's own damaged description names only that photo: it is no reason to keep it.
    if (isInside(relativeLayout.library.media, relative.slice(relative.indexOf(sep) + 1))) continue;
    await addIdsOfFile(join(quarantineFolder, relative), referenced);
  }
  return referenced;
}

async function addIdsOfFile(path: string, into: Set<string>): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    // Gone since the listing (a save renamed it, or the trash took it): nothing left to keep for it.
    if (errorCodeOf(error) === 'ENOENT') return;
    throw error;
  }
  // latin1 maps each byte to one character, so damaged bytes never swallow the digits next to them.
  for (const id of mediaIdsInText(bytes.toString('latin1'))) into.add(id);
}

/** Whether `path` (relative, like `folder`) lies inside `folder`. */
function isInside(folder: string, path: string): boolean {
  const inside = relativePath(folder, path);
  return inside !== '' && !inside.startsWith('..');
}
