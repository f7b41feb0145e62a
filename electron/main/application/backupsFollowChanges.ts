import { assertNever } from '../../../shared/assertNever';
import type { LibraryChange } from './LibraryChange';

/**
 * Which changes may take a backup snapshot: every change to what a snapshot holds (articles, photos, settings),
 * including creating and emptying the trash. The backup policy's interval then decides whether one is taken now.
 * An export writes outside the library, and a restore has just taken its own before-restore snapshot.
 */
export function changeIsBackedUp(change: LibraryChange): boolean {
  switch (change.kind) {
    case 'article-created':
    case 'article-saved':
    case 'article-duplicated':
    case 'article-trashed':
    case 'article-restored':
    case 'article-moved':
    case 'trash-emptied':
    case 'photos-imported':
    case 'settings-changed':
    case 'version-saved':
    case 'comment-added':
    case 'package-received':
    case 'conflict-resolved':
    // The dictionary is library data: a snapshot holds its words.
    case 'dictionary-word-added':
    case 'dictionary-word-removed':
    // What a sync brought is library data too.
    case 'article-synced':
    case 'library-synced':
      return true;
    case 'article-exported':
    case 'library-restored':
      return false;
    default:
      return assertNever(change);
  }
}

/** The backup service's reaction: note the change (never waits for, and never fails on, the snapshot). */
export function backupsFollowChanges(backups: { noteChange(): void }) {
  return (change: LibraryChange): void => {
    if (changeIsBackedUp(change)) backups.noteChange();
  };
}
