import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import { wordFileMessages } from '../../electron/main/services/readDocxDocument';
import { readWordDraft } from '../../electron/main/services/readWordDraft';
import type { DocumentNodeJson } from '../../shared/documentJson';
import { parseDocument } from '../../shared/documentSchema';
import { serializeDocumentHtml } from '../../shared/serializeDocumentHtml';
import type { WordImportProgress } from '../../shared/wordImportModel';
import { craftZip } from '../support/craftZip';
import { buildDocx, compoundFile, type DocxSpec } from '../support/docxFixtures';
import { cannedDialogs, openTestSession } from '../support/openTestSession';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { twoColourJpeg } from './media/photoFixtures';

/** Every file under the library's articles and photos, by path, with the SHA-256 of its bytes. */
async function hashLibrary(dataDirectory: string): Promise<Map<string, string>> {
  const layout = libraryLayout(dataDirectory).library;
  const files = new Map<string, string>();
  for (const folder of [layout.articles, layout.media]) {
    for (const entry of await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => [])) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      files.set(
        relative(dataDirectory, path),
        createHash('sha256')
          .update(await readFile(path))
          .digest('hex'),
      );
    }
  }
  return files;
}

/** A reporter's story as Word holds it: every kind of content the import takes, and some it must not. */
async function storySpec(): Promise<DocxSpec> {
  return {
    pictures: { opera: { bytes: await twoColourJpeg(), extension: 'jpeg' } },
    blocks: [
      { style: 'Heading1', parts: [{ text: 'Hội nghị xúc tiến đầu tư' }] },
      {
        parts: [
          { text: 'Sáng nay, hơn 300 doanh nghiệp ', bold: true },
          { text: 'đã dự hội nghị.', bold: true },
        ],
      },
      // Outline-numbered, as Word numbers sections: still a heading.
      { style: 'Heading2', list: { numId: 5, level: 0 }, parts: [{ text: 'Những con số' }] },
      {
        parts: [
          { text: 'Chữ ' },
          { text: 'đậm', bold: true },
          { text: ', ' },
          { text: 'nghiêng', italic: true },
          { text: ', ' },
          { text: 'gạch chân', underline: true },
          { text: ' và ' },
          { link: 'https://baochinhphu.vn/hoi-nghi', text: 'một liên kết' },
          { text: ' cùng ' },
          { link: 'javascript:alert(1)', text: 'một liên kết độc' },
          { text: '.' },
        ],
      },
      { list: { numId: 1, level: 0 }, parts: [{ text: 'Thứ nhất' }] },
      { list: { numId: 1, level: 1 }, parts: [{ text: 'Ý a' }] },
      { list: { numId: 1, level: 1 }, parts: [{ text: 'Ý b' }] },
      { list: { numId: 1, level: 0 }, parts: [{ text: 'Thứ hai' }] },
      { list: { numId: 2, level: 0 }, parts: [{ text: 'Gạch đầu dòng' }] },
      { parts: [{ picture: 'opera' }] },
      { style: 'Caption', parts: [{ text: 'Nhà hát Lớn Hà Nội' }] },
      { style: 'Heading3', parts: [{ text: 'Chi tiết' }] },
      { parts: [{ text: 'Héi nghÞ', font: '.VnTime' }, { text: ' kết thúc.' }] },
      { parts: [{ text: 'Tiếng Việt tổ hợp'.normalize('NFD') }] },
      { parts: [{ text: '   ' }] },
      {
        rows: [
          ['Tỉnh', 'Vốn'],
          ['Hà Nội', '12 tỷ'],
        ],
      },
    ],
  };
}

/** A .docx's bytes as the drop sends them. */
const docx = (spec: DocxSpec) => new Uint8Array(buildDocx(spec));

