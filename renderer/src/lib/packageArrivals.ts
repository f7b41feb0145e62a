import type { PackageReceivedReport } from '../../../shared/packageReceivedReport';
import { flushPendingSaves } from './pendingSaves';

/** What an open editor does around a package main receives while the window is open. */
export interface PackageArrivalFollower {
  /** Before: stop taking edits and save the pending ones (resolves once they are on disk or have failed). */
  prepare(): Promise<void>;
  /** After: take the new text if the package changed this article, else take edits again. */
  settle(report: PackageReceivedReport): void;
}

const followers = new Set<PackageArrivalFollower>();

/** Registers an editor that follows received packages; returns its unregistration (for a React effect). */
export function followPackageArrivals(follower: PackageArrivalFollower): () => void {
  followers.add(follower);
  return () => {
    followers.delete(follower);
  };
}

/** Main is about to receive a package: every editor holds and saves, then every other pending save is sent. */
export async function prepareForPackage(): Promise<void> {
  await Promise.allSettled([...followers].map((follower) => follower.prepare()));
  await flushPendingSaves();
}

/** Main has received a package (or could not): every editor is told. */
export function settlePackage(report: PackageReceivedReport): void {
  for (const follower of [...followers]) follower.settle(report);
}
