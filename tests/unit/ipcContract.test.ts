import { describe, expect, it, vi } from 'vitest';
import { apiNameOf, ipcChannels, ipcEvents, listenerNameOf, type IpcChannel } from '../../shared/ipcChannels';
import { ipcContract, type HandlerTable } from '../../shared/ipcContract';
import { internalErrorMessage, invokeHandler } from '../../electron/main/ipc/invokeHandler';
import { createPreloadApi } from '../../electron/preload/createPreloadApi';
import { createTestHandlers } from '../support/createTestHandlers';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

/** A handler table whose every handler is a spy, to prove a bad request never reaches one. */
function spyHandlers(): HandlerTable {
  return Object.fromEntries(ipcChannels.map((channel) => [channel, vi.fn(async () => ({}))])) as unknown as HandlerTable;
}

// Refusals are logged; these tests read the answers, so the log is kept out of the output.
const quietLog = () => undefined;

const malformedForEveryChannel: unknown[] = [null, undefined, 42, 'article', [], { unexpected: true, id: 7 }];

const malformedByChannel: Record<IpcChannel, unknown[]> = {
  'library:list': [{ scope: 'everything' }, {}],
  'library:search': [{ query: 5, scope: 'active' }, { query: 'x' }, { query: 'x', scope: 'active', snippetCount: 10_000 }],
  'article:create': [{ id: 'x' }],
  'article:get': [{ id: '../../etc/passwd' }, { id: '' }, {}],
  'article:save': [
    { id: 'abcdef12-0000', baseRevision: -1, content: {} },
    { id: 'abcdef12-0000', baseRevision: 1, content: { title: 5 } },
    { id: 'abcdef12-0000', baseRevision: 1 },
  ],
  'article:duplicate': [{ id: 'ABC/..' }],
  'article:trash': [{ id: 12345678 }],
  'article:restore': [{}],
  'article:move': [
    { id: 'abcdef12-0000', baseRevision: 1, to: 'review', note: '' },
    { id: 'abcdef12-0000', baseRevision: 1, to: 'approved' },
    { id: 'abcdef12-0000', baseRevision: 1, to: 'approved', note: 'x'.repeat(2_001) },
    { id: 'abcdef12-0000', baseRevision: 1, to: 'approved', note: '', by: { name: 'Giả danh', role: 'managingEditor' } },
  ],
  'article:history': [{ id: '../x' }],
  'version:list': [{ id: 'abcdef12-0000', all: true }],
  'version:get': [{ id: 'abcdef12-0000', versionId: '../../x' }, { id: 'abcdef12-0000' }],
  'version:save': [{ id: 'abcdef12-0000', label: 'x'.repeat(201) }, { id: 'abcdef12-0000' }],
  'version:compare': [{ id: 'abcdef12-0000', from: 'latest', to: null }, { id: 'abcdef12-0000' }],
  'version:restore': [{ id: 'abcdef12-0000', versionId: '2026-11-30T08-00-00.000Z-0123456789ab' }],
  'version:sinceMyReview': [{ id: 'abcdef12-0000', name: 'Minh Anh' }],
  'comment:list': [{ id: 'abcdef12-0000', resolved: false }],
  'comment:start': [
    { id: 'abcdef12-0000', text: 'x'.repeat(5_001), quote: '' },
    { id: 'abcdef12-0000', text: 'x' },
  ],
  'comment:reply': [
    { id: 'abcdef12-0000', threadId: '1', text: 'x' },
    { id: 'abcdef12-0000', text: 'x' },
  ],
  'comment:resolve': [{ id: 'abcdef12-0000', threadId: '2026-11-30T08-00-00.000Z-0123456789ab', resolved: 'yes' }],
  'article:exportHtml': [{ id: 'abcdef12-0000', path: '/etc/cron.d/x' }],
  'article:exportFolder': [{ id: 'x/../..' }, { id: 'abcdef12-0000', folder: '/' }],
  'article:preview': [{ id: '../x' }, { id: 'abcdef12-0000', html: '<script>' }],
  'article:copyForCms': [{ id: '' }, { id: 'abcdef12-0000', html: '<img src=x onerror=alert(1)>' }],
  'article:saveCmsPhotos': [{ id: 'x/../..' }, { id: 'abcdef12-0000', folder: '/etc' }],
  'clipboard:write': [
    { html: '<b>x</b>' },
    { text: 5 },
    { text: 'x', html: 7 },
    { text: 'x', files: ['/etc/passwd'] },
    { text: 'x'.repeat(20_000_001) },
  ],
  'article:exportDocx': [{ id: '../../etc' }, { id: 'abcdef12-0000', path: '/etc/cron.d/x.docx' }],
  'article:print': [{ id: '../../etc' }, { id: 'abcdef12-0000', html: '<script>alert(1)</script>' }, { id: 'abcdef12-0000', silent: true }],
  'batch:export': [
    { ids: [], form: 'html' },
    { ids: ['../x'], form: 'html' },
    { ids: ['abcdef12-0000'], form: 'pdf' },
    { ids: ['abcdef12-0000'], form: 'html', folder: '/etc' },
  ],
  'batch:progress': [{ id: 'abcdef12-0000' }],
  'batch:cancel': [{ force: true }],
  // The window never names the folder: only the last batch's is opened.
  'batch:openFolder': [{ path: '/etc' }, { folder: '/' }],
  'trash:empty': [{ confirm: true }],
  'media:importFromDialog': [{ paths: ['/etc/passwd'] }],
  'media:importBytes': [
    { fileName: 'a.jpg', bytes: 'AAAA' },
    { fileName: 'a.jpg' },
    { fileName: 'a.jpg', bytes: [255, 216, 255] },
    { fileName: 7, bytes: new Uint8Array(4) },
  ],
  'media:get': [{ id: 'ABC' }, { id: '../../etc/passwd' }, { id: 'a'.repeat(63) }],
  'media:importProgress': [{ path: '/etc/passwd' }],
  'package:send': [{ id: '../x' }, {}, { id: 'abcdef12-0000', path: '/tmp/x.banthao' }],
  'package:openFromDialog': [{ path: '/etc/passwd' }],
  'package:readyToReceive': [{}, { requestId: -1 }, { requestId: 1.5 }, { requestId: '1' }, { requestId: 1, path: '/etc/passwd' }],
  'package:receiveBytes': [
    { fileName: 'a.banthao', bytes: 'UEsDBA==' },
    { fileName: 'a.banthao' },
    { fileName: 'a.banthao', bytes: [80, 75, 3, 4] },
    { fileName: 7, bytes: new Uint8Array(4) },
    { fileName: 'a.banthao', bytes: new Uint8Array(4), path: '/tmp/a.banthao' },
  ],
  'word:openFromDialog': [{ path: '/etc/passwd' }],
  'word:readBytes': [
    { fileName: 'a.docx', bytes: 'UEsDBA==' },
    { fileName: 'a.docx' },
    { fileName: 'a.docx', bytes: [80, 75, 3, 4] },
    { fileName: 7, bytes: new Uint8Array(4) },
    { fileName: 'a.docx', bytes: new Uint8Array(4), path: '/tmp/a.docx' },
  ],
  'word:progress': [{ id: 'abcdef12-0000' }],
  'conflict:list': [{ id: 'abcdef12-0000' }],
  'conflict:get': [{}, { id: '../x' }],
  'conflict:resolve': [
    {},
    { id: 'abcdef12-0000', conflictId: '../x', baseRevision: 1, choices: {} },
    {
      id: 'abcdef12-0000',
      conflictId: '2026-11-30T10-00-00.000Z-0001abcdef12',
      baseRevision: 1,
      choices: {
        title: { side: 'both', text: null },
        sapo: { side: 'mine', text: null },
        body: { side: 'mine' },
        byline: { side: 'mine', text: null },
        credit: { side: 'mine', text: null },
        publicationDate: { side: 'mine' },
      },
    },
    {
      id: 'abcdef12-0000',
      conflictId: '2026-11-30T10-00-00.000Z-0001abcdef12',
      baseRevision: 1,
      choices: {
        title: { side: 'mine', text: 'x'.repeat(2_001) },
        sapo: { side: 'mine', text: null },
        body: { side: 'theirs', text: 'thân bài gõ tay' },
        byline: { side: 'mine', text: null },
        credit: { side: 'mine', text: null },
        publicationDate: { side: 'mine' },
      },
    },
  ],
  'people:names': [{ limit: 5 }],
  'dictionary:list': [{ word: 'email' }],
  'dictionary:add': [{ word: '' }, { word: '   ' }, { word: 'hai từ' }, { word: 'e-mail' }, { word: 'x'.repeat(65) }, { word: 5 }, {}],
  'dictionary:remove': [{ word: '' }, { word: 'hai từ' }, { word: '../x' }, { word: 5 }, {}],
  'spelling:knownWords': [{ id: '../../etc/passwd' }, {}],
  'settings:get': [{ language: 'vi' }],
  'settings:update': [
    { language: 'fr' },
    { dataDirectory: '/' },
    {
      exportTemplate: {
        use: 'agency',
        headerText: 'Báo',
        logo: 'https://evil.example/logo.png',
        partOrder: ['date', 'title', 'sapo', 'byline'],
        stylesheet: '',
      },
    },
    { exportTemplate: { use: 'agency', headerText: 'Báo', logo: '', partOrder: ['date', 'title', 'sapo'], stylesheet: '' } },
    {
      exportTemplate: {
        use: 'agency',
        headerText: 'Báo',
        logo: '',
        partOrder: ['date', 'title', 'sapo', 'byline'],
        stylesheet: 'x'.repeat(100_001),
      },
    },
    { exportTemplate: { use: 'script', headerText: '', logo: '', partOrder: ['date', 'title', 'sapo', 'byline'], stylesheet: '' } },
  ],
  'template:chooseLogo': [{ path: '/etc/passwd' }],
  'template:chooseStylesheet': [{ path: '/etc/passwd' }],
  'template:preview': [{}, { exportTemplate: { use: 'agency' } }, { exportTemplate: null }],
  'sharedLibrary:get': [{ secret: 'x' }],
  'sharedLibrary:save': [
    { address: 'ftp://git.toasoan.vn/thu-vien.git', userName: 'son', allowPlainHttp: false },
    { address: 'https://son:matkhau@git.toasoan.vn/thu-vien.git', userName: 'son', allowPlainHttp: false },
    { address: 'https://git.toasoan.vn/thu-vien.git', userName: 'son', secret: '', allowPlainHttp: false },
    { address: 'https://git.toasoan.vn/thu-vien.git', userName: 'son' },
  ],
  'sharedLibrary:testConnection': [
    { address: 'file:///etc/passwd', userName: 'son', allowPlainHttp: true },
    { address: 'https://git.toasoan.vn/thu-vien.git', userName: 'son', allowPlainHttp: 'yes' },
  ],
  'sharedLibrary:status': [{ verbose: true }],
  'sharedLibrary:join': [{ address: 'https://git.toasoan.vn/khac.git' }],
  'sharedLibrary:syncNow': [{ force: true }],
  'backup:list': [{ all: true }],
  'backup:createNow': [{ id: '2026-01-01T00-00-00' }],
  'backup:restore': [{}, { id: '../../etc' }, { id: '2026-01-01T00-00-00', force: true }],
  'backup:status': [{ verbose: true }],
  'app:info': [{ verbose: true }],
  'app:closeReady': [{ now: true }],
  'app:notices': [{ dismissed: true }],
  'app:startup': [{ progress: true }],
  'app:retryOpen': [{ force: true }],
};

