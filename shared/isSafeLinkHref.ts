const allowedProtocols = new Set(['http:', 'https:', 'mailto:']);

/** True for the only link targets an article may carry: http, https and mailto URLs. */
export function isSafeLinkHref(href: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:"), so strip them first.
  const compact = href.replace(/[\u0000-\u0020\u007f]/g, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(compact);
  if (match === null) return false;
  const protocol = `${match[1]!.toLowerCase()}:`;
  if (!allowedProtocols.has(protocol)) return false;
  if (protocol === 'mailto:') return compact.length > 'mailto:'.length;
  return /^https?:\/\/[^/?#\s]+/i.test(compact);
}
