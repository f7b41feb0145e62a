import { basename } from 'node:path';
import { AppError } from '../../../shared/errorCodes';
import { errorCodeOf } from '../storage/fileSystemErrors';

/** Maps a failed read to an AppError whose Vietnamese message says why (toStorageError speaks of writes). */
export function toReadError(error: unknown, path: string): AppError {
  if (error instanceof AppError) return error;
  const code = errorCodeOf(error);
  switch (code) {
    case 'ENOENT':
      return new AppError('not-found', `Không tìm thấy tệp ${path}`, { cause: error });
    case 'EACCES':
    case 'EPERM':
      return new AppError('permission-denied', `Không có quyền đọc ${path}`, { cause: error });
    case 'EISDIR':
      return new AppError('invalid-image', `Không phải tệp ảnh: ${basename(path)}`, { cause: error });
    default:
      return new AppError('storage-failed', `Không đọc được ${path}: ${code ?? String(error)}`, { cause: error });
  }
}
