import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import type { Identity } from '../../shared/identity';
import { seedArticleParts } from '../fixtures/seedArticle';
import { readStoredData } from '../support/readStoredData';
import type { AppDriver } from './driver/AppDriver';
import { useAppDriver } from './driver/useAppDriver';
import { bodyParagraphs, clickAfterInBody, editorBody, selectInBody } from './support/bodyText';
import { suggestionDescriptions } from './support/suggestionsList';
import { writeSeedArticle } from './support/writeSeedArticle';

// Issue 9: one review round between two libraries (two copies of the app, each with its own data folder), carried
// only by review packages, every step through the window as the reporter and the editor would take it.

const reporter: Identity = { name: 'Ngọc Sơn', role: 'reporter' };
const editor: Identity = { name: 'Thu Hà', role: 'editor' };
const parts = seedArticleParts();
const nfc = (text: string) => text.normalize('NFC');
const title = nfc(parts.title);

/** A form field by its accessible name; exact, so "Tiêu đề" never matches the toolbar's "Tiêu đề phụ (H2)". */
const field = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });
const statusOnBar = (page: Page) => page.locator('.workflow-bar .status');
const moveButtons = (page: Page) => page.locator('.workflow-actions button').allTextContents();

/** Waits for the toast saying `text`, then closes it (one toast at a time: the next one must be the next action's). */
async function toastSays(page: Page, text: string): Promise<void> {
  const toast = page.locator('.toast').filter({ hasText: text });
  await toast.waitFor();
  await toast.getByRole('button', { name: 'Đóng', exact: true }).click();
}

/**
 * Makes a move that hands the article over, with a note (Enter confirms): "Ghi luôn gói bài" is ticked by default, so
 * the package is written right after, its save dialog answered with `file`. Waits for the new status and the package.
 */
async function moveAndSend(page: Page, driver: AppDriver, button: string, note: string, status: string, file: string): Promise<void> {
  await driver.pickPackageFile(file);
  await page.locator('.workflow-actions').getByRole('button', { name: button, exact: true }).click();
  expect(await page.getByRole('checkbox', { name: /^Ghi luôn gói bài/ }).isChecked()).toBe(true);
  await page.keyboard.type(note);
  await page.keyboard.press('Enter');
  await statusOnBar(page).filter({ hasText: status }).waitFor();
  await toastSays(page, `Đã ghi gói bài: ${basename(file)}`);
}

/** Back to the library, then "Mở gói bài…" with the open dialog answered with `file`; waits for what it says it did. */
async function openPackage(page: Page, driver: AppDriver, file: string, outcome: string): Promise<void> {
  if ((await page.getByRole('button', { name: 'Mở gói bài…', exact: true }).count()) === 0) await page.keyboard.press('Alt+ArrowLeft');
  await driver.pickPackageFile(file);
  await page.getByRole('button', { name: 'Mở gói bài…', exact: true }).click();
  await toastSays(page, outcome);
}

/** The article's row in the library: its status and who has it. */
async function libraryRow(page: Page): Promise<{ status: string | null; holder: string | null }> {
  const row = page.locator('.article-row').filter({ hasText: title });
  return { status: await row.locator('.cell-status .status').textContent(), holder: await row.locator('.status-holder').textContent() };
}

/** Opens the article from the library and waits until its history is read. */
async function openArticle(page: Page): Promise<void> {
  await page.getByRole('button', { name: title, exact: true }).click();
  await field(page, 'Tiêu đề').waitFor();
  await page.locator('.history-panel').filter({ hasNotText: 'Đang tải' }).waitFor();
}

/** Selects a phrase of the body and types over it. */
async function replaceInBody(page: Page, phrase: string, replacement: string): Promise<void> {
  await selectInBody(page, phrase);
  await page.keyboard.type(replacement);
}

/** Types `text` right after a phrase of the body. */
async function typeAfter(page: Page, phrase: string, text: string): Promise<void> {
  await clickAfterInBody(page, phrase);
  await page.keyboard.type(text);
}

