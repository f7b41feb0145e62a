import { exportArticleHtml } from '../../../shared/exportArticleHtml';
import type { HandlerTable } from '../../../shared/ipcContract';
import { slugify } from '../../../shared/slugify';
import type { ArticleStore } from '../storage/ArticleStore';
import type { SettingsStore } from '../storage/SettingsStore';
import { writeFileDurably, type DurableWriteOptions } from '../storage/writeFileDurably';

/** The platform's dialogs, answered by a person in Electron and by environment variables in the test bridge. */
export interface Dialogs {
  /** Asks where to save an export; null when the user cancelled. */
  chooseExportPath(suggestedFileName: string): Promise<string | null>;
}

export interface HandlerDependencies {
  store: ArticleStore;
  settings: SettingsStore;
  dialogs: Dialogs;
  appInfo: { version: string; dataDirectory: string };
  /** Called when the renderer has flushed its pending saves before the window closes. */
  onCloseReady: () => void;
  writeOptions?: DurableWriteOptions;
}

/** The table of every channel's handler: the same table serves ipcMain and the loopback test bridge. */
export function createHandlers(dependencies: HandlerDependencies): HandlerTable {
  const { store, settings, dialogs, appInfo } = dependencies;
  return {
    'library:list': async ({ scope }) => store.list(scope),
    'article:create': async () => store.create(),
    'article:get': async ({ id }) => store.get(id),
    'article:save': async ({ id, baseRevision, content }) => store.save(id, baseRevision, content),
    'article:duplicate': async ({ id }) => store.duplicate(id),
    'article:trash': async ({ id }) => store.trash(id),
    'article:restore': async ({ id }) => store.restore(id),
    'article:exportHtml': async ({ id }) => {
      const article = await store.get(id);
      // Render before asking: a document that cannot be exported fails before the user picks a place.
      const html = exportArticleHtml(article);
      const path = await dialogs.chooseExportPath(`${slugify(article.title)}.html`);
      if (path === null) return { status: 'cancelled' };
      await writeFileDurably(path, html, dependencies.writeOptions);
      return { status: 'saved', path };
    },
    'settings:get': async () => settings.get(),
    'settings:update': async (changes) => settings.update(changes),
    'app:info': async () => ({ ...appInfo }),
    'app:closeReady': async () => {
      dependencies.onCloseReady();
      return {};
    },
  };
}
