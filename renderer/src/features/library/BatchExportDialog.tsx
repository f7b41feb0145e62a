import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { BatchExportForm, BatchExportOutcome, BatchExportProgress } from '../../../../shared/batchExportModel';
import { useMessages } from '../../i18n/MessagesContext';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describeError';
import { useModalDialog } from '../../lib/useModalDialog';

export interface BatchExportDialogProps {
  /** The selected articles, in the list's order. */
  ids: readonly string[];
  onClose: () => void;
}

// Listed here, not imported from the model: that module brings zod, which the window does not need.
const forms: readonly BatchExportForm[] = ['html', 'folder', 'docx'];
const progressPollMs = 250;

type Phase =
  | { phase: 'choosing'; error: string | null }
  | { phase: 'running'; progress: BatchExportProgress; cancelling: boolean }
  | { phase: 'done'; outcome: Extract<BatchExportOutcome, { status: 'done' }> };

/**
 * "Xuất các bài đã chọn…": the form to export in, then (main asks for the folder) a progress bar with the article under
 * way and "Hủy", then each article's result: its file, or why it failed, with the preflight's notes.
 */
export function BatchExportDialog({ ids, onClose }: BatchExportDialogProps) {
  const messages = useMessages();
  const [form, setForm] = useState<BatchExportForm>('html');
  const [state, setState] = useState<Phase>({ phase: 'choosing', error: null });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (state.phase !== 'choosing') return;
    setState({ phase: 'running', progress: null, cancelling: false });
    let polling = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      timer = setTimeout(() => {
        void api.batchProgress({}).then(
          (progress) => {
            if (!polling || !mounted.current) return;
            setState((current) => (current.phase === 'running' ? { ...current, progress } : current));
            poll();
          },
          () => undefined,
        );
      }, progressPollMs);
    };
    poll();
    try {
      const outcome = await api.batchExport({ ids: [...ids], form });
      if (!mounted.current) return;
      setState(outcome.status === 'done' ? { phase: 'done', outcome } : { phase: 'choosing', error: null });
    } catch (error) {
      if (mounted.current) setState({ phase: 'choosing', error: describeError(messages, error) });
    } finally {
      polling = false;
      clearTimeout(timer);
    }
  };

  const cancel = () => {
    setState((current) => (current.phase === 'running' ? { ...current, cancelling: true } : current));
    void api.batchCancel({}).catch(() => undefined);
  };
  // Esc while it runs stops the batch; before and after, it closes the dialog.
  // Closed, the focus goes back to "Xuất các bài đã chọn…" (it was left on the page's body).
  const modal = useModalDialog({
    onEscape: state.phase === 'running' ? cancel : onClose,
    // Taken on keydown too: a third Esc in a row would otherwise close the dialog behind React's back.
    catchEscapeKey: true,
    reopen: true,
    closeOnUnmount: true,
    restoreFocus: true,
  });

  const text = messages.batchExport;
  return (
    <dialog
      {...modal}
      className="settings-dialog batch-export-dialog"
      aria-labelledby="batch-export-title"
      aria-busy={state.phase === 'running' ? 'true' : undefined}
    >
      <h2 id="batch-export-title">{text.title(ids.length)}</h2>
      {state.phase === 'choosing' && (
        <form method="dialog" onSubmit={(event) => void start(event)}>
          <fieldset className="batch-export-forms">
            <legend>{text.form}</legend>
            {forms.map((each) => (
              <label key={each} className="radio">
                <input type="radio" name="batch-export-form" value={each} checked={form === each} onChange={() => setForm(each)} />
                {text.forms[each]}
              </label>
            ))}
          </fieldset>
          <p className="muted">{text.folderHint}</p>
          {state.error !== null && (
            <p className="field-error" role="alert">
              {state.error}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              {messages.cancel}
            </button>
            <button type="submit" className="button button-primary" autoFocus>
              {text.start}
            </button>
          </div>
        </form>
      )}
      {state.phase === 'running' && (
        <div>
          {/* Without figures yet (the folder dialog is open) the bar is indeterminate. */}
          {state.progress === null ? (
            <progress aria-label={text.title(ids.length)} />
          ) : (
            <>
              <p role="status">{text.progress(state.progress.done, state.progress.total)}</p>
              <progress value={state.progress.done} max={Math.max(1, state.progress.total)} aria-label={text.title(ids.length)} />
              {state.progress.currentTitle !== '' && <p className="muted">{text.current(state.progress.currentTitle)}</p>}
            </>
          )}
          {state.cancelling && <p className="muted">{text.cancelling}</p>}
          <div className="dialog-actions">
            <button type="button" className="button" disabled={state.cancelling} onClick={cancel}>
              {messages.cancel}
            </button>
          </div>
        </div>
      )}
      {state.phase === 'done' && <BatchExportResults outcome={state.outcome} onClose={onClose} />}
    </dialog>
  );
}

/** The result list: one line per article, the file written or the failure, with the preflight's notes under it. */
function BatchExportResults({ outcome, onClose }: { outcome: Extract<BatchExportOutcome, { status: 'done' }>; onClose: () => void }) {
  const messages = useMessages();
  const text = messages.batchExport;
  const exported = outcome.items.filter((item) => item.status === 'exported').length;
  const failed = outcome.items.filter((item) => item.status === 'failed').length;
  const [openError, setOpenError] = useState<string | null>(null);
  // Main opens the folder of the batch it ran last: the window never sends a path.
  const openFolder = () => {
    setOpenError(null);
    api.batchOpenFolder({}).then(
      () => undefined,
      (error: unknown) => setOpenError(describeError(messages, error)),
    );
  };
  return (
    <div>
      <p role="status">{text.summary(exported, failed)}</p>
      {outcome.cancelled && <p className="muted">{text.stopped}</p>}
      <p className="muted batch-export-folder">{text.folder(outcome.folder)}</p>
      <ul className="batch-export-results" aria-label={text.results}>
        {outcome.items.map((item) => (
          <li key={item.id} className={`batch-export-result batch-export-${item.status}`}>
            <strong>{item.title || messages.untitled}</strong>{' '}
            <span>
              {item.status === 'exported'
                ? text.exported(item.fileName)
                : item.status === 'failed'
                  ? text.failed(item.message)
                  : text.skipped}
            </span>
            {item.notes.length > 0 && (
              <div className="batch-export-notes">
                <span className="muted">{text.notes}</span>
                <ul>
                  {item.notes.map((note, index) => (
                    <li key={index}>{note}</li>
                  ))}
                </ul>
              </div>
            )}
          </li>
        ))}
      </ul>
      {openError !== null && (
        <p className="field-error" role="alert">
          {openError}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={openFolder}>
          {text.openFolder}
        </button>
        <button type="button" className="button button-primary" autoFocus onClick={onClose}>
          {text.close}
        </button>
      </div>
    </div>
  );
}
