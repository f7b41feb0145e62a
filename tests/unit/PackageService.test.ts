import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { receiveMessages } from '../../electron/main/application/PackageService';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import { articleContentSchema } from '../../shared/articleModel';
import { bodyWithPhoto } from '../support/bodyWithPhoto';
import { manualClock, openTestSession, type TestSession } from '../support/openTestSession';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { twoColourJpeg } from './media/photoFixtures';
import { openPackageLibrary } from '../support/openPackageLibrary';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Every file of the library's articles and photos with the SHA-256 of its bytes, by path. */
async function hashLibrary(dataDirectory: string): Promise<Map<string, string>> {
  const layout = libraryLayout(dataDirectory).library;
  const files = new Map<string, string>();
  for (const folder of [layout.articles, layout.media]) {
    for (const entry of await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => [])) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      files.set(relative(dataDirectory, path), sha256(await readFile(path)));
    }
  }
  return files;
}

async function versionIds(session: TestSession, id: string): Promise<string[]> {
  return (await session.handlers['version:list']({ id })).map((version) => version.id).sort();
}

describe('PackageService: sending and receiving review packages between two libraries', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('creates, updates, leaves unchanged, keeps both sides of a conflict and refuses a hostile package', async () => {
    const clock = manualClock();
    const reporter = await openPackageLibrary(temporaryDirectory, { userName: 'Ngọc Sơn', userRole: 'reporter' }, clock);
    const editor = await openPackageLibrary(temporaryDirectory, { userName: 'Minh Anh', userRole: 'editor' }, clock);

    // The reporter writes an article with a photo, keeps a version, submits it and leaves a comment.
    const photo = await reporter.handlers['media:importBytes']({ fileName: 'cau-rong.jpg', bytes: new Uint8Array(await twoColourJpeg()) });
    const created = await reporter.handlers['article:create']({});
    const id = created.id;
    const content = articleContentSchema.parse(created);
    const saved = await reporter.handlers['article:save']({
      id,
      baseRevision: created.revision,
      content: { ...content, title: 'Cầu Rồng phun lửa', body: bodyWithPhoto(photo.id), coverMediaId: photo.id },
    });
    await reporter.handlers['version:save']({ id, label: 'Bản đầu' });
    clock.advanceMinutes(2);
    await reporter.handlers['article:move']({ id, baseRevision: saved.revision, to: 'submitted', note: 'Nhờ chị duyệt' });
    await reporter.handlers['comment:start']({ id, text: 'Ảnh đã xin phép', quote: 'Cầu Rồng' });
    await reporter.settle();
    const firstPackage = await reporter.send(id);
    expect(firstPackage).toMatch(/cau-rong-phun-lua\.banthao$/);

    // The editor's empty library receives it: the same article, history, comments, versions and photo.
    clock.advanceMinutes(5);
    const received = await editor.open(firstPackage);
    expect(received).toEqual({ status: 'created', articleId: id, title: 'Cầu Rồng phun lửa', message: receiveMessages.created });
    await editor.settle();
    const atEditor = await editor.handlers['article:get']({ id });
    expect(atEditor).toMatchObject({ title: 'Cầu Rồng phun lửa', status: 'submitted', coverMediaId: photo.id, trashedAt: null });
    expect(await editor.handlers['article:history']({ id })).toEqual(await reporter.handlers['article:history']({ id }));
    expect(await editor.handlers['comment:list']({ id })).toEqual(await reporter.handlers['comment:list']({ id }));
    // The receiver takes no version of its own: both libraries hold the same versions, the newest the text sent.
    expect(await versionIds(editor.session, id)).toEqual(await versionIds(reporter.session, id));
    expect((await editor.handlers['version:list']({ id }))[0]).toMatchObject({ reason: 'status', by: { name: 'Ngọc Sơn' } });
    expect(await editor.handlers['media:get']({ id: photo.id })).toMatchObject({ id: photo.id });
    expect((await editor.handlers['library:search']({ query: 'cau rong', scope: 'active' })).ids).toEqual([id]);

    // The editor requests changes with a comment and sends it back.
    clock.advanceMinutes(5);
    await editor.handlers['article:move']({ id, baseRevision: atEditor.revision, to: 'changesRequested', note: 'Thêm nguồn' });
    await editor.handlers['comment:start']({ id, text: 'Nguồn số liệu?', quote: 'Cầu Rồng' });
    await editor.settle();
    const backPackage = await editor.send(id);

    // The reporter receives it: brought up to the editor's copy, records added, none of its own files rewritten.
    const reporterFilesBefore = await hashLibrary(reporter.dataDirectory);
    const reporterArticleBefore = await reporter.handlers['article:get']({ id });
    clock.advanceMinutes(5);
    const bytes = new Uint8Array(await readFile(backPackage));
    const updated = await reporter.handlers['package:receiveBytes']({ fileName: 'cau-rong-phun-lua.banthao', bytes });
    expect(updated).toEqual({ status: 'updated', articleId: id, title: 'Cầu Rồng phun lửa', message: receiveMessages.updated });
    await reporter.settle();
    const atReporter = await reporter.handlers['article:get']({ id });
    expect(atReporter).toMatchObject({ status: 'changesRequested', revision: reporterArticleBefore.revision + 1 });
    expect(atReporter.lastMove).toMatchObject({ to: 'changesRequested', by: { name: 'Minh Anh' } });
    const threads = await reporter.handlers['comment:list']({ id });
    expect(threads.flatMap((thread) => thread.comments.map((comment) => comment.text))).toContain('Nguồn số liệu?');
    expect(await reporter.handlers['article:history']({ id })).toEqual(await editor.handlers['article:history']({ id }));
    const reporterFilesAfter = await hashLibrary(reporter.dataDirectory);
    const recordsFolder = relative(reporter.dataDirectory, libraryLayout(reporter.dataDirectory).library.articleRecords(id));
    for (const [path, hash] of reporterFilesBefore) {
      if (path.startsWith(`${recordsFolder}${sep}`)) expect(reporterFilesAfter.get(path), path).toBe(hash);
    }
    const [newest] = await reporter.handlers['version:list']({ id });
    expect(newest).toMatchObject({ reason: 'status', status: 'changesRequested', by: { name: 'Minh Anh' } });
    expect(await versionIds(reporter.session, id)).toEqual(await versionIds(editor.session, id));

    // The same package again: nothing to take, nothing written.
    const beforeAgain = await hashLibrary(reporter.dataDirectory);
    expect(await reporter.open(backPackage)).toEqual({
      status: 'unchanged',
      articleId: id,
      title: 'Cầu Rồng phun lửa',
      message: receiveMessages.unchanged,
    });
    await reporter.settle();
    expect(await hashLibrary(reporter.dataDirectory)).toEqual(beforeAgain);

    // Both sides edit and keep a version: the editor's next package is a conflict; the reporter's text stays as it is,
    // the package's records are added beside it and none of the reporter's files is rewritten.
    clock.advanceMinutes(5);
    const mine = await reporter.handlers['article:save']({
      id,
      baseRevision: atReporter.revision,
      content: { ...articleContentSchema.parse(atReporter), sapo: 'Sapo của phóng viên' },
    });
    await reporter.handlers['version:save']({ id, label: 'Sửa theo góp ý' });
    const theirsBase = await editor.handlers['article:get']({ id });
    await editor.handlers['article:save']({
      id,
      baseRevision: theirsBase.revision,
      content: { ...articleContentSchema.parse(theirsBase), sapo: 'Sapo của biên tập viên' },
    });
    await editor.handlers['version:save']({ id, label: 'Biên tập' });
    await editor.settle();
    const conflictingPackage = await editor.send(id);
    await reporter.settle();
    const beforeConflict = await hashLibrary(reporter.dataDirectory);
    expect(await reporter.open(conflictingPackage)).toEqual({
      status: 'conflict',
      articleId: id,
      title: 'Cầu Rồng phun lửa',
      message: receiveMessages.conflict,
    });
    await reporter.settle();
    const afterConflict = await hashLibrary(reporter.dataDirectory);
    for (const [path, hash] of beforeConflict) expect(afterConflict.get(path), path).toBe(hash);
    expect(await reporter.handlers['article:get']({ id })).toMatchObject({ revision: mine.revision, sapo: 'Sapo của phóng viên' });
    for (const versionId of await versionIds(editor.session, id)) expect(await versionIds(reporter.session, id)).toContain(versionId);
    expect(await reporter.handlers['conflict:list']({})).toEqual([id]);

    // Bytes that are not a package: refused with the reader's message, the library untouched.
    await expect(
      reporter.handlers['package:receiveBytes']({ fileName: 'goi.banthao', bytes: new TextEncoder().encode('không phải zip') }),
    ).rejects.toMatchObject({
      code: 'invalid-package',
      message: 'Gói hỏng: tệp không phải gói bài duyệt (không phải tệp zip).',
    });
    await reporter.settle();
    expect(await hashLibrary(reporter.dataDirectory)).toEqual(afterConflict);
  });

  it('keeps the text sent as a version, so a second package from the same side is an update, not a conflict', async () => {
    const clock = manualClock();
    const reporter = await openPackageLibrary(temporaryDirectory, { userName: 'Ngọc Sơn', userRole: 'reporter' }, clock);
    const editor = await openPackageLibrary(temporaryDirectory, { userName: 'Minh Anh', userRole: 'editor' }, clock);
    const created = await reporter.handlers['article:create']({});
    const id = created.id;
    const content = articleContentSchema.parse(created);
    const draft = await reporter.handlers['article:save']({ id, baseRevision: created.revision, content: { ...content, title: 'Nháp' } });
    await reporter.settle();
    // Typed a minute later: no version of its own yet (one is taken after ten minutes of editing).
    clock.advanceMinutes(1);
    const first = await reporter.handlers['article:save']({ id, baseRevision: draft.revision, content: { ...content, title: 'Bản một' } });
    await reporter.settle();
    expect((await editor.open(await reporter.send(id))).status).toBe('created');
    // Sending took a version of the text sent, stamped with the sender.
    const sent = (await reporter.handlers['version:list']({ id })).filter((version) => version.reason === 'sent');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ by: { name: 'Ngọc Sơn' }, revision: first.revision });

    // The reporter goes on; the editor has typed nothing: the next package brings the editor's copy up to date.
    clock.advanceMinutes(1);
    await reporter.handlers['article:save']({ id, baseRevision: first.revision, content: { ...content, title: 'Bản hai' } });
    await reporter.settle();
    expect(await editor.open(await reporter.send(id))).toMatchObject({ status: 'updated' });
    await editor.settle();
    expect(await editor.handlers['article:get']({ id })).toMatchObject({ title: 'Bản hai' });
    expect(await versionIds(editor.session, id)).toEqual(await versionIds(reporter.session, id));
    // Sending again what was sent takes no second version.
    const before = await versionIds(reporter.session, id);
    await reporter.send(id);
    expect(await versionIds(reporter.session, id)).toEqual(before);
  });

  it('treats text typed since the newest local version as a change of this side: both changed, nothing overwritten', async () => {
    const clock = manualClock();
    const reporter = await openPackageLibrary(temporaryDirectory, { userName: 'Ngọc Sơn', userRole: 'reporter' }, clock);
    const editor = await openPackageLibrary(temporaryDirectory, { userName: 'Minh Anh', userRole: 'editor' }, clock);
    const created = await reporter.handlers['article:create']({});
    const id = created.id;
    const content = articleContentSchema.parse(created);
    const first = await reporter.handlers['article:save']({
      id,
      baseRevision: created.revision,
      content: { ...content, title: 'Bản gửi đi' },
    });
    await reporter.settle();
    expect((await editor.open(await reporter.send(id))).status).toBe('created');
    // The reporter types on after sending (no version of it: ten minutes have not passed).
    await reporter.handlers['article:save']({ id, baseRevision: first.revision, content: { ...content, title: 'Bản gõ thêm' } });
    await reporter.settle();
    const theirs = await editor.handlers['article:get']({ id });
    await editor.handlers['article:save']({ id, baseRevision: theirs.revision, content: { ...content, title: 'Bản biên tập' } });
    await editor.settle();
    clock.advanceMinutes(1);
    expect(await reporter.open(await editor.send(id))).toMatchObject({ status: 'conflict' });
    await reporter.settle();
    expect(await reporter.handlers['article:get']({ id })).toMatchObject({ title: 'Bản gõ thêm' });
    const view = await reporter.handlers['conflict:get']({ id });
    expect(view).toMatchObject({ base: { title: 'Bản gửi đi' }, mine: { title: 'Bản gõ thêm' }, theirs: { title: 'Bản biên tập' } });
  });

  it('refuses a package of an article in the local trash, and answers cancelled dialogs', async () => {
    const clock = manualClock();
    const reporter = await openPackageLibrary(temporaryDirectory, { userName: 'Ngọc Sơn', userRole: 'reporter' }, clock);
    const created = await reporter.handlers['article:create']({});
    await reporter.handlers['article:save']({
      id: created.id,
      baseRevision: created.revision,
      content: { ...articleContentSchema.parse(created), title: 'Bài bỏ đi' },
    });
    const path = await reporter.send(created.id);
    await reporter.handlers['article:trash']({ id: created.id });
    await reporter.settle();
    const before = await hashLibrary(reporter.dataDirectory);
    await expect(reporter.open(path)).rejects.toMatchObject({ code: 'package-refused', message: receiveMessages.inTrash });
    await reporter.settle();
    expect(await hashLibrary(reporter.dataDirectory)).toEqual(before);

    const cancelling = await openTestSession(await temporaryDirectory());
    expect(await cancelling.handlers['package:openFromDialog']({})).toEqual({ status: 'cancelled' });
    const other = await cancelling.handlers['article:create']({});
    expect(await cancelling.handlers['package:send']({ id: other.id })).toEqual({ status: 'cancelled' });
  });
});
