import { useState, type FormEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { CommentThread } from '../../../../../shared/commentModel';
import { useMessages } from '../../../i18n/MessagesContext';
import { formatDateTime } from '../../../lib/formatDateTime';
import { personLabel } from '../../../lib/workflowText';
import { commentTextMaximumLength } from './commentAnchors';

export interface CommentThreadItemProps {
  thread: CommentThread;
  /** Its anchor is drawn stronger in the body. */
  active: boolean;
  /** Its text was deleted from the body: nothing to go to. */
  detached: boolean;
  /** Makes it the active thread (focus inside it). */
  onActivate: () => void;
  /** Selects its text in the body and scrolls there (a click on the thread, or on its quote). */
  onJump: () => void;
  /** Resolves true once main has the reply. */
  onReply: (text: string) => Promise<boolean>;
  onResolve: (resolved: boolean) => Promise<void>;
}

/** Controls handle their own clicks; a click anywhere else on a thread goes to its text. */
function onControl(event: MouseEvent): boolean {
  return event.target instanceof Element && event.target.closest('button, textarea, input, label, a') !== null;
}

/**
 * One thread: the quoted text (a button to its place in the body), each comment with who (name, role), when
 * (dd/mm/yyyy HH:MM) and what, a reply box, and "Đã xử lý" / "Mở lại". A resolved thread is dimmed and folded to its
 * quote and who resolved it. Everything is shown as text.
 */
export function CommentThreadItem({ thread, active, detached, onActivate, onJump, onReply, onResolve }: CommentThreadItemProps) {
  const messages = useMessages();
  const [expanded, setExpanded] = useState(false);
  const [reply, setReply] = useState('');
  const [busy, setBusy] = useState(false);
  const resolved = thread.resolved !== null;
  const showComments = !resolved || expanded;

  const sendReply = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy || reply.trim() === '') return;
    setBusy(true);
    if (await onReply(reply.trim().normalize('NFC'))) setReply('');
    setBusy(false);
  };

  const toggleResolved = async () => {
    if (busy) return;
    setBusy(true);
    await onResolve(!resolved);
    setBusy(false);
  };

  const onReplyKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void sendReply();
    }
  };

  const classes = [
    'comment-thread',
    active && 'comment-thread-active',
    resolved && 'comment-thread-resolved',
    detached && 'comment-thread-detached',
  ];
  return (
    <li
      className={classes.filter(Boolean).join(' ')}
      data-thread-id={thread.id}
      onFocus={onActivate}
      onClick={(event) => {
        if (!onControl(event)) onJump();
      }}
    >
      {detached ? (
        <blockquote className="comment-quote-text">{thread.quote}</blockquote>
      ) : (
        <button type="button" className="comment-quote" aria-label={messages.comments.jump(thread.quote)} onClick={onJump}>
          <span className="comment-quote-text">{thread.quote}</span>
        </button>
      )}
      {showComments && (
        <ol className="comment-list">
          {thread.comments.map((comment) => (
            <li key={comment.id} className="comment">
              <p className="comment-meta">
                <span className="comment-person">{personLabel(messages, comment.by)}</span>
                <time className="comment-time" dateTime={comment.at}>
                  {formatDateTime(comment.at)}
                </time>
              </p>
              <p className="comment-text">{comment.text}</p>
            </li>
          ))}
        </ol>
      )}
      {thread.resolved !== null && (
        <p className="comment-resolved">
          {messages.comments.resolvedLine(personLabel(messages, thread.resolved.by), formatDateTime(thread.resolved.at))}
        </p>
      )}
      {!resolved && (
        <form className="comment-reply" onSubmit={(event) => void sendReply(event)}>
          <label className="comment-field">
            <span className="visually-hidden">{messages.comments.replyLabel}</span>
            <textarea
              rows={1}
              value={reply}
              maxLength={commentTextMaximumLength}
              placeholder={messages.comments.replyPlaceholder}
              readOnly={busy}
              onChange={(event) => setReply(event.target.value)}
              onKeyDown={onReplyKeyDown}
            />
          </label>
          {reply.trim() !== '' && (
            <button type="submit" className="button button-small button-primary" aria-disabled={busy}>
              {messages.comments.sendReply}
            </button>
          )}
        </form>
      )}
      <div className="comment-actions">
        {resolved && (
          <button
            type="button"
            className="button button-small button-ghost"
            aria-expanded={expanded}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? messages.comments.hideComments : messages.comments.showComments(thread.comments.length)}
          </button>
        )}
        <button type="button" className="button button-small" aria-disabled={busy} onClick={() => void toggleResolved()}>
          {resolved ? messages.comments.reopen : messages.comments.resolve}
        </button>
      </div>
    </li>
  );
}
