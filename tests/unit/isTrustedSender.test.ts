import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../electron/main/ipc/isTrustedSender';

const page = 'file:///opt/Ban%20Thao/resources/app.asar/out/renderer/index.html';

describe('isTrustedSender', () => {
  it('trusts the top frame of our own page, with or without a hash', () => {
    expect(isTrustedSender({ url: page, isTopFrame: true }, page)).toBe(true);
    expect(isTrustedSender({ url: `${page}#/editor`, isTopFrame: true }, page)).toBe(true);
  });
  it('refuses an iframe inside our page', () => expect(isTrustedSender({ url: page, isTopFrame: false }, page)).toBe(false));
  it('refuses any other page, local or remote', () => {
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', isTopFrame: true }, page)).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', isTopFrame: true }, page)).toBe(false);
  });
  it('refuses an event with no frame (the frame was destroyed)', () => expect(isTrustedSender(null, page)).toBe(false));
});
