/** A photo's media id: the SHA-256 of its bytes, as 64 lowercase hex digits (zod-free for the renderer bundle). */
export const mediaIdPattern = /^[a-f0-9]{64}$/;

/** True when the value can name a stored photo; never build a path from anything else. */
export function isMediaId(value: unknown): value is string {
  return typeof value === 'string' && mediaIdPattern.test(value);
}
