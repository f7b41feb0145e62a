import { useRef, useState, type KeyboardEvent } from 'react';
import { useMessages } from '../../i18n/MessagesContext';

export interface LockedBannerProps {
  status: 'approved' | 'published';
  /** A move is on its way: the buttons wait for it. */
  busy: boolean;
  /** Moves the article back to draft; resolves true once it is there (the text is then editable). */
  onReopen: () => Promise<boolean>;
}

/**
 * Over approved or published text, which is read-only: "Sửa bài (đưa về nháp)" asks first, since the article then
 * needs approving again, and on "Đưa về nháp và sửa" moves it back to draft.
 */
export function LockedBanner({ status, busy, onReopen }: LockedBannerProps) {
  const messages = useMessages();
  const [confirming, setConfirming] = useState(false);
  const unlockButton = useRef<HTMLButtonElement>(null);

  const cancel = () => {
    setConfirming(false);
    requestAnimationFrame(() => unlockButton.current?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && confirming) {
      event.preventDefault();
      cancel();
    }
  };

  return (
    <div className="locked-banner" onKeyDown={onKeyDown}>
      {confirming ? (
        <div className="locked-confirm" role="alertdialog" aria-labelledby="locked-confirm-text">
          <p id="locked-confirm-text">{messages.unlockConfirm[status]}</p>
          <button
            type="button"
            className="button button-primary"
            autoFocus
            // aria-disabled, not disabled: a disabled button drops the keyboard focus to the page.
            aria-disabled={busy}
            onClick={() => {
              if (!busy) void onReopen().then((reopened) => reopened || cancel());
            }}
          >
            {messages.unlockConfirmYes}
          </button>
          <button type="button" className="button" onClick={cancel}>
            {messages.unlockConfirmNo}
          </button>
        </div>
      ) : (
        <>
          <p>{messages.lockedBanner[status]}</p>
          <button ref={unlockButton} type="button" className="button" aria-disabled={busy} onClick={() => !busy && setConfirming(true)}>
            {messages.unlockToEdit}
          </button>
        </>
      )}
    </div>
  );
}
