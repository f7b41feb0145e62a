import { describe, expect, it } from 'vitest';
import { snapshotsToKeep, type SnapshotAge } from '../../../electron/main/backup/backupPolicy';
import { useTemporaryDirectories } from '../../support/temporaryDirectory';
import { manualClock, openTestSession } from '../../support/openTestSession';

const policy = { everyMinutes: 10, keepHours: 48, dailyKeepDays: 14 };
const hour = 60 * 60 * 1000;

function at(now: Date, hoursAgo: number, id: string, kind: SnapshotAge['kind'] = 'rolling'): SnapshotAge {
  return { id, takenAt: new Date(now.getTime() - hoursAgo * hour).toISOString(), kind };
}

describe('backup retention policy', () => {
  const temporaryDirectory = useTemporaryDirectories();

  it('keeps everything younger than 48 hours, the newest of each older day up to 14 days, and nothing else', () => {
    // Local noon, so "days ago" means whole local days whatever the machine's time zone.
    const now = new Date(2026, 2, 20, 12, 0, 0);
    const snapshots = [
      at(now, 1, 'recent'),
      at(now, 47, 'two-days-edge'),
      at(now, 24 * 5 - 2, 'day5-late'),
      at(now, 24 * 5, 'day5-early'),
      at(now, 24 * 13, 'day13'),
      at(now, 24 * 15, 'day15'),
      at(now, 24 * 6, 'day6-before-restore', 'before-restore'),
      at(now, 24 * 6 - 1, 'day6-rolling'),
    ];
    expect([...snapshotsToKeep(snapshots, policy, now)].sort()).toEqual([
      'day13',
      'day5-late',
      'day6-before-restore',
      'day6-rolling',
      'recent',
      'two-days-edge',
    ]);
  });

  it('prunes old snapshots from disk when a new one is taken, following the settings', async () => {
    const clock = manualClock(new Date(2026, 2, 1, 9, 0, 0));
    const session = await openTestSession(await temporaryDirectory(), { now: clock.now });
    await session.library.settings.update({ backupKeepHours: 1, backupDailyKeepDays: 2 });
    const taken: string[] = [];
    // Three snapshots a day, at 09:00, 10:00 and 11:00, for five days.
    for (let day = 0; day < 5; day += 1) {
      for (let slot = 0; slot < 3; slot += 1) {
        taken.push((await session.handlers['backup:createNow']({})).id);
        clock.advanceMinutes(60);
      }
      clock.advanceMinutes(21 * 60);
    }
    // The last prune ran at the fifth day's 11:00. Kept: that day's 10:00 and 11:00 (≤ 1 h), and the newest
    // snapshot (11:00) of each of the two days before (≤ 2 days); the rest are gone.
    const listed = await session.handlers['backup:list']({});
    expect(listed.map((entry) => entry.id)).toEqual([taken[14], taken[13], taken[11], taken[8]]);
    expect(listed.map((entry) => entry.kind)).toEqual(['daily', 'rolling', 'daily', 'daily']);
  });
});