/** "Bình luận" on a phrase of the body: selected, the toolbar's button, the comment typed, Enter. */
async function commentOn(page: Page, phrase: string, text: string): Promise<void> {
  await selectInBody(page, phrase);
  await page.getByRole('button', { name: 'Bình luận', exact: true }).click();
  await page.getByRole('textbox', { name: 'Nội dung bình luận', exact: true }).waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await commentThread(page, phrase).locator('.comment-text').filter({ hasText: text }).waitFor();
}

/** The comment thread on a phrase, in the comments panel. */
function commentThread(page: Page, phrase: string) {
  return page.locator('.comment-thread').filter({ has: page.getByRole('button', { name: `Đến đoạn được bình luận: “${phrase}”` }) });
}

/** "Chấp nhận" or "Từ chối" on the suggestion the list describes so. */
async function decideSuggestion(page: Page, choice: 'Chấp nhận' | 'Từ chối', description: string): Promise<void> {
  const before = (await suggestionDescriptions(page)).length;
  await page.getByRole('button', { name: `${choice}: ${description}`, exact: true }).click();
  await expect.poll(async () => (await suggestionDescriptions(page)).length).toBe(before - 1);
}

/** Every file of the article's own records (workflow moves, comments, versions) in a data folder, by relative path. */
async function readArticleRecords(dataDirectory: string, articleId: string): Promise<Map<string, Buffer>> {
  const folder = libraryLayout(dataDirectory).library.articleRecords(articleId);
  const files = new Map<string, Buffer>();
  for (const kind of ['workflow', 'comments', 'versions']) {
    for (const name of (await readdir(join(folder, kind))).sort()) files.set(`${kind}/${name}`, await readFile(join(folder, kind, name)));
  }
  return files;
}

/** The one article file of a data folder's library. */
async function storedArticle(dataDirectory: string): Promise<any> {
  const articles = libraryLayout(dataDirectory).library.articles;
  const paths: string[] = [];
  for (const prefix of await readdir(articles)) {
    for (const name of await readdir(join(articles, prefix))) if (name.endsWith('.json')) paths.push(join(articles, prefix, name));
  }
  expect(paths).toHaveLength(1);
  return readStoredData(paths[0]!);
}

/** The stored version files' summaries, newest first as the app lists them. */
function versionsOf(records: Map<string, Buffer>): Array<{ id: string; reason: string; status: string; by: string | null }> {
  return [...records]
    .filter(([path]) => path.startsWith('versions/'))
    .map(([, bytes]) => JSON.parse(bytes.toString('utf8')).data)
    .map((version) => ({ id: version.id, reason: version.reason, status: version.status, by: version.by?.name ?? null }))
    .sort((a, b) => (a.id < b.id ? 1 : -1));
}

