import type { Article } from '../../../shared/articleModel';
import { exportImageOrder } from '../../../shared/exportArticleHtml';
import type { ExportLook } from '../../../shared/exportLook';
import type { Settings } from '../../../shared/settingsModel';
import type { MediaStore } from '../media/MediaStore';
import { articleDocx, composed, type DocxImage } from './articleDocx';
import { exportLookOf } from './exportLookOf';
import { packDocx } from './packDocx';

/**
 * What the Word export reads: the photos, their export size and quality, the document's font size, and the look of the
 * agency's template (its parts' order and masthead): `look` when given, else the settings' template, else the app's own.
 */
export interface DocxDependencies {
  media: Pick<MediaStore, 'renderWebImage'>;
  settings: Pick<Settings, 'exportImageMaxSide' | 'exportJpegQuality' | 'docxFontSize'> & Partial<Pick<Settings, 'exportTemplate'>>;
  look?: ExportLook;
}

/**
 * The article as .docx bytes: every photo web-sized and stripped of metadata (as the folder export writes them),
 * the same bytes for the same article and photos (see packDocx).
 */
export async function renderDocx(article: Article, dependencies: DocxDependencies): Promise<Buffer> {
  const images: Record<string, DocxImage> = {};
  const options = { maxSide: dependencies.settings.exportImageMaxSide, quality: dependencies.settings.exportJpegQuality };
  // One photo at a time, as the other exports: a dozen large decodes at once would not fit an old office PC's memory.
  for (const mediaId of exportImageOrder(article)) {
    const image = await dependencies.media.renderWebImage(mediaId, options);
    images[mediaId] = { bytes: image.bytes, type: image.extension, width: image.width, height: image.height };
  }
  return packDocx(
    articleDocx(article, images, dependencies.settings.docxFontSize, dependencies.look ?? exportLookOf(dependencies.settings)),
    {
      title: composed(article.title.trim()),
      modifiedAt: new Date(article.updatedAt),
    },
  );
}
