import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { listFilesUnder } from '../../electron/main/backup/listFilesUnder';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import type { Identity } from '../../shared/identity';
import { startGitServer, type GitServer } from '../support/gitServer';
import { readmeScreenshot } from './driver/readmeScreenshot';
import { useAppDriver } from './driver/useAppDriver';
import { editorBody } from './support/bodyText';

// Issue 11: a newsroom's shared library on the office Git server, two copies of the app with their own data folders,
// every step through the window: the reporter joins, writes and submits; the editor syncs, sees it, corrects and
// approves; both change the title of one article before syncing, see the conflict, resolve it; both libraries end
// holding the same files.

const reporter: Identity = { name: 'Ngọc Sơn', role: 'reporter' };
const editor: Identity = { name: 'Thu Hà', role: 'editor' };
const password = 'mat-khau-toa-soan-2026';
const field = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });
const syncLine = (page: Page) => page.getByRole('status', { name: 'Đồng bộ thư viện chung' });

/** Cài đặt → Thư viện chung: the server, the user and the password saved and tried, then "Tham gia". */
async function joinSharedLibrary(page: Page, address: string, user: string): Promise<void> {
  await page.getByRole('button', { name: 'Cài đặt', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Cài đặt' });
  await dialog.getByRole('textbox', { name: 'Địa chỉ máy chủ' }).fill(address);
  await dialog.getByRole('textbox', { name: 'Tên đăng nhập' }).fill(user);
  await dialog.getByLabel('Mật khẩu hoặc mã truy cập').fill(password);
  await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
  await dialog.getByText('Đã lưu thông tin thư viện chung.').waitFor();
  await dialog.getByRole('button', { name: 'Kiểm tra kết nối' }).click();
  await dialog.getByText(/Kết nối được/).waitFor();
  await dialog.getByRole('button', { name: 'Tham gia thư viện chung' }).click();
  await dialog.getByRole('alertdialog', { name: 'Tham gia thư viện chung' }).getByRole('button', { name: 'Tham gia', exact: true }).click();
  await dialog.getByText(/Đã tham gia: nhận \d+ tệp, gửi \d+ tệp/).waitFor({ timeout: 30_000 });
  await dialog.getByRole('group', { name: 'Thư viện chung' }).scrollIntoViewIfNeeded();
  await readmeScreenshot(page, 'shared-library-joined');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
}

/** "Đồng bộ ngay" on the library screen; waits for the sync's answer and for the status line to say it went through. */
async function syncNow(page: Page): Promise<void> {
  const answered = page.waitForResponse((response) => response.url().endsWith('/bridge/call/sharedLibrary%3AsyncNow'));
  await page.locator('.sync-status-line').getByRole('button', { name: 'Đồng bộ ngay' }).click();
  await answered;
  await expect.poll(() => syncLine(page).textContent(), { timeout: 30_000 }).toMatch(/^Đã đồng bộ lúc/);
}

async function newArticle(page: Page, title: string, sapo: string, body: string): Promise<void> {
  await page.getByRole('button', { name: 'Bài mới' }).first().click();
  await field(page, 'Tiêu đề').click();
  await page.keyboard.insertText(title);
  await field(page, 'Sapo').click();
  await page.keyboard.insertText(sapo);
  await editorBody(page).click();
  await page.keyboard.insertText(body);
  await savedNow(page);
}

async function savedNow(page: Page): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: /Đã lưu lúc \d\d:\d\d/ })
    .waitFor();
}

async function backToLibrary(page: Page): Promise<void> {
  await page.keyboard.press('Alt+ArrowLeft');
  await syncLine(page).waitFor();
}

const row = (page: Page, title: string) => page.locator('.article-row').filter({ hasText: title });

/** Opens an article from the library by its title, and waits for its history to be read. */
async function openArticle(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: title, exact: true }).click();
  await field(page, 'Tiêu đề').waitFor();
  await page.locator('.history-panel').filter({ hasNotText: 'Đang tải' }).waitFor();
}

/** Every shared file of a data folder's library (no caches, no previous generations), by content. */
async function sharedFilesOf(dataDirectory: string): Promise<Map<string, string>> {
  const library = libraryLayout(dataDirectory).library;
  const files = new Map<string, string>();
  for (const folder of [library.articles, library.media, library.dictionary]) {
    for (const relative of await listFilesUnder(folder).catch(() => [] as string[])) {
      if (relative.endsWith('.prev')) continue;
      files.set(
        join(folder.slice(library.folder.length), relative),
        createHash('sha256')
          .update(await readFile(join(folder, relative)))
          .digest('hex'),
      );
    }
  }
  return files;
}

