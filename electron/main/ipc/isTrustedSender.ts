/** The parts of an IPC event's sender frame that decide whether to trust it. */
export interface SenderFrame {
  url: string;
  /** True when the frame is the top frame of its page (no iframe may call us). */
  isTopFrame: boolean;
}

/** Only our own page's top frame may call a handler: not an iframe, not a page it navigated to. */
export function isTrustedSender(frame: SenderFrame | null, trustedPageUrl: string): boolean {
  if (frame === null || !frame.isTopFrame) return false;
  const withoutHash = frame.url.split('#')[0]!.split('?')[0]!;
  return withoutHash === trustedPageUrl;
}
