import { apiNameOf, ipcChannels, ipcEvents, listenerNameOf } from '../../shared/ipcChannels';

/** Bodies above this go without `keepalive`: Chromium rejects a keepalive fetch whose body passes 64 KiB. */
export const keepaliveBodyLimitBytes = 48 * 1024;

/**
 * The classic script served at /bridge/api.js: defines `window.api` with the preload's function names
 * (generated from the channel list, so a new channel needs no change here), each POSTing to the bridge.
 */
export function bridgeApiScript(): string {
  const calls = ipcChannels.map((channel) => [apiNameOf(channel), channel]);
  const listeners = ipcEvents.map((event) => listenerNameOf(event));
  return `// Bản Thảo test bridge (test and development only, never packaged): window.api over loopback HTTP.
(() => {
  'use strict';
  const calls = ${JSON.stringify(calls)};
  const listeners = ${JSON.stringify(listeners)};
  const encoder = new TextEncoder();
  const failure = (message) => ({ ok: false, error: { code: 'internal', message } });
  const call = async (channel, request) => {
    const body = JSON.stringify(request === undefined ? null : request);
    let response;
    try {
      response = await fetch('/bridge/call/' + encodeURIComponent(channel), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
        // keepalive lets a save started while the page unloads still arrive (within Chromium's 64 KiB quota).
        keepalive: encoder.encode(body).byteLength <= ${keepaliveBodyLimitBytes},
        credentials: 'same-origin',
      });
    } catch (error) {
      return failure('Không kết nối được với cầu nối thử nghiệm: ' + (error && error.message));
    }
    const type = response.headers.get('content-type') || '';
    if (!type.startsWith('application/json')) return failure('Cầu nối thử nghiệm trả về HTTP ' + response.status);
    return response.json();
  };
  const api = {};
  for (const [name, channel] of calls) api[name] = (request) => call(channel, request);
  // The browser never asks before closing: a subscription that never fires.
  for (const name of listeners) api[name] = () => () => {};
  Object.defineProperty(window, 'api', { value: Object.freeze(api), enumerable: true });
})();
`;
}
