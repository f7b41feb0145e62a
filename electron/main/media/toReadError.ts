import { AppError } from '../../../shared/errorCodes';
import { errorCodeOf, quotedFileName, systemCodeNote } from '../storage/fileSystemErrors';

/** Maps a failed read to an AppError whose Vietnamese message says why (toStorageError speaks of writes). */
export function toReadError(error: unknown, path: string): AppError {
  if (error instanceof AppError) return error;
  switch (errorCodeOf(error)) {
    case 'ENOENT':
      return new AppError('not-found', `Không tìm thấy tệp ${quotedFileName(path)}.`, { cause: error });
    case 'EACCES':
    case 'EPERM':
      return new AppError('permission-denied', `Không có quyền đọc ${quotedFileName(path)}.`, { cause: error });
    case 'EISDIR':
      return new AppError('invalid-image', `Không phải tệp ảnh: ${quotedFileName(path)}.`, { cause: error });
    default:
      return new AppError('storage-failed', `Không đọc được ${quotedFileName(path)}${systemCodeNote(error)}.`, { cause: error });
  }
}
