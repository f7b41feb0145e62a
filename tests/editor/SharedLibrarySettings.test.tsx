import { readFile } from 'node:fs/promises';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { libraryLayout } from '../../electron/main/library/libraryLayout';
import { typeInto } from '../support/articleEditorPage';
import { startGitServer, type GitServer } from '../support/gitServer';
import { installInProcessApi } from '../support/installInProcessApi';
import { memorySecretBox } from '../support/memorySecretBox';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';

const render = useRendering();
const temporaryDirectory = useTemporaryDirectories();
const secret = 'ma-truy-cap-7731';

const buttonNamed = (name: string, scope: ParentNode = document) =>
  [...scope.querySelectorAll('button')].find((button) => button.textContent?.trim() === name);
const section = () => document.querySelector<HTMLElement>('dialog.settings-dialog .shared-library-section');
const fieldOrNull = (label: string) =>
  [...(section()?.querySelectorAll('label') ?? [])]
    .find((element) => element.querySelector('.field-label')?.textContent === label)
    ?.querySelector('input') ?? null;
const field = (label: string) => fieldOrNull(label)!;
const notice = () => section()?.querySelector('.shared-library-notice')?.textContent ?? '';

async function openSettings() {
  await untilInAct(() => buttonNamed('Cài đặt') !== undefined, 'the library');
  await act(async () => buttonNamed('Cài đặt')!.click());
  await untilInAct(() => fieldOrNull('Tên đăng nhập') !== null, 'the shared library section');
}

describe('"Thư viện chung" in Cài đặt', () => {
  let server: GitServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('fills, tests, saves, and on reopening shows the password as saved, never its text', async () => {
    const git = await startGitServer({ son: { password: secret } });
    server = git;
    await git.createRepository('thu-vien');
    const dataDirectory = await temporaryDirectory();
    await installInProcessApi(dataDirectory, null, { secretBox: memorySecretBox() });
    await render(<App />);
    await openSettings();
    expect(section()!.querySelector('legend')!.textContent).toBe('Thư viện chung');

    await typeInto(field('Địa chỉ máy chủ'), git.url('thu-vien'));
    await typeInto(field('Tên đăng nhập'), 'son');
    await typeInto(field('Mật khẩu hoặc mã truy cập'), 'sai-mat-khau');
    await act(async () => buttonNamed('Kiểm tra kết nối', section()!)!.click());
    await untilInAct(() => notice() === 'Sai tên đăng nhập hoặc mật khẩu.', 'the wrong password reported');

    await typeInto(field('Mật khẩu hoặc mã truy cập'), secret);
    await act(async () => buttonNamed('Kiểm tra kết nối', section()!)!.click());
    await untilInAct(() => notice() === 'Kết nối được, có quyền ghi.', 'the connection reported');

    await act(async () => buttonNamed('Lưu', section()!)!.click());
    await untilInAct(() => notice() === 'Đã lưu thông tin thư viện chung.', 'saved');
    expect(await readFile(libraryLayout(dataDirectory).sharedLibrary, 'utf8')).not.toContain(secret);

    await act(async () => buttonNamed('Hủy')!.click());
    await untilInAct(() => section() === null, 'the dialog closed');
    await openSettings();
    await untilInAct(() => field('Địa chỉ máy chủ').value === git.url('thu-vien'), 'the address read back');
    expect(field('Tên đăng nhập').value).toBe('son');
    expect(field('Mật khẩu hoặc mã truy cập').value).toBe('');
    expect(section()!.querySelector('.shared-library-secret-saved')!.textContent).toContain('đã lưu');
    expect(document.body.innerHTML).not.toContain(secret);
    // The saved secret is what the test uses when none is typed.
    await act(async () => buttonNamed('Kiểm tra kết nối', section()!)!.click());
    await untilInAct(() => notice() === 'Kết nối được, có quyền ghi.', 'the saved password used');
  });

  it('says so when this computer cannot encrypt the password, and stores none', async () => {
    const dataDirectory = await temporaryDirectory();
    await installInProcessApi(dataDirectory, null, { secretBox: memorySecretBox(false) });
    await render(<App />);
    await openSettings();
    await typeInto(field('Địa chỉ máy chủ'), 'https://git.toasoan.vn/thu-vien.git');
    await typeInto(field('Tên đăng nhập'), 'son');
    await typeInto(field('Mật khẩu hoặc mã truy cập'), secret);
    await act(async () => buttonNamed('Lưu', section()!)!.click());
    await untilInAct(() => notice().startsWith('Máy này không có kho khóa'), `the missing key store reported: ${notice()}`);
    expect(await readFile(libraryLayout(dataDirectory).sharedLibrary, 'utf8')).not.toContain(secret);
    expect(section()!.querySelector('.shared-library-secret-saved')).toBeNull();
  });
});