const text = (value: string, ...marks: string[]): DocumentNodeJson => ({
  type: 'text',
  text: value,
  ...(marks.length > 0 ? { marks: marks.map((type) => ({ type })) } : {}),
});
const paragraph = (...content: DocumentNodeJson[]): DocumentNodeJson => ({ type: 'paragraph', content });
const item = (...content: DocumentNodeJson[]): DocumentNodeJson => ({ type: 'listItem', content });
const cell = (...content: DocumentNodeJson[]): DocumentNodeJson => ({ type: 'tableCell', attrs: { colspan: 1, rowspan: 1 }, content });

describe('reading a Word file into an article draft', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('keeps headings, formatting, safe links, nested lists, pictures with captions and tables; guesses title and sapo', async () => {
    const dataDirectory = await temporaryDirectory();
    const session = await openTestSession(dataDirectory);
    const draft = await session.handlers['word:readBytes']({
      fileName: 'Bài hội nghị.docx',
      bytes: new Uint8Array(buildDocx(await storySpec())),
    });

    expect(draft.title).toBe('Hội nghị xúc tiến đầu tư');
    expect(draft.sapo).toBe('Sáng nay, hơn 300 doanh nghiệp đã dự hội nghị.');
    expect(draft.titleBlock).toMatchObject({ type: 'heading', attrs: { level: 2 } });
    expect(draft.sapoBlock).toEqual(paragraph(text('Sáng nay, hơn 300 doanh nghiệp đã dự hội nghị.', 'bold')));
    const photos = await (await session.opened()).media.listIds();
    expect(photos).toHaveLength(1);
    // Word's Heading 2 and 3 are the highest levels left once the title is taken: H2 and H3.
    expect(draft.body.content).toEqual([
      { type: 'heading', attrs: { level: 2 }, content: [text('Những con số')] },
      paragraph(
        text('Chữ '),
        text('đậm', 'bold'),
        text(', '),
        text('nghiêng', 'italic'),
        text(', '),
        text('gạch chân', 'underline'),
        text(' và '),
        { type: 'text', text: 'một liên kết', marks: [{ type: 'link', attrs: { href: 'https://baochinhphu.vn/hoi-nghi' } }] },
        // The javascript: link keeps its words, not its target.
        text(' cùng một liên kết độc.'),
      ),
      {
        type: 'orderedList',
        content: [
          item(paragraph(text('Thứ nhất')), { type: 'orderedList', content: [item(paragraph(text('Ý a'))), item(paragraph(text('Ý b')))] }),
          item(paragraph(text('Thứ hai'))),
        ],
      },
      { type: 'bulletList', content: [item(paragraph(text('Gạch đầu dòng')))] },
      { type: 'figure', attrs: { mediaId: photos[0], alt: 'Ảnh opera', credit: '' }, content: [text('Nhà hát Lớn Hà Nội')] },
      { type: 'heading', attrs: { level: 3 }, content: [text('Chi tiết')] },
      // .VnTime is TCVN3: converted before anything else; decomposed text comes out NFC; the empty paragraph is gone.
      paragraph(text('Hội nghị kết thúc.')),
      paragraph(text('Tiếng Việt tổ hợp'.normalize('NFC'))),
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell(paragraph(text('Tỉnh'))), cell(paragraph(text('Vốn')))] },
          { type: 'tableRow', content: [cell(paragraph(text('Hà Nội'))), cell(paragraph(text('12 tỷ')))] },
        ],
      },
    ]);
    // A table the body holds is no paragraph and no table "turned into paragraphs".
    expect(draft.summary).toEqual({ paragraphs: 3, headings: 2, listItems: 5, photos: 1, tables: 0, skippedPictures: 0, legacyRuns: 1 });
    expect(draft.notices).toEqual([]);
    // What the renderer will save is a body the document schema accepts, as a save checks it.
    expect(() => parseDocument(draft.body)).not.toThrow();
  });

  it('creates nothing but the photos: the article is made later from the confirmed draft', async () => {
    const dataDirectory = await temporaryDirectory();
    const session = await openTestSession(dataDirectory);
    await session.handlers['word:readBytes']({ fileName: 'bai.docx', bytes: new Uint8Array(buildDocx(await storySpec())) });
    expect(await session.handlers['library:list']({ scope: 'active' })).toEqual([]);
  });

  it('leaves out a picture the library does not take (EMF), saying so, and keeps the rest', async () => {
    const dataDirectory = await temporaryDirectory();
    const session = await openTestSession(dataDirectory);
    const emf = Buffer.concat([
      Buffer.from([1, 0, 0, 0, 0x6c, 0, 0, 0]),
      Buffer.alloc(100),
      Buffer.from(' EMF', 'latin1'),
      Buffer.alloc(100),
    ]);
    const draft = await session.handlers['word:readBytes']({
      fileName: 'bai.docx',
      bytes: docx({
        pictures: { chart: { bytes: emf, extension: 'emf' }, photo: { bytes: await twoColourJpeg(), extension: 'jpeg' } },
        blocks: [
          { parts: [{ text: 'Tiêu đề bài' }] },
          { parts: [{ text: 'Sapo của bài.' }] },
          { parts: [{ picture: 'chart' }] },
          { style: 'Caption', parts: [{ text: 'Biểu đồ' }] },
          { parts: [{ picture: 'photo' }] },
        ],
      }),
    });
    expect(draft.summary).toMatchObject({ photos: 1, skippedPictures: 1 });
    expect(draft.notices).toEqual([expect.stringMatching(/^Bỏ qua ảnh thứ 1: .+bai-anh-1\.emf/u)]);
    // A caption whose picture was left out stays as text.
    expect(draft.body.content?.map((block) => block.type)).toEqual(['paragraph', 'figure']);
    expect(await (await session.opened()).media.listIds()).toHaveLength(1);
  });

  it("starts each numbered list where Word does: a level's start, a restart, and the count going on past a paragraph", async () => {
    const session = await openTestSession(await temporaryDirectory());
    const entry = (numId: 1 | 3 | 4, level: number, words: string) => ({ list: { numId, level }, parts: [{ text: words }] });
    const draft = await session.handlers['word:readBytes']({
      fileName: 'danh-sach.docx',
      bytes: new Uint8Array(
        buildDocx({
          blocks: [
            { parts: [{ text: 'Tiêu đề' }] },
            { parts: [{ text: 'Sapo.' }] },
            entry(4, 0, 'Năm'),
            entry(4, 1, 'Năm a'),
            entry(4, 0, 'Sáu'),
            { parts: [{ text: 'Một đoạn chen giữa.' }] },
            entry(4, 0, 'Bảy'),
            entry(4, 1, 'Bảy a'),
            entry(1, 0, 'Một'),
            entry(1, 0, 'Hai'),
            // Word's "Restart at 1": its own num over the same definition.
            entry(3, 0, 'Lại một'),
            { parts: [{ text: 'Một đoạn nữa.' }] },
            entry(1, 0, 'Ba'),
          ],
        }),
      ),
    });
    const words = (value: string) => paragraph(text(value));
    const letters = (value: string) => ({ type: 'orderedList', content: [item(words(value))] });
    expect(draft.body.content).toEqual([
      { type: 'orderedList', attrs: { start: 5 }, content: [item(words('Năm'), letters('Năm a')), item(words('Sáu'))] },
      words('Một đoạn chen giữa.'),
      { type: 'orderedList', attrs: { start: 7 }, content: [item(words('Bảy'), letters('Bảy a'))] },
      { type: 'orderedList', content: [item(words('Một')), item(words('Hai'))] },
      { type: 'orderedList', content: [item(words('Lại một'))] },
      words('Một đoạn nữa.'),
      { type: 'orderedList', attrs: { start: 3 }, content: [item(words('Ba'))] },
    ]);
    const html = serializeDocumentHtml(parseDocument(draft.body));
    expect(html).toContain('<ol start="5">');
    expect(html).toContain('<ol start="7">');
    expect(html).toContain('<ol start="3">');
  });

  it('tells how far it has got: reading, then the pictures one by one', async () => {
    const progress: WordImportProgress[] = [];
    const jpeg = await twoColourJpeg();
    let stored = 0;
    await readWordDraft(
      'bai.docx',
      buildDocx({
        pictures: { a: { bytes: jpeg, extension: 'jpeg' }, b: { bytes: jpeg, extension: 'jpeg' } },
        blocks: [{ parts: [{ text: 'Tiêu đề' }] }, { parts: [{ picture: 'a' }, { picture: 'b' }] }],
      }),
      {
        importImage: async () => ({
          id: `${String(++stored).padStart(2, '0')}${'a'.repeat(62)}`,
          type: 'jpeg',
          width: 400,
          height: 300,
          byteLength: jpeg.byteLength,
          takenAt: null,
          suggestedCredit: null,
          originalFileName: 'a.jpg',
          importedAt: '2026-03-10T08:00:00.000Z',
        }),
        onProgress: (step) => progress.push(step),
      },
    );
    expect(progress).toEqual([
      { stage: 'reading' },
      { stage: 'photos', done: 0, total: 2 },
      { stage: 'photos', done: 1, total: 2 },
      { stage: 'photos', done: 2, total: 2 },
    ]);
  });

  it('reads the file the user picks in "Nhập từ Word…", and nothing when the dialog is cancelled', async () => {
    const outside = await temporaryDirectory();
    const path = join(outside, 'bai.docx');
    await writeFile(path, buildDocx({ blocks: [{ parts: [{ text: 'Tiêu đề' }] }, { parts: [{ text: 'Nội dung.' }] }] }));
    const picked = await openTestSession(await temporaryDirectory(), { dialogs: cannedDialogs({ wordFile: path }) });
    expect(await picked.handlers['word:openFromDialog']({})).toMatchObject({
      status: 'read',
      draft: { fileName: 'bai.docx', title: 'Tiêu đề', sapo: 'Nội dung.' },
    });
    const cancelled = await openTestSession(await temporaryDirectory());
    expect(await cancelled.handlers['word:openFromDialog']({})).toEqual({ status: 'cancelled' });
    expect(await picked.handlers['word:progress']({})).toBeNull();
  });

  it.each([
    ['a damaged zip', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]), wordFileMessages.corrupt],
    ['a password-protected .docx', compoundFile(['EncryptionInfo', 'EncryptedPackage']), wordFileMessages.encrypted],
    ['an old binary .doc', compoundFile(['WordDocument', '1Table']), wordFileMessages.binaryDoc],
    ['random bytes', Buffer.from('Đây không phải tệp Word, chỉ là chữ.'), wordFileMessages.notWord],
    ['an empty file', Buffer.alloc(0), wordFileMessages.empty],
  ])('refuses %s with its own Vietnamese sentence, leaving the library as it was', async (_what, bytes, message) => {
    const dataDirectory = await temporaryDirectory();
    const session = await openTestSession(dataDirectory);
    await session.handlers['media:importBytes']({ fileName: 'anh.jpg', bytes: new Uint8Array(await twoColourJpeg()) });
    const before = await hashLibrary(dataDirectory);
    await expect(session.handlers['word:readBytes']({ fileName: 'bai.docx', bytes: new Uint8Array(bytes) })).rejects.toMatchObject({
      code: 'invalid-word-file',
      message,
    });
    expect(await hashLibrary(dataDirectory)).toEqual(before);
    expect(await session.handlers['word:progress']({})).toBeNull();
  });

  it('refuses a zip that is not a Word document', async () => {
    const session = await openTestSession(await temporaryDirectory());
    const withoutDocument = craftZip([{ name: 'mimetype', data: 'application/epub+zip' }]);
    await expect(
      session.handlers['word:readBytes']({ fileName: 'bai.docx', bytes: new Uint8Array(withoutDocument) }),
    ).rejects.toMatchObject({
      code: 'invalid-word-file',
      message: wordFileMessages.notDocument,
    });
  });
});
