import { packageFilesInArgv, type PathFlavor } from './packageFilesInArgv';

/** The slice of Electron's `app` the claim uses (Electron's `App` satisfies it); tests pass an EventEmitter. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
  on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): unknown;
}

/** This launch's own command line, where a double-click on a package names it when the app was not running. */
export interface LaunchCommandLine {
  argv: readonly string[];
  workingDirectory: string;
  flavor: PathFlavor;
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
  /**
   * Where review packages opened from outside go from now on (a double-click, a second launch naming files, macOS's
   * open-file): those asked for before, from the first launch's own command line on, are handed over now, in order.
   */
  receivePackagesWith(receive: (path: string) => void): void;
}

function bringForward(window: FocusableWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * One library, one writer: takes Electron's single-instance lock. Refused (another instance runs) → quits and returns
 * null; that instance gets 'second-instance', brings its window forward and takes the packages the launch named. Call
 * this before `app.whenReady()` (macOS sends 'open-file' for a double-click that starts the app before 'ready'): a
 * second launch or a package while this one is still starting is remembered and honoured once the window and the
 * receiver are there.
 */
export function claimSingleInstance(app: SingleInstanceApp, launch: LaunchCommandLine): SingleInstanceClaim | null {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  let current: FocusableWindow | null = null;
  let wanted = false;
  const waiting = packageFilesInArgv(launch.argv, launch.workingDirectory, launch.flavor);
  let receive: ((path: string) => void) | null = null;
  const comeForward = () => {
    if (current === null || current.isDestroyed()) {
      wanted = true;
      return;
    }
    bringForward(current);
  };
  const handOver = (paths: readonly string[]) => {
    if (receive === null) waiting.push(...paths);
    else for (const path of paths) receive(path);
  };
  app.on('second-instance', (_event, argv, workingDirectory) => {
    comeForward();
    handOver(packageFilesInArgv(argv, workingDirectory, launch.flavor));
  });
  app.on('open-file', (event, path) => {
    const paths = packageFilesInArgv(['', path], launch.workingDirectory, launch.flavor);
    if (paths.length === 0) return;
    // Taken: otherwise macOS tells the user the app could not open the file.
    event.preventDefault();
    comeForward();
    handOver(paths);
  });
  return {
    windowReady(window) {
      current = window;
      if (!wanted || window.isDestroyed()) return;
      wanted = false;
      bringForward(window);
    },
    receivePackagesWith(receiver) {
      receive = receiver;
      for (const path of waiting.splice(0)) receiver(path);
    },
  };
}
