import { describe, expect, it } from 'vitest';
import { trustSystemCertificates, type CertificateStore } from '../../electron/main/trustSystemCertificates';

function store(lists: { default: string[]; system: string[] }, failing = false) {
  const set: string[][] = [];
  const tls: CertificateStore = {
    getCACertificates: (type = 'default') => {
      if (failing && type === 'system') throw new Error('no keychain');
      return type === 'system' ? lists.system : lists.default;
    },
    setDefaultCACertificates: (certificates) => void set.push(certificates),
  };
  return { tls, set };
}

describe('trusting the certificates the operating system trusts (an agency’s own authority)', () => {
  it('adds the system’s authorities to the built-in ones, each once', () => {
    const { tls, set } = store({ default: ['mozilla-a', 'mozilla-b'], system: ['mozilla-a', 'agency-root'] });
    expect(trustSystemCertificates(tls)).toBe(true);
    expect(set).toEqual([['mozilla-a', 'mozilla-b', 'agency-root']]);
  });

  it('changes nothing on a Node without the functions, with an empty system store, or one that cannot be read', () => {
    expect(trustSystemCertificates({})).toBe(false);
    const empty = store({ default: ['mozilla-a'], system: [] });
    expect(trustSystemCertificates(empty.tls)).toBe(false);
    expect(empty.set).toEqual([]);
    const failing = store({ default: ['mozilla-a'], system: ['agency-root'] }, true);
    expect(trustSystemCertificates(failing.tls)).toBe(false);
    expect(failing.set).toEqual([]);
  });
});
