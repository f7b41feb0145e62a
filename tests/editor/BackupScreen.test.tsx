import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { BackupScreen } from '../../renderer/src/features/backup/BackupScreen';
import { buttonNamed, click } from '../support/articleEditorPage';
import { installInProcessApi } from '../support/installInProcessApi';
import { useTemporaryDirectories } from '../support/temporaryDirectory';
import { untilInAct } from '../support/untilInAct';
import { useRendering } from '../support/useRendering';

const render = useRendering();

describe('BackupScreen', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('explains the backup policy as set in Cài đặt, not the defaults', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    await handlers['settings:update']({ backupEveryMinutes: 30, backupKeepHours: 24, backupDailyKeepDays: 7 });
    const view = await render(<BackupScreen onBack={() => {}} showToast={() => {}} />);
    await untilInAct(() => view.textContent.includes('tối đa 30 phút một lần'), 'the policy');
    expect(view.textContent).toContain('giữ các bản đó trong 24 giờ và một bản mỗi ngày trong 7 ngày');
  });

  it('cancels the restore question with Esc, but not while the restore runs', async () => {
    const { handlers } = await installInProcessApi(await temporaryDirectory());
    await handlers['backup:createNow']({});
    // The restore waits for the test to let it finish, so Esc can be pressed while it runs.
    let finish: () => void = () => {};
    const restore = handlers['backup:restore'];
    handlers['backup:restore'] = async (request) => {
      await new Promise<void>((resolve) => (finish = resolve));
      return restore(request);
    };
    let restored = false;
    const view = await render(<BackupScreen onBack={() => {}} showToast={() => {}} onRestored={() => (restored = true)} />);
    const confirmation = () => view.querySelector<HTMLDialogElement>('dialog');
    const rowButton = () => view.querySelector<HTMLButtonElement>('tbody button[aria-label^="Khôi phục "]');
    const esc = () => act(async () => void confirmation()!.dispatchEvent(new Event('cancel', { cancelable: true })));
    await untilInAct(() => rowButton() !== null, 'the snapshot');

    await click(rowButton(), 'Khôi phục (row)');
    await untilInAct(() => confirmation() !== null, 'the question');
    await esc();
    await untilInAct(() => confirmation() === null, 'the question cancelled');

    await click(rowButton(), 'Khôi phục (row)');
    await untilInAct(() => confirmation() !== null, 'the question again');
    await click(buttonNamed('Khôi phục', confirmation()!), 'Khôi phục');
    await untilInAct(() => confirmation()!.textContent.includes('Đang khôi phục'), 'the restore running');
    await esc();
    expect(confirmation()).not.toBeNull();
    finish();
    await untilInAct(() => restored, 'the restore done');
  });
});
