import { AppError } from '../../../shared/errorCodes';
import type { Identity } from '../../../shared/identity';
import type { Settings } from '../../../shared/settingsModel';

/** Who uses this copy of the app, from Cài đặt; null until the first-run question is answered. */
export function currentIdentity(settings: Pick<Settings, 'userName' | 'userRole'>): Identity | null {
  const name = settings.userName.trim();
  return name === '' || settings.userRole === null ? null : { name, role: settings.userRole };
}

/** The identity a change is stamped with; refused (identity-missing) while there is none. */
export function requireIdentity(settings: Pick<Settings, 'userName' | 'userRole'>): Identity {
  const identity = currentIdentity(settings);
  if (identity === null)
    throw new AppError(
      'identity-missing',
      'Hãy nhập tên và vai trò của bạn trong Cài đặt trước: mỗi bước duyệt, bình luận và phiên bản đều ghi tên người làm.',
    );
  return identity;
}
