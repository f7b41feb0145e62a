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
  it('recognises our page installed under a Vietnamese Windows path however its address is spelled', () => {
    const installed = 'file:///C:/Program%20Files/B%E1%BA%A3n%20Th%E1%BA%A3o/resources/app.asar/out/renderer/index.html';
    expect(isTrustedSender({ url: 'file:///c:/Program%20Files/B%e1%ba%a3n%20Th%e1%ba%a3o/resources/app.asar/out/renderer/index.html', isTopFrame: true }, installed)).toBe(true);
    expect(isTrustedSender({ url: 'file:///C:/Program Files/Bản Thảo/resources/app.asar/out/renderer/index.html?x=1#/', isTopFrame: true }, installed)).toBe(true);
    // Another folder, or another file of the same folder, is still refused.
    expect(isTrustedSender({ url: 'file:///C:/Program%20Files/Ban%20Thao/resources/app.asar/out/renderer/index.html', isTopFrame: true }, installed)).toBe(false);
    expect(isTrustedSender({ url: 'file:///C:/Program%20Files/B%E1%BA%A3n%20Th%E1%BA%A3o/resources/app.asar/out/renderer/evil.html', isTopFrame: true }, installed)).toBe(false);
  });
  it('refuses an address that cannot be read', () => {
    expect(isTrustedSender({ url: 'not a url', isTopFrame: true }, page)).toBe(false);
    expect(isTrustedSender({ url: 'file:///opt/%E0%A4%A/index.html', isTopFrame: true }, page)).toBe(false);
  });
});
