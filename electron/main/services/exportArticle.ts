import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../../../shared/articleModel';
import { exportArticleHtml, exportImageOrder, type ExportImages } from '../../../shared/exportArticleHtml';
import type { Settings } from '../../../shared/settingsModel';
import { slugify } from '../../../shared/slugify';
import type { MediaStore } from '../media/MediaStore';
import { toStorageError } from '../storage/fileSystemErrors';
import { writeFileDurably } from '../storage/writeFileDurably';

export interface ExportDependencies {
  media: MediaStore;
  settings: Pick<Settings, 'exportImageMaxSide' | 'exportJpegQuality'>;
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
  return exportArticleHtml(article, images);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** The folder to write: `<slug>`, replacing an earlier export of ours, never an unrelated folder (then `<slug>-2`…). */
async function chooseTargetFolder(parentFolder: string, slug: string): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    const candidate = join(parentFolder, attempt === 1 ? slug : `${slug}-${attempt}`);
    if (!(await exists(candidate)) || (await exists(join(candidate, 'index.html')))) return candidate;
  }
}

/**
 * Writes `<parent>/<slug>/index.html` and `images/<slug>-<n>.<ext>` (reading order). Everything is written
 * into a temp folder first and renamed into place, so a failure never leaves a half-written export.
 */
export async function writeExportFolder(article: Article, parentFolder: string, dependencies: ExportDependencies): Promise<string> {
  const slug = slugify(article.title);
  const target = await chooseTargetFolder(parentFolder, slug);
  const temporary = join(parentFolder, `.${slug}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(join(temporary, 'images'), { recursive: true });
    const images: Record<string, ExportImages[string]> = {};
    let number = 0;
    for (const mediaId of exportImageOrder(article)) {
      number += 1;
      const image = await dependencies.media.renderWebImage(mediaId, webImageOptions(dependencies.settings));
      const fileName = `images/${slug}-${number}.${image.extension}`;
      await writeFileDurably(join(temporary, fileName), image.bytes);
      images[mediaId] = { src: fileName, width: image.width, height: image.height };
    }
    await writeFileDurably(join(temporary, 'index.html'), exportArticleHtml(article, images));
    const previous = (await exists(target)) ? `${temporary}.previous` : null;
    if (previous !== null) await rename(target, previous);
    await rename(temporary, target);
    if (previous !== null) await rm(previous, { recursive: true, force: true });
    return target;
  } catch (error) {
    await rm(temporary, { recursive: true, force: true }).catch(() => undefined);
    throw toStorageError(error, target);
  }
}
