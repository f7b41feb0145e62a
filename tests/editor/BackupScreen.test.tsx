import { describe, expect, it } from 'vitest';
import { BackupScreen } from '../../renderer/src/features/backup/BackupScreen';
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
});
