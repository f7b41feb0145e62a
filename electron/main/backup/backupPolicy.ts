/** How often snapshots are taken and how long they are kept (from the settings). */
export interface BackupPolicy {
  /** A save takes a snapshot when the newest one is older than this. */
  everyMinutes: number;
  /** Every snapshot younger than this is kept. */
  keepHours: number;
  /** The newest snapshot of each local day younger than this is kept (and every before-restore snapshot). */
  dailyKeepDays: number;
}

/** What pruning needs to know about a snapshot. */
export interface SnapshotAge {
  id: string;
  takenAt: string;
  kind: 'rolling' | 'before-restore';
}

const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;

/** The local calendar day of a moment ("2026-03-14"): the daily rule keeps one snapshot per day the user sees. */
export function localDayOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Ids of the snapshots that are the newest of their local day (the "daily" ones). */
export function dailyKeeperIds(snapshots: readonly SnapshotAge[]): Set<string> {
  const newestOfDay = new Map<string, SnapshotAge>();
  for (const snapshot of snapshots) {
    const day = localDayOf(new Date(snapshot.takenAt));
    const known = newestOfDay.get(day);
    if (known === undefined || snapshot.takenAt > known.takenAt) newestOfDay.set(day, snapshot);
  }
  return new Set([...newestOfDay.values()].map((snapshot) => snapshot.id));
}

/**
 * The snapshots the policy keeps at `now`: all younger than keepHours, plus the newest of each day and every
 * before-restore snapshot younger than dailyKeepDays. Everything else may be deleted.
 */
export function snapshotsToKeep(snapshots: readonly SnapshotAge[], policy: BackupPolicy, now: Date): Set<string> {
  const keep = new Set<string>();
  const daily = dailyKeeperIds(snapshots);
  for (const snapshot of snapshots) {
    const ageMs = now.getTime() - new Date(snapshot.takenAt).getTime();
    if (ageMs <= policy.keepHours * hourMs) keep.add(snapshot.id);
    else if (ageMs <= policy.dailyKeepDays * dayMs && (daily.has(snapshot.id) || snapshot.kind === 'before-restore')) keep.add(snapshot.id);
  }
  return keep;
}
