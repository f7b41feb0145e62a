import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Article } from '../../../../../shared/articleModel';
import type { ConflictChoices, ConflictView } from '../../../../../shared/conflictModel';
import type { ToastMessage } from '../../../components/useToast';
import { useMessages } from '../../../i18n/MessagesContext';
import { api } from '../../../lib/api';
import { describeError } from '../../../lib/describeError';
import { ConflictDialog } from './ConflictDialog';
import { conflictWording } from './conflictWording';

export interface ConflictBannerProps {
  articleId: string;
  /** Approved or published text: the view opens, but the merge waits until the article is back to draft. */
  locked: boolean;
  /** Open the three-way view as soon as the conflict is read (a package just received, or the library's button). */
  openAtStart: boolean;
  flush: () => Promise<void>;
  runBetweenSaves: <Result extends { revision: number }>(change: (baseRevision: number) => Promise<Result>) => Promise<Result>;
  /** The merged article: the editor is rebuilt from it. */
  onResolved: (article: Article) => void;
  showToast: (toast: ToastMessage) => void;
}

/**
 * Over an article with a pending conflict: "Có xung đột" with who sent the package (or whose copy the server had),
 * and "Giải quyết xung đột", which saves pending edits (so the local column is the text on screen) and opens the three-way view.
 */
export function ConflictBanner({ articleId, locked, openAtStart, flush, runBetweenSaves, onResolved, showToast }: ConflictBannerProps) {
  const messages = useMessages();
  const [view, setView] = useState<ConflictView | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const resolveButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let current = true;
    api.conflictGet({ id: articleId }).then(
      (loaded) => {
        if (!current) return;
        setView(loaded);
        if (loaded !== null && openAtStart) setOpen(true);
      },
      (error: unknown) => current && showToast({ text: describeError(messages, error), tone: 'error' }),
    );
    return () => {
      current = false;
    };
    // Read again when asked to open (a package received while this article is shown); the form is rebuilt after a merge.
  }, [articleId, openAtStart]); // eslint-disable-line react-hooks/exhaustive-deps -- messages and showToast change nothing read

  const openView = useCallback(async () => {
    try {
      await flush();
      const loaded = await api.conflictGet({ id: articleId });
      setView(loaded);
      if (loaded === null) showToast({ text: messages.conflicts.gone, tone: 'info' });
      else setOpen(true);
    } catch (error) {
      showToast({ text: describeError(messages, error), tone: 'error' });
    }
  }, [articleId, flush, messages, showToast]);

  const save = async (choices: ConflictChoices) => {
    if (view === null || busy) return;
    setBusy(true);
    let merged: Article;
    try {
      // After the pending saves, over the revision they made; the autosave goes on from the merged one.
      merged = await runBetweenSaves((baseRevision) =>
        api.conflictResolve({ id: articleId, conflictId: view.conflict.id, baseRevision, choices }),
      );
    } catch (error) {
      setBusy(false);
      showToast({ text: describeError(messages, error), tone: 'error' });
      return;
    }
    showToast({ text: messages.conflicts.resolved, tone: 'info' });
    // The editor is rebuilt from the merged article (this banner with it, gone); the user goes on from its title.
    flushSync(() => onResolved(merged));
    document.querySelector<HTMLElement>('.editor-screen textarea.input-title')?.focus();
  };

  if (view === null) return null;
  const wording = conflictWording(messages, view.conflict.source);
  const sender = view.conflict.sentBy?.name ?? wording.someone;
  return (
    <>
      <div className="conflict-banner" role="status">
        <p>
          <strong className="conflict-badge">{wording.badge}</strong> {wording.banner(sender)}
        </p>
        <button ref={resolveButton} type="button" className="button button-primary" onClick={() => void openView()}>
          {messages.conflicts.resolve}
        </button>
      </div>
      {open && (
        <ConflictDialog
          view={view}
          locked={locked}
          busy={busy}
          onSave={(choices) => void save(choices)}
          onLater={() => {
            setOpen(false);
            requestAnimationFrame(() => resolveButton.current?.focus());
          }}
        />
      )}
    </>
  );
}
