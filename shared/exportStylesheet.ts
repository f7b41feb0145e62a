/**
 * The stylesheet embedded in every exported article: a clean, readable news page that also prints well.
 * Embedded rather than linked so an exported file is a single self-contained page, and class-based only
 * (alignment, sapo, byline, photo, caption, credit) because inline styles are what a CMS import strips first.
 */
export const exportStylesheet = `
:root { color-scheme: light; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  padding: 2rem 1.25rem 3rem;
  background: #fff;
  color: #1a1a1a;
  font-family: "Noto Serif", "Times New Roman", "Liberation Serif", Georgia, serif;
  font-size: 1.125rem;
  line-height: 1.65;
}
article { max-width: 42rem; margin: 0 auto; }
/* The agency's masthead from its template (logo and name), above the article. */
.masthead { max-width: 42rem; margin: 0 auto 1.75rem; padding-bottom: 0.75rem; border-bottom: 2px solid #b71c1c; text-align: center; }
.masthead-logo { display: block; width: auto; max-width: 100%; height: auto; max-height: 4.5rem; margin: 0 auto 0.375rem; }
.masthead-name {
  margin: 0;
  color: #b71c1c;
  font-family: "Noto Sans", Arial, "Liberation Sans", "Helvetica Neue", sans-serif;
  font-size: 0.9375rem;
  font-weight: 700;
  letter-spacing: 0.03em;
}
header { margin-bottom: 1.5rem; }
h1, h2, h3, time, .sapo, .byline, .credit, figcaption {
  font-family: "Noto Sans", Arial, "Liberation Sans", "Helvetica Neue", sans-serif;
}
time { display: block; color: #6b6b6b; font-size: 0.875rem; letter-spacing: 0.02em; }
h1 { margin: 0.5rem 0 1rem; font-size: 1.875rem; line-height: 1.3; color: #111; }
h2 { margin: 2rem 0 0.75rem; font-size: 1.375rem; line-height: 1.35; }
h3 { margin: 1.5rem 0 0.5rem; font-size: 1.175rem; line-height: 1.4; }
.sapo {
  margin: 0;
  padding: 0.75rem 0 0.75rem 1rem;
  border-left: 4px solid #b71c1c;
  font-size: 1.125rem;
  font-weight: 700;
  line-height: 1.55;
  color: #222;
}
.article-body p { margin: 0 0 1rem; text-align: justify; hyphens: manual; }
.article-body ul, .article-body ol { margin: 0 0 1rem; padding-left: 1.75rem; }
.article-body li > p { margin-bottom: 0.25rem; }
blockquote { margin: 1.5rem 0; padding: 0.25rem 0 0.25rem 1rem; border-left: 3px solid #ccc; color: #444; font-style: italic; }
.article-body blockquote > :last-child { margin-bottom: 0; }
hr { margin: 2rem auto; width: 30%; border: 0; border-top: 1px solid #ccc; }
a { color: #0b5cad; text-decoration: underline; }
/* Offset so the underline clears Vietnamese dots below (ạ, ộ, ụ). */
a, u { text-underline-offset: 0.22em; }
figure { margin: 1.5rem 0; }
figure img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { margin-top: 0.5rem; color: #555; font-size: 0.875rem; line-height: 1.45; text-align: center; }
/* The lead photo sits under the sapo; its caption reads like any other. */
.cover { margin: 1.25rem 0 0; }
/* The photographer's credit on its own line under the caption, small and to the right. */
.photo-credit { display: block; margin-top: 0.125rem; color: #6b6b6b; font-size: 0.8125rem; font-style: italic; text-align: right; }
/* Tables: plain rules and a shaded header row, the column's width. */
.article-body table { width: 100%; margin: 0 0 1rem; border-collapse: collapse; }
.article-body th, .article-body td { padding: 0.375rem 0.625rem; border: 1px solid #bbb; vertical-align: top; text-align: left; }
.article-body th { background: #f2f2f2; font-weight: 700; }
.article-body td > p, .article-body th > p { margin: 0; text-align: left; }
footer { margin-top: 2rem; text-align: right; font-weight: 700; }
/* A template that puts the byline among the top parts: it reads under the title, not as a closing signature. */
article > footer:not(:last-child) { margin: 0 0 1rem; text-align: left; }
footer p { margin: 0.125rem 0; }
.credit { font-weight: 400; font-style: italic; color: #444; }
/* Alignment set in the editor travels as a class; these win over the justified default above. */
.article-body .align-left { text-align: left; }
.article-body .align-center { text-align: center; }
.article-body .align-right { text-align: right; }
.article-body .align-justify { text-align: justify; }
@media print {
  body { padding: 0; font-size: 11pt; color: #000; }
  article, .masthead { max-width: none; }
  .masthead { break-after: avoid; }
  a { color: inherit; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
  h1, h2, h3 { break-after: avoid; }
  figure, blockquote, .sapo { break-inside: avoid; }
  p { orphans: 3; widows: 3; }
}
`;

/**
 * The text of the export page's `<style>` element, exactly (the stylesheet indented under `<head>`): the window's
 * Content-Security-Policy allows this one stylesheet by its hash, so the preview frame is styled and no other inline style.
 */
export const exportStyleElementText = [
  '',
  ...exportStylesheet
    .trim()
    .split('\n')
    .map((line) => (line === '' ? '' : `    ${line}`)),
  '  ',
].join('\n');
