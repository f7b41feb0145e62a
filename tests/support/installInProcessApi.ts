import { apiNameOf, ipcChannels } from '../../shared/ipcChannels';
import type { PreloadApi } from '../../shared/ipcContract';
import { createHandlers } from '../../electron/main/ipc/createHandlers';
import { invokeHandler } from '../../electron/main/ipc/invokeHandler';
import { openLibrary } from '../../electron/main/services/openLibrary';
import { flushBeforeCleanup } from './temporaryDirectory';

/**
 * Gives a jsdom window the preload API backed by the real handler table on a temp library, with a
 * structured clone on the way in and out as IPC would do. Returns the stores for assertions.
 */
export async function installInProcessApi(dataDirectory: string, exportPath: string | null = null) {
  const library = await openLibrary(dataDirectory);
  flushBeforeCleanup(library.store);
  const handlers = createHandlers({
    store: library.store,
    settings: library.settings,
    dialogs: { chooseExportPath: async () => exportPath },
    appInfo: { version: 'test', dataDirectory },
    onCloseReady: () => {},
  });
  const api: Record<string, unknown> = {};
  for (const channel of ipcChannels) {
    api[apiNameOf(channel)] = async (request: unknown) => structuredClone(await invokeHandler(handlers, channel, structuredClone(request)));
  }
  api.onAppBeforeClose = () => () => {};
  window.api = api as PreloadApi;
  return library;
}
