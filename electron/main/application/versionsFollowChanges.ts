import { assertNever } from '../../../shared/assertNever';
import type { LibraryChange } from './LibraryChange';
import type { VersionService } from './VersionService';

/**
 * The version history's reaction to each change: a version on every workflow move and every export, and after a save
 * once ten minutes of editing have passed since the newest one. Versions are taken in the background; a failure is
 * reported, never thrown at the change that set it off.
 */
export function versionsFollowChanges(versions: VersionService, onFailure: (error: unknown) => void) {
  return (change: LibraryChange): void | Promise<unknown> => {
    switch (change.kind) {
      // Of the article as the move left it, stamped with who moved it.
      case 'article-moved':
        return versions.takeLater(change.article.id, 'status', onFailure, { article: change.article, by: change.event.by });
      case 'article-exported':
        return versions.takeLater(change.id, 'export', onFailure, { article: change.article, by: change.by });
      case 'article-saved':
        versions.track(versions.takeIfEditedLong(change.id).catch(onFailure));
        return;
      // A new, duplicated or restored-from-trash article has nothing to keep yet; the rest are not article text.
      case 'article-created':
      case 'article-duplicated':
      case 'article-trashed':
      case 'article-restored':
      case 'trash-emptied':
      case 'photos-imported':
      case 'settings-changed':
      case 'library-restored':
      case 'version-saved':
      case 'comment-added':
      case 'dictionary-word-added':
      case 'dictionary-word-removed':
      // The package service takes its own 'package' version once everything is in, the conflict service its 'merge' one.
      case 'package-received':
      case 'conflict-resolved':
      // A sync brings the versions taken where the text was written; it takes none of its own.
      case 'article-synced':
      case 'library-synced':
        return;
      default:
        assertNever(change);
    }
  };
}
