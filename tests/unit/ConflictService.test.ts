import { createHash } from 'node:crypto';
import { readdir, readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conflictMessages } from '../../electron/main/application/ConflictService';
import { receiveMessages } from '../../electron/main/application/PackageService';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import { articleContentSchema, type ArticleContent } from '../../shared/articleModel';
import type { ConflictChoices } from '../../shared/conflictModel';
import { manualClock } from '../support/openTestSession';
import { openPackageLibrary } from '../support/openPackageLibrary';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

const body = (...paragraphs: string[]): ArticleContent['body'] => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

/** Every file of the article's conflicts folder with the SHA-256 of its bytes. */
async function conflictFiles(dataDirectory: string, id: string): Promise<Map<string, string>> {
  const folder = dirname(libraryLayout(dataDirectory).library.conflictFile(id, 'x'));
  const files = new Map<string, string>();
  for (const name of await readdir(folder).catch(() => [])) {
    files.set(
      name,
      createHash('sha256')
        .update(await readFile(join(folder, name)))
        .digest('hex'),
    );
  }
  return files;
}

const keepMine: ConflictChoices = {
  title: { side: 'mine', text: null },
  sapo: { side: 'mine', text: null },
  body: { side: 'mine' },
  byline: { side: 'mine', text: null },
  credit: { side: 'mine', text: null },
  publicationDate: { side: 'mine' },
};

/** A reporter and an editor who both changed the same article since the reporter's package: the editor's comes back. */
async function twoSidesChanged(temporaryDirectory: () => Promise<string>) {
  const clock = manualClock();
  const reporter = await openPackageLibrary(temporaryDirectory, { userName: 'Ngọc Sơn', userRole: 'reporter' }, clock);
  const editor = await openPackageLibrary(temporaryDirectory, { userName: 'Minh Anh', userRole: 'editor' }, clock);
  const created = await reporter.handlers['article:create']({});
  const id = created.id;
  const common = sampleContent({ title: 'Cầu Rồng phun lửa', body: body('Đoạn một.', 'Đoạn hai.') });
  await reporter.handlers['article:save']({ id, baseRevision: created.revision, content: common });
  await reporter.handlers['version:save']({ id, label: 'Bản đầu' });
  await reporter.settle();
  clock.advanceMinutes(1);
  expect(await editor.open(await reporter.send(id))).toMatchObject({ status: 'created' });
  await editor.settle();

  // The reporter retitles; the editor rewrites the sapo, a paragraph and the credit.
  clock.advanceMinutes(1);
  const atReporter = await reporter.handlers['article:get']({ id });
  const mine = { ...common, title: 'Cầu Rồng phun lửa cuối tuần' };
  await reporter.handlers['article:save']({ id, baseRevision: atReporter.revision, content: mine });
  await reporter.handlers['version:save']({ id, label: 'Sửa tít' });
  clock.advanceMinutes(1);
  const atEditor = await editor.handlers['article:get']({ id });
  const theirs = {
    ...common,
    sapo: 'Tối thứ bảy và chủ nhật, Cầu Rồng phun lửa và phun nước.',
    body: body('Đoạn một.', 'Đoạn hai đã biên tập.'),
    photoCredit: 'Minh Anh',
  };
  await editor.handlers['article:save']({ id, baseRevision: atEditor.revision, content: theirs });
  await editor.handlers['version:save']({ id, label: 'Biên tập' });
  await reporter.settle();
  await editor.settle();
  clock.advanceMinutes(1);
  const conflictingPackage = await editor.send(id);
  return { clock, reporter, editor, id, common, mine, theirs, conflictingPackage };
}

