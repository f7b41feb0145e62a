import { useEffect, useState } from 'react';
import { sharedLibraryAddressPattern } from '../../../../shared/sharedLibraryAddress';
import type { ConnectionTestResult, SharedLibraryConnection, SharedLibraryView, SyncOutcome } from '../../../../shared/sharedLibraryModel';
import { useMessages } from '../../i18n/MessagesContext';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describeError';
import { SyncProgressBar } from './SyncProgressBar';
import { SyncStatusLine } from './SyncStatusLine';
import { useSyncStatus } from './useSyncStatus';

type Notice = { text: string; tone: 'info' | 'error' };

/**
 * "Thư viện chung" in Cài đặt: the office Git server's address, the user name and a password or token, with
 * "Kiểm tra kết nối" and its own "Lưu" (saved at once, apart from the dialog's settings). The saved secret never comes
 * back here: the field stays empty and says "đã lưu"; an empty field keeps the saved one. Once saved (and tested, or with
 * a saved secret), "Tham gia thư viện chung" asks first, shows the join's progress and its result; once joined, the
 * status line and "Đồng bộ ngay".
 */
export function SharedLibrarySection() {
  const messages = useMessages();
  const [view, setView] = useState<SharedLibraryView | null>(null);
  const [address, setAddress] = useState('');
  const [userName, setUserName] = useState('');
  const [secret, setSecret] = useState('');
  const [allowPlainHttp, setAllowPlainHttp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  // The last connection test passed for the fields as they are (any change asks for another).
  const [tested, setTested] = useState(false);
  const [confirmingJoin, setConfirmingJoin] = useState(false);
  const [joinNotice, setJoinNotice] = useState<Notice | null>(null);
  const sync = useSyncStatus();

  useEffect(() => {
    let current = true;
    api.sharedLibraryGet({}).then(
      (loaded) => {
        if (!current) return;
        setView(loaded);
        setAddress(loaded.address);
        setUserName(loaded.userName);
        setAllowPlainHttp(loaded.allowPlainHttp);
      },
      (error: unknown) => current && setNotice({ text: describeError(messages, error), tone: 'error' }),
    );
    return () => {
      current = false;
    };
  }, [messages]);

  const addressValid = sharedLibraryAddressPattern.test(address.trim());
  const unsaved =
    view !== null &&
    (address.trim() !== view.address || userName.trim() !== view.userName || allowPlainHttp !== view.allowPlainHttp || secret !== '');
  const joined = sync.status !== null && sync.status.state !== 'not-joined';
  const canJoin = view !== null && view.address !== '' && !unsaved && (tested || view.secretSaved) && !sync.running;
  const edited =
    <Value,>(set: (value: Value) => void) =>
    (value: Value) => {
      set(value);
      setTested(false);
    };
  const connection = (): SharedLibraryConnection => ({
    address: address.trim(),
    userName: userName.trim(),
    allowPlainHttp,
    ...(secret === '' ? {} : { secret }),
  });

  const describeResult = (result: ConnectionTestResult): Notice => {
    const text = messages.sharedLibrary.outcomes[result.outcome];
    const detail = result.detail === undefined ? '' : ` ${messages.sharedLibrary.certificateDetail(result.detail)}`;
    return { text: text + detail, tone: result.outcome === 'connected' ? 'info' : 'error' };
  };

  const test = () => {
    setBusy(true);
    setNotice({ text: messages.sharedLibrary.testing, tone: 'info' });
    api
      .sharedLibraryTestConnection(connection())
      .then(
        (result) => {
          setNotice(describeResult(result));
          setTested(result.outcome === 'connected');
        },
        (error: unknown) => setNotice({ text: describeError(messages, error), tone: 'error' }),
      )
      .finally(() => setBusy(false));
  };

  const save = () => {
    setBusy(true);
    api
      .sharedLibrarySave(connection())
      .then(
        (saved) => {
          setView(saved);
          setSecret('');
          const unstored = secret !== '' && !saved.secretStorageAvailable;
          setNotice(
            unstored
              ? { text: messages.sharedLibrary.noSecretStorage, tone: 'error' }
              : { text: messages.sharedLibrary.saved, tone: 'info' },
          );
        },
        (error: unknown) => setNotice({ text: describeError(messages, error), tone: 'error' }),
      )
      .finally(() => setBusy(false));
  };

  const describeJoin = (outcome: SyncOutcome): Notice =>
    outcome.status.message === null && outcome.status.state !== 'not-joined'
      ? { text: messages.sync.joined(outcome.filesReceived, outcome.filesSent), tone: 'info' }
      : { text: outcome.status.message ?? messages.sync.notJoined, tone: 'error' };

  const join = () => {
    setConfirmingJoin(false);
    setJoinNotice(null);
    sync.run('join').then(
      (outcome) => setJoinNotice(describeJoin(outcome)),
      (error: unknown) => setJoinNotice({ text: describeError(messages, error), tone: 'error' }),
    );
  };

  // Enter in a field must not submit the settings form around this section.
  const keepEnter = (event: { key: string; preventDefault: () => void }) => event.key === 'Enter' && event.preventDefault();

  return (
    <fieldset className="settings-section shared-library-section">
      <legend>{messages.sharedLibrary.section}</legend>
      <p className="muted">{messages.sharedLibrary.hint}</p>
      {/* The fields wait for the saved values: what is typed before they arrive would be overwritten. */}
      {view !== null && (
        <>
          <label className="field">
            <span className="field-label">{messages.sharedLibrary.address}</span>
            <input
              type="url"
              value={address}
              placeholder="https://git.toasoan.vn/thu-vien.git"
              aria-invalid={address !== '' && !addressValid}
              onChange={(event) => edited(setAddress)(event.target.value)}
              onKeyDown={keepEnter}
            />
            {address !== '' && !addressValid && <small className="muted">{messages.sharedLibrary.invalidAddress}</small>}
          </label>
          <label className="field">
            <span className="field-label">{messages.sharedLibrary.userName}</span>
            <input
              type="text"
              autoComplete="username"
              value={userName}
              onChange={(event) => edited(setUserName)(event.target.value)}
              onKeyDown={keepEnter}
            />
          </label>
          <label className="field">
            <span className="field-label">{messages.sharedLibrary.secret}</span>
            <input
              type="password"
              autoComplete="current-password"
              value={secret}
              placeholder={view?.secretSaved === true ? messages.sharedLibrary.secretSaved : ''}
              onChange={(event) => edited(setSecret)(event.target.value)}
              onKeyDown={keepEnter}
            />
            {view?.secretSaved === true && <small className="shared-library-secret-saved">{messages.sharedLibrary.secretSaved}</small>}
            {view?.secretStorageAvailable === false && <small className="muted">{messages.sharedLibrary.noSecretStorage}</small>}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={allowPlainHttp} onChange={(event) => edited(setAllowPlainHttp)(event.target.checked)} />
            {messages.sharedLibrary.allowPlainHttp}
          </label>
          <p className="muted">{messages.sharedLibrary.allowPlainHttpHint}</p>
          <p>
            <button type="button" className="button" disabled={busy || !addressValid} onClick={test}>
              {messages.sharedLibrary.test}
            </button>{' '}
            <button type="button" className="button" disabled={busy || !addressValid} onClick={save}>
              {messages.sharedLibrary.save}
            </button>
          </p>
        </>
      )}
      {notice !== null && (
        <p className={`shared-library-notice shared-library-notice-${notice.tone}`} role="status">
          {notice.text}
        </p>
      )}
      {view !== null && view.address !== '' && sync.status !== null && (!joined || sync.running) && (
        <div className="shared-library-join">
          {confirmingJoin ? (
            <div className="confirm-bar" role="alertdialog" aria-label={messages.sync.join}>
              <span>{messages.sync.joinConfirm}</span>
              <button type="button" className="button button-small button-primary" onClick={join}>
                {messages.sync.joinConfirmButton}
              </button>
              <button type="button" className="button button-small" autoFocus onClick={() => setConfirmingJoin(false)}>
                {messages.cancel}
              </button>
            </div>
          ) : (
            <p>
              <button type="button" className="button" disabled={!canJoin} onClick={() => setConfirmingJoin(true)}>
                {messages.sync.join}
              </button>
              {!canJoin && !sync.running && <small className="muted"> {messages.sync.joinNeedsTest}</small>}
            </p>
          )}
          {sync.running && <SyncProgressBar label={messages.sync.joining} progress={sync.status.progress} />}
        </div>
      )}
      {joined && !sync.running && <SyncStatusLine sync={sync} className="sync-status-line sync-status-settings" />}
      {joinNotice !== null && (
        <p className={`shared-library-join-notice shared-library-notice-${joinNotice.tone}`} role="status">
          {joinNotice.text}
        </p>
      )}
    </fieldset>
  );
}
