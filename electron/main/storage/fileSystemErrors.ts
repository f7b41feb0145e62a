import { AppError } from '../../../shared/errorCodes';

/** The Node error code of a failed file operation, if it has one. */
export function errorCodeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/** Maps a file-system failure to an AppError whose Vietnamese message says why the save failed. */
export function toStorageError(error: unknown, path: string): AppError {
  if (error instanceof AppError) return error;
  const code = errorCodeOf(error);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError('disk-full', `Ổ đĩa đã đầy, không ghi được ${path}`, { cause: error });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError('permission-denied', `Không có quyền ghi vào ${path}`, { cause: error });
    default:
      return new AppError('storage-failed', `Không ghi được ${path}: ${code ?? String(error)}`, { cause: error });
  }
}
