import { act, StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { useModalDialog, type ModalDialogOptions } from '../../renderer/src/lib/useModalDialog';
import { useRendering } from '../support/useRendering';

const render = useRendering();

function Modal({ options, text = 'Hộp thoại' }: { options: ModalDialogOptions; text?: string }) {
  const modal = useModalDialog(options);
  return (
    <dialog {...modal} aria-label={text}>
      <button type="button">Đóng</button>
    </dialog>
  );
}

/** Dispatches an event as the browser would and tells whether something prevented its default. */
function dispatch(target: Element, event: Event): boolean {
  act(() => {
    target.dispatchEvent(event);
  });
  return event.defaultPrevented;
}

const escapeKey = () => new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
const cancelEvent = () => new Event('cancel', { cancelable: true });

describe('useModalDialog', () => {
  it('opens the dialog on mount, focuses what it is told, and on Esc asks instead of letting the browser close it', async () => {
    const onEscape = vi.fn();
    const seenByWindow = vi.fn();
    document.addEventListener('keydown', seenByWindow);
    const view = await render(
      <Modal options={{ onEscape, catchEscapeKey: true, initialFocus: (dialog) => dialog.querySelector('button') }} />,
    );
    const dialog = view.querySelector('dialog')!;
    expect(dialog.open).toBe(true);
    expect(document.activeElement).toBe(dialog.querySelector('button'));

    expect(dispatch(dialog.querySelector('button')!, escapeKey())).toBe(true);
    expect(onEscape).toHaveBeenCalledTimes(1);
    expect(seenByWindow).not.toHaveBeenCalled();
    expect(dispatch(dialog, cancelEvent())).toBe(true);
    expect(onEscape).toHaveBeenCalledTimes(2);
    document.removeEventListener('keydown', seenByWindow);
  });

  it('leaves the Esc key to the window unless told to catch it, and ignores or hands Esc to the browser as told', async () => {
    const seenByWindow = vi.fn();
    document.addEventListener('keydown', seenByWindow);
    const view = await render(
      <>
        <Modal options={{ onEscape: 'ignore' }} text="Bỏ qua" />
        <Modal options={{ onEscape: 'browser' }} text="Trình duyệt" />
      </>,
    );
    const [ignoring, native] = [...view.querySelectorAll('dialog')];
    expect(dispatch(ignoring!, escapeKey())).toBe(false);
    expect(seenByWindow).toHaveBeenCalledTimes(1);
    expect(dispatch(ignoring!, cancelEvent())).toBe(true);
    expect(dispatch(native!, cancelEvent())).toBe(false);
    document.removeEventListener('keydown', seenByWindow);
  });

  it('closes the dialog and gives the focus back to its opener on unmount only when told', async () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);

    opener.focus();
    await act(async () =>
      root.render(<Modal options={{ onEscape: 'ignore', initialFocus: (dialog) => dialog.querySelector('button') }} />),
    );
    const plain = host.querySelector('dialog')!;
    await act(async () => root.render(null));
    expect(plain.open).toBe(true);
    expect(document.activeElement).not.toBe(opener);

    opener.focus();
    await act(async () =>
      root.render(
        <Modal
          options={{
            onEscape: 'ignore',
            closeOnUnmount: true,
            restoreFocus: true,
            initialFocus: (dialog) => dialog.querySelector('button'),
          }}
        />,
      ),
    );
    const tidy = host.querySelector('dialog')!;
    expect(document.activeElement).toBe(tidy.querySelector('button'));
    await act(async () => root.render(null));
    expect(tidy.open).toBe(false);
    expect(document.activeElement).toBe(opener);

    act(() => root.unmount());
    host.remove();
    opener.remove();
  });

  it('does not close the dialog at StrictMode’s rehearsal unmount (npm run dev), whose late close event shut it again', async () => {
    // Every time a dialog loses its open attribute (close()), seen as it happens.
    const closings: string[] = [];
    const observer = new MutationObserver((records) => {
      // The attribute was there before this change: it was taken away.
      for (const record of records) if (record.oldValue !== null) closings.push(record.attributeName!);
    });
    observer.observe(document.body, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['open'] });
    const view = await render(
      <StrictMode>
        <Modal options={{ onEscape: 'browser', closeOnUnmount: true, restoreFocus: true }} />
      </StrictMode>,
    );
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    observer.disconnect();
    expect(view.querySelector('dialog')!.open).toBe(true);
    expect(closings).toEqual([]);
  });

  it('opens a dialog again on a later render that finds it closed only when told to reopen', async () => {
    function Counting({ reopen }: { reopen: boolean }) {
      const [count, setCount] = useState(0);
      const modal = useModalDialog({ onEscape: 'ignore', reopen });
      return (
        <dialog {...modal} aria-label={reopen ? 'Mở lại' : 'Một lần'}>
          <button type="button" onClick={() => setCount(count + 1)}>
            {count}
          </button>
        </dialog>
      );
    }
    const view = await render(
      <>
        <Counting reopen />
        <Counting reopen={false} />
      </>,
    );
    for (const dialog of view.querySelectorAll('dialog')) {
      dialog.close();
      act(() => dialog.querySelector('button')!.click());
    }
    const [reopening, once] = [...view.querySelectorAll('dialog')];
    expect(reopening!.open).toBe(true);
    expect(once!.open).toBe(false);
  });
});
