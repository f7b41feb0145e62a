import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../electron/main/ipc/isTrustedSender';

const page = 'app://banthao/index.html';
const devServer = 'http://localhost:5173';

/** A call from the top frame of the page at `url`. */
function topFrame(url: string) {
  return { url, isTopFrame: true };
}

describe('isTrustedSender', () => {
  it('trusts the top frame of a page from our app://banthao origin, whatever its path, query or hash', () => {
    expect(isTrustedSender(topFrame(page), page)).toBe(true);
    expect(isTrustedSender(topFrame(`${page}#/editor`), page)).toBe(true);
    expect(isTrustedSender(topFrame('app://banthao/?x=1'), page)).toBe(true);
  });

  it('refuses an iframe, even one showing our own page', () => expect(isTrustedSender({ url: page, isTopFrame: false }, page)).toBe(false));

  it('refuses every file:// page, our own built index.html on disk included', () => {
    const builtPage = 'file:///opt/Ban%20Thao/resources/app.asar/out/renderer/index.html';
    expect(isTrustedSender(topFrame(builtPage), page)).toBe(false);
    expect(isTrustedSender(topFrame('file:///tmp/evil.html'), page)).toBe(false);
    // Even if main were told to trust a file:// page, no file:// page would be trusted.
    expect(isTrustedSender(topFrame(builtPage), builtPage)).toBe(false);
  });

  it('refuses any other origin: another host, scheme, port or a user name in front of our host', () => {
    for (const url of [
      'http://evil.example/',
      'https://banthao/index.html',
      'app://other/index.html',
      'app://banthao.evil.example/index.html',
      'app://banthao:8080/index.html',
      'app://evil@banthao/index.html',
      'banthao-media://banthao/index.html',
      'app:banthao/index.html',
    ]) {
      expect(isTrustedSender(topFrame(url), page), url).toBe(false);
    }
  });

  it('in development trusts the top frame of the development server’s origin only', () => {
    expect(isTrustedSender(topFrame(`${devServer}/`), devServer)).toBe(true);
    expect(isTrustedSender(topFrame(`${devServer}/index.html#/editor`), devServer)).toBe(true);
    expect(isTrustedSender(topFrame('http://localhost:5174/'), devServer)).toBe(false);
    expect(isTrustedSender(topFrame('https://localhost:5173/'), devServer)).toBe(false);
    expect(isTrustedSender(topFrame(page), devServer)).toBe(false);
  });

  it('refuses an event with no frame (the frame was destroyed)', () => expect(isTrustedSender(null, page)).toBe(false));

  it('refuses an address that cannot be read', () => {
    expect(isTrustedSender(topFrame('not a url'), page)).toBe(false);
    expect(isTrustedSender(topFrame(''), page)).toBe(false);
  });
});
