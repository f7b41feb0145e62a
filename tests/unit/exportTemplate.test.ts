import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { previewPageHtml } from '../../electron/main/services/previewHtml';
import { printPageHtml } from '../../electron/main/services/printHtml';
import { exportArticleFragment } from '../../shared/exportArticleFragment';
import { exportArticleHtml } from '../../shared/exportArticleHtml';
import { articlePartNames, defaultExportLook, type ArticlePart, type ExportLook } from '../../shared/exportLook';
import { exportStyleElementText } from '../../shared/exportStylesheet';
import { printHeaderText } from '../../shared/printStylesheet';
import { fixtureImages } from '../fixtures/everyFeatureBody';
import { seedArticle } from '../fixtures/seedArticle';
import { seedArticleWithPhotos } from '../fixtures/seedArticleWithPhotos';
import { exportValidationMessages } from '../support/exportValidation';

const goldenPath = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/seed-article.template.golden.html');

/** A 48 × 16 px red PNG, as "Chọn logo…" stores a logo (a data URI). */
const logo =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAQCAYAAABQrvyxAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAALElEQVRIx2PYLiPzfyhjhlE' +
  'PjHpg1AOjHhj1wKgHRj0w6oFRD4x6YNQD5GIAI9XKTH8hmmwAAAAASUVORK5CYII=';

/** An agency's template as exports see it once resolved: its name and logo, title first and the byline under it, a stylesheet. */
const agencyLook: ExportLook = {
  partOrder: ['title', 'byline', 'sapo', 'date'],
  masthead: { text: 'BÁO ĐIỆN TỬ TIN TỨC TỈNH', logo: { src: logo, width: 48, height: 16 } },
  stylesheet: '.masthead-name{color:#0a3d62}h1{color:#0a3d62;font-size:2rem}.byline{font-style:italic}',
  headerText: 'BÁO ĐIỆN TỬ TIN TỨC TỈNH',
};

/** Every order of the four parts. */
function permutations(parts: readonly ArticlePart[]): ArticlePart[][] {
  if (parts.length <= 1) return [[...parts]];
  return parts.flatMap((part, index) => permutations([...parts.slice(0, index), ...parts.slice(index + 1)]).map((rest) => [part, ...rest]));
}

/** Where each part, the cover photo and the body start in an exported fragment. */
function positionsIn(fragment: string): Record<ArticlePart | 'cover' | 'body', number> {
  return {
    date: fragment.indexOf('<time '),
    title: fragment.indexOf('<h1>'),
    sapo: fragment.indexOf('<p class="sapo">'),
    byline: fragment.indexOf('<p class="byline">'),
    cover: fragment.indexOf('<figure class="photo cover">'),
    body: fragment.indexOf('<div class="article-body">'),
  };
}

