import { posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageFilesInArgv } from '../../electron/main/packageFilesInArgv';

describe('packageFilesInArgv: the review packages a command line asks to open', () => {
  it('skips the executable, switches and files of other kinds', () => {
    const argv = [
      '/opt/Bản Thảo/ban-thao',
      '--no-sandbox',
      '--original-process-start-time=13400000000000000',
      '-psn_0_12345',
      '/home/son/anh.jpg',
      '/home/son/bai.banthao.zip',
      '/home/son/bai.banthao',
    ];
    expect(packageFilesInArgv(argv, '/', posix)).toEqual(['/home/son/bai.banthao']);
    // The executable itself is never taken, whatever its name.
    expect(packageFilesInArgv(['/tmp/x.banthao'], '/', posix)).toEqual([]);
  });

  it('resolves relative paths against the launch’s working directory, and keeps several files in order, once each', () => {
    const argv = ['ban-thao', 'goi/mot.banthao', '../hai.BanThao', '/tmp/ba.banthao', './goi/mot.banthao'];
    expect(packageFilesInArgv(argv, '/home/son/Tải về', posix)).toEqual([
      '/home/son/Tải về/goi/mot.banthao',
      '/home/son/hai.BanThao',
      '/tmp/ba.banthao',
    ]);
  });

  it('reads Windows command lines with Windows path rules (what a double-click in Explorer passes as "%1")', () => {
    const argv = [
      'C:\\Users\\son\\AppData\\Local\\Programs\\ban-thao\\BanThao.exe',
      '--allow-file-access-from-files',
      'C:\\Users\\son\\Downloads\\Bài Cầu Rồng.banthao',
      'Goi\\hai.banthao',
      'D:/Chia se/ba.BANTHAO',
      'C:\\Users\\son\\Downloads\\anh.jpg',
    ];
    expect(packageFilesInArgv(argv, 'C:\\Users\\son\\Documents', win32)).toEqual([
      'C:\\Users\\son\\Downloads\\Bài Cầu Rồng.banthao',
      'C:\\Users\\son\\Documents\\Goi\\hai.banthao',
      'D:\\Chia se\\ba.BANTHAO',
    ]);
  });

  it('turns the file:// URLs a Linux desktop entry’s %U may pass into paths, and drops URLs it cannot open', () => {
    const argv = [
      'ban-thao',
      'file:///home/son/T%E1%BA%A3i%20v%E1%BB%81/b%C3%A0i.banthao',
      'file://may-khac/x.banthao',
      'https://x.vn/y.banthao',
    ];
    expect(packageFilesInArgv(argv, '/', posix)).toEqual(['/home/son/Tải về/bài.banthao']);
  });
});
