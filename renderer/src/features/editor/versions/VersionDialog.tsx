import { useId, useRef, type ReactNode } from 'react';
import { useMessages } from '../../../i18n/MessagesContext';
import { useModalDialog } from '../../../lib/useModalDialog';

export interface VersionDialogProps {
  title: string;
  /** A line under the title (who took the version, and why). */
  subtitle?: ReactNode;
  /** The buttons at the foot, before "Đóng". */
  actions?: ReactNode;
  /** While something is on its way (a restore), the dialog cannot be closed. */
  busy?: boolean;
  /** `alertdialog` for a question that needs an answer; `dialog` otherwise. */
  role?: 'dialog' | 'alertdialog';
  /** A smaller box, for a question; a full one for side-by-side columns (the conflict view). */
  size?: 'wide' | 'small' | 'full';
  /** The closing button's text ("Đóng" unless said: a question says "Thôi"). */
  closeLabel?: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal window over the editor (the text under it cannot be typed in meanwhile): a title, a scrolling content, and
 * the buttons at its foot; Esc and "Đóng" close it, and the focus goes back where it was when it opened.
 */
export function VersionDialog(props: VersionDialogProps) {
  const { title, subtitle, actions, busy = false, role = 'dialog', size = 'wide', closeLabel, onClose, children } = props;
  const messages = useMessages();
  const titleId = useId();
  const busyRef = useRef(busy);
  busyRef.current = busy;

  const requestClose = () => {
    if (!busyRef.current) onClose();
  };
  const modal = useModalDialog({
    onEscape: requestClose,
    catchEscapeKey: true,
    closeOnUnmount: true,
    // The button that opened it, when it is still there (a restore replaces the whole form instead).
    restoreFocus: true,
    // The button marked for it (a question's answer), else the content, which the arrow keys then scroll.
    initialFocus: (element) => element.querySelector<HTMLElement>('[data-autofocus]'),
  });

  return (
    <dialog
      {...modal}
      className={`version-dialog version-dialog-${size}`}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
    >
      <header className="version-dialog-head">
        <div className="version-dialog-heading">
          <h2 id={titleId} className="version-dialog-title">
            {title}
          </h2>
          {subtitle !== undefined && <p className="version-dialog-subtitle">{subtitle}</p>}
        </div>
        <button
          type="button"
          className="version-dialog-x"
          aria-label={messages.versions.close}
          title={messages.versions.closeKeys}
          onClick={requestClose}
        >
          ×
        </button>
      </header>
      <div className="version-dialog-body" tabIndex={0} data-autofocus={role === 'dialog' ? '' : undefined}>
        {children}
      </div>
      <footer className="version-dialog-foot">
        {actions}
        <button type="button" className="button" disabled={busy} onClick={requestClose}>
          {closeLabel ?? messages.versions.close}
        </button>
      </footer>
    </dialog>
  );
}
