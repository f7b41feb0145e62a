const pad = (value: number) => String(value).padStart(2, '0');

/** "14:05" in the machine's time zone. */
export function formatTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "05/07/2022 09:12" from the camera's local time "2022-07-05T09:12:00" (no time zone: shown as recorded). */
export function formatTakenAt(localTimestamp: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(localTimestamp);
  return match === null ? localTimestamp : `${match[3]}/${match[2]}/${match[1]} ${match[4]}:${match[5]}`;
}

/** "26/11/2026 14:05" in the machine's time zone, from an ISO timestamp. */
export function formatDateTime(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()} ${formatTime(date)}`;
}

/** "10:42 30/11" (the year only when it is not this year's), in the machine's time zone: when a move happened. */
export function formatTimeAndDay(isoTimestamp: string, now: Date = new Date()): string {
  const date = new Date(isoTimestamp);
  const day = `${pad(date.getDate())}/${pad(date.getMonth() + 1)}`;
  return `${formatTime(date)} ${day}${date.getFullYear() === now.getFullYear() ? '' : `/${date.getFullYear()}`}`;
}