describe('a review round between two libraries, by review package', () => {
  const launchApp = useAppDriver();
  let packageFolder: string | undefined;

  afterEach(async () => {
    if (packageFolder !== undefined) await rm(packageFolder, { recursive: true, force: true });
    packageFolder = undefined;
  });

  it('goes reporter → editor → reporter → editor → reporter; both libraries end with the same article and history', async () => {
    packageFolder = await mkdtemp(join(tmpdir(), 'banthao-packages-'));
    const packageFile = (name: string) => join(packageFolder!, name);
    const desk = await launchApp({ identity: reporter });
    const review = await launchApp({ identity: editor });
    const [reporterPage, editorPage] = [desk.page, review.page];

    // 1. The reporter writes the seed article, sends it for review, and sends its package.
    await reporterPage.getByRole('heading', { name: 'Chưa có bài viết nào' }).waitFor();
    await writeSeedArticle(reporterPage);
    await moveAndSend(reporterPage, desk.driver, 'Gửi duyệt', 'Nhờ chị Hà duyệt giúp', 'Chờ duyệt', packageFile('1-gui-duyet.banthao'));

    // 2. The editor opens it: a new article, waiting for review, with the reporter's text and note.
    await editorPage.getByRole('heading', { name: 'Chưa có bài viết nào' }).waitFor();
    await openPackage(editorPage, review.driver, packageFile('1-gui-duyet.banthao'), `Đã nhận bài mới: ${title}`);
    expect(await libraryRow(editorPage)).toEqual({ status: 'Chờ duyệt', holder: 'Ngọc Sơn gửi duyệt' });
    await openArticle(editorPage);
    expect(await bodyParagraphs(editorPage)).toEqual(parts.paragraphs.map(nfc));
    expect(await editorPage.locator('.workflow-holder').textContent()).toMatch(
      /^Ngọc Sơn \(Phóng viên\) gửi duyệt lúc .*Nhờ chị Hà duyệt giúp$/,
    );
    expect(await moveButtons(editorPage)).toEqual(['Rút về nháp', 'Yêu cầu sửa', 'Duyệt']);

    // Tracked changes are on for an editor opening a submitted article: a word corrected, two insertions elsewhere.
    const trackChanges = editorPage.getByRole('button', { name: 'Sửa có theo dõi', exact: true });
    expect(await trackChanges.getAttribute('aria-pressed')).toBe('true');
    await replaceInBody(editorPage, 'tóm tắt', 'vắn tắt');
    await typeAfter(editorPage, 'các báo cáo tham luận', ' của các phòng chuyên môn');
    await typeAfter(editorPage, 'đánh giá cao những nỗ lực', ' không ngừng');
    expect(await suggestionDescriptions(editorPage)).toEqual([
      'Thay “tóm tắt” bằng “vắn tắt”',
      'Thêm “của các phòng chuyên môn”',
      'Thêm “không ngừng”',
    ]);
    // Suggested, not applied: the words taken out are still in the text, struck through, until the reporter decides.
    expect(await editorBody(editorPage).locator('del').allTextContents()).toContain('tóm tắt');
    await commentOn(editorPage, 'thực hiện ứng dụng công nghệ thông tin', 'Ứng dụng cụ thể là gì? Nên nêu một ví dụ.');
    await moveAndSend(
      editorPage,
      review.driver,
      'Yêu cầu sửa',
      'Xem các chỗ sửa và trả lời bình luận giúp chị.',
      'Cần sửa',
      packageFile('2-yeu-cau-sua.banthao'),
    );

    // 3. The reporter opens it: the article is updated, back with them, the suggestions and the comment in it.
    await openPackage(reporterPage, desk.driver, packageFile('2-yeu-cau-sua.banthao'), `Đã cập nhật bài theo gói: ${title}`);
    expect(await libraryRow(reporterPage)).toEqual({ status: 'Cần sửa', holder: 'Thu Hà yêu cầu sửa' });
    await openArticle(reporterPage);
    expect(await reporterPage.locator('.workflow-holder').textContent()).toMatch(
      /^Thu Hà \(Biên tập viên\) yêu cầu sửa lúc .*Xem các chỗ sửa và trả lời bình luận giúp chị\.$/,
    );
    expect(await suggestionDescriptions(reporterPage)).toEqual([
      'Thay “tóm tắt” bằng “vắn tắt”',
      'Thêm “của các phòng chuyên môn”',
      'Thêm “không ngừng”',
    ]);
    expect(await reporterPage.getByRole('button', { name: 'Sửa có theo dõi', exact: true }).getAttribute('aria-pressed')).toBe('false');
    await decideSuggestion(reporterPage, 'Chấp nhận', 'Thay “tóm tắt” bằng “vắn tắt”');
    await decideSuggestion(reporterPage, 'Từ chối', 'Thêm “không ngừng”');
    await decideSuggestion(reporterPage, 'Chấp nhận', 'Thêm “của các phòng chuyên môn”');
    expect(await reporterPage.locator('.suggestions-panel').count()).toBe(0);
    // The comment answered in the text and in the thread, then resolved.
    const thread = commentThread(reporterPage, 'thực hiện ứng dụng công nghệ thông tin');
    expect(await thread.locator('.comment-person').allTextContents()).toEqual(['Thu Hà (Biên tập viên)']);
    await typeAfter(reporterPage, 'công nghệ thông tin', ' (phần mềm quản lý văn bản điện tử)');
    await thread.getByRole('textbox', { name: 'Trả lời bình luận', exact: true }).click();
    await reporterPage.keyboard.type('Đã thêm ví dụ: phần mềm quản lý văn bản điện tử.');
    await reporterPage.keyboard.press('Enter');
    await thread.locator('.comment-text').filter({ hasText: 'Đã thêm ví dụ' }).waitFor();
    await thread.getByRole('button', { name: 'Đã xử lý', exact: true }).click();
    await thread.locator('.comment-resolved').filter({ hasText: 'Đã xử lý: Ngọc Sơn (Phóng viên)' }).waitFor();
    const corrected = await bodyParagraphs(reporterPage);
    expect(corrected).toEqual([
      nfc(parts.paragraphs[0]!).replace('tóm tắt', 'vắn tắt'),
      nfc(parts.paragraphs[1]!).replace('các báo cáo tham luận', 'các báo cáo tham luận của các phòng chuyên môn'),
      nfc(parts.paragraphs[2]!).replace('công nghệ thông tin', 'công nghệ thông tin (phần mềm quản lý văn bản điện tử)'),
    ]);
    expect(await moveButtons(reporterPage)).toEqual(['Gửi lại']);
    await moveAndSend(
      reporterPage,
      desk.driver,
      'Gửi lại',
      'Đã sửa theo góp ý, chị xem lại giúp em.',
      'Chờ duyệt',
      packageFile('3-gui-lai.banthao'),
    );

    // 4. The editor opens it, sees what changed since their review, and approves.
    await openPackage(editorPage, review.driver, packageFile('3-gui-lai.banthao'), `Đã cập nhật bài theo gói: ${title}`);
    expect(await libraryRow(editorPage)).toEqual({ status: 'Chờ duyệt', holder: 'Ngọc Sơn gửi lại' });
    await openArticle(editorPage);
    expect(await bodyParagraphs(editorPage)).toEqual(corrected);
    expect(await editorPage.locator('.suggestions-panel').count()).toBe(0);
    const answered = commentThread(editorPage, 'thực hiện ứng dụng công nghệ thông tin');
    await answered.locator('.comment-resolved').filter({ hasText: 'Đã xử lý: Ngọc Sơn (Phóng viên)' }).waitFor();
    await editorPage.getByRole('button', { name: 'Thay đổi từ lần tôi duyệt', exact: true }).click();
    const since = editorPage.getByRole('dialog', { name: /^Thay đổi từ lần bạn duyệt lúc / });
    await since.waitFor();
    // Both texts are read as the article reads, pending suggestions not yet in it: the correction the reporter accepted
    // is a change of words (tóm → vắn), the insertion they rejected was never the article's text, and what they typed is new.
    const deleted = (await since.locator('del').allTextContents()).join(' ');
    const inserted = (await since.locator('ins').allTextContents()).join(' ');
    expect(deleted).toContain('tóm');
    expect(inserted).toContain('vắn');
    expect(`${deleted} ${inserted}`).not.toContain('không ngừng');
    expect(inserted).toContain('phần mềm quản lý văn bản điện tử');
    expect(deleted).not.toContain('phòng chuyên môn');
    expect(deleted).toContain('Cần sửa');
    expect(inserted).toContain('Chờ duyệt');
    await editorPage.keyboard.press('Escape');
    await since.waitFor({ state: 'detached' });
    await moveAndSend(editorPage, review.driver, 'Duyệt', 'Bài đạt, chuyển đăng.', 'Đã duyệt', packageFile('4-da-duyet.banthao'));

    // 5. The reporter opens it: approved, and read-only.
    await openPackage(reporterPage, desk.driver, packageFile('4-da-duyet.banthao'), `Đã cập nhật bài theo gói: ${title}`);
    expect(await libraryRow(reporterPage)).toEqual({ status: 'Đã duyệt', holder: 'Thu Hà duyệt' });
    await openArticle(reporterPage);
    expect(await bodyParagraphs(reporterPage)).toEqual(corrected);
    expect(await statusOnBar(reporterPage).textContent()).toBe('Đã duyệt');
    expect(await editorBody(reporterPage).getAttribute('contenteditable')).toBe('false');
    expect(await reporterPage.locator('.history-entry .history-move').allTextContents()).toEqual([
      'Chờ duyệt → Đã duyệt',
      'Cần sửa → Chờ duyệt',
      'Chờ duyệt → Cần sửa',
      'Nháp → Chờ duyệt',
    ]);

    // Both libraries on disk, with both apps closed (every pending write flushed).
    await desk.driver.stop();
    await review.driver.stop();
    const [onDesk, onReview] = [await storedArticle(desk.dataDirectory), await storedArticle(review.dataDirectory)];
    // The same article: all of it but its revision and updatedAt, which count and date this library's own writes.
    const withoutLocalFields = (article: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(article).filter(([key]) => key !== 'revision' && key !== 'updatedAt'));
    expect(withoutLocalFields(onDesk)).toEqual(withoutLocalFields(onReview));
    expect(onDesk).toMatchObject({ status: 'approved', title, sapo: nfc(parts.sapo), trashedAt: null, createdBy: reporter });
    expect(onDesk.lastMove).toMatchObject({ to: 'approved', by: editor });
    // Every suggestion decided; the comment's anchor still on its text.
    expect(JSON.stringify(onDesk.body)).not.toMatch(/"type":"(insertion|deletion|modification)"/);
    expect(JSON.stringify(onDesk.body)).toContain('"type":"commentAnchor"');

    const [deskRecords, reviewRecords] = [
      await readArticleRecords(desk.dataDirectory, onDesk.id),
      await readArticleRecords(review.dataDirectory, onDesk.id),
    ];
    const kindsOf = (records: Map<string, Buffer>, kind: string) => [...records.keys()].filter((path) => path.startsWith(`${kind}/`));
    // Four moves, and the comment, its reply and its resolution: the same files, byte for byte, on both sides.
    expect(kindsOf(deskRecords, 'workflow')).toHaveLength(4);
    expect(kindsOf(deskRecords, 'comments')).toHaveLength(3);
    for (const kind of ['workflow', 'comments']) {
      expect(kindsOf(deskRecords, kind)).toEqual(kindsOf(reviewRecords, kind));
      for (const path of kindsOf(deskRecords, kind)) expect(deskRecords.get(path)!.equals(reviewRecords.get(path)!)).toBe(true);
    }
    // Versions: the same files on both sides, byte for byte. A receiver takes no version of its own; a sender keeps the
    // text sent as one when its newest version does not hold it already (here each move's version does).
    const [deskVersions, reviewVersions] = [versionsOf(deskRecords), versionsOf(reviewRecords)];
    expect(reviewVersions.map(({ reason, status, by }) => `${reason} ${status} ${by}`)).toEqual([
      'status approved Thu Hà',
      'status submitted Ngọc Sơn',
      'status changesRequested Thu Hà',
      'status submitted Ngọc Sơn',
      'editing draft Ngọc Sơn',
    ]);
    expect(deskVersions).toEqual(reviewVersions);
    for (const path of kindsOf(reviewRecords, 'versions')) expect(deskRecords.get(path)?.equals(reviewRecords.get(path)!), path).toBe(true);
  });
});
