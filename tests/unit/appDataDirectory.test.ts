import { describe, expect, it } from 'vitest';
import { appDataDirectory } from '../../build/start/appDataDirectory';

describe('the data folder npm start opens, as Electron would', () => {
  it('is ~/.config/Bản Thảo on Linux', () => {
    expect(appDataDirectory('Bản Thảo', { platform: 'linux', env: {}, home: '/home/lan' })).toBe('/home/lan/.config/Bản Thảo');
  });

  it('follows XDG_CONFIG_HOME on Linux when it is set', () => {
    expect(appDataDirectory('Bản Thảo', { platform: 'linux', env: { XDG_CONFIG_HOME: '/data/cfg' }, home: '/home/lan' })).toBe(
      '/data/cfg/Bản Thảo',
    );
  });

  it('is %APPDATA%\\Bản Thảo on Windows', () => {
    const env = { APPDATA: 'C:\\Users\\Lan\\AppData\\Roaming' };
    expect(appDataDirectory('Bản Thảo', { platform: 'win32', env, home: 'C:\\Users\\Lan' })).toBe(
      'C:\\Users\\Lan\\AppData\\Roaming\\Bản Thảo',
    );
  });

  it('is ~/Library/Application Support/Bản Thảo on macOS, whatever XDG_CONFIG_HOME says', () => {
    const env = { XDG_CONFIG_HOME: '/Users/lan/.config' };
    expect(appDataDirectory('Bản Thảo', { platform: 'darwin', env, home: '/Users/lan' })).toBe(
      '/Users/lan/Library/Application Support/Bản Thảo',
    );
  });

  it('is BANTHAO_DATA_DIR on every platform when it is set', () => {
    expect(
      appDataDirectory('Bản Thảo', {
        platform: 'linux',
        env: { BANTHAO_DATA_DIR: '/srv/thu-vien', XDG_CONFIG_HOME: '/data/cfg' },
        home: '/home/lan',
      }),
    ).toBe('/srv/thu-vien');
    expect(
      appDataDirectory('Bản Thảo', { platform: 'darwin', env: { BANTHAO_DATA_DIR: '/Volumes/USB/thu-vien' }, home: '/Users/lan' }),
    ).toBe('/Volumes/USB/thu-vien');
    const env = { BANTHAO_DATA_DIR: 'D:\\ThuVien', APPDATA: 'C:\\Users\\Lan\\AppData\\Roaming' };
    expect(appDataDirectory('Bản Thảo', { platform: 'win32', env, home: 'C:\\Users\\Lan' })).toBe('D:\\ThuVien');
  });

  it('ignores an empty BANTHAO_DATA_DIR, as the app does', () => {
    expect(appDataDirectory('Bản Thảo', { platform: 'linux', env: { BANTHAO_DATA_DIR: '' }, home: '/home/lan' })).toBe(
      '/home/lan/.config/Bản Thảo',
    );
  });
});
