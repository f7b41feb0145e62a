import { basename } from 'node:path';
import { AppError } from '../../../shared/errorCodes';

/** The Node error code of a failed file operation, if it has one. */
export function errorCodeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/** A file as a message shown to the user names it: its name in quotes, never its absolute path (that stays in the cause, for the log). */
export function quotedFileName(path: string): string {
  return `“${basename(path)}”`;
}

/** The system's code for a failure (EIO…) as a message may show it; its raw message, with paths, stays in the cause. */
export function systemCodeNote(error: unknown): string {
  const code = errorCodeOf(error);
  return code !== undefined && /^[A-Z][A-Z0-9_]{1,30}$/.test(code) ? ` (mã lỗi ${code})` : '';
}

/** Maps a file-system failure to an AppError whose Vietnamese message says why the save failed. */
export function toStorageError(error: unknown, path: string): AppError {
  if (error instanceof AppError) return error;
  switch (errorCodeOf(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError('disk-full', `Ổ đĩa đã đầy, không ghi được ${quotedFileName(path)}.`, { cause: error });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError('permission-denied', `Không có quyền ghi vào ${quotedFileName(path)}.`, { cause: error });
    default:
      return new AppError('storage-failed', `Không ghi được ${quotedFileName(path)}${systemCodeNote(error)}.`, { cause: error });
  }
}
