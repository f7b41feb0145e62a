import { basename, join } from 'node:path';
import { app, BrowserWindow, dialog, shell } from 'electron';
import { AppError } from '../../shared/errorCodes';
import { reviewPackageExtension } from '../../shared/reviewPackageModel';
import { wordFileExtension } from '../../shared/wordImportModel';
import type { Dialogs, EarlierExportChoice } from './application/Dialogs';

/** The application's dialogs as Electron shows them, attached to the focused window when there is one. */
export function createElectronDialogs(): Dialogs {
  return {
    async chooseExportPath(suggestedFileName) {
      const owner = BrowserWindow.getFocusedWindow();
      // The form follows the suggested name's extension: a Word export offers .docx, every other one .html.
      const word = suggestedFileName.endsWith('.docx');
      const options = {
        title: word ? 'Xuất bài ra Word' : 'Xuất bài ra HTML',
        defaultPath: join(app.getPath('documents'), suggestedFileName),
        filters: [word ? { name: 'Tài liệu Word', extensions: ['docx'] } : { name: 'Trang HTML', extensions: ['html'] }],
        // Windows and macOS always ask before replacing a file; on Linux only when told to.
        properties: ['showOverwriteConfirmation' as const],
      };
      const answer = owner === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(owner, options);
      return answer.canceled || answer.filePath === undefined ? null : answer.filePath;
    },
    async chooseExportFolder() {
      const options = {
        title: 'Chọn thư mục để xuất bài',
        defaultPath: app.getPath('documents'),
        properties: ['openDirectory' as const, 'createDirectory' as const],
      };
      const owner = BrowserWindow.getFocusedWindow();
      const answer = owner === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(owner, options);
      return answer.canceled ? null : (answer.filePaths[0] ?? null);
    },
    async askAboutEarlierExport(folderPath) {
      // Button order is the order of the answers; Esc or closing the box is "Hủy".
      const answers: readonly EarlierExportChoice[] = ['replace', 'keep-both', 'cancel'];
      const options = {
        type: 'question' as const,
        title: 'Xuất thư mục',
        message: `Bài này đã được xuất vào thư mục “${basename(folderPath)}”. Thay thế bản xuất cũ?`,
        detail:
          `${folderPath}\n\n“Thay thế” xóa bản xuất cũ và ghi bản mới vào chỗ đó. ` +
          '“Xuất thành thư mục mới” giữ nguyên bản cũ và ghi bản mới vào một thư mục bên cạnh.',
        buttons: ['Thay thế', 'Xuất thành thư mục mới', 'Hủy'],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
      };
      const owner = BrowserWindow.getFocusedWindow();
      const answer = owner === null ? await dialog.showMessageBox(options) : await dialog.showMessageBox(owner, options);
      return answers[answer.response] ?? 'cancel';
    },
    async chooseImageFiles() {
      const options = {
        title: 'Chèn ảnh',
        defaultPath: app.getPath('pictures'),
        properties: ['openFile' as const, 'multiSelections' as const],
        filters: [
          { name: 'Ảnh (JPEG, PNG, WebP, GIF, HEIC)', extensions: ['jpg', 'jpeg', 'jfif', 'png', 'webp', 'gif', 'heic', 'heif', 'hif'] },
        ],
      };
      const owner = BrowserWindow.getFocusedWindow();
      const answer = owner === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(owner, options);
      return answer.canceled ? [] : answer.filePaths;
    },
    async choosePackagePath(suggestedFileName) {
      const owner = BrowserWindow.getFocusedWindow();
      const options = {
        title: 'Gửi bài để duyệt',
        defaultPath: join(app.getPath('documents'), suggestedFileName),
        filters: [{ name: 'Gói bài Bản Thảo', extensions: [reviewPackageExtension] }],
      };
      const answer = owner === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(owner, options);
      return answer.canceled || answer.filePath === undefined ? null : answer.filePath;
    },
    async choosePackageToOpen() {
      const options = {
        title: 'Mở gói bài',
        defaultPath: app.getPath('downloads'),
        properties: ['openFile' as const],
        filters: [{ name: 'Gói bài Bản Thảo', extensions: [reviewPackageExtension] }],
      };
      const owner = BrowserWindow.getFocusedWindow();
      const answer = owner === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(owner, options);
      return answer.canceled ? null : (answer.filePaths[0] ?? null);
    },
    async chooseWordFile() {
      const options = {
        title: 'Nhập tệp Word',
        defaultPath: app.getPath('documents'),
        properties: ['openFile' as const],
        filters: [{ name: 'Tài liệu Word (.docx)', extensions: [wordFileExtension] }],
      };
      const owner = BrowserWindow.getFocusedWindow();
      const answer = owner === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(owner, options);
      return answer.canceled ? null : (answer.filePaths[0] ?? null);
    },
    async chooseStylesheetFile() {
      const options = {
        title: 'Chọn bảng định kiểu của mẫu trình bày',
        defaultPath: app.getPath('documents'),
        properties: ['openFile' as const],
        filters: [{ name: 'Bảng định kiểu (.css)', extensions: ['css'] }],
      };
      const owner = BrowserWindow.getFocusedWindow();
      const answer = owner === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(owner, options);
      return answer.canceled ? null : (answer.filePaths[0] ?? null);
    },
    async askToReplaceFiles(folder, names) {
      // Esc or closing the box keeps the files: nothing is replaced without a clear yes.
      const options = {
        type: 'question' as const,
        title: 'Lưu ảnh cho CMS',
        message: `Thư mục “${basename(folder)}” đã có ${names.length} ảnh cùng tên. Thay thế?`,
        detail: `${folder}\n\n${names.join('\n')}`,
        buttons: ['Thay thế', 'Hủy'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      };
      const owner = BrowserWindow.getFocusedWindow();
      const answer = owner === null ? await dialog.showMessageBox(options) : await dialog.showMessageBox(owner, options);
      return answer.response === 0;
    },
    async askAboutExistingExports(folder, names) {
      // Button order is the order of the answers; Esc or closing the box is "Hủy".
      const answers: readonly EarlierExportChoice[] = ['replace', 'keep-both', 'cancel'];
      const shown = names.length > 12 ? [...names.slice(0, 12), `… và ${names.length - 12} tệp khác`] : names;
      const options = {
        type: 'question' as const,
        title: 'Xuất các bài đã chọn',
        message: `Thư mục “${basename(folder)}” đã có ${names.length} tệp cùng tên. Thay thế?`,
        detail: `${folder}\n\n${shown.join('\n')}\n\n“Giữ cả hai” ghi bản mới bên cạnh với tên thêm số (-2, -3…).`,
        buttons: ['Thay thế', 'Giữ cả hai', 'Hủy'],
        defaultId: 1,
        cancelId: 2,
        noLink: true,
      };
      const owner = BrowserWindow.getFocusedWindow();
      const answer = owner === null ? await dialog.showMessageBox(options) : await dialog.showMessageBox(owner, options);
      return answers[answer.response] ?? 'cancel';
    },
    async openFolder(folder) {
      // openPath answers with an error message, empty when the file manager opened.
      const failure = await shell.openPath(folder);
      if (failure !== '') throw new AppError('export-failed', 'Không mở được thư mục đã xuất.');
    },
  };
}
