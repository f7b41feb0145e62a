import type { HandlerTable } from '../../../shared/ipcContract';
import type { LibrarySession } from '../application/LibrarySession';

/** What only the platform knows: the renderer has flushed its saves and the window may close. */
export interface HandlerPlatform {
  onCloseReady: () => void;
}

/**
 * The table of every channel's handler over a library session: main registers it on ipcMain, the browser harness
 * serves it over loopback HTTP, and the bench and tests call it. Each handler is one call: the envelope has already
 * validated the request, the application layer does the work (and announces what changed). `app:startup`,
 * `app:retryOpen` and `app:closeReady` answer at once; every other channel waits for the library to be open.
 */
export function createHandlers(session: LibrarySession, platform: HandlerPlatform): HandlerTable {
  const app = () => session.application();
  return {
    'library:list': async ({ scope }) => (await app()).articles.list(scope),
    'library:search': async (request) => (await app()).library.search.search(request),
    'article:create': async () => (await app()).articles.create(),
    'article:get': async ({ id }) => (await app()).articles.get(id),
    'article:save': async ({ id, baseRevision, content }) => (await app()).articles.save(id, baseRevision, content),
    'article:duplicate': async ({ id }) => (await app()).articles.duplicate(id),
    'article:trash': async ({ id }) => (await app()).articles.trash(id),
    'article:restore': async ({ id }) => (await app()).articles.restore(id),
    'article:exportHtml': async ({ id }) => (await app()).exports.exportHtml(id),
    'article:exportFolder': async ({ id }) => (await app()).exports.exportFolder(id),
    'trash:empty': async () => (await app()).articles.emptyTrash(),
    'media:importFromDialog': async () => (await app()).photos.importFromDialog(),
    'media:importBytes': async ({ fileName, bytes }) => (await app()).photos.importBytes(fileName, bytes),
    'media:get': async ({ id }) => (await app()).photos.get(id),
    'people:names': async () => (await app()).articles.peopleNames(),
    'settings:get': async () => (await app()).settings.get(),
    'settings:update': async (changes) => (await app()).settings.update(changes),
    'backup:list': async () => session.listBackups(),
    'backup:createNow': async () => session.createBackupNow(),
    'backup:restore': async ({ id }) => {
      await session.restoreBackup(id);
      return { restored: true };
    },
    'backup:status': async () => ({ lastFailure: await session.lastBackupFailure() }),
    'app:info': async () => {
      await app();
      return { version: session.appVersion, dataDirectory: session.dataDirectory };
    },
    'app:notices': async () => (await app()).articles.recoveryNotices(),
    // Answered at once: the window shows opening progress, and closing never waits for (or is refused by) the library.
    'app:startup': async () => session.status,
    'app:retryOpen': async () => session.retryOpen(),
    'app:closeReady': async () => {
      platform.onCloseReady();
      return {};
    },
  };
}
