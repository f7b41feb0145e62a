import type { HandlerTable } from '../../../shared/ipcContract';
import type { LibraryApplication } from '../application/LibraryApplication';
import type { LibrarySession } from '../application/LibrarySession';

/** What only the platform knows: the renderer has flushed its saves and the window may close. */
export interface HandlerPlatform {
  onCloseReady: () => void;
  /** The window has saved its edits before a package opened outside it is received (createSaveRequests.ts). */
  onReadyToReceive?: (requestId: number) => void;
}

/**
 * The table of every channel's handler over a library session: main registers it on ipcMain, the browser harness
 * serves it over loopback HTTP, and the bench and tests call it. Each handler is one call: the envelope has already
 * validated the request, the application layer does the work (and announces what changed). `app:startup`,
 * `app:retryOpen`, `app:closeReady` and `package:readyToReceive` answer at once; every other channel waits for the library to be open.
 */
export function createHandlers(session: LibrarySession, platform: HandlerPlatform): HandlerTable {
  // Through `run`, so a restore never replaces the stores under a call still working on them.
  const withApplication = <Result>(work: (application: LibraryApplication) => Promise<Result> | Result) =>
    session.run(async (application) => work(application));
  return {
    'library:list': async ({ scope }) => withApplication((application) => application.articles.list(scope)),
    'library:search': async (request) => withApplication((application) => application.library.search.search(request)),
    'article:create': async () => withApplication((application) => application.articles.create()),
    'article:get': async ({ id }) => withApplication((application) => application.articles.get(id)),
    'article:save': async ({ id, baseRevision, content }) =>
      withApplication((application) => application.articles.save(id, baseRevision, content)),
    'article:duplicate': async ({ id }) => withApplication((application) => application.articles.duplicate(id)),
    'article:trash': async ({ id }) => withApplication((application) => application.articles.trash(id)),
    'article:restore': async ({ id }) => withApplication((application) => application.articles.restore(id)),
    'article:move': async ({ id, baseRevision, to, note }) =>
      withApplication((application) => application.workflow.move(id, baseRevision, to, note)),
    'article:history': async ({ id }) => withApplication((application) => application.workflow.history(id)),
    'version:list': async ({ id }) => withApplication((application) => application.versions.list(id)),
    'version:get': async ({ id, versionId }) => withApplication((application) => application.versions.get(id, versionId)),
    'version:save': async ({ id, label }) => withApplication((application) => application.versions.take(id, 'manual', label)),
    'version:compare': async ({ id, from, to }) => withApplication((application) => application.versions.compare(id, from, to)),
    'version:restore': async ({ id, versionId, baseRevision }) =>
      withApplication((application) => application.versions.restore(id, versionId, baseRevision)),
    'version:sinceMyReview': async ({ id }) => withApplication((application) => application.versions.changesSinceMyReview(id)),
    'comment:list': async ({ id }) => withApplication((application) => application.comments.list(id)),
    'comment:start': async ({ id, text, quote }) => withApplication((application) => application.comments.start(id, text, quote)),
    'comment:reply': async ({ id, threadId, text }) => withApplication((application) => application.comments.reply(id, threadId, text)),
    'comment:resolve': async ({ id, threadId, resolved }) =>
      withApplication((application) => application.comments.resolve(id, threadId, resolved)),
    'article:exportHtml': async ({ id }) => withApplication((application) => application.exports.exportHtml(id)),
    'article:exportFolder': async ({ id }) => withApplication((application) => application.exports.exportFolder(id)),
    'article:preview': async ({ id }) => withApplication((application) => application.cms.preview(id)),
    'article:copyForCms': async ({ id }) => withApplication((application) => application.cms.copyForCms(id)),
    'article:saveCmsPhotos': async ({ id }) => withApplication((application) => application.cms.savePhotos(id)),
    'clipboard:write': async (content) =>
      withApplication(async (application) => {
        await application.cms.copyField(content);
        return {};
      }),
    'article:exportDocx': async ({ id }) => withApplication((application) => application.exports.exportDocx(id)),
    'batch:export': async ({ ids, form }) => withApplication((application) => application.batchExports.exportArticles(ids, form)),
    'batch:progress': async () => withApplication((application) => application.batchExports.progress()),
    'batch:cancel': async () =>
      withApplication((application) => {
        application.batchExports.cancel();
        return {};
      }),
    'batch:openFolder': async () => withApplication((application) => application.batchExports.openLastFolder()),
    'article:print': async ({ id }) => withApplication((application) => application.exports.print(id)),
    'trash:empty': async () => withApplication((application) => application.articles.emptyTrash()),
    'media:importFromDialog': async () => withApplication((application) => application.photos.importFromDialog()),
    'media:importBytes': async ({ fileName, bytes }) => withApplication((application) => application.photos.importBytes(fileName, bytes)),
    'media:get': async ({ id }) => withApplication((application) => application.photos.get(id)),
    'media:importProgress': async () => withApplication((application) => application.photos.progress()),
    'package:send': async ({ id }) => withApplication((application) => application.packages.send(id)),
    'package:openFromDialog': async () => withApplication((application) => application.packages.openFromDialog()),
    'package:receiveBytes': async ({ fileName, bytes }) =>
      withApplication((application) => application.packages.receiveBytes(fileName, bytes)),
    'word:openFromDialog': async () => withApplication((application) => application.wordImports.openFromDialog()),
    'word:readBytes': async ({ fileName, bytes }) => withApplication((application) => application.wordImports.readBytes(fileName, bytes)),
    'word:progress': async () => withApplication((application) => application.wordImports.progress()),
    'conflict:list': async () => withApplication((application) => application.conflicts.pendingArticleIds()),
    'conflict:get': async ({ id }) => withApplication((application) => application.conflicts.view(id)),
    'conflict:resolve': async ({ id, conflictId, baseRevision, choices }) =>
      withApplication((application) => application.conflicts.resolve(id, conflictId, baseRevision, choices)),
    'package:readyToReceive': async ({ requestId }) => {
      platform.onReadyToReceive?.(requestId);
      return {};
    },
    'people:names': async () => withApplication((application) => application.articles.peopleNames()),
    'dictionary:list': async () => withApplication((application) => application.dictionary.list()),
    'dictionary:add': async ({ word }) => withApplication((application) => application.dictionary.add(word)),
    'dictionary:remove': async ({ word }) => withApplication((application) => application.dictionary.remove(word)),
    'spelling:knownWords': async ({ id }) => withApplication((application) => application.libraryWords.knownFor(id)),
    'template:chooseLogo': async () => withApplication((application) => application.template.chooseLogo()),
    'template:chooseStylesheet': async () => withApplication((application) => application.template.chooseStylesheet()),
    'template:preview': async ({ exportTemplate }) => withApplication(async (application) => application.template.preview(exportTemplate)),
    'settings:get': async () => withApplication((application) => application.settings.get()),
    'settings:update': async (changes) => withApplication((application) => application.settings.update(changes)),
    // This machine's connection, not the library's: answered without waiting for the library to open.
    'sharedLibrary:get': async () => session.sharedLibrary.get(),
    'sharedLibrary:save': async (connection) => session.sharedLibrary.save(connection),
    'sharedLibrary:testConnection': async (connection) => session.sharedLibrary.testConnection(connection),
    'sharedLibrary:status': async () => session.sync.status(),
    'sharedLibrary:join': async () => session.sync.join(),
    'sharedLibrary:syncNow': async () => session.sync.syncNow(),
    'backup:list': async () => session.listBackups(),
    'backup:createNow': async () => session.createBackupNow(),
    'backup:restore': async ({ id }) => {
      await session.restoreBackup(id);
      return { restored: true };
    },
    'backup:status': async () => ({ lastFailure: await session.lastBackupFailure() }),
    'app:info': async () => {
      await session.application();
      return { version: session.appVersion, dataDirectory: session.dataDirectory };
    },
    'app:notices': async () => withApplication((application) => application.articles.recoveryNotices()),
    // Answered at once: the window shows opening progress, and closing never waits for (or is refused by) the library.
    'app:startup': async () => session.status,
    'app:retryOpen': async () => session.retryOpen(),
    'app:closeReady': async () => {
      platform.onCloseReady();
      return {};
    },
  };
}