describe('an export template', () => {
  it('gives the page its masthead, order and stylesheet (golden file from the seed article), valid and deterministic', async () => {
    const article = seedArticleWithPhotos();
    const page = exportArticleHtml(article, fixtureImages, agencyLook);
    if (process.env.BANTHAO_UPDATE_GOLDEN === '1') writeFileSync(goldenPath, page);
    expect(page).toBe(readFileSync(goldenPath, 'utf8'));
    expect(exportArticleHtml(article, fixtureImages, agencyLook)).toBe(page);
    expect(await exportValidationMessages(page)).toEqual([]);
    // The template's stylesheet comes after the app's, so its rules win; the masthead opens the body.
    expect(page.indexOf(`<style>${exportStyleElementText}</style>`)).toBeLessThan(page.indexOf('<style class="template-style">'));
    expect(page).toContain(`<style class="template-style">\n${agencyLook.stylesheet}\n  </style>`);
    expect(page).toContain(
      [
        '<body>',
        '  <header class="masthead">',
        `    <img class="masthead-logo" src="${logo}" alt="BÁO ĐIỆN TỬ TIN TỨC TỈNH" width="48" height="16">`,
        '    <p class="masthead-name">BÁO ĐIỆN TỬ TIN TỨC TỈNH</p>',
        '  </header>',
        '  <article>',
      ].join('\n'),
    );
  });

  it('leaves the page exactly as before templates with the default look', () => {
    const page = exportArticleHtml(seedArticle(), {}, defaultExportLook);
    expect(page).toBe(readFileSync(join(dirname(goldenPath), 'seed-article.golden.html'), 'utf8'));
    expect(page.split('<body>')[1]).not.toContain('masthead');
    expect(page).not.toContain('template-style');
  });

  it('puts the parts in any of the 24 orders (the byline last closes the article); every page and fragment stays valid', async () => {
    const article = seedArticleWithPhotos();
    const orders = permutations(articlePartNames);
    expect(orders).toHaveLength(24);
    for (const partOrder of orders) {
      const look = { ...defaultExportLook, partOrder };
      const fragment = exportArticleFragment(article, fixtureImages, look);
      const at = positionsIn(fragment);
      const shown = [...partOrder].sort((first, second) => at[first] - at[second]);
      expect(shown, partOrder.join(',')).toEqual(partOrder);
      if (partOrder.at(-1) === 'byline') {
        expect(at.byline, partOrder.join(',')).toBeGreaterThan(at.body);
      } else {
        // The parts, the cover photo after them, then the body.
        expect(Math.max(...partOrder.map((part) => at[part])), partOrder.join(',')).toBeLessThan(at.cover);
        expect(at.cover, partOrder.join(',')).toBeLessThan(at.body);
      }
      // The byline is in a <footer> wherever it goes, never inside a <header>.
      expect(fragment, partOrder.join(',')).toMatch(/<footer>\n {4}<p class="byline">/);
      const page = exportArticleHtml(article, fixtureImages, look);
      expect(await exportValidationMessages(page), partOrder.join(',')).toEqual([]);
      expect(page, partOrder.join(',')).toContain(fragment.replace(/^/gm, '  ').replace(/^ {2}$/gm, ''));
    }
  });

  it('keeps a hostile agency name a text in the masthead and the logo’s alt', async () => {
    const hostile = '"><script>alert(1)</script><img src=x onerror=alert(1)>';
    const look: ExportLook = { ...agencyLook, masthead: { text: hostile, logo: { src: logo, width: 48, height: 16 } } };
    const page = exportArticleHtml(seedArticle(), {}, look);
    expect(await exportValidationMessages(page)).toEqual([]);
    expect(page).not.toMatch(/<script|<img src=x/);
    expect(page).toContain('alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"');
  });

  it('is previewed with its stylesheet as a data: link, which the window’s policy allows, and no second inline style', () => {
    const page = exportArticleHtml(seedArticleWithPhotos(), fixtureImages, agencyLook);
    const preview = previewPageHtml(page, agencyLook.stylesheet);
    expect(preview).not.toContain('template-style');
    expect(preview.match(/<style>/g)).toHaveLength(1);
    const href = /<link rel="stylesheet" href="data:text\/css;charset=utf-8;base64,([A-Za-z0-9+/=]+)">/.exec(preview)?.[1];
    expect(Buffer.from(href!, 'base64').toString('utf8')).toBe(agencyLook.stylesheet);
    expect(preview).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+' data:;/);
    // The link sits where the template's style was: after the app's stylesheet, so its rules still win.
    expect(preview.indexOf('<style>')).toBeLessThan(preview.indexOf('<link rel="stylesheet"'));
    expect(() => previewPageHtml(exportArticleHtml(seedArticle()), agencyLook.stylesheet)).toThrow(/template stylesheet/);
  });

  it('prints with its masthead heading the first page, its name in the running header, its stylesheet allowed by hash', async () => {
    const article = seedArticleWithPhotos();
    const header = printHeaderText(article, agencyLook.headerText);
    expect(header).toBe('BÁO ĐIỆN TỬ TIN TỨC TỈNH · 08/07/2022');
    const page = printPageHtml(exportArticleHtml(article, fixtureImages, agencyLook), header, agencyLook);
    expect(await exportValidationMessages(page)).toEqual([]);
    expect(page).not.toContain('class="print-header"');
    expect(page).toContain('<header class="masthead">');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
    const hashes = [...(policy ?? '').matchAll(/'sha256-([A-Za-z0-9+/=]+)'/g)].map((match) => match[1]);
    const styles = [...page.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1]!);
    expect(styles).toHaveLength(3);
    // Every stylesheet of the page is allowed by its own hash, in the page's order: app, template, print layout.
    expect(hashes).toEqual(styles.map((style) => createHash('sha256').update(style, 'utf8').digest('base64')));
    expect(styles[1]).toBe(`\n${agencyLook.stylesheet}\n  `);
  });
});
