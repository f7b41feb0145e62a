import type { ExportLook } from './exportLook';
import { formatDisplayDate } from './publicationDate';

/** The header of a printed page when the library's template names no agency (its `headerText`). */
export const defaultPrintHeader = 'Bản Thảo';

/** The line at the top of each printed page: the agency's header (the app's name when none is set) and the publication date. */
export function printHeaderText(article: { publicationDate: string }, agencyName: string | undefined): string {
  const header = (agencyName ?? '').replace(/\s+/g, ' ').trim();
  return `${header === '' ? defaultPrintHeader : header} · ${formatDisplayDate(article.publicationDate)}`;
}

/**
 * The running header for an export look: the agency's name (or the app's) with the date; an agency template with a
 * logo and no name heads its pages with the date alone, not with the app's name.
 */
export function printHeaderOf(article: { publicationDate: string }, look: Pick<ExportLook, 'masthead' | 'headerText'>): string {
  if (look.masthead !== null && look.headerText === '') return formatDisplayDate(article.publicationDate);
  return printHeaderText(article, look.headerText);
}

/**
 * `text` as a CSS string literal: every character but letters, digits and spaces as a hex escape, so no quote,
 * backslash, `<` or line break from a setting can end the string, the rule or the `<style>` element.
 */
export function cssString(text: string): string {
  const escaped = [...text].map((character) =>
    /^[A-Za-z0-9 ]$/.test(character) ? character : `\\${character.codePointAt(0)!.toString(16).padStart(6, '0')}`,
  );
  return `"${escaped.join('')}"`;
}

/**
 * The print layout added to the export page: A4 with margins, the header at the top of every page after the first (the
 * first shows it above the article, `.print-header`), "Trang n/m" at the bottom, photos and tables never split, headings
 * kept with what follows. Chromium draws the page-margin boxes in its print preview and PDF.
 */
export function printStylesheet(headerText: string): string {
  return `
@page {
  size: A4;
  margin: 22mm 18mm 20mm 22mm;
  @top-center { content: ${cssString(headerText)}; font-family: "Noto Sans", Arial, sans-serif; font-size: 9pt; color: #555; }
  @bottom-center { content: "Trang " counter(page) "/" counter(pages); font-family: "Noto Sans", Arial, sans-serif; font-size: 9pt; }
}
@page :first { @top-center { content: none; } }
.print-header {
  max-width: 42rem;
  margin: 0 auto 1.5rem;
  padding-bottom: 0.375rem;
  border-bottom: 1px solid #999;
  color: #555;
  font-family: "Noto Sans", Arial, "Liberation Sans", sans-serif;
  font-size: 0.875rem;
  text-align: center;
}
@media print {
  body { padding: 0; }
  .print-header { max-width: none; font-size: 9pt; }
  h1, h2, h3, h4 { break-after: avoid; break-inside: avoid; }
  figure, img, table, blockquote, .sapo, footer { break-inside: avoid; }
  p { orphans: 3; widows: 3; }
}
`;
}