describe('the shared library through the office Git server, as a reporter and an editor use it', () => {
  const launchApp = useAppDriver();
  let server: GitServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('joins, hands an article over by syncing, settles a conflict, and leaves both libraries the same', async () => {
    server = await startGitServer({ son: { password }, ha: { password } });
    await server.createRepository('thu-vien');
    const address = server.url('thu-vien');
    const desk = await launchApp({ identity: reporter, secretStorage: true });
    const review = await launchApp({ identity: editor, secretStorage: true });

    // The reporter joins (an empty server) and writes two articles.
    await joinSharedLibrary(desk.page, address, 'son');
    await expect.poll(() => syncLine(desk.page).textContent()).toMatch(/Đã đồng bộ lúc/);
    await newArticle(desk.page, 'Hội nghị sơ kết 6 tháng', 'Sáng 05/7, Đảng ủy tổ chức hội nghị.', 'Đoạn thân bài đầu tiên.');
    // Submitting in a shared library: the sync hands it over, no package is offered ticked.
    await desk.page.locator('.workflow-actions').getByRole('button', { name: 'Gửi duyệt', exact: true }).click();
    expect(await desk.page.getByRole('checkbox', { name: /^Ghi luôn gói bài/ }).isChecked()).toBe(false);
    await desk.page.keyboard.type('Nhờ chị xem giúp');
    await desk.page.keyboard.press('Enter');
    await desk.page.locator('.workflow-bar .status').filter({ hasText: 'Chờ duyệt' }).waitFor();
    await backToLibrary(desk.page);
    await newArticle(desk.page, 'Tin ngắn về hội thao', 'Hội thao diễn ra hai ngày.', 'Đoạn tin ngắn.');
    await backToLibrary(desk.page);
    await syncNow(desk.page);

    // The editor joins: both articles come in; she corrects the first and approves it.
    await joinSharedLibrary(review.page, address, 'ha');
    await row(review.page, 'Hội nghị sơ kết 6 tháng').waitFor();
    await row(review.page, 'Tin ngắn về hội thao').waitFor();
    expect(await row(review.page, 'Hội nghị sơ kết 6 tháng').textContent()).toContain('Chờ duyệt');
    await openArticle(review.page, 'Hội nghị sơ kết 6 tháng');
    await field(review.page, 'Sapo').click();
    await review.page.keyboard.press('End');
    await review.page.keyboard.insertText(' Hội nghị có 120 đại biểu.');
    await savedNow(review.page);
    await review.page.locator('.workflow-actions').getByRole('button', { name: 'Duyệt', exact: true }).click();
    await review.page.keyboard.type('Đạt');
    await review.page.keyboard.press('Enter');
    await review.page.locator('.workflow-bar .status').filter({ hasText: 'Đã duyệt' }).waitFor();
    await backToLibrary(review.page);
    await syncNow(review.page);

    // The reporter syncs and sees the approval.
    await syncNow(desk.page);
    await expect.poll(() => row(desk.page, 'Hội nghị sơ kết 6 tháng').textContent()).toContain('Đã duyệt');
    await readmeScreenshot(desk.page, 'shared-library-status');

    // Both change the second article's title before syncing.
    await openArticle(desk.page, 'Tin ngắn về hội thao');
    await field(desk.page, 'Tiêu đề').fill('Tin ngắn: hội thao khối cơ quan');
    await savedNow(desk.page);
    await backToLibrary(desk.page);
    await openArticle(review.page, 'Tin ngắn về hội thao');
    await field(review.page, 'Tiêu đề').fill('Hội thao cơ quan năm 2022');
    await savedNow(review.page);
    await backToLibrary(review.page);
    await syncNow(desk.page);
    await syncNow(review.page);

    // The editor's sync kept both titles: the notice opens the three-way view.
    await review.page.getByRole('button', { name: 'Mở bài' }).click();
    const dialog = review.page.getByRole('dialog', { name: 'Giải quyết xung đột' });
    await dialog.waitFor();
    expect(await dialog.locator('.conflict-field-title .conflict-column-name').allTextContents()).toEqual([
      'Bản chung',
      'Bản trong máy',
      'Bản trên máy chủ (Ngọc Sơn)',
    ]);
    await readmeScreenshot(review.page, 'shared-library-conflict');
    await dialog.locator('.conflict-field-title').getByRole('radio', { name: 'Lấy bản trên máy chủ' }).check();
    await dialog.getByRole('button', { name: 'Lưu kết quả' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => field(review.page, 'Tiêu đề').inputValue()).toBe('Tin ngắn: hội thao khối cơ quan');
    await backToLibrary(review.page);
    await syncNow(review.page);
    await syncNow(desk.page);

    // Nothing pending anywhere, and both libraries hold the very same files.
    await expect.poll(() => syncLine(desk.page).textContent()).not.toMatch(/xung đột/);
    await expect.poll(() => syncLine(review.page).textContent()).not.toMatch(/xung đột/);
    const deskFiles = await sharedFilesOf(desk.dataDirectory);
    expect(deskFiles.size).toBeGreaterThan(6);
    expect(await sharedFilesOf(review.dataDirectory)).toEqual(deskFiles);
  });
});
