/** The same JSON value with every string (keys too) in Unicode NFC, so text typed decomposed compares equal to the stored form. */
export function normalizeJsonText<T>(value: T): T {
  return normalizeValue(value) as T;
}

function normalizeValue(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(normalizeValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key.normalize('NFC'), normalizeValue(inner)]));
  }
  return value;
}
