const pad = (value: number) => String(value).padStart(2, '0');

/** "14:05" in the machine's time zone. */
export function formatTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "26/11/2026 14:05" in the machine's time zone, from an ISO timestamp. */
export function formatDateTime(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()} ${formatTime(date)}`;
}
