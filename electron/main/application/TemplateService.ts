import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import sharp from 'sharp';
import { AppError } from '../../../shared/errorCodes';
import { templateLogoBox, templateLogoMaximum, templateStylesheetMaximum, type ExportTemplate } from '../../../shared/exportTemplateModel';
import { assertAcceptableByteLength, assertAcceptableImage, corruptImageError } from '../media/assertAcceptableImage';
import { exportArticleHtml } from '../../../shared/exportArticleHtml';
import { exportLookOf } from '../services/exportLookOf';
import { previewPageHtml } from '../services/previewHtml';
import { pngBytesOfDataUri, readPngSize } from '../services/readPngSize';
import { sanitizeTemplateStylesheet } from '../services/sanitizeTemplateStylesheet';
import { templateSampleArticle } from '../services/templateSampleArticle';
import type { Dialogs } from './Dialogs';

export type LogoChoice = { status: 'chosen'; logo: string } | { status: 'cancelled' };
export type StylesheetChoice = { status: 'chosen'; fileName: string; stylesheet: string; removed: string[] } | { status: 'cancelled' };

/** The template's files as Cài đặt picks them: a logo made a small PNG, a stylesheet sanitized. Nothing is stored here. */
export class TemplateService {
  readonly #dialogs: Pick<Dialogs, 'chooseImageFiles' | 'chooseStylesheetFile'>;

  constructor(dialogs: Pick<Dialogs, 'chooseImageFiles' | 'chooseStylesheetFile'>) {
    this.#dialogs = dialogs;
  }

  /** "Chọn logo…": the image checked as any photo is, then fitted in 600 × 200 px as a PNG without metadata. */
  async chooseLogo(): Promise<LogoChoice> {
    const [path] = await this.#dialogs.chooseImageFiles();
    if (path === undefined) return { status: 'cancelled' };
    const fileName = basename(path);
    assertAcceptableByteLength((await stat(path)).size, fileName);
    const bytes = await readFile(path);
    await assertAcceptableImage(bytes, fileName);
    let png: Buffer;
    try {
      png = await sharp(bytes, { animated: false })
        .rotate()
        .resize({ ...templateLogoBox, fit: 'inside', withoutEnlargement: true })
        .png({ compressionLevel: 9 })
        .toBuffer();
    } catch (error) {
      throw corruptImageError(fileName, error);
    }
    const logo = `data:image/png;base64,${png.toString('base64')}`;
    if (logo.length > templateLogoMaximum) throw new AppError('invalid-image', `Logo quá chi tiết để làm đầu trang: ${fileName}`);
    return { status: 'chosen', logo };
  }

  /** "Xem thử mẫu": the sample article as this template (checked as when saved) would export it, made a preview page. */
  async preview(template: ExportTemplate): Promise<{ html: string }> {
    const look = exportLookOf({ exportTemplate: await checkedTemplate(template) });
    return { html: previewPageHtml(exportArticleHtml(templateSampleArticle(), {}, look), look.stylesheet) };
  }

  /** "Chọn tệp CSS…": the file read as UTF-8 and sanitized; what was taken out is listed for the person choosing it. */
  async chooseStylesheet(): Promise<StylesheetChoice> {
    const path = (await this.#dialogs.chooseStylesheetFile?.()) ?? null;
    if (path === null) return { status: 'cancelled' };
    const fileName = basename(path);
    // Bytes, not characters, are what is read: a file four times the limit cannot hold a stylesheet that fits it.
    if ((await stat(path)).size > templateStylesheetMaximum * 4) throw tooLarge(fileName);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(await readFile(path)).replace(/^\uFEFF/, '');
    if (text.length > templateStylesheetMaximum) throw tooLarge(fileName);
    const { stylesheet, removed } = sanitizeTemplateStylesheet(text);
    // Rebuilt, a stylesheet can come out longer than it went in (a line per rule): it must still fit where it is kept.
    if (stylesheet.length > templateStylesheetMaximum) throw tooLarge(fileName);
    return { status: 'chosen', fileName, stylesheet, removed };
  }
}

function tooLarge(fileName: string): AppError {
  const naming = fileName === '' ? '' : `: ${fileName}`;
  return new AppError('invalid-request', `Bảng định kiểu quá lớn (tối đa ${templateStylesheetMaximum / 1000} KB)${naming}`);
}

const unreadableLogo = () => new AppError('invalid-request', 'Logo của mẫu trình bày không phải ảnh PNG đọc được.');

/**
 * A template as saved from the window or previewed: its stylesheet sanitized again (the window is not trusted to have
 * sent what "Chọn tệp CSS…" gave it), its logo a PNG that decodes whole and fits the masthead's box, as "Chọn logo…"
 * makes it; anything else is refused before it is stored.
 */
export async function checkedTemplate(template: ExportTemplate): Promise<ExportTemplate> {
  const logoBytes = template.logo === '' ? null : pngBytesOfDataUri(template.logo);
  if (logoBytes !== null) {
    const size = readPngSize(logoBytes);
    if (size === null || size.width > templateLogoBox.width || size.height > templateLogoBox.height) throw unreadableLogo();
    // Decoded to the last pixel: a PNG cut short after its header would otherwise reach every page and .docx.
    await sharp(logoBytes, { limitInputPixels: templateLogoBox.width * templateLogoBox.height })
      .raw()
      .toBuffer()
      .catch(() => {
        throw unreadableLogo();
      });
  }
  const stylesheet = sanitizeTemplateStylesheet(template.stylesheet).stylesheet;
  if (stylesheet.length > templateStylesheetMaximum) throw tooLarge('');
  return { ...template, stylesheet };
}
