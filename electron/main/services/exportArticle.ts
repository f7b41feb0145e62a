import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Article } from '../../../shared/articleModel';
import { exportArticleHtml, exportImageOrder, type ExportImages } from '../../../shared/exportArticleHtml';
import type { Settings } from '../../../shared/settingsModel';
import { exportFileName } from '../../../shared/exportFileName';
import type { MediaStore } from '../media/MediaStore';
import { toStorageError } from '../storage/fileSystemErrors';
import { writeFileDurably } from '../storage/writeFileDurably';
import { isExportFolderOf, writeExportFolderMarker } from './exportFolderMarker';
import { exportLookOf } from './exportLookOf';

export interface ExportDependencies {
  media: MediaStore;
  /** The template (Mẫu trình bày) decides the page's look; without one, the app's own. */
  settings: Pick<Settings, 'exportImageMaxSide' | 'exportJpegQuality'> & Partial<Pick<Settings, 'exportTemplate'>>;
}

function webImageOptions(settings: ExportDependencies['settings']) {
  return { maxSide: settings.exportImageMaxSide, quality: settings.exportJpegQuality };
}

/** The standalone page: every photo web-sized, stripped of metadata and embedded as a data: URI. */
export async function renderStandaloneHtml(article: Article, dependencies: ExportDependencies): Promise<string> {
  const images: Record<string, ExportImages[string]> = {};
  // One photo at a time: 20 twelve-megapixel decodes at once would not fit an old office PC's memory.
  for (const mediaId of exportImageOrder(article)) {
    const image = await dependencies.media.renderWebImage(mediaId, webImageOptions(dependencies.settings));
    images[mediaId] = { src: `data:${image.mimeType};base64,${image.bytes.toString('base64')}`, width: image.width, height: image.height };
  }
  return exportArticleHtml(article, images, exportLookOf(dependencies.settings));
}

/**
 * Each photo web-sized in reading order, named `images/<slug>-<n>.<ext>` as the folder export and the copy for the CMS
 * name them; `each` is given every file's name and bytes as it is made (one photo in memory at a time).
 */
export async function renderNamedWebImages(
  article: Article,
  dependencies: ExportDependencies,
  each: (fileName: string, bytes: Uint8Array) => Promise<void> = async () => undefined,
): Promise<ExportImages> {
  const slug = exportFileName(article, '');
  const images: Record<string, ExportImages[string]> = {};
  let position = 0;
  for (const mediaId of exportImageOrder(article)) {
    const image = await dependencies.media.renderWebImage(mediaId, webImageOptions(dependencies.settings));
    position += 1;
    const fileName = `images/${slug}-${position}.${image.extension}`;
    await each(fileName, image.bytes);
    images[mediaId] = { src: fileName, width: image.width, height: image.height };
  }
  return images;
}

// lstat: a link where the folder would go counts as taken, and is never followed.
async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** Where the export goes, and whether that folder holds our earlier export of this article, to be replaced. */
interface ExportTarget {
  path: string;
  replaces: boolean;
}

/** Options of a folder export. */
/** The answer on finding the app's own earlier export of the same article where a new one would go. */
export type EarlierExportChoice = 'replace' | 'keep-both' | 'cancel';

export interface ExportFolderOptions {
  /** Asked when a `<slug>` or `<slug>-n` folder holds this app's earlier export of the same article; without it, both are kept. */
  askAboutEarlierExport?: (folderPath: string) => Promise<EarlierExportChoice>;
}

/**
 * The first of `<slug>`, `<slug>-2`… that does not exist, or, if the user agrees, the first holding our earlier export
 * of this article and nothing else (asked once). Any other folder is never chosen. Null when the user cancelled.
 */
async function chooseTargetFolder(
  parentFolder: string,
  slug: string,
  articleId: string,
  askAboutEarlierExport: (folderPath: string) => Promise<EarlierExportChoice>,
): Promise<ExportTarget | null> {
  let asked = false;
  for (let attempt = 1; ; attempt += 1) {
    const candidate = join(parentFolder, attempt === 1 ? slug : `${slug}-${attempt}`);
    if (!(await exists(candidate))) return { path: candidate, replaces: false };
    if (asked || !(await isExportFolderOf(candidate, articleId))) continue;
    asked = true;
    const choice = await askAboutEarlierExport(candidate);
    if (choice === 'cancel') return null;
    if (choice === 'replace') return { path: candidate, replaces: true };
  }
}

