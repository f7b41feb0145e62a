import type { ConnectionOutcome } from '../../../shared/sharedLibraryModel';
import { connectionOutcomeOf } from './testGitConnection';

/** The status line's sentence for each answer of the server. */
export const syncOutcomeMessages = {
  connected: null,
  'read-only': 'Tài khoản này chỉ được đọc thư viện chung: không gửi được thay đổi lên máy chủ.',
  unreachable: 'Không kết nối được máy chủ (ngoại tuyến?): các thay đổi vẫn ở trong máy, chờ lần đồng bộ sau.',
  unauthorized: 'Máy chủ không nhận tên đăng nhập hoặc mật khẩu: hãy kiểm tra trong Cài đặt → Thư viện chung.',
  'not-repository': 'Địa chỉ đã lưu không phải một thư viện chung (kho Git) trên máy chủ.',
  certificate: 'Chứng chỉ bảo mật của máy chủ không hợp lệ: chưa gửi hay nhận gì.',
  'plain-http-refused':
    'Địa chỉ http (không mã hóa) nằm ngoài mạng nội bộ: hãy dùng https, hoặc chọn “Cho phép http không mã hóa” trong Cài đặt.',
  'too-large': 'Máy chủ gửi về quá nhiều dữ liệu trong một lần: đã ngắt để bảo vệ máy.',
} as const satisfies Record<ConnectionOutcome, string | null>;

/**
 * What a failed sync says in the status line, from what the connection test knows of Git errors (null: an error that
 * is not about the connection). A certificate error names what the TLS check said.
 */
export function syncMessageOf(error: unknown): string | null {
  const known = outcomeOrNull(error);
  if (known === null) return null;
  const message = syncOutcomeMessages[known.outcome];
  return known.detail === undefined || message === null ? message : `${message} (${known.detail})`;
}

/** Whether the failure is the server not answering: the status line says "ngoại tuyến", not "lỗi". */
syncMessageOf.isOffline = (error: unknown): boolean => outcomeOrNull(error)?.outcome === 'unreachable';

function outcomeOrNull(error: unknown): { outcome: ConnectionOutcome; detail?: string } | null {
  if (typeof error === 'object' && error !== null && 'outcome' in error) return error as { outcome: ConnectionOutcome };
  try {
    // A failure while pushing (HTTP 403 on receive-pack) is the read-only answer; the rest read the same either way.
    const response = (error as { data?: { response?: unknown } } | null)?.data?.response;
    const isPush = typeof response === 'string' && /receive-pack/.test(response);
    return connectionOutcomeOf(error, isPush ? 'push' : 'read');
  } catch {
    return null;
  }
}
