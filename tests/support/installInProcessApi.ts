import { apiNameOf, ipcChannels } from '../../shared/ipcChannels';
import type { PreloadApi } from '../../shared/ipcContract';
import { invokeHandler } from '../../electron/main/ipc/invokeHandler';
import { createTestHandlers } from './createTestHandlers';

/**
 * Gives a jsdom window the preload API backed by the real handler table on a temp library, with a
 * structured clone on the way in and out as IPC would do. Returns the stores for assertions.
 */
export async function installInProcessApi(dataDirectory: string, exportPath: string | null = null) {
  const library = await createTestHandlers(dataDirectory, exportPath === null ? {} : { exportPath });
  const api: Record<string, unknown> = {};
  for (const channel of ipcChannels) {
    api[apiNameOf(channel)] = async (request: unknown) => structuredClone(await invokeHandler(library.handlers, channel, structuredClone(request)));
  }
  api.onAppBeforeClose = () => () => {};
  api.mediaUrl = (mediaId: string) => `banthao-media://photo/${mediaId}`;
  window.api = api as PreloadApi;
  return library;
}
