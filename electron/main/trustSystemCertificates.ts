import * as nodeTls from 'node:tls';

/** The two functions of node:tls this needs (Node 22.19+/24.5+); tests pass a stand-in. */
export interface CertificateStore {
  getCACertificates?: (type?: 'default' | 'system' | 'bundled' | 'extra') => string[];
  setDefaultCACertificates?: (certificates: string[]) => void;
}

/**
 * Lets main's https requests (the shared library's server) trust what the operating system trusts as well as Node's
 * built-in list: an office server with a certificate from the agency's own authority, installed in Windows, macOS or
 * Linux, then verifies as it does in the browser. Nothing is ever trusted less; on a Node without these functions,
 * nothing changes (README: a certificate from a public authority is needed then). Returns whether it took effect.
 */
export function trustSystemCertificates(tls: CertificateStore = nodeTls as CertificateStore): boolean {
  if (typeof tls.getCACertificates !== 'function' || typeof tls.setDefaultCACertificates !== 'function') return false;
  try {
    const system = tls.getCACertificates('system');
    if (system.length === 0) return false;
    tls.setDefaultCACertificates([...new Set([...tls.getCACertificates('default'), ...system])]);
    return true;
  } catch {
    // A system store that cannot be read leaves the built-in list as it was.
    return false;
  }
}
