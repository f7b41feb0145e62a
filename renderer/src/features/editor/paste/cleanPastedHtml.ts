import { buildWordLists, isWordListMarker } from './buildWordLists';
import { convertLegacyText, type LegacyConversion } from './convertLegacyText';
import { keepSchemaMarkup } from './keepSchemaMarkup';
import { readFontRules } from './readFontRules';
import { takePastedImages, type EmbeddedImage } from './takePastedImages';

/** Pasted HTML made clean, and what was done to it on the way. */
export interface CleanedHtml {
  html: string;
  /** The legacy-encoded text converted to Unicode, or null when there was none. */
  legacy: LegacyConversion | null;
  /** Pictures whose bytes were in the HTML, to import as photos. */
  embeddedImages: EmbeddedImage[];
  /** Pictures left out: web addresses or files the clipboard carried no bytes of. */
  droppedImages: number;
}

export interface CleanPastedHtmlOptions {
  /** False to leave legacy-looking text as it is ("Hoàn tác" on a conversion pastes the text again this way). */
  convertLegacy?: boolean;
}

/**
 * Cleans HTML from the clipboard (Word, LibreOffice, Google Docs, a web page) into what the body's schema reads, in an
 * inert document made from `document` (nothing in it runs or loads). In this order: text in a legacy encoding (TCVN3,
 * VNI, VIQR) becomes Unicode, by the fonts it is set in or by its words, before anything can strip its characters;
 * Word's list paragraphs become nested lists; pictures are taken out; then only the schema's markup is kept. Pure:
 * the Word import can run it on a docx's HTML as well.
 */
export function cleanPastedHtml(html: string, document: Document, { convertLegacy = true }: CleanPastedHtmlOptions = {}): CleanedHtml {
  const page = document.implementation.createHTMLDocument('');
  page.documentElement.innerHTML = html;
  const body = page.body;
  const ownCopy = body.querySelector('[data-pm-slice]') !== null;
  const legacy = convertLegacy ? convertLegacyText(body, readFontRules(page), isWordListMarker) : null;
  buildWordLists(body);
  const { embedded, dropped } = takePastedImages(body);
  keepSchemaMarkup(body, ownCopy);
  return { html: body.innerHTML, legacy, embeddedImages: embedded, droppedImages: dropped };
}
