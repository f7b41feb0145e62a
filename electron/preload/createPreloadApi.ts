import { apiNameOf, ipcChannels, listenerNameOf } from '../../shared/ipcChannels';
import type { PreloadApi } from '../../shared/ipcContract';

/** The two ipcRenderer calls the API needs; tests pass a recording stand-in. */
export interface IpcRendererLike {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Main's events that carry a payload, passed on without the IPC event. */
const payloadEvents = ['package:receiving', 'package:received', 'sharedLibrary:synced'] as const;

/** One named function per contract channel (never a generic invoke), plus one subscription per event main sends. */
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
  for (const channel of payloadEvents) {
    // Held until the app listens: main sends once the page has loaded, which may be before React has subscribed.
    let held: unknown[] | null = [];
    const listeners = new Set<(payload: unknown) => void>();
    ipcRenderer.on(channel, (_event: unknown, payload: unknown) => {
      if (held !== null && listeners.size === 0) held.push(payload);
      else for (const listener of listeners) listener(payload);
    });
    api[listenerNameOf(channel)] = (listener: (payload: unknown) => void) => {
      listeners.add(listener);
      const waiting = held ?? [];
      held = null;
      for (const payload of waiting) listener(payload);
      return () => void listeners.delete(listener);
    };
  }
  // Served by main's protocol handler from the media folder; no IPC round trip per image.
  api.mediaUrl = (mediaId: string) => `banthao-media://photo/${encodeURIComponent(mediaId)}`;
  return api as PreloadApi;
}
