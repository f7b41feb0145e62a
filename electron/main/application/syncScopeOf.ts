import { assertNever } from '../../../shared/assertNever';
import type { LibraryChange } from './LibraryChange';

/** An article's part of the library, as a path prefix: its file and its records folder. */
function articleScope(id: string): string {
  return `articles/${id.slice(0, 2)}/${id}`;
}

/** A photo's part of the library: its original, its description and its display copy. */
function photoScope(id: string): string {
  return `media/${id.slice(0, 2)}/${id}`;
}

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
      return [articleScope(change.article.id)];
    case 'article-saved':
      return [articleScope(change.id)];
    case 'article-trashed':
    case 'article-restored':
      return [articleScope(change.summary.id)];
    // An export takes a version of the article.
    case 'article-exported':
      return [articleScope(change.id)];
    case 'version-saved':
      return [articleScope(change.version.articleId)];
    case 'comment-added':
      return [articleScope(change.record.articleId)];
    case 'trash-emptied':
      return [...change.removedArticleIds.map(articleScope), ...change.removedPhotoIds.map(photoScope)];
    case 'photos-imported':
      return change.photos.map((photo) => photoScope(photo.id));
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
