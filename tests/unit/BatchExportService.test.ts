import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dialogs, EarlierExportChoice } from '../../electron/main/application/Dialogs';
import type { BatchExportForm, BatchExportOutcome } from '../../shared/batchExportModel';
import { exportFileName } from '../../shared/exportFileName';
import { bodyWithPhoto } from '../support/bodyWithPhoto';
import { cannedDialogs, openTestSession } from '../support/openTestSession';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { listFilesUnder, twoColourJpeg } from './media/photoFixtures';

/** The items of a finished batch (fails the test when the batch was cancelled before it began). */
function itemsOf(outcome: BatchExportOutcome) {
  if (outcome.status !== 'done') throw new Error('the batch was cancelled');
  return outcome.items;
}

describe('BatchExportService', () => {
  const temporaryDirectory = useTemporaryDirectories();

  /**
   * A library whose articles are given by title (each with one photo), an empty folder to export into, and dialogs
   * choosing it; `existing` answers the question about files already there, recording what it was asked.
   */
  async function setUp(titles: readonly string[], existing: EarlierExportChoice = 'keep-both') {
    const root = await temporaryDirectory();
    const output = join(root, 'xuat');
    await mkdir(output);
    const asked: string[][] = [];
    const dialogs: Dialogs = {
      ...cannedDialogs({ exportFolder: output }),
      askAboutExistingExports: async (_folder, names) => {
        asked.push([...names]);
        return existing;
      },
    };
    const session = await openTestSession(join(root, 'data'), { dialogs });
    const { handlers } = session;
    const photo = await handlers['media:importBytes']({ fileName: 'anh.jpg', bytes: new Uint8Array(await twoColourJpeg()) });
    const ids: string[] = [];
    for (const title of titles) {
      const article = await handlers['article:create']({});
      const content = sampleContent({ title, sapo: '', body: bodyWithPhoto(photo.id) });
      await handlers['article:save']({ id: article.id, baseRevision: article.revision, content });
      ids.push(article.id);
    }
    const exportAll = (form: BatchExportForm = 'html') => handlers['batch:export']({ ids, form });
    return { root, output, ids, asked, session, handlers, photoId: photo.id, exportAll };
  }

  it('exports the good articles of a batch and records the broken one with its message, the preflight notes beside each', async () => {
    const { root, output, ids, handlers, exportAll } = await setUp(['Hội nghị sơ kết', 'Bài hỏng ảnh', 'Đại hội Chi bộ']);
    // The second article's photo is gone from the library (a broken article): its export cannot be made.
    const brokenPhoto = await handlers['media:importBytes']({
      fileName: 'hong.jpg',
      bytes: new Uint8Array(await twoColourJpeg({ width: 200 })),
    });
    const broken = await handlers['article:get']({ id: ids[1]! });
    await handlers['article:save']({
      id: broken.id,
      baseRevision: broken.revision,
      content: sampleContent({ title: broken.title, sapo: '', body: bodyWithPhoto(brokenPhoto.id) }),
    });
    for (const file of await listFilesUnder(join(root, 'data'))) {
      if (file.includes(brokenPhoto.id)) await rm(join(root, 'data', file));
    }

    const items = itemsOf(await exportAll('html'));

    expect(items.map((item) => item.status)).toEqual(['exported', 'failed', 'exported']);
    expect(items[1]).toMatchObject({ status: 'failed', id: ids[1], title: 'Bài hỏng ảnh' });
    const failure = items[1]!.status === 'failed' ? items[1]!.message : '';
    expect(failure).not.toBe('');
    expect(failure).not.toContain(root);
    // Not blocking, but shown: every article lacks its sapo.
    for (const item of items) expect(item.notes).toContain('Bài chưa có sapo.');
    expect((await readdir(output)).sort()).toEqual(['dai-hoi-chi-bo.html', 'hoi-nghi-so-ket.html']);
    expect(await readFile(join(output, 'hoi-nghi-so-ket.html'), 'utf8')).toContain('<h1');
  });

  it('takes an export version of each exported article, as a single export does', async () => {
    const { ids, handlers, exportAll } = await setUp(['Hội nghị sơ kết', 'Đại hội Chi bộ']);
    itemsOf(await exportAll('docx'));
    for (const id of ids) {
      const versions = await handlers['version:list']({ id });
      expect(versions.filter((version) => version.reason === 'export')).toHaveLength(1);
    }
  });

  it('gives articles of the same title distinct names: <slug>, <slug>-2, <slug>-3', async () => {
    const { output, exportAll } = await setUp(['Hội nghị sơ kết', 'Hội nghị sơ kết', 'Hội Nghị Sơ Kết']);
    const items = itemsOf(await exportAll('docx'));
    expect(items.map((item) => (item.status === 'exported' ? item.fileName : item.status))).toEqual([
      'hoi-nghi-so-ket.docx',
      'hoi-nghi-so-ket-2.docx',
      'hoi-nghi-so-ket-3.docx',
    ]);
    expect((await readdir(output)).sort()).toEqual(['hoi-nghi-so-ket-2.docx', 'hoi-nghi-so-ket-3.docx', 'hoi-nghi-so-ket.docx']);
  });

  it('gives articles of the same title distinct folders in the folder form', async () => {
    const { output, exportAll } = await setUp(['Hội nghị sơ kết', 'Hội nghị sơ kết']);
    const items = itemsOf(await exportAll('folder'));
    expect(items.map((item) => (item.status === 'exported' ? item.fileName : item.status))).toEqual([
      'hoi-nghi-so-ket',
      'hoi-nghi-so-ket-2',
    ]);
    expect((await readdir(output)).sort()).toEqual(['hoi-nghi-so-ket', 'hoi-nghi-so-ket-2']);
    expect(await readdir(join(output, 'hoi-nghi-so-ket-2'))).toContain('index.html');
  });

  it('asks once about files already in the folder and keeps both when told so', async () => {
    const { output, asked, exportAll } = await setUp(['Hội nghị sơ kết', 'Đại hội Chi bộ'], 'keep-both');
    await writeFile(join(output, 'hoi-nghi-so-ket.html'), 'bản của tôi');
    await writeFile(join(output, 'dai-hoi-chi-bo.html'), 'bản khác');
    const items = itemsOf(await exportAll('html'));
    expect(asked).toEqual([['hoi-nghi-so-ket.html', 'dai-hoi-chi-bo.html']]);
    expect(items.map((item) => (item.status === 'exported' ? item.fileName : item.status))).toEqual([
      'hoi-nghi-so-ket-2.html',
      'dai-hoi-chi-bo-2.html',
    ]);
    expect(await readFile(join(output, 'hoi-nghi-so-ket.html'), 'utf8')).toBe('bản của tôi');
    expect(await readFile(join(output, 'dai-hoi-chi-bo.html'), 'utf8')).toBe('bản khác');
  });

  it('replaces the files already there only when told so', async () => {
    const { output, asked, exportAll } = await setUp(['Hội nghị sơ kết'], 'replace');
    await writeFile(join(output, 'hoi-nghi-so-ket.html'), 'bản cũ');
    const items = itemsOf(await exportAll('html'));
    expect(asked).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'exported', fileName: 'hoi-nghi-so-ket.html' });
    expect(await readFile(join(output, 'hoi-nghi-so-ket.html'), 'utf8')).toContain('<h1>Hội nghị sơ kết</h1>');
    expect(await readdir(output)).toEqual(['hoi-nghi-so-ket.html']);
  });

  it('writes nothing when the question about existing files is answered "Hủy"', async () => {
    const { output, exportAll } = await setUp(['Hội nghị sơ kết', 'Đại hội Chi bộ'], 'cancel');
    await writeFile(join(output, 'hoi-nghi-so-ket.html'), 'bản cũ');
    expect(await exportAll('html')).toEqual({ status: 'cancelled' });
    expect(await readdir(output)).toEqual(['hoi-nghi-so-ket.html']);
    expect(await readFile(join(output, 'hoi-nghi-so-ket.html'), 'utf8')).toBe('bản cũ');
  });

  it('stops after the article under way when cancelled, leaving only finished files and no temp file', async () => {
    const { output, session, handlers, exportAll } = await setUp(['Bài một', 'Bài hai', 'Bài ba', 'Bài bốn']);
    const application = await session.application();
    const progressSeen: unknown[] = [];
    // "Hủy" pressed as the first article is announced: the batch stops before the next one.
    const unsubscribe = application.events.subscribe((change) => {
      if (change.kind !== 'article-exported') return;
      progressSeen.push(application.batchExports.progress());
      if (progressSeen.length === 1) void handlers['batch:cancel']({});
    });
    let outcome: BatchExportOutcome;
    try {
      outcome = await exportAll('html');
    } finally {
      unsubscribe();
    }
    expect(outcome).toMatchObject({ status: 'done', cancelled: true });
    const items = itemsOf(outcome);
    expect(items.map((item) => item.status)).toEqual(['exported', 'skipped', 'skipped', 'skipped']);
    expect(progressSeen[0]).toEqual({ done: 0, total: 4, currentTitle: 'Bài một' });
    expect(await readdir(output)).toEqual([exportFileName({ title: 'Bài một' }, 'html')]);
    expect(await handlers['batch:progress']({})).toBeNull();
  });

  it('drops the article under way when cancelled while it renders: no file of it, no temp file', async () => {
    const { output, session, handlers, exportAll } = await setUp(['Bài một', 'Bài hai', 'Bài ba']);
    const { media } = (await session.application()).library;
    const render = media.renderWebImage.bind(media);
    let renders = 0;
    // "Hủy" pressed while the second article's photo is being web-sized.
    media.renderWebImage = async (id, options) => {
      renders += 1;
      if (renders === 2) await handlers['batch:cancel']({});
      return render(id, options);
    };
    const items = itemsOf(await exportAll('docx'));
    expect(items.map((item) => item.status)).toEqual(['exported', 'skipped', 'skipped']);
    expect(await readdir(output)).toEqual(['bai-mot.docx']);
  });

  it('answers "cancelled" and writes nothing when no folder is chosen', async () => {
    const root = await temporaryDirectory();
    const session = await openTestSession(join(root, 'data'));
    const article = await session.handlers['article:create']({});
    expect(await session.handlers['batch:export']({ ids: [article.id], form: 'html' })).toEqual({ status: 'cancelled' });
    expect(await session.handlers['batch:progress']({})).toBeNull();
  });

  it('"Mở thư mục" opens only the folder of the last batch, and nothing before a batch has run', async () => {
    const root = await temporaryDirectory();
    const first = join(root, 'xuat-1');
    const second = join(root, 'xuat-2');
    await mkdir(first);
    await mkdir(second);
    const openedFolders: string[] = [];
    let folder = first;
    const dialogs: Dialogs = { ...cannedDialogs({ openedFolders }), chooseExportFolder: async () => folder };
    const session = await openTestSession(join(root, 'data'), { dialogs });
    const article = await session.handlers['article:create']({});
    await session.handlers['article:save']({ id: article.id, baseRevision: article.revision, content: sampleContent({ title: 'Tin' }) });

    expect(await session.handlers['batch:openFolder']({})).toEqual({ opened: false });
    expect(openedFolders).toEqual([]);
    await session.handlers['batch:export']({ ids: [article.id], form: 'html' });
    expect(await session.handlers['batch:openFolder']({})).toEqual({ opened: true });
    folder = second;
    await session.handlers['batch:export']({ ids: [article.id], form: 'docx' });
    expect(await session.handlers['batch:openFolder']({})).toEqual({ opened: true });
    // Each time the folder that batch wrote into (a request naming a path is refused at the channel: ipcContract.test).
    expect(openedFolders).toEqual([first, second]);
  });
});
