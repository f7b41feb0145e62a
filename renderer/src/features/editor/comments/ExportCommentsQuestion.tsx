import { useState, type KeyboardEvent } from 'react';
import { useMessages } from '../../../i18n/MessagesContext';

export interface ExportCommentsQuestionProps {
  /** The article's threads still open. */
  unresolved: number;
  /** The body's pending suggestions (tracked changes). */
  suggestions?: number;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Before an export of an article with open comments or pending suggestions: "Bài còn N bình luận chưa xử lý. Vẫn xuất?",
 * "Bài còn N đề xuất sửa chưa xử lý…", or both in one sentence (the export itself never carries either). "Vẫn xuất" has
 * the focus, Esc or "Thôi" cancels; either way the focus goes back to where it was.
 */
export function ExportCommentsQuestion({ unresolved, suggestions = 0, onConfirm, onCancel }: ExportCommentsQuestionProps) {
  const messages = useMessages();
  // Read while rendering, before "Vẫn xuất" takes the focus.
  const [returnFocus] = useState(() => document.activeElement);

  const answer = (then: () => void) => () => {
    then();
    if (returnFocus instanceof HTMLElement) requestAnimationFrame(() => returnFocus.focus());
  };
  const cancel = answer(onCancel);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    }
  };

  return (
    <div className="export-question" role="alertdialog" aria-labelledby="export-question-text" onKeyDown={onKeyDown}>
      <p id="export-question-text" className="export-question-text">
        {suggestions === 0
          ? messages.comments.exportQuestion(unresolved)
          : unresolved === 0
            ? messages.suggestions.exportQuestion(suggestions)
            : messages.suggestions.exportQuestionBoth(unresolved, suggestions)}
      </p>
      {unresolved > 0 && <p className="muted export-question-note">{messages.comments.exportQuestionNote}</p>}
      {suggestions > 0 && <p className="muted export-question-note">{messages.suggestions.exportQuestionNote}</p>}
      <div className="export-question-actions">
        <button type="button" className="button button-small button-primary" onClick={answer(onConfirm)}>
          {messages.comments.exportAnyway}
        </button>
        {/* "Thôi" has the focus: Ctrl+E then Enter must not export the open comments' text unread. */}
        <button type="button" className="button button-small" autoFocus onClick={cancel}>
          {messages.comments.exportCancel}
        </button>
      </div>
    </div>
  );
}
