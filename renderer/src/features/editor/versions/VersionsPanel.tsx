import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { Article } from '../../../../../shared/articleModel';
import type { ArticleStatus } from '../../../../../shared/articleVocabulary';
import type { ArticleDiff } from '../../../../../shared/diffArticles';
import type { Version, VersionSummary } from '../../../../../shared/versionModel';
import { isLockedForEditing } from '../../../../../shared/workflow';
import type { ToastMessage } from '../../../components/useToast';
import { useMessages } from '../../../i18n/MessagesContext';
import { api } from '../../../lib/api';
import { describeError } from '../../../lib/describeError';
import { formatDateTime, formatTimeAndDay } from '../../../lib/formatDateTime';
import { DiffView } from './DiffView';
import { VersionDialog } from './VersionDialog';
import { VersionRow } from './VersionRow';
import { VersionView } from './VersionView';
import { versionLabel, versionName, versionPerson, versionReason } from './versionText';

/** The longest label a version may carry (shared/versionModel.ts: versionLabelMaximumLength; kept here so the bundle needs no zod). */
export const versionLabelMaximumLength = 200;

/** How many versions the list shows at first, and how many more each "Hiện thêm" adds (a day may hold hundreds). */
export const versionsPerPage = 20;

/** How long the article's saves must pause before the open list reads its versions again (saves may take one). */
export const versionsReloadDelayMs = 1_500;

export interface VersionsPanelProps {
  articleId: string;
  /** The article's status: approved and published text is not restored over, and a move takes a version. */
  status: ArticleStatus;
  /** The revision the editor's last save or move made: the open list reads again once the saves pause. */
  revision: number;
  /** How many exports were written (each takes a version): the list reads again after each. */
  exportsDone: number;
  /** Saves the edits still pending, so that a version taken or compared "now" holds the text on screen. */
  flush: () => Promise<void>;
  /** Runs a change that makes a new revision (the restore) after pending saves, with the revision to build on. */
  runBetweenSaves: <Result extends { revision: number }>(change: (baseRevision: number) => Promise<Result>) => Promise<Result>;
  /** Shows the restored article in the editor, which goes on editing from its revision. */
  onRestored: (article: Article) => void;
  showToast: (toast: ToastMessage) => void;
}

/** What the modal window over the editor shows, if anything. */
type Overlay =
  | { kind: 'view'; version: Version }
  | { kind: 'compare'; title: string; subtitle: string | null; diff: ArticleDiff }
  | { kind: 'restore'; version: VersionSummary };

