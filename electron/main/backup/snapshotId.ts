/** A snapshot folder name: its UTC time to the second, plus "-2", "-3"… when several fall in one second. */
export const snapshotIdPattern = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(-\d{1,3})?$/;

/** "2026-03-14T09-05-00" from a moment (UTC, so a clock change never reorders or collides folder names). */
export function snapshotIdOf(date: Date): string {
  return date.toISOString().slice(0, 19).replaceAll(':', '-');
}
