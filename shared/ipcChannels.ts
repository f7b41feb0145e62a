/**
 * Every invoke channel, by name. Kept apart from the contract so the sandboxed preload can
 * build one function per channel without bundling zod.
 */
export const ipcChannels = [
  'library:list',
  'library:search',
  'article:create',
  'article:get',
  'article:save',
  'article:duplicate',
  'article:trash',
  'article:restore',
  'article:move',
  'article:history',
  'version:list',
  'version:get',
  'version:save',
  'version:compare',
  'version:restore',
  'version:sinceMyReview',
  'comment:list',
  'comment:start',
  'comment:reply',
  'comment:resolve',
  'article:exportHtml',
  'article:exportFolder',
  'article:preview',
  'article:copyForCms',
  'article:saveCmsPhotos',
  'clipboard:write',
  'article:exportDocx',
  'batch:export',
  'batch:progress',
  'batch:cancel',
  'batch:openFolder',
  'article:print',
  'trash:empty',
  'media:importFromDialog',
  'media:importBytes',
  'media:get',
  'media:importProgress',
  'package:send',
  'package:openFromDialog',
  'package:receiveBytes',
  'conflict:list',
  'conflict:get',
  'conflict:resolve',
  'package:readyToReceive',
  'word:openFromDialog',
  'word:readBytes',
  'word:progress',
  'people:names',
  'dictionary:list',
  'dictionary:add',
  'dictionary:remove',
  'spelling:knownWords',
  'settings:get',
  'settings:update',
  'template:chooseLogo',
  'template:chooseStylesheet',
  'template:preview',
  'sharedLibrary:get',
  'sharedLibrary:save',
  'sharedLibrary:testConnection',
  'sharedLibrary:status',
  'sharedLibrary:join',
  'sharedLibrary:syncNow',
  'backup:list',
  'backup:createNow',
  'backup:restore',
  'backup:status',
  'app:info',
  'app:closeReady',
  'app:notices',
  'app:startup',
  'app:retryOpen',
] as const;

export type IpcChannel = (typeof ipcChannels)[number];

/** Events main sends to the renderer (never requests). */
export const ipcEvents = ['app:beforeClose', 'package:receiving', 'package:received', 'sharedLibrary:synced'] as const;
export type IpcEvent = (typeof ipcEvents)[number];

type ApiNameOf<Channel extends string> = Channel extends `${infer Domain}:${infer Action}` ? `${Domain}${Capitalize<Action>}` : never;

/** The renderer-side function name of a channel: 'article:save' → 'articleSave'. */
export type ApiName<Channel extends IpcChannel = IpcChannel> = ApiNameOf<Channel>;

export function apiNameOf<Channel extends IpcChannel>(channel: Channel): ApiName<Channel> {
  const [domain, action] = channel.split(':') as [string, string];
  return `${domain}${action.charAt(0).toUpperCase()}${action.slice(1)}` as ApiName<Channel>;
}

/** The renderer-side subscription name of an event: 'app:beforeClose' → 'onAppBeforeClose'. */
export function listenerNameOf(event: IpcEvent): `on${Capitalize<ApiNameOf<IpcEvent>>}` {
  const name = apiNameOf(event as unknown as IpcChannel);
  return `on${name.charAt(0).toUpperCase()}${name.slice(1)}` as `on${Capitalize<ApiNameOf<IpcEvent>>}`;
}
