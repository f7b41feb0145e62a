import { apiNameOf, ipcChannels } from '../../shared/ipcChannels';
import type { Identity } from '../../shared/identity';
import type { HandlerTable, PreloadApi } from '../../shared/ipcContract';
import { invokeHandler } from '../../electron/main/ipc/invokeHandler';
import { cannedDialogs, createTestHandlers } from './createTestHandlers';

/** Who the tests' user is unless a test says otherwise: a reporter who has answered the first-run question. */
export const testIdentity: Identity = { name: 'Ngọc Sơn', role: 'reporter' };

export interface InProcessApiOptions {
  /** Written into the settings before the app starts, as if the first-run question had been answered; null leaves it unanswered. */
  identity?: Identity | null;
  /** More canned dialog answers (a package to open, where a package is saved). */
  dialogs?: Parameters<typeof cannedDialogs>[0];
}

/**
 * Gives a jsdom window the preload API backed by the real handler table on a temp library, with a
 * structured clone on the way in and out as IPC would do. Returns the stores for assertions.
 */
export async function installInProcessApi(dataDirectory: string, exportPath: string | null = null, options: InProcessApiOptions = {}) {
  const library = await createTestHandlers(dataDirectory, { ...(exportPath === null ? {} : { exportPath }), ...options.dialogs });
  const identity = options.identity === undefined ? testIdentity : options.identity;
  if (identity !== null) await library.handlers['settings:update']({ userName: identity.name, userRole: identity.role });
  installApiOver(library.handlers);
  return library;
}

/** Gives a jsdom window the preload API over any handler table (a LibrarySession's, say), cloned both ways as IPC would. */
export function installApiOver(handlers: HandlerTable): void {
  const api: Record<string, unknown> = {};
  for (const channel of ipcChannels) {
    api[apiNameOf(channel)] = async (request: unknown) => structuredClone(await invokeHandler(handlers, channel, structuredClone(request)));
  }
  api.onAppBeforeClose = () => () => {};
  api.mediaUrl = (mediaId: string) => `banthao-media://photo/${mediaId}`;
  window.api = api as PreloadApi;
}
