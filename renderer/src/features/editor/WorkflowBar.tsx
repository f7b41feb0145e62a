import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { LastMove } from '../../../../shared/articleModel';
import type { ArticleStatus } from '../../../../shared/articleVocabulary';
import type { Identity } from '../../../../shared/identity';
import { allowedMoves, isLockedForEditing } from '../../../../shared/workflow';
import { useMessages } from '../../i18n/MessagesContext';
import { holderLine, moveKind, moveNoteMaximumLength, type MoveKind } from '../../lib/workflowText';
import { useSharedLibraryJoined } from './useSharedLibraryJoined';

export interface WorkflowBarProps {
  status: ArticleStatus;
  lastMove: LastMove | null;
  createdBy: Identity | null;
  createdAt: string;
  /** The note of the last move, once the history has been read ('' for none). */
  lastNote: string;
  /** Who is editing; null until named in Cài đặt (then no move is offered). */
  identity: Identity | null;
  /** A move is on its way: the buttons wait for it. */
  busy: boolean;
  /** Makes the move; resolves true when it was made (the form then closes), false when it failed (the form stays). */
  onMove: (to: ArticleStatus, note: string) => Promise<boolean>;
  /** "Gửi gói": writes the article's review package (pending edits saved first); absent, no button. */
  onSendPackage?: () => void;
  /** A package is being written. */
  sending?: boolean;
}

/** Forward moves are the primary action; sending back and withdrawing are not. */
const primaryKinds: readonly MoveKind[] = ['submit', 'resubmit', 'approve', 'publish'];
/** The moves that hand the article to the other side of the review: their form offers to write the package too, ticked. */
const handOffKinds: readonly MoveKind[] = ['submit', 'resubmit', 'requestChanges', 'approve'];

/**
 * Where the article is in the review and who has it, with one button per move the user's role may make from here.
 * A move asks for an optional note inline (Enter confirms, Esc cancels) before it is made.
 */
export function WorkflowBar(props: WorkflowBarProps) {
  const { status, identity, busy, onMove, lastNote } = props;
  const messages = useMessages();
  const [chosen, setChosen] = useState<ArticleStatus | null>(null);
  const [note, setNote] = useState('');
  // "Gửi duyệt" without a server is a move and a package file: written right after the move when ticked.
  const [sendAfter, setSendAfter] = useState(false);
  const sharedLibraryJoined = useSharedLibraryJoined();
  const buttons = useRef(new Map<ArticleStatus, HTMLButtonElement>());
  // Approved and published text goes back to draft through the banner's "Sửa bài", which warns first.
  const moves =
    identity === null ? [] : allowedMoves(status, identity.role).filter((to) => !(isLockedForEditing(status) && to === 'draft'));
  const holder = holderLine(messages, props);

  /** Closes the form; focus goes back to the button that opened it, or after a move to the first move now offered. */
  const close = (focus: ArticleStatus | 'first') => {
    setChosen(null);
    setNote('');
    requestAnimationFrame(() => (focus === 'first' ? [...buttons.current.values()][0] : buttons.current.get(focus))?.focus());
  };

  const confirm = async (event?: FormEvent) => {
    event?.preventDefault();
    if (chosen === null || busy) return;
    if (!(await onMove(chosen, note))) return;
    close('first');
    if (sendAfter && props.sending !== true) props.onSendPackage?.();
  };

  const onNoteKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void confirm();
    }
  };

  const onFormKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape' && chosen !== null) {
      event.preventDefault();
      close(chosen);
    }
  };

  return (
    <section className="workflow" aria-label={messages.workflowLabel}>
      <div className="workflow-bar">
        <span className={`status status-${status}`}>{messages.status[status]}</span>
        {holder !== null && (
          <span className="workflow-holder">
            {holder}
            {lastNote !== '' && <q className="workflow-note">{lastNote}</q>}
          </span>
        )}
        <div className="workflow-actions">
          {identity === null && <span className="muted">{messages.movesNeedIdentity}</span>}
          {moves.map((to) => {
            const kind = moveKind(status, to);
            return (
              <button
                key={to}
                ref={(element) => {
                  if (element === null) buttons.current.delete(to);
                  else buttons.current.set(to, element);
                }}
                type="button"
                className={primaryKinds.includes(kind) ? 'button button-primary' : 'button'}
                aria-expanded={chosen === to}
                // aria-disabled, not disabled: a disabled button drops the keyboard focus to the page.
                aria-disabled={busy}
                onClick={() => {
                  if (busy) return;
                  setChosen(to);
                  setNote('');
                  // In a shared library the sync hands the article over: the package is there for the odd USB stick.
                  setSendAfter(!sharedLibraryJoined && handOffKinds.includes(kind));
                }}
              >
                {messages.moveAction[kind]}
              </button>
            );
          })}
        </div>
        {props.onSendPackage !== undefined && (
          <button
            type="button"
            className="button workflow-send"
            title={messages.sendPackageHint}
            aria-disabled={props.sending === true}
            onClick={() => {
              if (props.sending !== true) props.onSendPackage?.();
            }}
          >
            {messages.sendPackage}
          </button>
        )}
      </div>
      {chosen !== null && (
        <form
          className="move-form"
          aria-label={messages.moveAction[moveKind(status, chosen)]}
          onSubmit={(event) => void confirm(event)}
          onKeyDown={onFormKeyDown}
        >
          <label className="field">
            <span className="field-label">{messages.moveNote}</span>
            <textarea
              className="move-note"
              rows={2}
              autoFocus
              value={note}
              maxLength={moveNoteMaximumLength}
              placeholder={messages.moveNotePlaceholder}
              onChange={(event) => setNote(event.target.value)}
              onKeyDown={onNoteKeyDown}
            />
          </label>
          {props.onSendPackage !== undefined && (
            <label className="move-send">
              <input type="checkbox" checked={sendAfter} onChange={(event) => setSendAfter(event.target.checked)} />
              {messages.moveAlsoSendPackage}
            </label>
          )}
          <div className="move-form-actions">
            <button type="submit" className="button button-primary" aria-disabled={busy}>
              {messages.moveAction[moveKind(status, chosen)]}
            </button>
            <button type="button" className="button" onClick={() => close(chosen)}>
              {messages.cancel}
            </button>
            <span className="move-keys muted">{messages.moveKeys}</span>
          </div>
        </form>
      )}
    </section>
  );
}
