import type { PackageReceivedReport } from '../../../shared/packageReceivedReport';
import type { SyncOutcome } from '../../../shared/sharedLibraryModel';
import { flushPendingSaves } from './pendingSaves';

/** What main wrote from outside the window (a package opened by double-click, a sync): the articles it changed. */
export interface Arrival {
  updatedArticleIds: readonly string[];
}

/** What an open editor (or the library) does around what main writes from outside while the window is open. */
export interface PackageArrivalFollower {
  /** Before: stop taking edits and save the pending ones (resolves once they are on disk or have failed). */
  prepare(): Promise<void>;
  /** After: take the new text if this article was changed, else take edits again. */
  settle(arrival: Arrival): void;
}

const followers = new Set<PackageArrivalFollower>();

/** Registers an editor that follows received packages and syncs; returns its unregistration (for a React effect). */
export function followPackageArrivals(follower: PackageArrivalFollower): () => void {
  followers.add(follower);
  return () => {
    followers.delete(follower);
  };
}

/** Main is about to write (a package, a sync): every editor holds and saves, then every other pending save is sent. */
export async function prepareForPackage(): Promise<void> {
  await Promise.allSettled([...followers].map((follower) => follower.prepare()));
  await flushPendingSaves();
}

/** Main has received a package (or could not): every editor is told. */
export function settlePackage(report: PackageReceivedReport): void {
  const updated = report.ok && report.outcome.status === 'updated' ? [report.outcome.articleId] : [];
  settle({ updatedArticleIds: updated });
}

/** A sync has run (or failed): every editor is told which articles it wrote. */
export function settleSync(outcome: SyncOutcome): void {
  settle({ updatedArticleIds: outcome.changedArticleIds });
}

function settle(arrival: Arrival): void {
  for (const follower of [...followers]) follower.settle(arrival);
}
