/**
 * Where main writes a failure in full (message, stack, cause, paths): for whoever investigates, never for the
 * screen. `context` says what was being done, in a few words.
 */
export type ErrorLog = (context: string, error: unknown) => void;

/** The default log: the console of the main process (console.error prints an Error's stack and its causes). */
export const logError: ErrorLog = (context, error) => {
  console.error(`Bản Thảo: ${context}`, error);
};
