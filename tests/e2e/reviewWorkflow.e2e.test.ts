import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Identity } from '../../shared/identity';
import { readmeScreenshot } from './driver/readmeScreenshot';
import { useAppDriver } from './driver/useAppDriver';

const reporter: Identity = { name: 'Ngọc Sơn', role: 'reporter' };
const editor: Identity = { name: 'Thu Hà', role: 'editor' };
const title = 'Hội nghị sơ kết 6 tháng đầu năm của Trung tâm Khuyến công';

/** Who uses this computer now, changed in Cài đặt (one machine plays both desks here). */
async function becomeUser(page: Page, who: Identity): Promise<void> {
  await page.keyboard.press('Alt+ArrowLeft');
  await page.getByRole('button', { name: 'Cài đặt', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Cài đặt' });
  await dialog.getByRole('textbox', { name: 'Tên của bạn' }).fill(who.name);
  await dialog.getByRole('combobox', { name: 'Vai trò' }).selectOption(who.role);
  await dialog.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await page.getByRole('status').filter({ hasText: 'Đã lưu cài đặt' }).waitFor();
  await page.getByRole('button', { name: title, exact: true }).click();
  await page.locator('.history-panel').filter({ hasNotText: 'Đang tải' }).waitFor();
}

/** Makes the move the button names, with a note typed into the form it opens (Enter confirms), and waits for the new status. */
async function move(page: Page, button: string, note: string, status: string): Promise<void> {
  await page.locator('.workflow-actions').getByRole('button', { name: button, exact: true }).click();
  // One library, no hand-off: the package a hand-over move offers to write is not wanted.
  const alsoSend = page.getByRole('checkbox', { name: /^Ghi luôn gói bài/ });
  if ((await alsoSend.count()) > 0 && (await alsoSend.isChecked())) await alsoSend.uncheck();
  await page.locator('.move-note').focus();
  await page.keyboard.type(note);
  await page.keyboard.press('Enter');
  await page.locator('.workflow-bar .status').filter({ hasText: status }).waitFor();
}

const moveButtons = (page: Page) => page.locator('.workflow-actions button').allTextContents();

describe('the review workflow', () => {
  const launchApp = useAppDriver();

  it('goes from reporter to editor and back with notes, each step in the history; approved text opens read-only', async () => {
    const { page } = await launchApp({ identity: reporter });
    await page.getByRole('heading', { name: 'Chưa có bài viết nào' }).waitFor();
    await page.keyboard.press('Control+n');
    await page.getByRole('textbox', { name: 'Tiêu đề', exact: true }).waitFor();
    await page.keyboard.insertText(title);
    await page.getByRole('textbox', { name: 'Sapo', exact: true }).click();
    await page.keyboard.insertText('Ngày 05/7/2022, Trung tâm Khuyến công tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm.');
    await page.getByRole('textbox', { name: 'Nội dung bài', exact: true }).click();
    await page.keyboard.insertText('Tham dự hội nghị có lãnh đạo Sở Công Thương và đại diện các phòng chuyên môn.');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('Trong 6 tháng đầu năm, Trung tâm đã hỗ trợ 12 đề án khuyến công với tổng kinh phí 3,2 tỷ đồng.');
    expect(await moveButtons(page)).toEqual(['Gửi duyệt']);
    // Sent straight after typing: the pending save goes first, so the editor receives the text as typed.
    await move(page, 'Gửi duyệt', 'Nhờ chị xem giúp số liệu', 'Chờ duyệt');

    await becomeUser(page, editor);
    expect(await moveButtons(page)).toEqual(['Rút về nháp', 'Yêu cầu sửa', 'Duyệt']);
    expect(await page.locator('.workflow-holder').textContent()).toMatch(
      /^Ngọc Sơn \(Phóng viên\) gửi duyệt lúc .*Nhờ chị xem giúp số liệu$/,
    );
    expect(await page.getByRole('textbox', { name: 'Nội dung bài', exact: true }).textContent()).toContain('3,2 tỷ đồng');
    await move(page, 'Yêu cầu sửa', 'Thiếu nguồn cho con số 3,2 tỷ; bổ sung ý kiến doanh nghiệp.', 'Cần sửa');

    await becomeUser(page, reporter);
    expect(await moveButtons(page)).toEqual(['Gửi lại']);
    await move(page, 'Gửi lại', 'Đã bổ sung nguồn và ý kiến của Công ty Minh Phát.', 'Chờ duyệt');

    await becomeUser(page, editor);
    expect(await page.locator('.history-entry .history-person').allTextContents()).toEqual([
      'Ngọc Sơn (Phóng viên)',
      'Thu Hà (Biên tập viên)',
      'Ngọc Sơn (Phóng viên)',
    ]);
    expect(await page.locator('.history-entry .history-move').allTextContents()).toEqual([
      'Cần sửa → Chờ duyệt',
      'Chờ duyệt → Cần sửa',
      'Nháp → Chờ duyệt',
    ]);
    // The toast of the last settings change would cover the sheet.
    if ((await page.locator('.toast-close').count()) > 0) await page.locator('.toast-close').click();
    await readmeScreenshot(page, 'workflow', true);

    await move(page, 'Duyệt', '', 'Đã duyệt');
    expect(await moveButtons(page)).not.toContain('Đăng');
    await page.getByText('Bài đã duyệt — muốn sửa, bài sẽ về Nháp.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Tiêu đề', exact: true }).getAttribute('readonly')).not.toBeNull();
    expect(await page.getByRole('textbox', { name: 'Nội dung bài', exact: true }).getAttribute('contenteditable')).toBe('false');
    await expect.poll(() => page.locator('.history-entry').count()).toBe(4);

    await page.keyboard.press('Alt+ArrowLeft');
    const row = page.locator('.article-row').filter({ hasText: title });
    expect(await row.locator('.cell-status .status').textContent()).toBe('Đã duyệt');
    expect(await row.locator('.status-holder').textContent()).toBe('Thu Hà duyệt');
    expect(await row.locator('.status-holder').getAttribute('title')).toMatch(/^Thu Hà \(Biên tập viên\) duyệt lúc \d\d:\d\d \d\d\/\d\d$/);
  });
});
