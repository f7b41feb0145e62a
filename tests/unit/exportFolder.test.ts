import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EarlierExportChoice } from '../../electron/main/application/Dialogs';
import { MediaStore } from '../../electron/main/media/MediaStore';
import { writeExportFolder } from '../../electron/main/services/exportArticle';
import { exportFolderMarkerName } from '../../electron/main/services/exportFolderMarker';
import type { Article } from '../../shared/articleModel';
import { slugify } from '../../shared/slugify';
import { figure, paragraph, text } from '../fixtures/everyFeatureBody';
import { seedArticle } from '../fixtures/seedArticle';
import { createTestHandlers } from '../support/createTestHandlers';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { listFilesUnder, twoColourJpeg } from './media/photoFixtures';

const settings = { exportImageMaxSide: 1600, exportJpegQuality: 82 };
const slug = slugify(seedArticle().title);

/** Every file under a folder with its bytes, to compare a folder before and after. */
async function snapshot(folder: string): Promise<Record<string, Buffer>> {
  const files: Record<string, Buffer> = {};
  for (const path of await listFilesUnder(folder)) files[path] = await readFile(join(folder, path));
  return files;
}

/** Answers the earlier-export question with `choice`, recording each folder it was asked about. */
function answering(choice: EarlierExportChoice) {
  const asked: string[] = [];
  const askAboutEarlierExport = async (folderPath: string) => {
    asked.push(folderPath);
    return choice;
  };
  return { asked, options: { askAboutEarlierExport } };
}

