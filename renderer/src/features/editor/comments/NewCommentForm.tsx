import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Editor, EditorEvents } from '@tiptap/core';
import type { CommentThread } from '../../../../../shared/commentModel';
import { useMessages } from '../../../i18n/MessagesContext';
import { setPendingAnchor } from './activeAnchorPlugin';
import { commentAnchorMarkName, commentTextMaximumLength, type AnchorRange } from './commentAnchors';

export interface NewCommentFormProps {
  editor: Editor;
  /** The selected text when "Bình luận" was asked for, and its quote. */
  range: AnchorRange;
  quote: string;
  /** Starts the thread (main stamps it); resolves null when it failed (the form stays, the text kept). */
  onStart: (text: string) => Promise<CommentThread | null>;
  /** The thread was started and its anchor set over the text. */
  onStarted: (thread: CommentThread) => void;
  onCancel: () => void;
}

/**
 * "Bình luận mới" on the selected text: Enter posts (Shift+Enter: a new line), Esc cancels. Once main has the thread,
 * its anchor mark is set over the text, wherever edits made meanwhile moved it, and the autosave stores it.
 */
export function NewCommentForm({ editor, range, quote, onStart, onStarted, onCancel }: NewCommentFormProps) {
  const messages = useMessages();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  // The commented text follows edits made while the form is open (or the thread is on its way).
  const rangeRef = useRef(range);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    const follow = ({ transaction }: EditorEvents['transaction']) => {
      if (!transaction.docChanged) return;
      const { from, to } = rangeRef.current;
      // Text typed right before or right after the commented text stays outside it.
      const mappedFrom = transaction.mapping.map(from, 1);
      rangeRef.current = { from: mappedFrom, to: Math.max(mappedFrom, transaction.mapping.map(to, -1)) };
    };
    editor.on('transaction', follow);
    return () => {
      editor.off('transaction', follow);
    };
  }, [editor]);

  // The editor no longer shows its selection once the form has the focus: the text stays marked while the form is open.
  useEffect(() => {
    if (editor.isDestroyed) return;
    editor.view.dispatch(setPendingAnchor(editor.state.tr, range));
    return () => {
      if (!editor.isDestroyed) editor.view.dispatch(setPendingAnchor(editor.state.tr, null));
    };
  }, [editor, range]);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (sending || text.trim() === '') return;
    setSending(true);
    const thread = await onStart(text.trim().normalize('NFC'));
    if (thread === null) {
      if (mounted.current) setSending(false);
      return;
    }
    const { from, to } = rangeRef.current;
    if (to > from && !editor.isDestroyed) {
      if (mounted.current && editor.isEditable) {
        // Kept out of the undo history: undoing one's typing never takes a comment off its text.
        editor
          .chain()
          .focus()
          .setTextSelection({ from, to })
          .setMark(commentAnchorMarkName, { threadId: thread.id })
          .setMeta('addToHistory', false)
          .run();
      } else {
        // The form is gone or the text is read-only (a move under way): main has the thread, so its anchor is still
        // set (the form saves it, after the move), but neither the focus nor the selection is taken from the user.
        const mark = editor.schema.marks[commentAnchorMarkName]!.create({ threadId: thread.id });
        editor.view.dispatch(editor.state.tr.addMark(from, to, mark).setMeta('addToHistory', false));
      }
    }
    if (mounted.current) onStarted(thread);
  };

  const cancel = () => {
    onCancel();
    if (!editor.isDestroyed) editor.commands.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    }
  };

  return (
    <form className="comment-new" onSubmit={(event) => void submit(event)} aria-labelledby="comment-new-title">
      <h3 id="comment-new-title" className="comment-new-title">
        {messages.comments.newTitle}
      </h3>
      <blockquote className="comment-quote-text">{quote}</blockquote>
      <label className="comment-field">
        <span className="visually-hidden">{messages.comments.textLabel}</span>
        <textarea
          autoFocus
          rows={3}
          value={text}
          maxLength={commentTextMaximumLength}
          placeholder={messages.comments.textPlaceholder}
          readOnly={sending}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </label>
      <div className="comment-actions">
        <button type="submit" className="button button-small button-primary" disabled={sending || text.trim() === ''}>
          {messages.comments.send}
        </button>
        <button type="button" className="button button-small" onClick={cancel}>
          {messages.cancel}
        </button>
        <span className="comment-keys muted">{messages.comments.keys}</span>
      </div>
    </form>
  );
}
