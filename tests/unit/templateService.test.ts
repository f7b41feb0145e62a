import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import { exportLookOf } from '../../electron/main/services/exportLookOf';
import { readDocxParts } from '../../electron/main/services/readDocxParts';
import { pngBytesOfDataUri, readPngSize } from '../../electron/main/services/readPngSize';
import { defaultExportLook } from '../../shared/exportLook';
import { defaultExportTemplate, type ExportTemplate } from '../../shared/exportTemplateModel';
import { cssString } from '../../shared/printStylesheet';
import { formatDisplayDate } from '../../shared/publicationDate';
import { memoryPrinter } from '../support/memoryPrinter';
import { cannedDialogs, openTestSession } from '../support/openTestSession';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

/** What a promise is rejected with; fails the test when it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );
}

const agency: ExportTemplate = { ...defaultExportTemplate, use: 'agency', headerText: 'BÁO ĐIỆN TỬ TIN TỨC TỈNH' };

describe('the template’s files as Cài đặt picks them', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('makes a chosen logo a PNG of at most 600 × 200 px, without its metadata; refuses what is not an image', async () => {
    const directory = await temporaryDirectory();
    const logoPath = join(directory, 'logo.jpg');
    await sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#b71c1c' } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'Báo Tin Tức' } } })
      .toFile(logoPath);
    const svgPath = join(directory, 'logo.svg');
    await writeFile(svgPath, '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
    let chosen = [logoPath];
    const session = await openTestSession(join(directory, 'data'), {
      dialogs: { ...cannedDialogs(), chooseImageFiles: async () => chosen },
    });
    try {
      const answer = await session.handlers['template:chooseLogo']({});
      expect(answer.status).toBe('chosen');
      const bytes = pngBytesOfDataUri(answer.status === 'chosen' ? answer.logo : '')!;
      expect(readPngSize(bytes)).toEqual({ width: 400, height: 200 });
      expect((await sharp(bytes).metadata()).exif).toBeUndefined();

      chosen = [svgPath];
      const refused = await rejectionOf(session.handlers['template:chooseLogo']({}));
      expect(refused).toMatchObject({ code: 'invalid-image', message: expect.stringContaining('SVG') });
      chosen = [];
      expect(await session.handlers['template:chooseLogo']({})).toEqual({ status: 'cancelled' });
    } finally {
      await session.close();
    }
  });

  it('sanitizes a chosen stylesheet and says what it took out; refuses one too large to be a template', async () => {
    const directory = await temporaryDirectory();
    const cssPath = join(directory, 'mau.css');
    await writeFile(cssPath, '\uFEFF@import url(https://evil.example/a.css);\nh1 { color: #0a3d62; }\n');
    const largePath = join(directory, 'lon.css');
    await writeFile(largePath, `h1 { color: red; }\n/* ${'x'.repeat(120_000)} */`);
    let chosen: string | null = cssPath;
    const session = await openTestSession(join(directory, 'data'), {
      dialogs: { ...cannedDialogs(), chooseStylesheetFile: async () => chosen },
    });
    try {
      const answer = await session.handlers['template:chooseStylesheet']({});
      expect(answer).toMatchObject({ status: 'chosen', fileName: 'mau.css' });
      if (answer.status !== 'chosen') return;
      expect(answer.stylesheet).toMatch(/h1\s*\{\s*color:\s*#0a3d62/);
      expect(answer.stylesheet).not.toMatch(/import|evil/i);
      expect(answer.removed).toHaveLength(1);
      expect(answer.removed[0]).toMatch(/@import/);

      // Rebuilt with a line per rule, a stylesheet just under the limit can come out over it: refused when chosen, not
      // when saved (where the whole dialog's changes would fail with it).
      chosen = join(directory, 'vua-du.css');
      await writeFile(chosen, 'a{}'.repeat(33_333));
      expect(await rejectionOf(session.handlers['template:chooseStylesheet']({}))).toMatchObject({
        code: 'invalid-request',
        message: expect.stringContaining('vua-du.css'),
      });

      chosen = largePath;
      expect(await rejectionOf(session.handlers['template:chooseStylesheet']({}))).toMatchObject({
        code: 'invalid-request',
        message: expect.stringContaining('lon.css'),
      });
      chosen = null;
      expect(await session.handlers['template:chooseStylesheet']({})).toEqual({ status: 'cancelled' });
    } finally {
      await session.close();
    }
  });

  it('stores a template only sanitized and with a logo that reads as a PNG, whatever the window sends', async () => {
    const directory = await temporaryDirectory();
    const session = await openTestSession(directory);
    try {
      const saved = await session.handlers['settings:update']({
        exportTemplate: { ...agency, stylesheet: '@import "https://evil.example/a.css"; h1 { color: #0a3d62; }' },
      });
      expect(saved.exportTemplate.stylesheet).not.toMatch(/import|evil/i);
      expect(saved.exportTemplate.stylesheet).toMatch(/#0a3d62/);
      const onDisk = await readFile(libraryLayout(directory).library.sharedSettings, 'utf8');
      expect(onDisk).not.toContain('evil.example');

      const notPng = `data:image/png;base64,${Buffer.from('<svg onload=alert(1)>').toString('base64')}`;
      expect(await rejectionOf(session.handlers['settings:update']({ exportTemplate: { ...agency, logo: notPng } }))).toMatchObject({
        code: 'invalid-request',
      });
      // Larger than "Chọn logo…" makes one (a few hundred bytes for 1,200 × 400 px of one colour), or cut after its header.
      const huge = await sharp({ create: { width: 1200, height: 400, channels: 3, background: '#0a3d62' } })
        .png()
        .toBuffer();
      const small = await sharp({ create: { width: 60, height: 20, channels: 3, background: '#0a3d62' } })
        .png()
        .toBuffer();
      for (const bytes of [huge, small.subarray(0, 40)]) {
        const logo = `data:image/png;base64,${bytes.toString('base64')}`;
        expect(await rejectionOf(session.handlers['settings:update']({ exportTemplate: { ...agency, logo } }))).toMatchObject({
          code: 'invalid-request',
        });
      }
      expect((await session.handlers['settings:get']({})).exportTemplate.logo).toBe('');
      const fits = `data:image/png;base64,${small.toString('base64')}`;
      expect((await session.handlers['settings:update']({ exportTemplate: { ...agency, logo: fits } })).exportTemplate.logo).toBe(fits);
      await expect(
        session.handlers['settings:update']({ exportTemplate: { ...agency, partOrder: ['date', 'date', 'title', 'sapo'] } }),
      ).rejects.toThrow();
      await expect(session.handlers['settings:update']({ exportTemplate: { ...agency, headerText: 'BÁO\nTIN' } })).rejects.toThrow();
    } finally {
      await session.close();
    }
  });
});

describe('exportLookOf', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('is the app’s own look for the default template, whatever the agency’s fields hold', () => {
    expect(exportLookOf({ exportTemplate: { ...agency, use: 'default', stylesheet: 'h1 { color: red; }' } })).toBe(defaultExportLook);
    expect(exportLookOf({})).toBe(defaultExportLook);
  });

  it('sanitizes a hand-edited stylesheet again, leaves out a logo that is not a PNG and keeps a masthead with a name', () => {
    const notPng = `data:image/png;base64,${Buffer.from('GIF89a not a png').toString('base64')}`;
    const look = exportLookOf({
      exportTemplate: {
        ...agency,
        headerText: '  BÁO   ĐIỆN TỬ ',
        logo: notPng,
        stylesheet: 'body { background: url(https://evil.example/x.png); color: #222; }',
      },
    });
    expect(look.masthead).toEqual({ text: 'BÁO ĐIỆN TỬ', logo: null });
    // A logo larger than the masthead's box (a hand-edited or synced file) is left out too.
    const wide = Buffer.alloc(24);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(wide);
    wide.writeUInt32BE(601, 16);
    wide.writeUInt32BE(20, 20);
    const wideLook = exportLookOf({ exportTemplate: { ...agency, logo: `data:image/png;base64,${wide.toString('base64')}` } });
    expect(wideLook.masthead).toEqual({ text: 'BÁO ĐIỆN TỬ TIN TỨC TỈNH', logo: null });
    expect(look.headerText).toBe('BÁO ĐIỆN TỬ');
    expect(look.stylesheet).not.toContain('evil.example');
    expect(look.stylesheet).toMatch(/color:\s*#222/);
    expect(exportLookOf({ exportTemplate: { ...agency, headerText: '' } }).masthead).toBeNull();
  });

  it('gives the article’s preview the template’s masthead and order once saved', async () => {
    const directory = await temporaryDirectory();
    const session = await openTestSession(directory);
    try {
      const created = await session.handlers['article:create']({});
      await session.handlers['article:save']({ id: created.id, baseRevision: created.revision, content: sampleContent({ title: 'Tin' }) });
      await session.handlers['settings:update']({ exportTemplate: { ...agency, partOrder: ['title', 'date', 'sapo', 'byline'] } });
      const { html } = await session.handlers['article:preview']({ id: created.id });
      expect(html).toContain('<p class="masthead-name">BÁO ĐIỆN TỬ TIN TỨC TỈNH</p>');
      expect(html.indexOf('<h1>')).toBeLessThan(html.indexOf('<time '));
    } finally {
      await session.close();
    }
  });

  it('shows an unsaved template on a sample article, sanitized, and stores nothing', async () => {
    const directory = await temporaryDirectory();
    const session = await openTestSession(directory);
    try {
      const exportTemplate = {
        ...agency,
        partOrder: ['title', 'byline', 'sapo', 'date'] as ExportTemplate['partOrder'],
        stylesheet: '@import url(https://evil.example/a.css); h1 { color: #0a3d62; }',
      };
      const { html } = await session.handlers['template:preview']({ exportTemplate });
      expect(html).toContain('<p class="masthead-name">BÁO ĐIỆN TỬ TIN TỨC TỈNH</p>');
      expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
      expect(html.indexOf('<h1>')).toBeLessThan(html.indexOf('<p class="byline">'));
      expect(html.indexOf('<p class="byline">')).toBeLessThan(html.indexOf('<p class="sapo">'));
      const stylesheet = /<link rel="stylesheet" href="data:text\/css;charset=utf-8;base64,([^"]+)">/.exec(html)?.[1];
      expect(Buffer.from(stylesheet!, 'base64').toString('utf8')).toMatch(/^h1\s*\{\s*color:\s*#0a3d62;?\s*\}$/);
      expect(html).not.toContain('evil.example');
      expect((await session.handlers['settings:get']({})).exportTemplate).toEqual(defaultExportTemplate);
    } finally {
      await session.close();
    }
  });

  it('heads printed pages with the date alone when the template has a logo and no name, not with the app’s name', async () => {
    const directory = await temporaryDirectory();
    const printer = memoryPrinter();
    const session = await openTestSession(directory, { printer });
    try {
      const created = await session.handlers['article:create']({});
      await session.handlers['article:save']({ id: created.id, baseRevision: created.revision, content: sampleContent({ title: 'Tin' }) });
      const saved = await session.handlers['article:get']({ id: created.id });
      const logo = await sharp({ create: { width: 60, height: 20, channels: 3, background: '#0a3d62' } })
        .png()
        .toBuffer();
      await session.handlers['settings:update']({
        exportTemplate: { ...agency, headerText: '', logo: `data:image/png;base64,${logo.toString('base64')}` },
      });
      await session.handlers['article:print']({ id: created.id });
      const page = printer.jobs[0]!.html;
      expect(page).toContain(`@top-center { content: ${cssString(formatDisplayDate(saved.publicationDate))};`);
      expect(page).toContain('<img class="masthead-logo"');
      expect(page).not.toContain('Bản Thảo');
    } finally {
      await session.close();
    }
  });

  it('gives the Word export the template’s name as its page header, with no other choice than the settings', async () => {
    const directory = await temporaryDirectory();
    const docxPath = join(directory, 'tin.docx');
    const session = await openTestSession(join(directory, 'data'), { dialogs: cannedDialogs({ exportPath: docxPath }) });
    try {
      const created = await session.handlers['article:create']({});
      await session.handlers['article:save']({ id: created.id, baseRevision: created.revision, content: sampleContent({ title: 'Tin' }) });
      await session.handlers['settings:update']({ exportTemplate: agency });
      expect(await session.handlers['article:exportDocx']({ id: created.id })).toMatchObject({ status: 'saved' });
      const parts = await readDocxParts(await readFile(docxPath), new Map([['word/header1.xml', 1_000_000]]));
      expect(parts.get('word/header1.xml')).toContain('BÁO ĐIỆN TỬ TIN TỨC TỈNH');
    } finally {
      await session.close();
    }
  });
});
