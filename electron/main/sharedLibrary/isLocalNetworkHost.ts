import { isIPv4, isIPv6 } from 'node:net';

/**
 * Whether a URL's host is on the local network, where plain http is allowed without asking: loopback, the private
 * IPv4 ranges, IPv6 loopback and unique-local addresses, `*.local` and single-label names (the office's own DNS).
 */
export function isLocalNetworkHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIPv4(host)) {
    const [first = 0, second = 0] = host.split('.').map(Number);
    return first === 127 || first === 10 || (first === 172 && second >= 16 && second <= 31) || (first === 192 && second === 168);
  }
  if (isIPv6(host)) {
    if (host === '::1') return true;
    // fc00::/7: the first byte is fc or fd.
    return /^f[cd][0-9a-f]{0,2}:/.test(host);
  }
  const name = host.replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.local') || (name !== '' && !name.includes('.'));
}
