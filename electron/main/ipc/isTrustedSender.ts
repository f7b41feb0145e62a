/** The parts of an IPC event's sender frame that decide whether to trust it. */
export interface SenderFrame {
  url: string;
  /** True when the frame is the top frame of its page (no iframe may call us). */
  isTopFrame: boolean;
}

/**
 * One spelling per page address, so our own page is recognised however it was written: Node's pathToFileURL and
 * Chromium may percent-encode a non-ASCII install path ("C:\Program Files\Bản Thảo\…") differently (case of the hex
 * digits, which characters) and write the drive letter in either case. Query and hash never matter.
 */
function comparableAddress(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  parsed.hash = '';
  parsed.search = '';
  if (parsed.protocol !== 'file:') return parsed.href;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  return `file://${parsed.host}${path.replace(/^\/([A-Za-z]):/, (_, drive: string) => `/${drive.toLowerCase()}:`)}`;
}

/** Only our own page's top frame may call a handler: not an iframe, not a page it navigated to. */
export function isTrustedSender(frame: SenderFrame | null, trustedPageUrl: string): boolean {
  if (frame === null || !frame.isTopFrame) return false;
  const sender = comparableAddress(frame.url);
  return sender !== null && sender === comparableAddress(trustedPageUrl);
}
