import { apiNameOf, ipcChannels } from '../../shared/ipcChannels';
import type { PreloadApi } from '../../shared/ipcContract';

/** The two ipcRenderer calls the API needs; tests pass a recording stand-in. */
export interface IpcRendererLike {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(channel: string, listener: () => void): unknown;
  removeListener(channel: string, listener: () => void): unknown;
}

/** One named function per contract channel (never a generic invoke), plus the close-event subscription. */
export function createPreloadApi(ipcRenderer: IpcRendererLike): PreloadApi {
  const api: Record<string, unknown> = {};
  for (const channel of ipcChannels) {
    api[apiNameOf(channel)] = (request: unknown) => ipcRenderer.invoke(channel, request);
  }
  api.onAppBeforeClose = (listener: () => void) => {
    const forward = () => listener();
    ipcRenderer.on('app:beforeClose', forward);
    return () => ipcRenderer.removeListener('app:beforeClose', forward);
  };
  // Served by main's protocol handler from the media folder; no IPC round trip per image.
  api.mediaUrl = (mediaId: string) => `banthao-media://photo/${encodeURIComponent(mediaId)}`;
  return api as PreloadApi;
}
