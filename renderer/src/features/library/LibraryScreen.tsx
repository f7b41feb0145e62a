import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { ArticleSummary } from '../../../../shared/articleModel';
import type { Identity } from '../../../../shared/identity';
import type { ResultOf } from '../../../../shared/ipcContract';
import { reviewPackageExtension } from '../../../../shared/reviewPackageExtension';
import type { Language, Settings } from '../../../../shared/settingsModel';
import { wordFileExtension } from '../../../../shared/wordFileLimits';
import type { ToastMessage } from '../../components/useToast';
import { useMessages } from '../../i18n/MessagesContext';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describeError';
import { followPackageArrivals } from '../../lib/packageArrivals';
import { packageOutcomeToast } from '../../lib/packageOutcomeToast';
import { ArticleList } from './ArticleList';
import { BatchExportDialog } from './BatchExportDialog';
import { LibraryToolbar } from './LibraryToolbar';
import { SettingsDialog } from './SettingsDialog';
import { SyncStatusLine, useSyncShortcut } from './SyncStatusLine';
import { RecoveryNotices } from './RecoveryNotices';
import { defaultCriteria } from './libraryQuery';
import { useLibraryQuery } from './useLibraryQuery';
import { useSyncStatus } from './useSyncStatus';
import { useWordImport } from './useWordImport';
import { WordImportDialog } from './WordImportDialog';

export interface LibraryScreenProps {
  scope: 'active' | 'trash';
  onScopeChange: (scope: 'active' | 'trash') => void;
  onOpen: (articleId: string) => void;
  /** Opens the article on the three-way view of its pending conflict (the row's button, or a package just received). */
  onResolveConflict?: (articleId: string) => void;
  onCreate: () => void;
  language: Language;
  onLanguageChange: (language: Language) => void;
  dataDirectory: string;
  /** Told of the settings after Cài đặt saved them (the name and role may have changed). */
  onSettingsSaved?: (settings: Settings) => void;
  /** Who uses the app (from the settings), whom "Chỉ của tôi" means; null while no one is named. */
  identity?: Identity | null;
  showToast: (toast: ToastMessage) => void;
}

