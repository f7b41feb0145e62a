import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from '../storage/writeFileDurably';

/** The file every export folder carries: the app's claim that it made the folder, for which article, and which files. */
export const exportFolderMarkerName = '.banthao-export.json';

const markerFormat = 'banthao-export';
const markerVersion = 1;
const markerSchema = z.object({
  format: z.literal(markerFormat),
  version: z.literal(markerVersion),
  articleId: z.string(),
  files: z.array(z.string()),
});

// A marker lists a few hundred short names at most: a large file by that name is not ours and is never read whole.
const markerMaxBytes = 256 * 1024;

// Files Windows and macOS drop into a folder someone looked at: nobody's work, so they do not make a folder foreign.
const systemFileNames = new Set(['thumbs.db', 'desktop.ini', '.ds_store']);

/** Writes the marker naming `articleId` and the files (relative, `/`-separated) the export wrote into `folder`. */
export async function writeExportFolderMarker(folder: string, articleId: string, files: readonly string[]): Promise<void> {
  const marker = { format: markerFormat, version: markerVersion, articleId, files: [...files] };
  await writeFileDurably(join(folder, exportFolderMarkerName), `${JSON.stringify(marker, null, 2)}\n`);
}

/**
 * True only when `folder` is a real folder (not a link) whose marker parses and names `articleId`, and which holds
 * nothing but the files that marker lists (some may be gone) and `images/`. Any doubt is false: a file added by
 * someone, another article, a newer or damaged marker, a link, an unreadable folder.
 */
export async function isExportFolderOf(folder: string, articleId: string): Promise<boolean> {
  try {
    if (!(await lstat(folder)).isDirectory()) return false;
    const markerPath = join(folder, exportFolderMarkerName);
    const markerInfo = await lstat(markerPath);
    if (!markerInfo.isFile() || markerInfo.size > markerMaxBytes) return false;
    const marker = markerSchema.safeParse(JSON.parse(await readFile(markerPath, 'utf8')));
    if (!marker.success || marker.data.articleId !== articleId) return false;
    const written = new Set(marker.data.files);
    for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
      const path = relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/');
      if (entry.isDirectory() && path === 'images') continue;
      if (entry.isFile() && (path === exportFolderMarkerName || written.has(path) || systemFileNames.has(entry.name.toLowerCase())))
        continue;
      return false;
    }
    return true;
  } catch {
    return false;
  }
}
