/** The slice of Electron's `app` the claim uses (Electron's `App` satisfies it); tests pass an EventEmitter. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

/** The slice of a BrowserWindow that bringing it to the front needs. */
export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** What the first instance tells the claim once its main window exists. */
export interface SingleInstanceClaim {
  /** The window a second launch should bring forward; if one was asked for while starting, it is brought forward now. */
  windowReady(window: FocusableWindow): void;
}

function bringForward(window: FocusableWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * One library, one writer: takes Electron's single-instance lock. Refused (another instance runs) → quits and returns
 * null; that instance gets 'second-instance' and brings its window forward. Call this before `app.whenReady()`: a
 * second launch while this one is still starting is remembered and honoured when `windowReady` is called.
 */
export function claimSingleInstance(app: SingleInstanceApp): SingleInstanceClaim | null {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  let current: FocusableWindow | null = null;
  let wanted = false;
  app.on('second-instance', () => {
    if (current === null || current.isDestroyed()) {
      wanted = true;
      return;
    }
    bringForward(current);
  });
  return {
    windowReady(window) {
      current = window;
      if (!wanted || window.isDestroyed()) return;
      wanted = false;
      bringForward(window);
    },
  };
}
