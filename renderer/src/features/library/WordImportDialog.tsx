import { useState, type FormEvent } from 'react';
import type { WordDraft } from '../../../../shared/wordImportModel';
import { useMessages } from '../../i18n/MessagesContext';
import { useModalDialog } from '../../lib/useModalDialog';
import type { WordImportState } from './useWordImport';

export interface WordImportDialogProps {
  state: Exclude<WordImportState, { phase: 'idle' }>;
  onCreate: (draft: WordDraft, title: string, sapo: string) => void;
  onCancel: () => void;
}

/**
 * The Word import's dialog: while the file is read, how far it has got (the pictures n of m once they are reached);
 * then the guessed title and sapo to confirm or correct, with what the body holds and what was left out.
 * "Tạo bài" creates the article; "Hủy" (or Escape) creates nothing.
 */
export function WordImportDialog({ state, onCreate, onCancel }: WordImportDialogProps) {
  const messages = useMessages();
  // Rendered only once the system's file dialog is gone, so opened again on any render that finds it closed.
  // Esc does nothing while the file is read or the article created; otherwise it is "Hủy".
  const modal = useModalDialog({
    onEscape: state.phase === 'reading' || state.creating ? 'ignore' : onCancel,
    // Taken on keydown too: a third Esc in a row would otherwise close the dialog while the article is being created.
    catchEscapeKey: true,
    reopen: true,
    // Closed, the focus goes back to what had it (it was left on the page's body).
    closeOnUnmount: true,
    restoreFocus: true,
  });
  const draft = state.phase === 'confirming' ? state.draft : null;
  const [title, setTitle] = useState(draft?.title ?? '');
  const [sapo, setSapo] = useState(draft?.sapo ?? '');
  const [shownDraft, setShownDraft] = useState(draft);
  // The draft arrives after the progress: the fields start from its guesses.
  if (draft !== shownDraft) {
    setShownDraft(draft);
    setTitle(draft?.title ?? '');
    setSapo(draft?.sapo ?? '');
  }

  if (state.phase === 'reading') {
    const { progress } = state;
    // The system's file dialog is still open: nothing of ours over it.
    if (progress === null) return null;
    const photos = progress?.stage === 'photos' ? progress : null;
    return (
      <dialog {...modal} className="settings-dialog word-import-dialog" aria-labelledby="word-import-title" aria-busy="true">
        <h2 id="word-import-title">{messages.wordImport.confirmTitle}</h2>
        <p role="status">{photos === null ? messages.wordImport.reading : messages.wordImport.photos(photos.done, photos.total)}</p>
        {/* Without a value the bar is indeterminate: honest while the text is read. */}
        {photos === null ? (
          <progress aria-label={messages.wordImport.reading} />
        ) : (
          <progress value={photos.done} max={Math.max(1, photos.total)} />
        )}
      </dialog>
    );
  }

  const { draft: confirmed, creating } = state;
  const { summary } = confirmed;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!creating) onCreate(confirmed, title, sapo);
  };
  return (
    <dialog {...modal} className="settings-dialog word-import-dialog" aria-labelledby="word-import-title">
      <form method="dialog" onSubmit={submit}>
        <h2 id="word-import-title">{messages.wordImport.confirmTitle}</h2>
        <p className="muted">{messages.wordImport.fileLabel(confirmed.fileName)}</p>
        <p className="muted">{messages.wordImport.guessHint}</p>
        <label className="field">
          <span className="field-label">{messages.wordImport.title}</span>
          <input type="text" value={title} maxLength={2_000} autoFocus onChange={(event) => setTitle(event.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{messages.wordImport.sapo}</span>
          <textarea value={sapo} rows={4} maxLength={10_000} onChange={(event) => setSapo(event.target.value)} />
        </label>
        <p className="word-import-summary">
          {messages.wordImport.summary(summary.paragraphs, summary.headings, summary.listItems, summary.photos)}
        </p>
        {summary.tables > 0 && <p className="muted">{messages.wordImport.tables(summary.tables)}</p>}
        {summary.legacyRuns > 0 && <p className="muted">{messages.wordImport.legacyRuns(summary.legacyRuns)}</p>}
        {confirmed.notices.length > 0 && (
          <div className="word-import-notices">
            <p>{messages.wordImport.skipped(summary.skippedPictures)}</p>
            <ul>
              {confirmed.notices.map((notice, index) => (
                <li key={index}>{notice}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" disabled={creating} onClick={onCancel}>
            {messages.cancel}
          </button>
          <button type="submit" className="button button-primary" disabled={creating}>
            {creating ? messages.wordImport.creating : messages.wordImport.create}
          </button>
        </div>
      </form>
    </dialog>
  );
}
