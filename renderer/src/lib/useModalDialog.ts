import { useEffect, useRef, type KeyboardEvent, type RefObject, type SyntheticEvent } from 'react';

export interface ModalDialogOptions {
  /**
   * What Esc does. A function: it is called and the browser does not close the dialog (React closes it by unmounting).
   * 'ignore': Esc does nothing. 'browser': the browser closes the dialog, and the dialog's own onClose tells React.
   */
  onEscape: (() => void) | 'ignore' | 'browser';
  /** Esc is also taken on keydown and goes no further, so no shortcut of the window beneath sees it. */
  catchEscapeKey?: boolean;
  /** The dialog is closed when it unmounts (the browser then ends its modal state at once). */
  closeOnUnmount?: boolean;
  /** The focus goes back, on unmount, to the element that had it when the dialog opened, when it is still there. */
  restoreFocus?: boolean;
  /** Opened again after any render that finds it closed: for a dialog rendered later than its component. */
  reopen?: boolean;
  /** The element to focus once the dialog is open. */
  initialFocus?: (dialog: HTMLDialogElement) => HTMLElement | null | undefined;
}

export interface ModalDialogProps {
  ref: RefObject<HTMLDialogElement | null>;
  onCancel?: (event: SyntheticEvent<HTMLDialogElement>) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLDialogElement>) => void;
}

/** Shows a modal `<dialog>` once it is rendered; jsdom has no showModal (tests/support/dialogPolyfill.ts adds one). */
function open(element: HTMLDialogElement | null) {
  if (element !== null && !element.open && typeof element.showModal === 'function') element.showModal();
}

/**
 * The plumbing every modal `<dialog>` shares: open on mount, Esc, and what happens to it and the focus on unmount.
 * Returns the props to spread on the `<dialog>`.
 */
export function useModalDialog(options: ModalDialogOptions): ModalDialogProps {
  const { onEscape, catchEscapeKey = false, closeOnUnmount = false, restoreFocus = false, reopen = false } = options;
  const dialog = useRef<HTMLDialogElement>(null);
  // Read once, on mount, as the copies before this hook did.
  const mountOptions = useRef({ closeOnUnmount, restoreFocus, initialFocus: options.initialFocus });

  useEffect(() => {
    const { closeOnUnmount: close, restoreFocus: refocus, initialFocus } = mountOptions.current;
    const opener = refocus && document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    open(element);
    if (element !== null) initialFocus?.(element)?.focus();
    return () => {
      // Only a dialog really gone from the page: StrictMode's rehearsal unmount (npm run dev) leaves it in place, and a
      // close() then would fire a late close event that shuts the dialog just opened again.
      if (element?.isConnected === true) return;
      if (close && element?.open === true) element.close();
      if (opener?.isConnected === true) opener.focus();
    };
  }, []);

  useEffect(() => {
    if (reopen) open(dialog.current);
  });

  if (onEscape === 'browser') return { ref: dialog };
  const escape = () => {
    if (onEscape !== 'ignore') onEscape();
  };
  return {
    ref: dialog,
    onCancel: (event) => {
      // Esc: React closes the dialog (by unmounting it), never the browser behind its back.
      event.preventDefault();
      event.stopPropagation();
      escape();
    },
    onKeyDown: catchEscapeKey
      ? (event) => {
          // Esc inside an input method's composition is the input method's (it cancels the syllable being typed).
          if (event.key === 'Escape' && !event.nativeEvent.isComposing) {
            event.preventDefault();
            event.stopPropagation();
            escape();
          }
        }
      : undefined,
  };
}
