import { basename } from 'node:path';
import { collectFigures } from '../../../shared/collectFigures';
import { AppError } from '../../../shared/errorCodes';
import type { HandlerTable } from '../../../shared/ipcContract';
import { slugify } from '../../../shared/slugify';
import type { MediaStore } from '../media/MediaStore';
import type { LibraryBackups } from '../services/LibrarySession';
import type { LibrarySearch } from '../search/LibrarySearch';
import { emptyTrash } from '../services/emptyTrash';
import { listPeopleNames } from '../services/listPeopleNames';
import { renderStandaloneHtml, writeExportFolder } from '../services/exportArticle';
import type { ArticleStore } from '../storage/ArticleStore';
import type { SettingsStore } from '../storage/SettingsStore';
import { writeFileDurably, type DurableWriteOptions } from '../storage/writeFileDurably';

/** The platform's dialogs, answered by a person in Electron and by environment variables in the test bridge. */
export interface Dialogs {
  /** Asks where to save an export; null when the user cancelled. */
  chooseExportPath(suggestedFileName: string): Promise<string | null>;
  /** Asks for the folder an export folder goes into; null when the user cancelled. */
  chooseExportFolder(): Promise<string | null>;
  /** Asks for photos to insert; empty when the user cancelled. */
  chooseImageFiles(): Promise<string[]>;
}

export interface HandlerDependencies {
  store: ArticleStore;
  settings: SettingsStore;
  media: MediaStore;
  dialogs: Dialogs;
  appInfo: { version: string; dataDirectory: string };
  /** Called when the renderer has flushed its pending saves before the window closes. */
  onCloseReady: () => void;
  writeOptions?: DurableWriteOptions;
  /** Snapshots after each change, and the restore screen's channels; without it those channels refuse. */
  backups?: LibraryBackups;
  /** Full-text search over the store; its owner (the library session) flushes it on quit. */
  search: LibrarySearch;
}

/** The table of every channel's handler: the same table serves ipcMain and the loopback test bridge. */
export function createHandlers(dependencies: HandlerDependencies): HandlerTable {
  const { store, settings, media, dialogs, appInfo } = dependencies;
  const exportDependencies = () => ({ media, settings: settings.get() });
  const backupsOrRefuse = (): LibraryBackups => {
    if (dependencies.backups === undefined) throw new AppError('internal', 'Sao lưu chưa được bật trong phiên này');
    return dependencies.backups;
  };
  const { search } = dependencies;
  return {
    'library:list': async ({ scope }) => store.list(scope),
    'library:search': async (request) => search.search(request),
    'article:create': async () => {
      const article = await store.create();
      search.noteArticle(article);
      return article;
    },
    'article:get': async ({ id }) => store.get(id),
    'article:save': async ({ id, baseRevision, content }) => {
      // A figure may only name a photo the library holds (a forged id must not reach disk or an export), or one the
      // stored article already named: a photo lost since (damaged, synced late) must never make the text unsavable.
      let storedPhotos: Set<string> | null = null;
      for (const figure of collectFigures(content.body)) {
        if (await media.has(figure.mediaId)) continue;
        storedPhotos ??= new Set(collectFigures((await store.get(id)).body).map((stored) => stored.mediaId));
        if (!storedPhotos.has(figure.mediaId)) throw new AppError('invalid-request', `Bài nhắc tới một ảnh không có trong thư viện (${figure.mediaId.slice(0, 12)}…)`);
      }
      const saved = await store.save(id, baseRevision, content);
      search.noteSaved(id, saved.revision, content);
      dependencies.backups?.noteChange();
      return saved;
    },
    'article:duplicate': async ({ id }) => {
      const copy = await store.duplicate(id);
      search.noteArticle(copy);
      dependencies.backups?.noteChange();
      return copy;
    },
    'article:trash': async ({ id }) => {
      const summary = await store.trash(id);
      search.noteSummary(summary);
      dependencies.backups?.noteChange();
      return summary;
    },
    'article:restore': async ({ id }) => {
      const summary = await store.restore(id);
      search.noteSummary(summary);
      dependencies.backups?.noteChange();
      return summary;
    },
    'article:exportHtml': async ({ id }) => {
      const article = await store.get(id);
      // Render before asking: an article that cannot be exported fails before the user picks a place.
      const html = await renderStandaloneHtml(article, exportDependencies());
      const path = await dialogs.chooseExportPath(`${slugify(article.title)}.html`);
      if (path === null) return { status: 'cancelled' };
      await writeFileDurably(path, html, dependencies.writeOptions);
      return { status: 'saved', path };
    },
    'article:exportFolder': async ({ id }) => {
      const article = await store.get(id);
      const parentFolder = await dialogs.chooseExportFolder();
      if (parentFolder === null) return { status: 'cancelled' };
      return { status: 'saved', path: await writeExportFolder(article, parentFolder, exportDependencies()) };
    },
    'trash:empty': async () => {
      // Photos go only after the articles, and only those nothing may still need (quarantined files included).
      return emptyTrash({ store, media, search, dataDirectory: appInfo.dataDirectory });
    },
    'media:importFromDialog': async () => {
      const imported = [];
      const refused = [];
      for (const path of await dialogs.chooseImageFiles()) {
        try {
          imported.push(await media.importFile(path));
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          refused.push({ fileName: basename(path), message: error.message });
        }
      }
      return { imported, refused };
    },
    'media:importBytes': async ({ fileName, bytes }) => media.importImage({ bytes, fileName }),
    'media:get': async ({ id }) => media.get(id),
    'people:names': async () => listPeopleNames(store.list('active')),
    'settings:get': async () => settings.get(),
    'settings:update': async (changes) => settings.update(changes),
    'backup:list': async () => backupsOrRefuse().list(),
    'backup:createNow': async () => backupsOrRefuse().createNow(),
    'backup:restore': async ({ id }) => {
      await backupsOrRefuse().restore(id);
      return { restored: true };
    },
    'backup:status': async () => ({ lastFailure: backupsOrRefuse().lastFailure() }),
    'app:info': async () => ({ ...appInfo }),
    'app:closeReady': async () => {
      dependencies.onCloseReady();
      return {};
    },
    'app:notices': async () => store.recoveryNotices(),
    // A table exists only over an opened library; LibrarySession answers this itself while opening.
    'app:startup': async () => ({ state: 'ready' as const }),
    'app:retryOpen': async () => ({ state: 'ready' as const }),
  };
}
