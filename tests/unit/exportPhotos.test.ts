import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Article } from '../../shared/articleModel';
import { collectFigures } from '../../shared/collectFigures';
import { composePhotoCredit, photosAllBy } from '../../shared/composePhotoCredit';
import type { DocumentNodeJson } from '../../shared/documentJson';
import { parseDocument } from '../../shared/documentSchema';
import { AppError } from '../../shared/errorCodes';
import { exportArticleHtml, exportImageOrder, type ExportImages } from '../../shared/exportArticleHtml';
import { bluePngId, figure, fixtureImages, paragraph, redJpegId, text } from '../fixtures/everyFeatureBody';
import { seedArticle } from '../fixtures/seedArticle';
import { seedArticleWithPhotos } from '../fixtures/seedArticleWithPhotos';
import { exportValidationMessages } from '../support/exportValidation';
import { thrownBy } from '../support/thrownBy';

const goldenPath = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/seed-article-with-photos.golden.html');

/** The seed article with another body (and any other fields replaced). */
function articleWith(body: DocumentNodeJson[], changes: Partial<Article> = {}): Article {
  return { ...seedArticle(), body: { type: 'doc', content: body }, ...changes };
}

function exportFailure(action: () => unknown): AppError {
  const error = thrownBy(action);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('export-failed');
  return error as AppError;
}

/** The part of a page between two markers (exclusive). */
function between(html: string, start: string, end: string): string {
  const from = html.indexOf(start);
  return html.slice(from + start.length, html.indexOf(end, from));
}

const onePhoto = (attrs: { alt?: string; credit?: string }, caption: DocumentNodeJson[] = []) =>
  articleWith([figure(redJpegId, caption, attrs)]);
const redJpeg = fixtureImages[redJpegId];