/** The two ticked versions, older first (version ids sort by time). */
function olderFirst(versions: readonly VersionSummary[], selected: readonly string[]): [VersionSummary, VersionSummary] | null {
  const chosen = versions.filter((version) => selected.includes(version.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return chosen.length === 2 ? [chosen[0]!, chosen[1]!] : null;
}

/**
 * "Phiên bản": save a version by hand with a label (Enter saves); the article's versions newest first, each to view
 * read-only, compare with the text now, or restore (after a question); tick two to compare them; and "Thay đổi từ lần
 * tôi duyệt". Collapsible; the views open in a modal window closed by Esc.
 */
export function VersionsPanel({
  articleId,
  status,
  revision,
  exportsDone,
  flush,
  runBetweenSaves,
  onRestored,
  showToast,
}: VersionsPanelProps) {
  const messages = useMessages();
  const [open, setOpen] = useState(true);
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [shown, setShown] = useState(versionsPerPage);
  const [label, setLabel] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [overlay, setOverlay] = useState<Overlay | null>(null);
  const [working, setWorking] = useState(false);
  const workingRef = useRef(false);
  const [notice, setNotice] = useState<string | null>(null);
  const loads = useRef(0);
  const restoreLocked = isLockedForEditing(status);

  const fail = useCallback((error: unknown) => showToast({ text: describeError(messages, error), tone: 'error' }), [messages, showToast]);

  const loadList = useCallback(() => {
    // Only the newest answer is shown, whatever order they come back in.
    const load = ++loads.current;
    api.versionList({ id: articleId }).then(
      (listed) => load === loads.current && setVersions(listed),
      (error: unknown) => {
        if (load !== loads.current) return;
        setVersions((current) => current ?? []);
        fail(error);
      },
    );
  }, [articleId, fail]);

  // Read again when the status changes (each move takes a version), after an export, and whenever the panel is opened.
  const listedRevision = useRef(revision);
  const revisionRef = useRef(revision);
  revisionRef.current = revision;
  useEffect(() => {
    if (!open) return;
    listedRevision.current = revisionRef.current;
    loadList();
  }, [open, status, exportsDone, loadList]);

  // Saves may take a version ("editing"): read again once they pause, never on every keystroke's save.
  useEffect(() => {
    if (!open || revision === listedRevision.current) return;
    const timer = setTimeout(() => {
      listedRevision.current = revision;
      loadList();
    }, versionsReloadDelayMs);
    return () => clearTimeout(timer);
  }, [open, revision, loadList]);

  /**
   * Runs one call at a time on the user's behalf (a click meanwhile does nothing); its failure is shown as a toast.
   * The buttons say they wait with aria-disabled rather than disabled, which would throw the keyboard focus out.
   */
  const run = useCallback(
    async (work: () => Promise<void>) => {
      if (workingRef.current) return;
      workingRef.current = true;
      setWorking(true);
      setNotice(null);
      try {
        await work();
      } catch (error) {
        fail(error);
      } finally {
        workingRef.current = false;
        setWorking(false);
      }
    },
    [fail],
  );

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await flush();
      const saved = await api.versionSave({ id: articleId, label: label.trim() });
      setLabel('');
      setVersions((current) => [saved, ...(current ?? []).filter((version) => version.id !== saved.id)]);
      showToast({ text: messages.versions.saved, tone: 'info' });
      loadList();
    });
  };

  const view = (summary: VersionSummary) =>
    void run(async () => {
      const version = await api.versionGet({ id: articleId, versionId: summary.id });
      setOverlay({ kind: 'view', version });
    });

  const compare = (from: VersionSummary, to: VersionSummary | null) =>
    void run(async () => {
      // "Now" is the text on screen: pending edits are saved first.
      if (to === null) await flush();
      const diff = await api.versionCompare({ id: articleId, from: from.id, to: to?.id ?? null });
      const title = messages.versions.compareTitle(versionName(messages, from), versionName(messages, to));
      setOverlay({ kind: 'compare', title, subtitle: null, diff });
    });

  const sinceMyReview = () =>
    void run(async () => {
      await flush();
      const since = await api.versionSinceMyReview({ id: articleId });
      if (since === null) {
        setNotice(messages.versions.neverReviewed);
        return;
      }
      const { reviewed, diff } = since;
      const title = messages.versions.sinceMyReviewTitle(formatTimeAndDay(reviewed.at));
      const subtitle = `${versionPerson(messages, reviewed)} · ${versionReason(messages, reviewed)}`;
      setOverlay({ kind: 'compare', title, subtitle, diff });
    });

  const restore = async (version: VersionSummary) => {
    if (workingRef.current) return;
    workingRef.current = true;
    setWorking(true);
    let restored: Article;
    try {
      // After the pending saves, over the revision they made; the autosave goes on from the restored one.
      restored = await runBetweenSaves((baseRevision) => api.versionRestore({ id: articleId, versionId: version.id, baseRevision }));
    } catch (error) {
      // Refused (approved or published meanwhile, or saved elsewhere): the question closes, the toast says why.
      workingRef.current = false;
      setWorking(false);
      setOverlay(null);
      fail(error);
      return;
    }
    showToast({ text: messages.versions.restored(formatDateTime(version.at)), tone: 'info' });
    // The editor is rebuilt from the restored article (this panel with it); the user goes on from its title.
    flushSync(() => onRestored(restored));
    document.querySelector<HTMLElement>('.editor-screen textarea.input-title')?.focus();
  };

  const select = (version: VersionSummary, ticked: boolean) => {
    setNotice(null);
    setSelected((current) =>
      ticked ? [...current.filter((id) => id !== version.id), version.id].slice(-2) : current.filter((id) => id !== version.id),
    );
  };

  const pair = versions === null ? null : olderFirst(versions, selected);
  const closeOverlay = () => setOverlay(null);

  return (
    <details className="versions-panel" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <h2 className="versions-title">
          {messages.versions.title}
          {versions !== null && versions.length > 0 && <span className="versions-count"> {messages.versions.count(versions.length)}</span>}
        </h2>
      </summary>

      <div className="versions-tools">
        <form className="versions-save" onSubmit={save}>
          <label className="versions-save-label">
            <span className="visually-hidden">{messages.versions.label}</span>
            <input
              type="text"
              name="versionLabel"
              value={label}
              maxLength={versionLabelMaximumLength}
              placeholder={messages.versions.label}
              title={messages.versions.labelPlaceholder}
              onChange={(event) => setLabel(event.target.value)}
            />
          </label>
          <button type="submit" className="button" aria-disabled={working}>
            {messages.versions.save}
          </button>
        </form>
        <button type="button" className="button" aria-disabled={working} onClick={sinceMyReview}>
          {messages.versions.sinceMyReview}
        </button>
      </div>
      {notice !== null && (
        <p className="versions-notice" role="status">
          {notice}
        </p>
      )}

      {versions === null ? (
        <p className="muted">{messages.loading}</p>
      ) : versions.length === 0 ? (
        <p className="muted">{messages.versions.empty}</p>
      ) : (
        <>
          <div className="versions-compare" aria-live="polite">
            {pair !== null ? (
              <>
                <button
                  type="button"
                  className="button button-small button-primary"
                  aria-disabled={working}
                  onClick={() => compare(pair[0], pair[1])}
                >
                  {messages.versions.compareSelected}
                </button>
                <button type="button" className="button button-small button-ghost" onClick={() => setSelected([])}>
                  {messages.versions.clearSelection}
                </button>
              </>
            ) : (
              <span className="muted">{selected.length === 1 ? messages.versions.selectOneMore : messages.versions.selectHint}</span>
            )}
            {restoreLocked && <span className="versions-locked">{messages.versions.restoreLocked}</span>}
          </div>
          <ol className="versions-list" aria-label={messages.versions.listLabel}>
            {versions.slice(0, shown).map((version) => (
              <VersionRow
                key={version.id}
                version={version}
                selected={selected.includes(version.id)}
                onSelect={(ticked) => select(version, ticked)}
                onView={() => view(version)}
                onCompareWithNow={() => compare(version, null)}
                onRestore={() => setOverlay({ kind: 'restore', version })}
                restoreLocked={restoreLocked}
                busy={working}
              />
            ))}
          </ol>
          {versions.length > shown && (
            <button
              type="button"
              className="button button-small versions-more"
              onClick={() => setShown((count) => count + versionsPerPage)}
            >
              {messages.versions.showMore(versions.length - shown)}
            </button>
          )}
        </>
      )}

      {overlay?.kind === 'view' && (
        <VersionDialog
          title={messages.versions.viewTitle(formatDateTime(overlay.version.at))}
          subtitle={<VersionLine version={overlay.version} />}
          busy={working}
          onClose={closeOverlay}
          actions={
            <>
              <button type="button" className="button" aria-disabled={working} onClick={() => compare(overlay.version, null)}>
                {messages.versions.compareWithNow}
              </button>
              <button
                type="button"
                className="button"
                disabled={restoreLocked}
                aria-disabled={working}
                onClick={() => setOverlay({ kind: 'restore', version: overlay.version })}
              >
                {messages.versions.restore}
              </button>
            </>
          }
        >
          <p className="version-readonly-note">{messages.versions.readOnly}</p>
          <VersionView content={overlay.version.content} />
        </VersionDialog>
      )}
      {overlay?.kind === 'compare' && (
        <VersionDialog title={overlay.title} subtitle={overlay.subtitle ?? undefined} onClose={closeOverlay}>
          <DiffView diff={overlay.diff} />
        </VersionDialog>
      )}
      {overlay?.kind === 'restore' && (
        <VersionDialog
          title={messages.versions.restoreTitle(formatDateTime(overlay.version.at))}
          subtitle={<VersionLine version={overlay.version} />}
          role="alertdialog"
          size="small"
          busy={working}
          closeLabel={messages.versions.restoreNo}
          onClose={closeOverlay}
          actions={
            <button
              type="button"
              className="button button-primary"
              data-autofocus=""
              aria-disabled={working}
              onClick={() => void restore(overlay.version)}
            >
              {working ? messages.versions.restoring : messages.versions.restoreYes}
            </button>
          }
        >
          <p className="version-confirm-text">{messages.versions.restoreConfirm}</p>
        </VersionDialog>
      )}
    </details>
  );
}

/** "Ngọc Sơn (Phóng viên) · Lưu tay · “Bản gửi thư ký”": who took a version, and why. */
function VersionLine({ version }: { version: VersionSummary }) {
  const messages = useMessages();
  const label = versionLabel(version);
  return (
    <>
      {versionPerson(messages, version)} · {versionReason(messages, version)}
      {label !== '' && <> · “{label}”</>}
    </>
  );
}