describe('ConflictService: a received package and the local copy both changed', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('keeps both, shows three texts, is idempotent, and a merge is received as an update on both sides', async () => {
    const { clock, reporter, editor, id, common, mine, theirs, conflictingPackage } = await twoSidesChanged(temporaryDirectory);
    const before = await reporter.handlers['article:get']({ id });

    // Kept: the local text untouched, the package's versions added, one conflict record.
    expect(await reporter.open(conflictingPackage)).toEqual({
      status: 'conflict',
      articleId: id,
      title: mine.title,
      message: receiveMessages.conflict,
    });
    await reporter.settle();
    expect(await reporter.handlers['article:get']({ id })).toEqual(before);
    const editorVersionIds = (await editor.handlers['version:list']({ id })).map((version) => version.id);
    const reporterVersionIds = (await reporter.handlers['version:list']({ id })).map((version) => version.id);
    for (const versionId of editorVersionIds) expect(reporterVersionIds).toContain(versionId);
    const recorded = await conflictFiles(reporter.dataDirectory, id);
    expect(recorded.size).toBe(1);
    expect(await reporter.handlers['conflict:list']({})).toEqual([id]);

    const view = await reporter.handlers['conflict:get']({ id });
    expect(view).not.toBeNull();
    expect(view!.revision).toBe(before.revision);
    expect(view!.conflict).toMatchObject({
      articleId: id,
      sentBy: { name: 'Minh Anh', role: 'editor' },
      receivedBy: { name: 'Ngọc Sơn', role: 'reporter' },
    });
    expect(view!.base).toEqual(articleContentSchema.parse(common));
    expect(view!.mine).toEqual(articleContentSchema.parse(mine));
    expect(view!.theirs).toEqual(articleContentSchema.parse(theirs));
    expect(view!.mineDiff.fields.map((field) => field.field)).toEqual(['title']);
    expect(view!.theirsDiff.fields.map((field) => field.field)).toEqual(['sapo', 'body', 'photoCredit']);

    // The same package again: answered with the pending conflict, nothing written; sending waits for the merge.
    expect(await reporter.open(conflictingPackage)).toMatchObject({ status: 'conflict', message: receiveMessages.conflictPending });
    await reporter.settle();
    expect(await conflictFiles(reporter.dataDirectory, id)).toEqual(recorded);
    await expect(reporter.send(id)).rejects.toMatchObject({ code: 'package-refused', message: conflictMessages.sendPending });

    // A window holding an older revision is refused; so is a conflict id that is not the pending one.
    const choices: ConflictChoices = {
      ...keepMine,
      sapo: { side: 'theirs', text: 'Tối thứ bảy và chủ nhật, Cầu Rồng phun lửa.' },
      body: { side: 'theirs' },
      credit: { side: 'theirs', text: 'Minh Anh, Ngọc Sơn' },
    };
    await expect(
      reporter.handlers['conflict:resolve']({ id, conflictId: view!.conflict.id, baseRevision: before.revision - 1, choices }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      reporter.handlers['conflict:resolve']({
        id,
        conflictId: '2026-01-01T00-00-00.000Z-0001abcdef12',
        baseRevision: before.revision,
        choices,
      }),
    ).rejects.toMatchObject({ code: 'conflict', message: conflictMessages.gone });

    // Resolved with the title kept, the sapo taken and edited by hand, the body taken, the credit typed anew.
    clock.advanceMinutes(1);
    const merged = await reporter.handlers['conflict:resolve']({
      id,
      conflictId: view!.conflict.id,
      baseRevision: before.revision,
      choices,
    });
    await reporter.settle();
    expect(merged).toMatchObject({
      revision: before.revision + 1,
      status: 'draft',
      title: mine.title,
      sapo: 'Tối thứ bảy và chủ nhật, Cầu Rồng phun lửa.',
      body: theirs.body,
      bylineName: mine.bylineName,
      photoCredit: 'Minh Anh, Ngọc Sơn',
      photoCreditMode: 'manual',
    });
    expect(await reporter.handlers['article:get']({ id })).toEqual(merged);
    const [newest] = await reporter.handlers['version:list']({ id });
    expect(newest).toMatchObject({ reason: 'merge', by: { name: 'Ngọc Sơn' }, label: 'Gộp với bản trong gói của Minh Anh' });
    expect((await reporter.handlers['version:get']({ id, versionId: newest!.id })).content.sapo).toBe(merged.sapo);
    expect(await reporter.handlers['conflict:get']({ id })).toBeNull();
    expect(await reporter.handlers['conflict:list']({})).toEqual([]);
    // The resolution is a file of its own: the conflict's file is left as it was.
    const afterResolve = await conflictFiles(reporter.dataDirectory, id);
    expect(afterResolve.size).toBe(2);
    for (const [name, hash] of recorded) expect(afterResolve.get(name)).toBe(hash);
    expect((await reporter.handlers['library:search']({ query: 'phun lua', scope: 'active' })).ids).toEqual([id]);

    // The merge descends from both sides: the editor takes it as an update, and an old package changes nothing here.
    clock.advanceMinutes(1);
    expect(await editor.open(await reporter.send(id))).toMatchObject({ status: 'updated' });
    await editor.settle();
    expect(await editor.handlers['article:get']({ id })).toMatchObject({ title: merged.title, sapo: merged.sapo, body: merged.body });
    expect(await reporter.open(conflictingPackage)).toMatchObject({ status: 'unchanged' });

    // And back: the editor edits on from the merge, the reporter takes it as an update.
    clock.advanceMinutes(1);
    const atEditor = await editor.handlers['article:get']({ id });
    await editor.handlers['article:save']({
      id,
      baseRevision: atEditor.revision,
      content: { ...articleContentSchema.parse(atEditor), title: 'Cầu Rồng phun lửa cuối tuần này' },
    });
    await editor.handlers['version:save']({ id, label: 'Sau khi gộp' });
    await editor.settle();
    clock.advanceMinutes(1);
    expect(await reporter.open(await editor.send(id))).toMatchObject({ status: 'updated' });
    expect(await reporter.handlers['article:get']({ id })).toMatchObject({ title: 'Cầu Rồng phun lửa cuối tuần này' });
  });

  it('keeps a newer package over the pending conflict with the same base, and one resolution settles both', async () => {
    const { clock, reporter, editor, id, common, conflictingPackage } = await twoSidesChanged(temporaryDirectory);
    expect(await reporter.open(conflictingPackage)).toMatchObject({ status: 'conflict' });
    const first = (await reporter.handlers['conflict:get']({ id }))!;

    clock.advanceMinutes(1);
    const atEditor = await editor.handlers['article:get']({ id });
    await editor.handlers['article:save']({
      id,
      baseRevision: atEditor.revision,
      content: { ...articleContentSchema.parse(atEditor), sapo: 'Sapo lần hai.' },
    });
    await editor.handlers['version:save']({ id, label: 'Biên tập lần hai' });
    await editor.settle();
    expect(await reporter.open(await editor.send(id))).toMatchObject({ status: 'conflict', message: receiveMessages.conflict });
    const second = (await reporter.handlers['conflict:get']({ id }))!;
    expect(second.conflict.id).not.toBe(first.conflict.id);
    expect(second.conflict.baseVersionId).toBe(first.conflict.baseVersionId);
    expect(second.base).toEqual(articleContentSchema.parse(common));
    expect(second.theirs.sapo).toBe('Sapo lần hai.');

    await reporter.handlers['conflict:resolve']({
      id,
      conflictId: second.conflict.id,
      baseRevision: second.revision,
      choices: { ...keepMine, sapo: { side: 'theirs', text: null } },
    });
    expect(await reporter.handlers['conflict:get']({ id })).toBeNull();
    expect(await reporter.handlers['article:get']({ id })).toMatchObject({ sapo: 'Sapo lần hai.', title: 'Cầu Rồng phun lửa cuối tuần' });
  });

  it('refuses to resolve over approved text (merging is editing) and receiving into the trash', async () => {
    const { reporter, id, conflictingPackage } = await twoSidesChanged(temporaryDirectory);
    expect(await reporter.open(conflictingPackage)).toMatchObject({ status: 'conflict' });
    await reporter.handlers['settings:update']({ userName: 'Hồng Nhung', userRole: 'managingEditor' });
    let article = await reporter.handlers['article:get']({ id });
    for (const to of ['submitted', 'approved'] as const) {
      article = await reporter.handlers['article:move']({ id, baseRevision: article.revision, to, note: '' });
    }
    const view = (await reporter.handlers['conflict:get']({ id }))!;
    await expect(
      reporter.handlers['conflict:resolve']({ id, conflictId: view.conflict.id, baseRevision: view.revision, choices: keepMine }),
    ).rejects.toMatchObject({ code: 'article-locked', message: conflictMessages.locked });

    // Back to draft, as "Sửa bài" does: then it resolves.
    article = await reporter.handlers['article:move']({ id, baseRevision: article.revision, to: 'draft', note: '' });
    const resolved = await reporter.handlers['conflict:resolve']({
      id,
      conflictId: view.conflict.id,
      baseRevision: article.revision,
      choices: keepMine,
    });
    expect(resolved.status).toBe('draft');

    await reporter.handlers['article:trash']({ id });
    await expect(reporter.open(conflictingPackage)).rejects.toMatchObject({ code: 'package-refused', message: receiveMessages.inTrash });
  });

  it('looks again at only the articles a sync named: their records taken out or brought back change the count', async () => {
    const { reporter, id, conflictingPackage } = await twoSidesChanged(temporaryDirectory);
    expect(await reporter.open(conflictingPackage)).toMatchObject({ status: 'conflict' });
    expect(await reporter.handlers['conflict:list']({})).toEqual([id]);
    const folder = dirname(libraryLayout(reporter.dataDirectory).library.conflictFile(id, 'x'));
    const refresh = (ids: string[]) => reporter.session.run((application) => application.conflicts.refreshPending(ids));

    // The records go (as a sync of the resolution elsewhere would take them): gone from the count once the article is named.
    await rename(folder, `${folder}-aside`);
    await refresh(['another-article']);
    expect(await reporter.handlers['conflict:list']({})).toEqual([id]);
    await refresh([id]);
    expect(await reporter.handlers['conflict:list']({})).toEqual([]);

    // And they come back (as a sync brings a conflict kept on another machine).
    await rename(`${folder}-aside`, folder);
    await refresh([id]);
    expect(await reporter.handlers['conflict:list']({})).toEqual([id]);
  });
});
