import { apiNameOf, ipcChannels, ipcEvents, listenerNameOf } from '../../shared/ipcChannels';

/** Bodies above this go without `keepalive`: Chromium rejects a keepalive fetch whose body passes 64 KiB. */
export const keepaliveBodyLimitBytes = 48 * 1024;

/** The bridge's own event carrying main's clipboard writes to the page, which writes them with navigator.clipboard. */
export const bridgeClipboardEvent = 'bridge:clipboard';

/**
 * The classic script served at /bridge/api.js: defines `window.api` with the preload's function names
 * (generated from the channel list, so a new channel needs no change here), each POSTing to the bridge.
 */
export function bridgeApiScript(): string {
  const calls = ipcChannels.map((channel) => [apiNameOf(channel), channel]);
  // The browser never asks before closing; main's other events come over a server-sent event stream.
  const pushed = ipcEvents.filter((event) => event !== 'app:beforeClose').map((event) => [listenerNameOf(event), event]);
  const silent = ipcEvents.filter((event) => event === 'app:beforeClose').map((event) => listenerNameOf(event));
  return `// Bản Thảo test bridge (test and development only, never packaged): window.api over loopback HTTP.
(() => {
  'use strict';
  const calls = ${JSON.stringify(calls)};
  const pushed = ${JSON.stringify(pushed)};
  const silent = ${JSON.stringify(silent)};
  const encoder = new TextEncoder();
  const failure = (message) => ({ ok: false, error: { code: 'internal', message } });
  // JSON has no bytes: a Uint8Array (a dropped photo) travels as {"$bytes": base64}; the bridge turns it back.
  const toBase64 = (bytes) => {
    let binary = '';
    for (let index = 0; index < bytes.length; index += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(index, index + 0x8000));
    }
    return btoa(binary);
  };
  const encode = (key, value) => (value instanceof Uint8Array ? { $bytes: toBase64(value) } : value);
  const call = async (channel, request) => {
    const body = JSON.stringify(request === undefined ? null : request, encode);
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
  for (const name of silent) api[name] = () => () => {};
  // Opened by the first subscription: the bridge holds its events until then, as the preload holds them for React.
  let stream = null;
  const subscribers = new Map(pushed.map(([, event]) => [event, new Set()]));
  const subscribe = (event, listener) => {
    if (stream === null) {
      stream = new EventSource('/bridge/events');
      for (const [, name] of pushed) {
        stream.addEventListener(name, (message) => {
          let payload;
          try {
            payload = JSON.parse(message.data);
          } catch {
            return;
          }
          for (const each of [...subscribers.get(name)]) each(payload);
        });
      }
      stream.addEventListener(${JSON.stringify(bridgeClipboardEvent)}, (message) => {
        let content;
        try {
          content = JSON.parse(message.data);
        } catch {
          return;
        }
        const types = { 'text/plain': new Blob([content.text], { type: 'text/plain' }) };
        if (typeof content.html === 'string') types['text/html'] = new Blob([content.html], { type: 'text/html' });
        navigator.clipboard.write([new ClipboardItem(types)]).catch((error) => console.error('Bridge clipboard', error));
      });
    }
    subscribers.get(event).add(listener);
    return () => subscribers.get(event).delete(listener);
  };
  for (const [name, event] of pushed) api[name] = (listener) => subscribe(event, listener);
  api.mediaUrl = (mediaId) => '/bridge/media/' + encodeURIComponent(mediaId);
  Object.defineProperty(window, 'api', { value: Object.freeze(api), enumerable: true });
})();
`;
}
