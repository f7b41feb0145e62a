/** The parts of an IPC event's sender frame that decide whether to trust it. */
export interface SenderFrame {
  url: string;
  /** True when the frame is the top frame of its page (no iframe may call us). */
  isTopFrame: boolean;
}

/**
 * `scheme://host:port` of a page address, or null when it has none we could trust. Written out by hand because
 * Node's URL gives "null" as the origin of a custom scheme such as app:. A file: page never has a trusted origin:
 * on file:// the CSP's 'self' would stand for every local file.
 */
function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'file:' || parsed.host === '' || parsed.username !== '' || parsed.password !== '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/**
 * Only the top frame of a page from our own origin may call a handler: `app://banthao` in the packaged app, the
 * development server's origin under `npm run dev`. Not an iframe, not a file:// page, not any other origin.
 */
export function isTrustedSender(frame: SenderFrame | null, trustedPageUrl: string): boolean {
  if (frame === null || !frame.isTopFrame) return false;
  const trusted = originOf(trustedPageUrl);
  return trusted !== null && originOf(frame.url) === trusted;
}
