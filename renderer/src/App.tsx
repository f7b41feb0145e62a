import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Language, Settings } from '../../shared/settingsModel';
import { messagesByLanguage } from './i18n/messages';
import { MessagesContext } from './i18n/MessagesContext';
import { api, onBeforeClose, onPackageReceived, onPackageReceiving, onSharedLibrarySynced } from './lib/api';
import { prepareForPackage, settlePackage, settleSync } from './lib/packageArrivals';
import { packageReportToast } from './lib/packageOutcomeToast';
import { syncOutcomeToast } from './lib/syncOutcomeToast';
import { describeError } from './lib/describeError';
import { identityOf } from './lib/identity';
import { flushPendingSaves } from './lib/pendingSaves';
import { Toast, useToast } from './components/useToast';
import { LibraryScreen } from './features/library/LibraryScreen';
import { EditorScreen } from './features/editor/EditorScreen';
import { BackupScreen } from './features/backup/BackupScreen';
import { NavigationContext, type Navigation } from './lib/NavigationContext';
import { StartupGate } from './features/startup/StartupGate';
import { FirstRunScreen } from './features/identity/FirstRunScreen';

export type Route =
  | { screen: 'library'; scope: 'active' | 'trash' }
  // `openConflict`: the editor opens on the three-way view of the article's pending conflict.
  | { screen: 'editor'; articleId: string; openConflict?: boolean }
  | { screen: 'backups' };

/**
 * The shell: language, who the user is (asked on first run, before the library), routing between the library and the
 * editor, the toast, and the close handshake.
 */
export function App() {
  const [language, setLanguage] = useState<Language>('vi');
  // The settings as last read or saved: they name the user, whose role decides the workflow moves the editor offers.
  const [settings, setSettings] = useState<Settings | null>(null);
  const [settingsUnreadable, setSettingsUnreadable] = useState(false);
  const [route, setRoute] = useState<Route>({ screen: 'library', scope: 'active' });
  const [dataDirectory, setDataDirectory] = useState('');
  const { toast, show, dismiss } = useToast();
  const messages = messagesByLanguage[language];

  // Asked once the library is open (also after "Thử lại" opened it): before that there are no settings to read.
  const loadShellInfo = useCallback(() => {
    void api
      .settingsGet({})
      .then((loaded) => {
        setSettings(loaded);
        setSettingsUnreadable(false);
        setLanguage(loaded.language);
      })
      // Unreadable settings must not lock the user out of their articles: the library opens, moves wait for a name.
      .catch(() => setSettingsUnreadable(true));
    void api
      .appInfo({})
      .then((info) => setDataDirectory(info.dataDirectory))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // Electron asks before closing: save what is pending, then tell main it may close.
  useEffect(() => {
    try {
      return onBeforeClose(() => {
        void flushPendingSaves().finally(() => void api.appCloseReady({}).catch(() => undefined));
      });
    } catch {
      return undefined;
    }
  }, []);

  // A package opened outside the window (a double-click, a second launch): the editor saves and holds before main
  // receives it; the outcome is shown wherever the user is, and an open editor the package updated takes the new text.
  const messagesRef = useRef(messages);
  messagesRef.current = messages;
  useEffect(() => {
    try {
      const stopReceiving = onPackageReceiving(prepareForPackage);
      const stopReceived = onPackageReceived((report) => {
        settlePackage(report);
        const toast = packageReportToast(messagesRef.current, report);
        if (toast !== null) show(toast);
        // Both copies kept: the editor opens on the three-way view, as after "Mở gói bài…".
        if (report.ok && report.outcome.status === 'conflict') {
          setRoute({ screen: 'editor', articleId: report.outcome.articleId, openConflict: true });
        }
      });
      // A sync (main asked for the saves first, through the same handshake): an open article it changed reloads, the
      // library reads again, and conflicts or refused files are named.
      const stopSynced = onSharedLibrarySynced((outcome) => {
        settleSync(outcome);
        void syncOutcomeToast(messagesRef.current, outcome, (articleId) =>
          setRoute({ screen: 'editor', articleId, openConflict: true }),
        ).then((toast) => toast !== null && show(toast));
      });
      return () => {
        stopReceiving();
        stopReceived();
        stopSynced();
      };
    } catch {
      return undefined;
    }
  }, [show]);

  // A reload or tab close (browser harness): send the pending save on its way.
  useEffect(() => {
    const onUnload = () => void flushPendingSaves();
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, []);

  const changeLanguage = useCallback(
    (next: Language) => {
      setLanguage(next);
      api
        .settingsUpdate({ language: next })
        .catch((error: unknown) => show({ text: describeError(messagesByLanguage[next], error), tone: 'error' }));
    },
    [show],
  );

  const createArticle = useCallback(async () => {
    try {
      const article = await api.articleCreate({});
      setRoute({ screen: 'editor', articleId: article.id });
    } catch (error) {
      show({ text: describeError(messages, error), tone: 'error' });
    }
  }, [messages, show]);

  const identity = useMemo(() => (settings === null ? null : identityOf(settings)), [settings]);

  // Stable, so screens that read it do not re-render when the route changes.
  const navigation = useMemo<Navigation>(() => ({ openBackups: () => setRoute({ screen: 'backups' }) }), []);

  return (
    <MessagesContext.Provider value={messages}>
      <NavigationContext.Provider value={navigation}>
        <div className="app">
          <StartupGate onReady={loadShellInfo}>
            {settings === null && !settingsUnreadable ? (
              <main className="startup" aria-busy="true" />
            ) : settings !== null && identity === null ? (
              <FirstRunScreen settings={settings} language={language} onLanguageChange={changeLanguage} onDone={setSettings} />
            ) : route.screen === 'backups' ? (
              <BackupScreen onBack={() => setRoute({ screen: 'library', scope: 'active' })} showToast={show} />
            ) : route.screen === 'library' ? (
              <LibraryScreen
                scope={route.scope}
                onScopeChange={(scope) => setRoute({ screen: 'library', scope })}
                onOpen={(articleId) => setRoute({ screen: 'editor', articleId })}
                onResolveConflict={(articleId) => setRoute({ screen: 'editor', articleId, openConflict: true })}
                onCreate={() => void createArticle()}
                language={language}
                onLanguageChange={changeLanguage}
                dataDirectory={dataDirectory}
                onSettingsSaved={setSettings}
                identity={identity}
                showToast={show}
              />
            ) : (
              <EditorScreen
                key={route.articleId}
                articleId={route.articleId}
                onBack={() => setRoute({ screen: 'library', scope: 'active' })}
                onOpenArticle={(articleId) => setRoute({ screen: 'editor', articleId })}
                identity={identity}
                showToast={show}
                openConflict={route.openConflict === true}
              />
            )}
          </StartupGate>
          <Toast toast={toast} onDismiss={dismiss} />
        </div>
      </NavigationContext.Provider>
    </MessagesContext.Provider>
  );
}
