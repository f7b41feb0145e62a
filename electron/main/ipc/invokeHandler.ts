import { AppError, type AppErrorData } from '../../../shared/errorCodes';
import { ipcChannels, type IpcChannel } from '../../../shared/ipcChannels';
import { ipcContract, type Envelope, type HandlerTable } from '../../../shared/ipcContract';

const knownChannels = new Set<string>(ipcChannels);

function isIpcChannel(name: string): name is IpcChannel {
  return knownChannels.has(name);
}

/** Turns anything thrown into error data the renderer can show; never leaks a stack trace. */
export function toErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Validates a request against the contract, runs its handler and wraps the outcome in an envelope.
 * The single path every call takes, whether it came through ipcMain or the test bridge.
 */
export async function invokeHandler(
  handlers: HandlerTable,
  channelName: string,
  rawRequest: unknown,
): Promise<Envelope<unknown>> {
  if (!isIpcChannel(channelName)) {
    return { ok: false, error: { code: 'unknown-channel', message: `Kênh không tồn tại: ${channelName}` } };
  }
  const parsed = ipcContract[channelName].request.safeParse(rawRequest);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(gốc)'}: ${issue.message}`).join('; ');
    return { ok: false, error: { code: 'invalid-request', message: `Yêu cầu không hợp lệ (${channelName}): ${details}` } };
  }
  try {
    const handler = handlers[channelName] as (request: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}
