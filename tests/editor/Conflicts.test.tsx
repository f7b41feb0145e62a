import { join } from 'node:path';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { installInProcessApi } from '../support/installInProcessApi';
import { cannedDialogs, openTestSession } from '../support/openTestSession';
import { sampleContent } from '../support/sampleContent';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';

const render = useRendering();

const buttonNamed = (name: string, scope: ParentNode = document) =>
  [...scope.querySelectorAll('button')].find((button) => button.textContent?.trim() === name);
const dialog = () => document.querySelector<HTMLDialogElement>('dialog.version-dialog[open]');
const section = (field: string) => dialog()?.querySelector<HTMLElement>(`.conflict-field-${field}`) ?? null;
const radio = (field: string, label: string) =>
  [...section(field)!.querySelectorAll('label.conflict-option')]
    .find((option) => option.textContent?.includes(label))!
    .querySelector('input')!;
const handEdit = (field: string) => section(field)!.querySelector<HTMLTextAreaElement>('.conflict-hand-edit textarea')!;

async function click(element: HTMLElement | undefined | null, what: string) {
  if (element === undefined || element === null) throw new Error(`No ${what}`);
  await act(async () => element.click());
}

async function typeInto(field: HTMLTextAreaElement, value: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(field, value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/**
 * The window's library (the tests' reporter) and an editor's, which both changed one article since the reporter's
 * package: the reporter retitled it, the editor rewrote the sapo. Returns the editor's package of it.
 */
async function conflictingLibraries(temporaryDirectory: () => Promise<string>) {
  let toOpen: string | null = null;
  const outbox = await temporaryDirectory();
  const library = await installInProcessApi(await temporaryDirectory(), null, {
    dialogs: { packageToOpen: () => toOpen, packagePath: (name) => join(outbox, name) },
  });
  const editorOutbox = await temporaryDirectory();
  const editor = await openTestSession(await temporaryDirectory(), {
    dialogs: cannedDialogs({ packagePath: (name) => join(editorOutbox, name), packageToOpen: () => toOpen }),
  });
  await editor.handlers['settings:update']({ userName: 'Minh Anh', userRole: 'editor' });
  const { handlers } = library;
  const created = await handlers['article:create']({});
  const id = created.id;
  const common = sampleContent({ title: 'Cầu Rồng phun lửa', sapo: 'Cầu Rồng phun lửa vào tối cuối tuần.' });
  const saved = await handlers['article:save']({ id, baseRevision: created.revision, content: common });
  await handlers['version:save']({ id, label: 'Bản đầu' });
  await library.session.flush();
  const sent = await handlers['package:send']({ id });
  if (sent.status !== 'saved') throw new Error('not sent');
  toOpen = sent.path;
  await editor.handlers['package:openFromDialog']({});
  const atEditor = await editor.handlers['article:get']({ id });
  await editor.handlers['article:save']({
    id,
    baseRevision: atEditor.revision,
    content: { ...common, sapo: 'Cầu Rồng phun lửa và phun nước vào tối thứ bảy, chủ nhật.' },
  });
  await editor.handlers['version:save']({ id, label: 'Biên tập' });
  await editor.flush();
  await handlers['article:save']({ id, baseRevision: saved.revision, content: { ...common, title: 'Cầu Rồng phun lửa cuối tuần' } });
  await handlers['version:save']({ id, label: 'Sửa tít' });
  await library.session.flush();
  const back = await editor.handlers['package:send']({ id });
  if (back.status !== 'saved') throw new Error('not sent');
  toOpen = back.path;
  return { library, id, conflictingPackage: back.path };
}

describe('the three-way view of a conflict with a received package', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('opens on receiving, presets each field to the side that changed it, takes a choice and a hand edit, and saves a merge', async () => {
    const { library, id } = await conflictingLibraries(temporaryDirectory);
    const view = await render(<App />);
    await untilInAct(() => buttonNamed('Mở gói bài…') !== undefined, 'the library');
    await click(buttonNamed('Mở gói bài…'), '"Mở gói bài…"');

    // Receiving says both are kept, and the editor opens on the view: only the two fields the sides left different.
    await untilInAct(() => dialog() !== null && section('title') !== null, 'the three-way view');
    expect(dialog()!.querySelector('.version-dialog-title')?.textContent).toBe('Giải quyết xung đột');
    expect([...dialog()!.querySelectorAll('.conflict-field-name')].map((name) => name.textContent)).toEqual(['Tiêu đề', 'Sapo']);
    expect([...section('sapo')!.querySelectorAll('.conflict-column-name')].map((name) => name.textContent)).toEqual([
      'Bản chung',
      'Bản trong máy',
      'Bản trong gói (Minh Anh)',
    ]);
    // Each side's change from the common version is highlighted: the reporter's in the title, the editor's in the sapo.
    const [, mineTitle, theirsTitle] = section('title')!.querySelectorAll('.conflict-column');
    expect([...mineTitle!.querySelectorAll('ins')].map((inserted) => inserted.textContent?.trim())).toEqual(['cuối tuần']);
    expect(theirsTitle!.textContent).toContain('(không đổi so với bản chung)');
    const [, , theirsSapo] = section('sapo')!.querySelectorAll('.conflict-column');
    expect(theirsSapo!.querySelectorAll('ins').length).toBeGreaterThan(0);
    expect(radio('title', 'Giữ bản trong máy').checked).toBe(true);
    expect(radio('sapo', 'Lấy bản trong gói').checked).toBe(true);
    expect(handEdit('title').value).toBe('Cầu Rồng phun lửa cuối tuần');
    expect(handEdit('sapo').value).toBe('Cầu Rồng phun lửa và phun nước vào tối thứ bảy, chủ nhật.');

    // Choosing the package's title refills the box with it; the sapo is merged by hand.
    await click(radio('title', 'Lấy bản trong gói'), 'the title radio');
    expect(handEdit('title').value).toBe('Cầu Rồng phun lửa');
    expect(section('title')!.querySelectorAll('.conflict-column-chosen')).toHaveLength(1);
    await click(radio('title', 'Giữ bản trong máy'), 'the title radio');
    expect(handEdit('title').value).toBe('Cầu Rồng phun lửa cuối tuần');
    await typeInto(handEdit('sapo'), 'Cầu Rồng phun lửa và phun nước tối thứ bảy, chủ nhật hằng tuần.');

    await click(buttonNamed('Lưu kết quả', dialog()!), '"Lưu kết quả"');
    await untilInAct(() => dialog() === null, 'the view closing');
    await untilInAct(
      () => view.querySelector<HTMLTextAreaElement>('textarea.input-title')?.value === 'Cầu Rồng phun lửa cuối tuần',
      'the merged title',
    );
    expect(view.querySelector<HTMLTextAreaElement>('textarea.input-sapo')?.value).toBe(
      'Cầu Rồng phun lửa và phun nước tối thứ bảy, chủ nhật hằng tuần.',
    );
    expect(view.querySelector('.conflict-banner')).toBeNull();
    // Read inside act: the rebuilt form's panels are still loading their lists meanwhile.
    const stored = await act(async () => ({
      pending: await library.handlers['conflict:get']({ id }),
      versions: await library.handlers['version:list']({ id }),
      article: await library.handlers['article:get']({ id }),
    }));
    expect(stored.pending).toBeNull();
    expect(stored.versions[0]).toMatchObject({ reason: 'merge', by: { name: 'Ngọc Sơn' } });
    expect(stored.article).toMatchObject({
      title: 'Cầu Rồng phun lửa cuối tuần',
      sapo: 'Cầu Rồng phun lửa và phun nước tối thứ bảy, chủ nhật hằng tuần.',
    });
  });

  it('opens the view when a package opened outside the window (a double-click) conflicts', async () => {
    const { library, conflictingPackage } = await conflictingLibraries(temporaryDirectory);
    await render(<App />);
    await untilInAct(() => buttonNamed('Mở gói bài…') !== undefined, 'the library');
    const report = await act(async () => library.openPackage(conflictingPackage));
    expect(report).toMatchObject({ ok: true, outcome: { status: 'conflict' } });
    await untilInAct(() => section('title') !== null, 'the three-way view');
    expect(radio('sapo', 'Lấy bản trong gói').checked).toBe(true);
    // The editor under the view has read its versions (the package's are among them).
    await untilInAct(() => document.querySelector('.versions-count') !== null, 'the versions listed');
  });

  it('"Để sau" and Esc leave it pending, shown on the editor and on the library row, which opens it again', async () => {
    const { library, id } = await conflictingLibraries(temporaryDirectory);
    const view = await render(<App />);
    await untilInAct(() => buttonNamed('Mở gói bài…') !== undefined, 'the library');
    await click(buttonNamed('Mở gói bài…'), '"Mở gói bài…"');
    await untilInAct(() => section('title') !== null, 'the three-way view');

    // Esc: nothing written, the banner says so and its button opens the view again.
    await act(async () => {
      dialog()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    });
    expect(dialog()).toBeNull();
    const banner = view.querySelector<HTMLElement>('.conflict-banner')!;
    expect(banner.textContent).toContain('Có xung đột');
    expect(banner.textContent).toContain('Minh Anh');
    await click(buttonNamed('Giải quyết xung đột', banner), 'the banner button');
    await untilInAct(() => section('title') !== null, 'the view again');
    await click(buttonNamed('Để sau', dialog()!), '"Để sau"');
    expect(dialog()).toBeNull();
    expect(await act(async () => library.handlers['conflict:get']({ id }))).not.toBeNull();

    // Back in the library: the row says it, and its button opens the editor on the view.
    await click(buttonNamed('← Quay lại thư viện') ?? view.querySelector<HTMLElement>('.topbar .button-ghost'), 'the way back');
    await untilInAct(() => view.querySelector('.row-conflict') !== null, 'the conflict on the row');
    const row = view.querySelector<HTMLElement>('.row-conflict')!;
    expect(row.textContent).toContain('Có xung đột');
    await click(row.querySelector('button'), 'the row button');
    await untilInAct(() => section('title') !== null, 'the view from the row');
    expect(view.querySelector('.conflict-banner')).not.toBeNull();
    await untilInAct(() => document.querySelector('.versions-count') !== null, 'the versions listed');
  });
});