/** The library (or the trash): search, sort and filters over a virtualized list, with open, duplicate, delete and restore. */
export function LibraryScreen(props: LibraryScreenProps) {
  const { scope, onOpen, onCreate, showToast } = props;
  const messages = useMessages();
  const [confirmingEmpty, setConfirmingEmpty] = useState(false);
  const [settings, setSettings] = useState<Settings | null>(null);
  const reportError = useCallback(
    (error: unknown) => showToast({ text: describeError(messages, error), tone: 'error' }),
    [messages, showToast],
  );
  const {
    summaries: articles,
    rows,
    criteria,
    setCriteria,
    reload,
    bylineNames,
    highlights,
    words,
    indexing,
  } = useLibraryQuery(scope, reportError, props.identity ?? null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        onCreate();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onCreate]);

  // Which articles wait for a conflict to be settled: read with the list, and again after anything here changed it.
  const [conflicted, setConflicted] = useState<ReadonlySet<string>>(() => new Set());
  const loadConflicts = useCallback(() => {
    api.conflictList({}).then(
      (ids) => setConflicted(new Set(ids)),
      () => setConflicted(new Set()),
    );
  }, []);
  useEffect(() => loadConflicts(), [loadConflicts]);

  // A package double-clicked, or a sync, while the library is shown: the list and its conflicts read again (App shows
  // the toast).
  useEffect(
    () =>
      followPackageArrivals({
        prepare: async () => {},
        settle: () => {
          void reload();
          loadConflicts();
        },
      }),
    [reload, loadConflicts],
  );

  const sync = useSyncStatus();
  useSyncShortcut(sync);

  // The rows chosen for "Xuất các bài đã chọn…"; what a filter hides is not exported (only the rows shown count).
  const [selection, setSelection] = useState<ReadonlySet<string>>(() => new Set());
  const selectionAnchor = useRef<string | null>(null);
  const [batchIds, setBatchIds] = useState<readonly string[] | null>(null);
  const chosen = useMemo(() => (rows ?? []).filter((row) => selection.has(row.id)).map((row) => row.id), [rows, selection]);
  useEffect(() => {
    setSelection(new Set());
    selectionAnchor.current = null;
  }, [scope]);
  const select = (id: string, range: boolean) => {
    const shown = rows ?? [];
    const at = shown.findIndex((row) => row.id === id);
    const from = selectionAnchor.current === null ? -1 : shown.findIndex((row) => row.id === selectionAnchor.current);
    const next = new Set(selection);
    if (range && from !== -1 && at !== -1) {
      // Shift: every row from the last one chosen to this one, added to what is chosen.
      for (let index = Math.min(from, at); index <= Math.max(from, at); index += 1) next.add(shown[index]!.id);
    } else {
      if (next.has(id)) next.delete(id);
      else next.add(id);
      selectionAnchor.current = id;
    }
    setSelection(next);
  };
  const selectAll = (all: boolean) => {
    setSelection(all ? new Set((rows ?? []).map((row) => row.id)) : new Set());
    selectionAnchor.current = null;
  };

  const wordImport = useWordImport({ onOpen, showToast, onCreated: () => void reload() });

  const act = async (action: () => Promise<unknown>, success?: ToastMessage) => {
    try {
      await action();
      if (success) showToast(success);
    } catch (error) {
      showToast({ text: describeError(messages, error), tone: 'error' });
    }
    await reload();
    loadConflicts();
  };

  /** What receiving a package did, in a toast; the list reads again (act) so a new or updated article shows. */
  const receivePackage = (receive: () => Promise<ResultOf<'package:openFromDialog'>>) =>
    act(async () => {
      const result = await receive();
      const toast = packageOutcomeToast(messages, result);
      if (toast !== null) showToast(toast);
      // Both copies kept: the editor opens on the three-way view, where the user settles them field by field.
      if (result.status === 'conflict') props.onResolveConflict?.(result.articleId);
    });

  // A `.banthao` file dropped on the library is read here and received by main from its bytes; a Word file is imported
  // (an old `.doc` goes to main too, which says how to make it a `.docx`).
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (scope === 'active' && event.dataTransfer.types.includes('Files')) event.preventDefault();
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const files = [...event.dataTransfer.files];
    if (scope !== 'active' || files.length === 0) return;
    event.preventDefault();
    for (const file of files) {
      const name = file.name.toLowerCase();
      if (name.endsWith(`.${wordFileExtension}`) || name.endsWith('.doc')) {
        void wordImport.importFile(file);
        continue;
      }
      if (!name.endsWith(`.${reviewPackageExtension}`)) {
        showToast({ text: messages.libraryDropAccepts, tone: 'error' });
        continue;
      }
      void receivePackage(async () => api.packageReceiveBytes({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }));
    }
  };

  const moveToTrash = (article: ArticleSummary) =>
    act(() => api.articleTrash({ id: article.id }), {
      text: `${messages.movedToTrash}: ${article.title || messages.untitled}`,
      tone: 'info',
      action: { label: messages.undo, run: () => void act(() => api.articleRestore({ id: article.id })) },
    });

  return (
    <div className="library" onDragOver={onDragOver} onDrop={onDrop}>
      <RecoveryNotices />
      <header className="topbar">
        <div className="brand" aria-label={messages.appName}>
          <span className="brand-mark" aria-hidden="true">
            BT
          </span>
          <span className="brand-name">{messages.appName}</span>
        </div>
        <nav className="tabs" aria-label={messages.library}>
          <button
            type="button"
            className={scope === 'active' ? 'tab tab-current' : 'tab'}
            aria-current={scope === 'active' ? 'page' : undefined}
            onClick={() => props.onScopeChange('active')}
          >
            {messages.library}
          </button>
          <button
            type="button"
            className={scope === 'trash' ? 'tab tab-current' : 'tab'}
            aria-current={scope === 'trash' ? 'page' : undefined}
            onClick={() => props.onScopeChange('trash')}
          >
            {messages.trash}
          </button>
        </nav>
        <div className="topbar-end">
          <label className="language">
            <span>{messages.language}</span>
            <select value={props.language} onChange={(event) => props.onLanguageChange(event.target.value as Language)}>
              <option value="vi">Tiếng Việt</option>
              <option value="en">English</option>
            </select>
          </label>
          <button
            type="button"
            className="button"
            onClick={() =>
              void api
                .settingsGet({})
                .then(setSettings, (error: unknown) => showToast({ text: describeError(messages, error), tone: 'error' }))
            }
          >
            {messages.settings}
          </button>
          {scope === 'active' && (
            <button
              type="button"
              className="button"
              title={messages.openPackageHint}
              onClick={() => void receivePackage(() => api.packageOpenFromDialog({}))}
            >
              {messages.openPackage}
            </button>
          )}
          {scope === 'active' && (
            <button
              type="button"
              className="button"
              title={messages.wordImport.openHint}
              disabled={wordImport.state.phase !== 'idle'}
              onClick={() => void wordImport.importFromDialog()}
            >
              {messages.wordImport.open}
            </button>
          )}
          <button type="button" className="button button-primary" onClick={onCreate} title="Ctrl+N">
            + {messages.newArticle}
          </button>
        </div>
      </header>

      {wordImport.state.phase !== 'idle' && (
        <WordImportDialog
          state={wordImport.state}
          onCreate={(draft, title, sapo) => void wordImport.create(draft, title, sapo)}
          onCancel={wordImport.cancel}
        />
      )}
      {batchIds !== null && <BatchExportDialog ids={batchIds} onClose={() => setBatchIds(null)} />}
      {settings !== null && (
        <SettingsDialog
          settings={settings}
          onClose={() => {
            setSettings(null);
            // Joined (or an address saved) there: the status line says so now.
            sync.refresh();
          }}
          onSave={(changes) =>
            void api.settingsUpdate(changes).then(
              (saved) => {
                showToast({ text: messages.settingsSaved, tone: 'info' });
                props.onSettingsSaved?.(saved);
              },
              (error: unknown) => showToast({ text: describeError(messages, error), tone: 'error' }),
            )
          }
        />
      )}
      <main className="library-main">
        {articles === null ? (
          <p className="muted">{messages.loading}</p>
        ) : articles.length === 0 ? (
          <div className="empty-state">
            <h1>{scope === 'active' ? messages.emptyLibraryTitle : messages.emptyTrash}</h1>
            <p>{scope === 'active' ? messages.emptyLibraryHint : messages.trashHint}</p>
            {scope === 'active' && (
              <button type="button" className="button button-primary" onClick={onCreate}>
                + {messages.newArticle}
              </button>
            )}
            {scope === 'active' && props.dataDirectory && <p className="data-folder muted">{messages.dataFolder(props.dataDirectory)}</p>}
          </div>
        ) : (
          <>
            {scope === 'trash' && (
              <div className="trash-bar">
                <p className="muted">{messages.trashHint}</p>
                {confirmingEmpty ? (
                  <div className="confirm-bar" role="alertdialog" aria-label={messages.emptyTrashAction}>
                    <span>{messages.emptyTrashConfirm(articles.length)}</span>
                    <button
                      type="button"
                      className="button button-small button-danger"
                      onClick={() => {
                        setConfirmingEmpty(false);
                        void act(async () => {
                          const result = await api.trashEmpty({});
                          showToast({ text: messages.trashEmptied(result.removedArticles, result.removedPhotos), tone: 'info' });
                        });
                      }}
                    >
                      {messages.emptyTrashAction}
                    </button>
                    <button type="button" className="button button-small" autoFocus onClick={() => setConfirmingEmpty(false)}>
                      {messages.cancel}
                    </button>
                  </div>
                ) : (
                  <button type="button" className="button button-small button-danger" onClick={() => setConfirmingEmpty(true)}>
                    {messages.emptyTrashAction}
                  </button>
                )}
              </div>
            )}
            <LibraryToolbar
              criteria={criteria}
              onChange={setCriteria}
              bylineNames={bylineNames}
              shown={rows?.length ?? 0}
              total={articles.length}
              indexing={indexing}
              canChooseMine={(props.identity ?? null) !== null}
            />
            {scope === 'active' && chosen.length > 0 && (
              <div className="selection-bar" role="group" aria-label={messages.batchExport.selected(chosen.length)}>
                <span role="status">{messages.batchExport.selected(chosen.length)}</span>
                <button type="button" className="button button-small button-primary" onClick={() => setBatchIds(chosen)}>
                  {messages.batchExport.exportSelected}
                </button>
                <button type="button" className="button button-small" onClick={() => selectAll(false)}>
                  {messages.batchExport.clearSelection}
                </button>
              </div>
            )}
            {rows !== null && rows.length > 0 ? (
              <ArticleList
                rows={rows}
                highlights={highlights}
                words={words}
                scope={scope}
                onOpen={onOpen}
                onDuplicate={(article) =>
                  void act(() => api.articleDuplicate({ id: article.id }), { text: messages.duplicated, tone: 'info' })
                }
                onTrash={(article) => void moveToTrash(article)}
                onRestore={(article) => void act(() => api.articleRestore({ id: article.id }), { text: messages.restored, tone: 'info' })}
                conflicted={conflicted}
                onResolveConflict={props.onResolveConflict}
                selected={scope === 'active' ? selection : undefined}
                onSelect={scope === 'active' ? select : undefined}
                onSelectAll={scope === 'active' ? selectAll : undefined}
              />
            ) : (
              <div className="empty-state empty-state-compact">
                <h1>{messages.noMatchTitle}</h1>
                <p>{messages.noMatchHint}</p>
                <button type="button" className="button" onClick={() => setCriteria(defaultCriteria)}>
                  {messages.clearFilters}
                </button>
              </div>
            )}
          </>
        )}
        {articles !== null && articles.length > 0 && props.dataDirectory && (
          <p className="data-folder muted">{messages.dataFolder(props.dataDirectory)}</p>
        )}
      </main>
      <SyncStatusLine sync={sync} />
    </div>
  );
}
