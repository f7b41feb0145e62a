import type { z } from 'zod';
import { AppError, isErrorCode, type AppErrorData } from '../../../shared/errorCodes';
import { ipcChannels, type IpcChannel } from '../../../shared/ipcChannels';
import { ipcContract, type Envelope, type HandlerTable } from '../../../shared/ipcContract';
import { logError, type ErrorLog } from '../logging/logError';

const knownChannels = new Set<string>(ipcChannels);

function isIpcChannel(name: string): name is IpcChannel {
  return knownChannels.has(name);
}

/** What the user reads after a failure the app did not foresee; what happened is in the log. */
export const internalErrorMessage =
  'Thao tác chưa thực hiện được vì một lỗi không lường trước. Hãy thử lại; nếu vẫn lỗi, hãy khởi động lại ứng dụng.';

/**
 * Turns anything thrown into error data the renderer can show: an AppError's own Vietnamese message, otherwise a
 * fixed sentence. Never a raw message, a path or a stack: those go to the log.
 */
export function toErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  return { code: 'internal', message: internalErrorMessage };
}

/** The refusal of a request its schema rejects: the code an issue names (a body over the size limits), else `invalid-request`. */
function refusalOf(channel: IpcChannel, issues: readonly z.core.$ZodIssue[]): AppErrorData {
  for (const issue of issues) {
    const named: unknown = issue.code === 'custom' ? issue.params?.code : undefined;
    if (isErrorCode(named)) return { code: named, message: issue.message };
  }
  return { code: 'invalid-request', message: `Ứng dụng gửi dữ liệu sai dạng cho chức năng ${channel}; chi tiết đã được ghi vào nhật ký.` };
}

/** Whether a failure is worth the log: anything unforeseen, and a refusal that hides a system error behind its message. */
function deservesLog(error: unknown): boolean {
  return !(error instanceof AppError) || error.code === 'internal' || error.cause !== undefined;
}

/**
 * Validates a request against the contract, runs its handler and wraps the outcome in an envelope.
 * The single path every call takes, whether it came through ipcMain or the test bridge. Nothing escapes it:
 * a parse that throws (a body built to exhaust the call stack) is refused like any malformed request.
 * `log` receives the raw failures (messages, stacks, paths) the answer leaves out.
 */
export async function invokeHandler(
  handlers: HandlerTable,
  channelName: string,
  rawRequest: unknown,
  log: ErrorLog = logError,
): Promise<Envelope<unknown>> {
  if (!isIpcChannel(channelName)) {
    return { ok: false, error: { code: 'unknown-channel', message: `Kênh không tồn tại: ${channelName.slice(0, 100)}` } };
  }
  let request: unknown;
  try {
    const parsed = ipcContract[channelName].request.safeParse(rawRequest);
    if (!parsed.success) {
      log(`yêu cầu ${channelName} bị từ chối`, parsed.error);
      return { ok: false, error: refusalOf(channelName, parsed.error.issues) };
    }
    request = parsed.data;
  } catch (error) {
    log(`không kiểm tra được yêu cầu ${channelName}`, error);
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        message: `Ứng dụng gửi dữ liệu không kiểm tra được cho chức năng ${channelName}; chi tiết đã được ghi vào nhật ký.`,
      },
    };
  }
  try {
    const handler = handlers[channelName] as (request: unknown) => Promise<unknown>;
    const value = await handler(request);
    return { ok: true, value };
  } catch (error) {
    if (deservesLog(error)) log(`${channelName} thất bại`, error);
    return { ok: false, error: toErrorData(error) };
  }
}