describe('IPC contract', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('declares exactly the channels listed in ipcChannels', () => {
    expect(Object.keys(ipcContract).sort()).toEqual([...ipcChannels].sort());
  });

  it('has exactly one handler per channel and no handler for anything else', async () => {
    const { handlers } = await createTestHandlers(await temporaryDirectory());
    expect(Object.keys(handlers).sort()).toEqual([...ipcChannels].sort());
  });

  it('gives the preload exactly one named function per channel that invokes that channel', async () => {
    const invoked: Array<[string, unknown]> = [];
    const api = createPreloadApi({
      invoke: async (channel, request) => {
        invoked.push([channel, request]);
        return { ok: true, value: null };
      },
      on: () => undefined,
      removeListener: () => undefined,
    }) as unknown as Record<string, (request: unknown) => Promise<unknown>>;
    const listeners = ipcEvents.map((event) => listenerNameOf(event));
    const names = Object.keys(api).filter((name) => !listeners.includes(name as (typeof listeners)[number]) && name !== 'mediaUrl');
    expect(names.sort()).toEqual(ipcChannels.map((channel) => apiNameOf(channel)).sort());
    for (const channel of ipcChannels) await api[apiNameOf(channel)]!({ probe: channel });
    expect(invoked).toEqual(ipcChannels.map((channel) => [channel, { probe: channel }]));
  });

  it('never hands the renderer the raw IPC event in the close notification', () => {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    const api = createPreloadApi({
      invoke: async () => null,
      on: (channel, listener) => listeners.set(channel, listener),
      removeListener: () => undefined,
    });
    const received: unknown[][] = [];
    api.onAppBeforeClose((...args: unknown[]) => received.push(args));
    listeners.get('app:beforeClose')!({ sender: 'ipc event with powers' });
    expect(received).toEqual([[]]);
  });

  it('passes main’s package events on with their payload only, holding those sent before the app listens', () => {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    const api = createPreloadApi({
      invoke: async () => null,
      on: (channel, listener) => listeners.set(channel, listener),
      removeListener: () => undefined,
    });
    const ipcEvent = { sender: 'ipc event with powers' };
    // The page has loaded but React has not subscribed yet: the request waits for it.
    listeners.get('package:receiving')!(ipcEvent, 7);
    const requests: unknown[][] = [];
    const stop = api.onPackageReceiving((...args: unknown[]) => requests.push(args));
    expect(requests).toEqual([[7]]);
    listeners.get('package:receiving')!(ipcEvent, 8, 'extra');
    expect(requests).toEqual([[7], [8]]);
    stop();
    listeners.get('package:receiving')!(ipcEvent, 9);
    expect(requests).toEqual([[7], [8]]);

    const reports: unknown[][] = [];
    api.onPackageReceived((...args: unknown[]) => reports.push(args));
    const report = { fileName: 'bai.banthao', ok: false, error: { code: 'not-found', message: 'x' } };
    listeners.get('package:received')!(ipcEvent, report);
    expect(reports).toEqual([[report]]);
  });

  it.each(ipcChannels)('rejects malformed requests on %s with a typed error, without calling the handler', async (channel) => {
    const handlers = spyHandlers();
    for (const request of [...malformedForEveryChannel, ...malformedByChannel[channel]]) {
      const envelope = await invokeHandler(handlers, channel, request, quietLog);
      expect(envelope, `request ${JSON.stringify(request)}`).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(handlers[channel]).not.toHaveBeenCalled();
  });

  it('answers an unknown channel with a typed error', async () => {
    expect(await invokeHandler(spyHandlers(), 'fs:readFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
  });

  it('wraps a handler failure in an error envelope instead of throwing across the boundary', async () => {
    const handlers = spyHandlers();
    handlers['settings:get'] = async () => {
      throw new Error('disk on fire');
    };
    expect(await invokeHandler(handlers, 'settings:get', {}, quietLog)).toEqual({
      ok: false,
      error: { code: 'internal', message: internalErrorMessage },
    });
  });
});
