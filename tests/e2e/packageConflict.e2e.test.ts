import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../support/openTestSession';
import { openPackageLibrary } from '../support/openPackageLibrary';
import { sampleContent } from '../support/sampleContent';
import { readmeScreenshot } from './driver/readmeScreenshot';
import { useAppDriver } from './driver/useAppDriver';

const folders: string[] = [];
const temporaryDirectory = async () => {
  const folder = await mkdtemp(join(tmpdir(), 'banthao-e2e-conflict-'));
  folders.push(folder);
  return folder;
};

const body = (...paragraphs: string[]) => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

/**
 * A reporter's laptop (its packages) and an editor's PC: the reporter's article went to the editor, then both changed
 * it. Returns the reporter's newest package (the laptop's copy, which the app receives first) and the editor's.
 */
async function divergedPackages() {
  const clock = manualClock(new Date('2026-11-30T02:00:00Z'));
  const reporter = await openPackageLibrary(temporaryDirectory, { userName: 'Ngọc Sơn', userRole: 'reporter' }, clock);
  const editor = await openPackageLibrary(temporaryDirectory, { userName: 'Minh Anh', userRole: 'editor' }, clock);
  const created = await reporter.handlers['article:create']({});
  const id = created.id;
  const common = sampleContent({
    title: 'Cầu Rồng phun lửa phục vụ du khách',
    sapo: 'Tối thứ bảy, Cầu Rồng phun lửa và phun nước, thu hút hàng nghìn người dân và du khách.',
    body: body(
      'Đúng 21 giờ, đầu rồng phun lửa 9 lần rồi phun nước 3 lần.',
      'Ban quản lý cho biết lịch phun lửa giữ nguyên trong mùa du lịch.',
      'Du khách nên đến sớm để chọn chỗ đứng hai bên bờ sông Hàn.',
    ),
    bylineName: 'Ngọc Sơn',
    photoCredit: 'Văn Đốc',
  });
  const saved = await reporter.handlers['article:save']({ id, baseRevision: created.revision, content: common });
  await reporter.handlers['version:save']({ id, label: 'Bản gửi' });
  await reporter.settle();
  clock.advanceMinutes(5);
  await editor.open(await reporter.send(id));
  await editor.settle();

  clock.advanceMinutes(20);
  const atEditor = await editor.handlers['article:get']({ id });
  await editor.handlers['article:save']({
    id,
    baseRevision: atEditor.revision,
    content: {
      ...common,
      sapo: 'Tối thứ bảy và chủ nhật, Cầu Rồng phun lửa và phun nước, thu hút hàng nghìn người dân và du khách.',
      body: body(
        'Đúng 21 giờ, đầu rồng phun lửa 9 lần rồi phun nước 3 lần.',
        'Theo Ban quản lý, lịch phun lửa giữ nguyên trong suốt mùa du lịch hè.',
        'Du khách nên đến sớm để chọn chỗ đứng hai bên bờ sông Hàn.',
      ),
    },
  });
  await editor.handlers['version:save']({ id, label: 'Biên tập' });
  await editor.settle();
  clock.advanceMinutes(5);
  const fromEditor = await editor.send(id);

  await reporter.handlers['article:save']({
    id,
    baseRevision: saved.revision,
    content: { ...common, title: 'Cầu Rồng phun lửa cuối tuần phục vụ du khách', bylineName: 'Ngọc Sơn - Hải Yến' },
  });
  await reporter.handlers['version:save']({ id, label: 'Sửa tít' });
  await reporter.settle();
  const fromReporter = await reporter.send(id);
  await reporter.session.close();
  await editor.session.close();
  return { fromReporter, fromEditor };
}

describe('a received package that conflicts with the local copy', () => {
  const launchApp = useAppDriver();
  afterEach(async () => {
    for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
  });

  it('keeps both and opens the three-way view, where a choice per field saves the merge', async () => {
    const { fromReporter, fromEditor } = await divergedPackages();
    const { driver, page } = await launchApp({ packageFile: fromReporter });
    await page.getByRole('heading', { name: 'Chưa có bài viết nào' }).waitFor();
    await page.getByRole('button', { name: 'Mở gói bài…' }).click();
    await page.locator('.article-row').first().waitFor();

    await driver.pickPackageFile(fromEditor);
    await page.getByRole('button', { name: 'Mở gói bài…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Giải quyết xung đột' });
    await dialog.waitFor();
    expect(await dialog.locator('.conflict-field-name').allTextContents()).toEqual(['Tiêu đề', 'Sapo', 'Nội dung và ảnh', 'Tác giả']);
    expect(await dialog.locator('.conflict-field-sapo .conflict-column-name').allTextContents()).toEqual([
      'Bản chung',
      'Bản trong máy',
      'Bản trong gói (Minh Anh)',
    ]);
    await readmeScreenshot(page, 'conflict');

    // Each field preset to the side that changed it: saving gives both sides' changes.
    await dialog.getByRole('button', { name: 'Lưu kết quả' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Tiêu đề', exact: true }).inputValue())
      .toBe('Cầu Rồng phun lửa cuối tuần phục vụ du khách');
    expect(await page.getByRole('textbox', { name: 'Sapo', exact: true }).inputValue()).toContain('Tối thứ bảy và chủ nhật');
    expect(await page.getByRole('textbox', { name: 'Nội dung bài', exact: true }).textContent()).toContain('mùa du lịch hè');
    expect(await page.locator('.conflict-banner').count()).toBe(0);
  });
});
