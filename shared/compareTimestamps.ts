/**
 * Orders two ISO timestamps by the instant they name (offsets differ between machines, so their text does not sort),
 * then by their text: a total order, so a merge picks the same one whichever side it starts from.
 */
export function compareTimestamps(a: string, b: string): number {
  const byInstant = Date.parse(a) - Date.parse(b);
  if (byInstant !== 0) return byInstant;
  return a < b ? -1 : a > b ? 1 : 0;
}
