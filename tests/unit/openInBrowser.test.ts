import { describe, expect, it } from 'vitest';
import { browserCommand } from '../../build/start/openInBrowser';

const url = 'http://127.0.0.1:4321/?token=abc_-123';
const onPath =
  (...names: string[]) =>
  (name: string) =>
    names.includes(name);

describe('how npm start opens the harness address in a browser', () => {
  it('uses xdg-open on a Linux desktop (X11 or Wayland)', () => {
    expect(browserCommand(url, { platform: 'linux', env: { DISPLAY: ':0' }, isOnPath: onPath('xdg-open', 'chromium') })).toEqual({
      command: 'xdg-open',
      args: [url],
    });
    expect(browserCommand(url, { platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, isOnPath: onPath('xdg-open') })).toEqual({
      command: 'xdg-open',
      args: [url],
    });
  });

  it('falls back to Chromium on a Linux desktop without xdg-open', () => {
    expect(browserCommand(url, { platform: 'linux', env: { DISPLAY: ':0' }, isOnPath: onPath('chromium') })).toEqual({
      command: 'chromium',
      args: [url],
    });
  });

  it('opens nothing on Linux without a display, even with a browser installed', () => {
    expect(browserCommand(url, { platform: 'linux', env: {}, isOnPath: onPath('xdg-open', 'chromium') })).toBeNull();
  });

  it('opens nothing on a Linux desktop with neither xdg-open nor Chromium', () => {
    expect(browserCommand(url, { platform: 'linux', env: { DISPLAY: ':0' }, isOnPath: onPath() })).toBeNull();
  });

  it('uses start on Windows and open on macOS', () => {
    expect(browserCommand(url, { platform: 'win32', env: {}, isOnPath: onPath() })).toEqual({
      command: 'cmd',
      args: ['/c', 'start', '""', url],
      verbatim: true,
    });
    expect(browserCommand(url, { platform: 'darwin', env: {}, isOnPath: onPath() })).toEqual({ command: 'open', args: [url] });
  });
});