describe('writeExportFolder', () => {
  const temporaryDirectory = useTemporaryDirectories();

  /** A media store with one photo, a parent folder to export into, and the seed article showing the photo. */
  async function setUp() {
    const root = await temporaryDirectory();
    const media = await MediaStore.open({ directory: join(root, 'media') });
    const photo = await media.importImage({ bytes: await twoColourJpeg(), fileName: 'hoi-nghi.jpg' });
    const parent = join(root, 'exports');
    await mkdir(parent);
    const article: Article = {
      ...seedArticle(),
      body: { type: 'doc', content: [figure(photo.id, [text('Quang cảnh')]), paragraph([text('Đoạn một.')])] },
    };
    const exportTo = (exported: Article, options = answering('replace').options) =>
      writeExportFolder(exported, parent, { media, settings }, options);
    return { parent, article, media, exportTo };
  }

  /** A folder of the user's own, named like the slug, with an index.html, images and other files. */
  async function makeUsersFolder(parent: string): Promise<string> {
    const folder = join(parent, slug);
    await mkdir(join(folder, 'images'), { recursive: true });
    await writeFile(join(folder, 'index.html'), '<!doctype html><p>Bản nháp riêng của tôi</p>\n');
    await writeFile(join(folder, 'images', `${slug}-1.jpg`), await twoColourJpeg({ width: 200, height: 100 }));
    await writeFile(join(folder, 'ghi-chu.txt'), 'Gọi lại cho anh Đốc trước 17h.\n');
    return folder;
  }

  it("leaves the user's own folder where the slug points unchanged, file for file and byte for byte, across two exports", async () => {
    const { parent, article, exportTo } = await setUp();
    const usersFolder = await makeUsersFolder(parent);
    const before = await snapshot(usersFolder);
    const question = answering('replace');

    expect(await exportTo(article, question.options)).toBe(join(parent, `${slug}-2`));
    expect(question.asked).toEqual([]);
    expect(await exportTo(article, question.options)).toBe(join(parent, `${slug}-2`));
    // Only the second export found an earlier one of ours, and only that one was asked about.
    expect(question.asked).toEqual([join(parent, `${slug}-2`)]);

    expect(await snapshot(usersFolder)).toEqual(before);
    expect(Object.keys(before)).toEqual(['ghi-chu.txt', `images/${slug}-1.jpg`, 'index.html']);
    expect((await readdir(parent)).sort()).toEqual([slug, `${slug}-2`]);
  });

  it('writes beside its earlier export, as the next free <slug>-n, when the user keeps both', async () => {
    const { parent, article, exportTo } = await setUp();
    const usersFolder = await makeUsersFolder(parent);
    const before = await snapshot(usersFolder);
    await exportTo(article);
    const earlier = await snapshot(join(parent, `${slug}-2`));

    expect(await exportTo(article, answering('keep-both').options)).toBe(join(parent, `${slug}-3`));
    expect(await snapshot(join(parent, `${slug}-2`))).toEqual(earlier);
    expect(await snapshot(usersFolder)).toEqual(before);
  });

  it('replaces its own earlier export of the same article with the new text once the user agrees', async () => {
    const { parent, article, exportTo } = await setUp();
    await exportTo(article);
    const question = answering('replace');
    const edited = { ...article, sapo: 'Sapo đã sửa sau khi xuất lần đầu.' };

    expect(await exportTo(edited, question.options)).toBe(join(parent, slug));
    expect(question.asked).toEqual([join(parent, slug)]);
    expect(await readFile(join(parent, slug, 'index.html'), 'utf8')).toContain('Sapo đã sửa sau khi xuất lần đầu.');
    expect(await readdir(parent)).toEqual([slug]);
  });

  it('leaves the earlier export unchanged and writes nothing when the user cancels', async () => {
    const { parent, article, exportTo } = await setUp();
    await exportTo(article);
    const earlier = await snapshot(join(parent, slug));

    expect(await exportTo({ ...article, sapo: 'Sapo khác.' }, answering('cancel').options)).toBeNull();
    expect(await snapshot(join(parent, slug))).toEqual(earlier);
    expect(await readdir(parent)).toEqual([slug]);
  });

  it('keeps both without asking when no one can be asked', async () => {
    const { parent, article, media } = await setUp();
    expect(await writeExportFolder(article, parent, { media, settings })).toBe(join(parent, slug));
    expect(await writeExportFolder(article, parent, { media, settings })).toBe(join(parent, `${slug}-2`));
  });

  it('never replaces an export of another article with the same title, and does not ask', async () => {
    const { parent, article, exportTo } = await setUp();
    await exportTo({ ...article, id: 'another-article-0002' });
    const others = await snapshot(join(parent, slug));
    const question = answering('replace');

    expect(await exportTo(article, question.options)).toBe(join(parent, `${slug}-2`));
    expect(question.asked).toEqual([]);
    expect(await snapshot(join(parent, slug))).toEqual(others);
  });

  it('never replaces its earlier export once someone has put a file of their own into it', async () => {
    const { parent, article, exportTo } = await setUp();
    await exportTo(article);
    await writeFile(join(parent, slug, 'images', 'anh-them.jpg'), await twoColourJpeg({ width: 100, height: 50 }));
    const touched = await snapshot(join(parent, slug));
    const question = answering('replace');

    expect(await exportTo(article, question.options)).toBe(join(parent, `${slug}-2`));
    expect(question.asked).toEqual([]);
    expect(await snapshot(join(parent, slug))).toEqual(touched);
  });

  it('writes to the next free <slug>-n when its earlier export gained a file of someone else while the user was being asked', async () => {
    const { parent, article, exportTo } = await setUp();
    await exportTo(article);
    const askAboutEarlierExport = async (folderPath: string): Promise<EarlierExportChoice> => {
      await writeFile(join(folderPath, 'ghi-chu.txt'), 'Viết trong lúc hộp thoại đang mở.\n');
      return 'replace';
    };

    expect(await exportTo(article, { askAboutEarlierExport })).toBe(join(parent, `${slug}-2`));
    expect(await readFile(join(parent, slug, 'ghi-chu.txt'), 'utf8')).toBe('Viết trong lúc hộp thoại đang mở.\n');
    expect((await readdir(parent)).sort()).toEqual([slug, `${slug}-2`]);
  });

  it.each([
    ['is not JSON', '{"format": "banthao-export", '],
    [
      'is of a newer version',
      JSON.stringify({ format: 'banthao-export', version: 2, articleId: 'seed-article-0001', files: ['index.html'] }),
    ],
    ['names no article', JSON.stringify({ format: 'banthao-export', version: 1, files: ['index.html'] })],
    ['is some other program’s', JSON.stringify({ format: 'other-app', version: 1, articleId: 'seed-article-0001', files: ['index.html'] })],
  ])('treats a folder whose marker %s as not its own', async (_, marker) => {
    const { parent, article, exportTo } = await setUp();
    await exportTo(article);
    await writeFile(join(parent, slug, exportFolderMarkerName), marker);
    const damaged = await snapshot(join(parent, slug));
    const question = answering('replace');

    expect(await exportTo(article, question.options)).toBe(join(parent, `${slug}-2`));
    expect(question.asked).toEqual([]);
    expect(await snapshot(join(parent, slug))).toEqual(damaged);
  });

  it('writes the marker, naming the article and every file it wrote, into every export', async () => {
    const { parent, article, exportTo } = await setUp();
    await makeUsersFolder(parent);
    for (const folder of [await exportTo(article), await exportTo(article, answering('keep-both').options)]) {
      expect(await listFilesUnder(folder!)).toEqual([exportFolderMarkerName, `images/${slug}-1.jpg`, 'index.html']);
      expect(JSON.parse(await readFile(join(folder!, exportFolderMarkerName), 'utf8'))).toEqual({
        format: 'banthao-export',
        version: 1,
        articleId: article.id,
        files: ['index.html', `images/${slug}-1.jpg`],
      });
    }
  });

  it('leaves the earlier export in place and no temp folder behind when the new one fails half-way', async () => {
    const { parent, article, exportTo } = await setUp();
    await exportTo(article);
    const earlier = await snapshot(join(parent, slug));
    const missingPhoto = { ...article, body: { type: 'doc', content: [...(article.body.content ?? []), figure('b'.repeat(64), [])] } };

    await expect(exportTo(missingPhoto)).rejects.toMatchObject({ code: 'not-found' });
    expect(await snapshot(join(parent, slug))).toEqual(earlier);
    expect(await readdir(parent)).toEqual([slug]);
  });

  it('puts back an earlier export a crash left set aside mid-replace, then asks about it as usual', async () => {
    const { parent, article, exportTo } = await setUp();
    await exportTo(article);
    const earlier = await snapshot(join(parent, slug));
    // A crash between setting the earlier export aside and renaming the new one into place leaves both hidden.
    await rename(join(parent, slug), join(parent, `.${slug}.0123456789ab.previous`));
    await mkdir(join(parent, `.${slug}.ba9876543210.tmp`));

    const { asked, options } = answering('keep-both');
    const written = await exportTo({ ...article, sapo: 'Sapo mới' }, options);
    expect(asked).toEqual([join(parent, slug)]);
    expect(await snapshot(join(parent, slug))).toEqual(earlier);
    expect(written).toBe(join(parent, `${slug}-2`));
  });
});

describe('article:exportFolder', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('reports the export cancelled when the user cancels replacing the earlier one', async () => {
    const root = await temporaryDirectory();
    const parent = join(root, 'exports');
    await mkdir(parent);
    const { handlers, store } = await createTestHandlers(join(root, 'data'), { exportFolder: parent, earlierExport: 'cancel' });
    const article = await store.create();
    await handlers['article:save']({ id: article.id, baseRevision: article.revision, content: sampleContent() });

    expect(await handlers['article:exportFolder']({ id: article.id })).toEqual({ status: 'saved', path: join(parent, 'hoi-nghi-so-ket') });
    expect(await handlers['article:exportFolder']({ id: article.id })).toEqual({ status: 'cancelled' });
    expect(await readdir(parent)).toEqual(['hoi-nghi-so-ket']);
  });
});
