import { assertNever } from '../../../shared/assertNever';
import { articlePathPrefix, photoPathPrefix } from '../library/libraryLayout';
import type { LibraryChange } from './LibraryChange';

/**
 * The library paths (prefixes, relative to the library folder) a change may have written, for the next sync to look
 * at; 'all' when it may have written anywhere. The sync's own writes are its own business (null).
 */
export function syncScopeOf(change: LibraryChange): string[] | 'all' | null {
  switch (change.kind) {
    case 'article-created':
    case 'article-duplicated':
    case 'article-moved':
    case 'conflict-resolved':
      return [articlePathPrefix(change.article.id)];
    case 'article-saved':
      return [articlePathPrefix(change.id)];
    case 'article-trashed':
    case 'article-restored':
      return [articlePathPrefix(change.summary.id)];
    // An export takes a version of the article.
    case 'article-exported':
      return [articlePathPrefix(change.id)];
    case 'version-saved':
      return [articlePathPrefix(change.version.articleId)];
    case 'comment-added':
      return [articlePathPrefix(change.record.articleId)];
    case 'trash-emptied':
      return [...change.removedArticleIds.map(articlePathPrefix), ...change.removedPhotoIds.map(photoPathPrefix)];
    case 'photos-imported':
      return change.photos.map((photo) => photoPathPrefix(photo.id));
    case 'settings-changed':
      return ['shared-settings.json'];
    case 'dictionary-word-added':
    case 'dictionary-word-removed':
      return ['dictionary/'];
    // A package brings photos and records of its own; a restore replaces everything.
    case 'package-received':
    case 'library-restored':
      return 'all';
    case 'article-synced':
    case 'library-synced':
      return null;
    default:
      return assertNever(change);
  }
}
