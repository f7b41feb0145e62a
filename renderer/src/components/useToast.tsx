import { useCallback, useEffect, useRef, useState } from 'react';

export interface ToastMessage {
  text: string;
  /** A second, smaller line (e.g. the folder an export went to). */
  detail?: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

/** One toast at a time: the newest replaces the old; it hides itself after a while (errors stay longer). */
export function useToast() {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const show = useCallback((message: ToastMessage) => {
    if (timer.current !== null) clearTimeout(timer.current);
    setToast(message);
    timer.current = setTimeout(() => setToast(null), message.tone === 'error' ? 12_000 : 7_000);
  }, []);
  const dismiss = useCallback(() => setToast(null), []);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  return { toast, show, dismiss };
}

/** The toast itself, announced to screen readers. */
export function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss: () => void }) {
  if (toast === null) return null;
  return (
    <div className={`toast toast-${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
      <span className="toast-text">
        {toast.text}
        {toast.detail && <small className="toast-detail">{toast.detail}</small>}
      </span>
      {toast.action && (
        <button
          type="button"
          className="toast-action"
          onClick={() => {
            toast.action!.run();
            onDismiss();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="toast-close" aria-label="Đóng" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
