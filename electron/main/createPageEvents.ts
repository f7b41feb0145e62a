import type { IpcEvent } from '../../shared/ipcChannels';

export interface PageEvents {
  /** Sends now if the page has loaded; otherwise once it has. */
  send(event: IpcEvent, payload: unknown): void;
  /** The page has loaded (its preload holds events until the app listens): what waited goes now, in order. */
  loaded(): void;
  isLoaded(): boolean;
}

/**
 * Main's one-way events to the page. A double-click that starts the app is received as soon as the library opens,
 * which may be before the page has loaded: its report waits instead of being sent to no one.
 */
export function createPageEvents(send: (event: IpcEvent, payload: unknown) => void): PageEvents {
  let loaded = false;
  const held: [IpcEvent, unknown][] = [];
  return {
    send(event, payload) {
      if (loaded) send(event, payload);
      else held.push([event, payload]);
    },
    loaded() {
      loaded = true;
      for (const [event, payload] of held.splice(0)) send(event, payload);
    },
    isLoaded: () => loaded,
  };
}
