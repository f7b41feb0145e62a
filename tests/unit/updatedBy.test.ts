import { describe, expect, it } from 'vitest';
import type { Identity } from '../../shared/identity';
import type { HandlerTable } from '../../shared/ipcContract';
import { openPackageLibrary } from '../support/openPackageLibrary';
import { manualClock, openTestSession } from '../support/openTestSession';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

const reporter: Identity = { name: 'Ngọc Sơn', role: 'reporter' };
const editor: Identity = { name: 'Thu Hà', role: 'editor' };
const managingEditor: Identity = { name: 'Văn Đốc', role: 'managingEditor' };

/** Acts as someone else on this machine (attribution only: the name and role come from Cài đặt). */
const actAs = (handlers: HandlerTable, who: Identity) => handlers['settings:update']({ userName: who.name, userRole: who.role });

/** What the article file and the library's row both say about its last change. */
async function lastChangeOf(handlers: HandlerTable, id: string, scope: 'active' | 'trash' = 'active') {
  const article = await handlers['article:get']({ id });
  const row = (await handlers['library:list']({ scope })).find((summary) => summary.id === id);
  expect(row?.updatedBy, 'the row says what the file says').toEqual(article.updatedBy);
  return article.updatedBy;
}

describe('who last changed an article (updatedBy)', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('is stamped by every change with whoever the settings name at that moment', async () => {
    const session = await openTestSession(await temporaryDirectory());
    const { handlers } = session;
    await actAs(handlers, reporter);
    const created = await handlers['article:create']({});
    const id = created.id;
    expect(created.updatedBy).toEqual(reporter);

    await actAs(handlers, editor);
    const saved = await handlers['article:save']({ id, baseRevision: created.revision, content: sampleContent({ title: 'Hội nghị' }) });
    expect(await lastChangeOf(handlers, id)).toEqual(editor);

    await actAs(handlers, reporter);
    const moved = await handlers['article:move']({ id, baseRevision: saved.revision, to: 'submitted', note: '' });
    expect(moved.updatedBy).toEqual(reporter);
    expect(await lastChangeOf(handlers, id)).toEqual(reporter);

    await actAs(handlers, managingEditor);
    await handlers['article:trash']({ id });
    expect(await lastChangeOf(handlers, id, 'trash')).toEqual(managingEditor);
    await actAs(handlers, editor);
    const restored = await handlers['article:restore']({ id });
    expect(restored.updatedBy).toEqual(editor);
    expect(await lastChangeOf(handlers, id)).toEqual(editor);

    // A copy is a new draft of whoever made it, as changed last by them.
    await actAs(handlers, managingEditor);
    const copy = await handlers['article:duplicate']({ id });
    expect(copy).toMatchObject({ createdBy: managingEditor, updatedBy: managingEditor });
    expect(await lastChangeOf(handlers, id)).toEqual(editor);
    await session.flush();
  });

  it('is stamped by restoring a version, and is null for a save while no one is named', async () => {
    const session = await openTestSession(await temporaryDirectory());
    const { handlers } = session;
    const created = await handlers['article:create']({});
    expect(created).toMatchObject({ createdBy: null, updatedBy: null });
    const first = await handlers['article:save']({
      id: created.id,
      baseRevision: created.revision,
      content: sampleContent({ title: 'Một' }),
    });
    expect(await lastChangeOf(handlers, created.id)).toBeNull();
    const version = await handlers['version:save']({ id: created.id, label: 'Bản một' });

    await actAs(handlers, reporter);
    const second = await handlers['article:save']({
      id: created.id,
      baseRevision: first.revision,
      content: sampleContent({ title: 'Hai' }),
    });
    expect(await lastChangeOf(handlers, created.id)).toEqual(reporter);
    await actAs(handlers, editor);
    const restored = await handlers['version:restore']({ id: created.id, versionId: version.id, baseRevision: second.revision });
    expect(restored).toMatchObject({ title: 'Một', updatedBy: editor });
    await session.flush();
  });

  it('keeps the sender’s on a received package, and stamps whoever settles a conflict', async () => {
    const clock = manualClock();
    const atReporter = await openPackageLibrary(temporaryDirectory, { userName: reporter.name, userRole: reporter.role }, clock);
    const atEditor = await openPackageLibrary(temporaryDirectory, { userName: editor.name, userRole: editor.role }, clock);
    const created = await atReporter.handlers['article:create']({});
    const id = created.id;
    const common = sampleContent({ title: 'Cầu Rồng phun lửa' });
    await atReporter.handlers['article:save']({ id, baseRevision: created.revision, content: common });
    await atReporter.handlers['version:save']({ id, label: 'Bản đầu' });
    await atReporter.settle();

    // A new article from the package: the reporter's change, though the editor's library wrote it.
    clock.advanceMinutes(1);
    expect(await atEditor.open(await atReporter.send(id))).toMatchObject({ status: 'created' });
    await atEditor.settle();
    expect(await lastChangeOf(atEditor.handlers, id)).toEqual(reporter);

    // The editor's change comes back whole: the reporter's copy says the editor changed it.
    clock.advanceMinutes(1);
    const received = await atEditor.handlers['article:get']({ id });
    await atEditor.handlers['article:save']({ id, baseRevision: received.revision, content: { ...common, sapo: 'Sapo đã biên tập.' } });
    await atEditor.handlers['version:save']({ id, label: 'Biên tập' });
    await atEditor.settle();
    clock.advanceMinutes(1);
    expect(await atReporter.open(await atEditor.send(id))).toMatchObject({ status: 'updated' });
    await atReporter.settle();
    expect(await lastChangeOf(atReporter.handlers, id)).toEqual(editor);

    // Both change it: the package is kept as a conflict (nothing taken), and whoever merges is the last to change it.
    clock.advanceMinutes(1);
    const mine = await atReporter.handlers['article:get']({ id });
    await atReporter.handlers['article:save']({ id, baseRevision: mine.revision, content: { ...common, title: 'Tít của phóng viên' } });
    await atReporter.handlers['version:save']({ id, label: 'Sửa tít' });
    const theirs = await atEditor.handlers['article:get']({ id });
    await atEditor.handlers['article:save']({ id, baseRevision: theirs.revision, content: { ...common, title: 'Tít của biên tập' } });
    await atEditor.handlers['version:save']({ id, label: 'Sửa tít' });
    await atReporter.settle();
    await atEditor.settle();
    clock.advanceMinutes(1);
    expect(await atReporter.open(await atEditor.send(id))).toMatchObject({ status: 'conflict' });
    await atReporter.settle();
    expect(await lastChangeOf(atReporter.handlers, id)).toEqual(reporter);
    await actAs(atReporter.handlers, managingEditor);
    const view = (await atReporter.handlers['conflict:get']({ id }))!;
    const merged = await atReporter.handlers['conflict:resolve']({
      id,
      conflictId: view.conflict.id,
      baseRevision: view.revision,
      choices: {
        title: { side: 'theirs', text: null },
        sapo: { side: 'mine', text: null },
        body: { side: 'mine' },
        byline: { side: 'mine', text: null },
        credit: { side: 'mine', text: null },
        publicationDate: { side: 'mine' },
      },
    });
    expect(merged).toMatchObject({ title: 'Tít của biên tập', updatedBy: managingEditor });
    await atReporter.settle();
  });
});