describe('exportArticleHtml with photos', () => {
  it('exports the seed article with two photos byte for byte as its golden file', () => {
    const html = exportArticleHtml(seedArticleWithPhotos(), fixtureImages);
    // UPDATE_GOLDEN=1 rewrites the golden after a deliberate change; look at the diff before committing it.
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(goldenPath, html, 'utf8');
    expect(Buffer.from(html, 'utf8').equals(readFileSync(goldenPath))).toBe(true);
  });

  it('exports the seed article with photos as a page html-validate reports no problems in', async () => {
    expect(await exportValidationMessages(exportArticleHtml(seedArticleWithPhotos(), fixtureImages))).toEqual([]);
  });

  it('exports the same bytes every time it is given the same article and images', () => {
    expect(exportArticleHtml(seedArticleWithPhotos(), fixtureImages)).toBe(exportArticleHtml(seedArticleWithPhotos(), fixtureImages));
  });

  it('writes a photo as a figure with its image, caption and separately marked-up credit', () => {
    const html = exportArticleHtml(onePhoto({ credit: 'Văn Đốc' }, [text('Quang cảnh hội nghị')]), fixtureImages);
    expect(between(html, '<div class="article-body">\n', '\n    </div>')).toBe(
      [
        '      <figure class="photo">',
        `        <img src="${redJpeg.src}" alt="Quang cảnh hội nghị" width="4" height="3">`,
        '        <figcaption><span class="caption">Quang cảnh hội nghị</span> <span class="photo-credit">Ảnh: Văn Đốc</span></figcaption>',
        '      </figure>',
      ].join('\n'),
    );
  });

  it('leaves out the caption span of a photo without a caption', () => {
    const html = exportArticleHtml(onePhoto({ credit: 'Văn Đốc' }), fixtureImages);
    expect(html).toContain('<figcaption><span class="photo-credit">Ảnh: Văn Đốc</span></figcaption>');
  });

  it('leaves out the credit span of a photo without a credit', () => {
    const html = exportArticleHtml(onePhoto({ credit: '  ' }, [text('Quang cảnh')]), fixtureImages);
    expect(html).toContain('<figcaption><span class="caption">Quang cảnh</span></figcaption>');
  });

  it('leaves out the figcaption of a photo with neither caption nor credit', () => {
    const html = exportArticleHtml(onePhoto({}), fixtureImages);
    expect(html).toContain('<figure class="photo">\n        <img');
    expect(html).not.toContain('<figcaption');
  });

  it('uses the alt text the user wrote over the caption', () => {
    const html = exportArticleHtml(onePhoto({ alt: 'Hội trường nhìn từ cuối phòng' }, [text('Quang cảnh')]), fixtureImages);
    expect(html).toContain('alt="Hội trường nhìn từ cuối phòng"');
  });

  it('falls back to "Ảnh" as the alt text of a photo with neither alt text nor caption, and the page stays valid', async () => {
    const html = exportArticleHtml(onePhoto({ credit: 'Văn Đốc' }), fixtureImages);
    expect(html).toContain('alt="Ảnh"');
    expect(await exportValidationMessages(html)).toEqual([]);
  });

  it('shows the cover photo in the header after the sapo', () => {
    const header = between(exportArticleHtml(seedArticleWithPhotos(), fixtureImages), '<header>', '</header>');
    expect(header).toMatch(/<p class="sapo">[^\n]*<\/p>\n {6}<figure class="photo cover">\n {8}<img src="data:image\/jpeg;base64,/);
    expect(header).toContain('<span class="photo-credit">Ảnh: Văn Đốc</span>');
  });

  it('does not repeat the cover photo in the body', () => {
    const html = exportArticleHtml(seedArticleWithPhotos(), fixtureImages);
    expect(html.split(redJpeg.src)).toHaveLength(2);
    expect(between(html, '<div class="article-body">', '</div>')).not.toContain(redJpeg.src);
  });

  it('ignores a cover id that no figure of the body shows', () => {
    const article = { ...onePhoto({}), coverMediaId: bluePngId };
    const html = exportArticleHtml(article, fixtureImages);
    expect(html).not.toContain('class="photo cover"');
    expect(between(html, '<div class="article-body">', '</div>')).toContain('<figure class="photo">');
  });

  it('fails the export, naming the photo, when a figure has no image', () => {
    const error = exportFailure(() => exportArticleHtml(onePhoto({}), {}));
    expect(error.message).toContain(redJpegId.slice(0, 12));
    expect(error.message).toMatch(/thiếu ảnh/);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
    'data:image/png;base64,iVBOR" onerror="alert(1)',
    'https://evil.example/photo.jpg',
    'file:///etc/passwd',
    '/etc/passwd',
    '../../etc/passwd',
    'images/../../etc/passwd.jpg',
    'images/anh.jpg" onerror="alert(1)',
    'images/anh.svg',
    'IMAGES/ANH.JPG',
  ])('refuses an image whose src is %j', (src) => {
    exportFailure(() => exportArticleHtml(onePhoto({}), { [redJpegId]: { src, width: 4, height: 3 } }));
  });

  it.each([
    [0, 3],
    [4, -1],
    [4.5, 3],
    [Number.NaN, 3],
  ])('refuses an image whose size is %s × %s', (width, height) => {
    exportFailure(() => exportArticleHtml(onePhoto({}), { [redJpegId]: { src: redJpeg.src, width, height } }));
  });

  it('accepts an image file in the export folder named from the slug', () => {
    const images: ExportImages = { [redJpegId]: { src: 'images/hoi-nghi-so-ket-1.jpg', width: 1600, height: 1067 } };
    expect(exportArticleHtml(onePhoto({}), images)).toContain(
      '<img src="images/hoi-nghi-so-ket-1.jpg" alt="Ảnh" width="1600" height="1067">',
    );
  });

  it('escapes markup typed into a caption, alt text and credit', () => {
    const attack = '"><script>alert(1)</script>';
    const html = exportArticleHtml(onePhoto({ alt: attack, credit: attack }, [text(attack)]), fixtureImages);
    expect(html).not.toContain('<script');
    expect(html.split('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;')).toHaveLength(1 + 3);
  });

  it('refuses a stored figure whose media id is not a media id', () => {
    for (const mediaId of ['../../etc/passwd', redJpegId.toUpperCase(), `${redJpegId}0`, 42]) {
      const error = thrownBy(() => parseDocument({ type: 'doc', content: [{ type: 'figure', attrs: { mediaId, alt: '', credit: '' } }] }));
      expect((error as AppError).code).toBe('invalid-request');
    }
  });

  it('refuses a stored figure whose alt text or credit is not text of at most 500 characters', () => {
    for (const attrs of [{ alt: 'a'.repeat(501) }, { credit: 'c'.repeat(501) }, { credit: 7 }, { alt: null }]) {
      const error = thrownBy(() => parseDocument({ type: 'doc', content: [{ type: 'figure', attrs: { mediaId: redJpegId, ...attrs } }] }));
      expect((error as AppError).code).toBe('invalid-request');
    }
  });
});

describe('exportImageOrder', () => {
  it('lists the cover first, then the body photos in reading order, each once', () => {
    const article = articleWith([figure(bluePngId, []), paragraph([text('x')]), figure(redJpegId, []), figure(bluePngId, [])], {
      coverMediaId: redJpegId,
    });
    expect(exportImageOrder(article)).toEqual([redJpegId, bluePngId]);
  });

  it('lists the body photos in reading order when the cover id matches no figure', () => {
    const article = articleWith([figure(redJpegId, []), figure(bluePngId, [])], { coverMediaId: 'a'.repeat(64) });
    expect(exportImageOrder(article)).toEqual([redJpegId, bluePngId]);
  });

  it('lists the images the exported page shows, in the order it shows them', () => {
    const html = exportArticleHtml(seedArticleWithPhotos(), fixtureImages);
    const shown = [...html.matchAll(/<img src="([^"]+)"/g)].map(([, src]) => src);
    expect(shown).toEqual(
      exportImageOrder(seedArticleWithPhotos()).map((mediaId) => fixtureImages[mediaId as keyof typeof fixtureImages].src),
    );
  });
});

describe('collectFigures', () => {
  it('finds every figure in document order, nested ones included, with caption, alt and credit', () => {
    const body: DocumentNodeJson = {
      type: 'doc',
      content: [
        figure(redJpegId, [text('Một '), text('hai', [{ type: 'bold' }])], { alt: 'A', credit: 'Văn Đốc' }),
        { type: 'blockquote', content: [figure(bluePngId, [text('Dòng một'), { type: 'hardBreak' }, text('dòng hai')])] },
      ],
    };
    expect(collectFigures(body)).toEqual([
      { mediaId: redJpegId, caption: 'Một hai', alt: 'A', credit: 'Văn Đốc' },
      { mediaId: bluePngId, caption: 'Dòng một dòng hai', alt: '', credit: '' },
    ]);
  });

  it('reports a figure whose stored media id is not a string with an empty id rather than skipping it', () => {
    expect(collectFigures({ type: 'doc', content: [{ type: 'figure', attrs: { mediaId: 5 } }] })).toEqual([
      { mediaId: '', caption: '', alt: '', credit: '' },
    ]);
  });

  it('finds no figure in a body without photos', () => {
    expect(collectFigures(seedArticle().body)).toEqual([]);
  });
});

describe('composePhotoCredit', () => {
  it('names each photographer once, in order of first appearance', () => {
    expect(composePhotoCredit(['Văn Đốc', 'Minh Anh', 'Văn Đốc'])).toBe('Văn Đốc, Minh Anh');
  });

  it('skips empty and whitespace-only credits', () => {
    expect(composePhotoCredit(['', '  ', 'Minh Anh', '\u00a0'])).toBe('Minh Anh');
  });

  it('treats two spellings differing only in case as one person, keeping the first spelling', () => {
    expect(composePhotoCredit(['Văn Đốc', 'văn đốc', 'VĂN ĐỐC'])).toBe('Văn Đốc');
  });

  it('keeps names differing in diacritics apart', () => {
    expect(composePhotoCredit(['Văn Đốc', 'Van Doc'])).toBe('Văn Đốc, Van Doc');
  });

  it('trims names, collapses inner spaces and writes them in NFC', () => {
    expect(composePhotoCredit(['  Văn   Đốc ', 'Văn Đốc'.normalize('NFD')])).toBe('Văn Đốc');
  });

  it('is empty when no photo has a credit', () => {
    expect(composePhotoCredit([])).toBe('');
  });
});

describe('photosAllBy', () => {
  it('is true when every photo is credited to the byline name, case and outer spaces aside', () => {
    expect(photosAllBy('Ngọc Sơn', ['Ngọc Sơn', ' ngọc sơn '])).toBe(true);
  });

  it('is false when one photo is credited to someone else', () => {
    expect(photosAllBy('Ngọc Sơn', ['Ngọc Sơn', 'Văn Đốc'])).toBe(false);
  });

  it('is false when one photo has no credit', () => {
    expect(photosAllBy('Ngọc Sơn', ['Ngọc Sơn', ''])).toBe(false);
  });

  it('is false when there are no photos', () => {
    expect(photosAllBy('Ngọc Sơn', [])).toBe(false);
  });

  it('is false when the byline is empty', () => {
    expect(photosAllBy(' ', ['', ' '])).toBe(false);
  });
});
