import { useId, useRef, type KeyboardEvent } from 'react';
import type { PreflightFinding } from '../../../../../shared/preflightArticle';
import { useMessages } from '../../../i18n/MessagesContext';
import { useModalDialog } from '../../../lib/useModalDialog';

export interface PreflightDialogProps {
  findings: readonly PreflightFinding[];
  /** "Đến chỗ này": the dialog closes and the finding's place is shown; nothing is exported. */
  onGoTo: (finding: PreflightFinding) => void;
  /** "Vẫn xuất": export as it is. */
  onExportAnyway: () => void;
  /** "Hủy", Esc, or Enter (the default button): nothing is exported. */
  onCancel: () => void;
}

/**
 * "Kiểm tra trước khi xuất": the findings in reading order, each with its "Đến chỗ này", then "Vẫn xuất" and "Hủy".
 * "Hủy" is the default button and has the focus: Ctrl+E then Enter never exports unread findings by accident.
 */
export function PreflightDialog({ findings, onGoTo, onExportAnyway, onCancel }: PreflightDialogProps) {
  const messages = useMessages();
  const text = messages.preflight;
  const cancelButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const introId = useId();
  const { onKeyDown: onEscapeKey, ...modal } = useModalDialog({
    onEscape: onCancel,
    catchEscapeKey: true,
    closeOnUnmount: true,
    initialFocus: () => cancelButton.current,
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    onEscapeKey?.(event);
    if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
      // A button takes Enter itself; anywhere else in the dialog Enter is the default button.
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <dialog
      {...modal}
      className="version-dialog version-dialog-small preflight-dialog"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={introId}
      onKeyDown={onKeyDown}
    >
      <header className="version-dialog-head">
        <h2 id={titleId} className="version-dialog-title">
          {text.title}
        </h2>
      </header>
      <div className="version-dialog-body">
        <p id={introId} className="preflight-intro">
          {text.intro(findings.length)}
        </p>
        <ul className="preflight-list">
          {findings.map((finding, index) => {
            const message = text.finding(finding.message);
            return (
              <li key={`${finding.kind}:${index}`} className={`preflight-item preflight-${finding.severity}`}>
                <span className="preflight-severity">{finding.severity === 'block' ? text.block : text.warn}</span>
                <span className="preflight-message">{message}</span>
                <button type="button" className="button button-small" aria-label={text.goToLabel(message)} onClick={() => onGoTo(finding)}>
                  {text.goTo}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      <footer className="version-dialog-foot">
        <button type="button" className="button" onClick={onExportAnyway}>
          {text.exportAnyway}
        </button>
        <button ref={cancelButton} type="button" className="button button-primary" onClick={onCancel}>
          {text.cancel}
        </button>
      </footer>
    </dialog>
  );
}