/** The first `<slug>`, `<slug>-2`… that does not exist. */
async function firstFreeFolder(parentFolder: string, slug: string): Promise<ExportTarget> {
  for (let attempt = 1; ; attempt += 1) {
    const candidate = join(parentFolder, attempt === 1 ? slug : `${slug}-${attempt}`);
    if (!(await exists(candidate))) return { path: candidate, replaces: false };
  }
}

/** The suffix of an earlier export set aside while a new one takes its place. */
const setAsideSuffix = '.previous';

/**
 * An earlier export set aside for a replace that a crash interrupted before the new one took its place: put back
 * where it stood, when that place is still free and the folder is still ours, so nothing the user had disappears.
 */
async function putBackSetAside(parentFolder: string, articleId: string): Promise<void> {
  const names = await readdir(parentFolder).catch(() => [] as string[]);
  for (const name of names) {
    const stood = /^\.(.+)\.[0-9a-f]{12}\.previous$/.exec(name)?.[1];
    if (stood === undefined) continue;
    const setAside = join(parentFolder, name);
    const place = join(parentFolder, stood);
    if ((await exists(place)) || !(await isExportFolderOf(setAside, articleId))) continue;
    await rename(setAside, place).catch(() => undefined);
  }
}

/** Renames the finished temp folder into place; a replaced export is set aside first and put back if that fails. */
async function moveIntoPlace(temporary: string, target: ExportTarget): Promise<void> {
  if (!target.replaces) {
    await rename(temporary, target.path);
    return;
  }
  // Named after the folder it stood in, so an export a crash interrupted here can be put back (putBackSetAside).
  const previous = join(dirname(target.path), `.${basename(target.path)}.${randomBytes(6).toString('hex')}${setAsideSuffix}`);
  await rename(target.path, previous);
  try {
    await rename(temporary, target.path);
  } catch (error) {
    await rename(previous, target.path).catch(() => undefined);
    throw error;
  }
  // The new export is in place: a leftover hidden copy of the old one must not report the export as failed.
  await rm(previous, { recursive: true, force: true }).catch(() => undefined);
}

/**
 * Writes `<parent>/<slug>/index.html`, `images/<slug>-<n>.<ext>` (reading order) and the marker naming the article
 * and those files.
 * Everything is written into a temp folder first and renamed into place, so a failure never leaves a half-written
 * export. Only a folder carrying our marker for this article is ever replaced, and only when the user agrees; any
 * other folder of that name is left untouched and the export goes to `<slug>-2`, `<slug>-3`…
 * Returns the folder written, or null when the user cancelled.
 */
export async function writeExportFolder(
  article: Article,
  parentFolder: string,
  dependencies: ExportDependencies,
  options: ExportFolderOptions = {},
): Promise<string | null> {
  // The same name as every other form's file (exportFileName), without an extension.
  const slug = exportFileName(article, '');
  await putBackSetAside(parentFolder, article.id);
  const chosen = await chooseTargetFolder(parentFolder, slug, article.id, options.askAboutEarlierExport ?? (async () => 'keep-both'));
  if (chosen === null) return null;
  let target = chosen;
  const temporary = join(parentFolder, `.${slug}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(join(temporary, 'images'), { recursive: true });
    const written: string[] = [];
    const images = await renderNamedWebImages(article, dependencies, async (fileName, bytes) => {
      await writeFileDurably(join(temporary, fileName), bytes);
      written.push(fileName);
    });
    await writeFileDurably(join(temporary, 'index.html'), exportArticleHtml(article, images, exportLookOf(dependencies.settings)));
    await writeExportFolderMarker(temporary, article.id, ['index.html', ...written]);
    // The folder may have changed while the photos rendered or the question waited: what is no longer ours to take is left alone.
    const stillOurs = target.replaces ? await isExportFolderOf(target.path, article.id) : !(await exists(target.path));
    if (!stillOurs) target = await firstFreeFolder(parentFolder, slug);
    await moveIntoPlace(temporary, target);
    return target.path;
  } catch (error) {
    await rm(temporary, { recursive: true, force: true }).catch(() => undefined);
    throw toStorageError(error, target.path);
  }
}
