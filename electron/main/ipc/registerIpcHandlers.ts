import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ipcChannels } from '../../../shared/ipcChannels';
import type { HandlerTable } from '../../../shared/ipcContract';
import { invokeHandler } from './invokeHandler';
import { isTrustedSender } from './isTrustedSender';

/** The only caller of ipcMain.handle: checks the sender, then runs the contract-checked handler. */
export function registerIpcHandlers(handlers: HandlerTable, trustedPageUrl: string): void {
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, request: unknown) => {
      const frame = event.senderFrame;
      const sender = frame === null ? null : { url: frame.url, isTopFrame: frame.parent === null };
      if (!isTrustedSender(sender, trustedPageUrl)) {
        return { ok: false, error: { code: 'forbidden-sender', message: 'Yêu cầu không đến từ cửa sổ của ứng dụng' } };
      }
      return invokeHandler(handlers, channel, request);
    });
  }
}
