import { summarizeArticle } from '../../../shared/articleModel';
import { assertNever } from '../../../shared/assertNever';
import type { LibrarySearch } from '../search/LibrarySearch';
import type { LibraryChange } from './LibraryChange';

/** The search index's reaction to each change: it keeps titles, texts and trash state of every article. */
export function searchFollowsChanges(search: Pick<LibrarySearch, 'noteArticle' | 'noteSaved' | 'noteSummary' | 'noteRemoved'>) {
  return (change: LibraryChange): void => {
    switch (change.kind) {
      case 'article-created':
      case 'article-duplicated':
      // Created from the package, or its text taken over the local one: indexed whole either way (a conflict leaves the
      // local text, indexed again as it is); a resolution saved the merged text.
      case 'package-received':
      case 'conflict-resolved':
      case 'article-synced':
        search.noteArticle(change.article);
        return;
      case 'article-saved':
        search.noteSaved(change.id, change.revision, change.content);
        return;
      case 'article-trashed':
      case 'article-restored':
        search.noteSummary(change.summary);
        return;
      // The text is unchanged; the index follows the new revision (and status filters read the list, not search).
      case 'article-moved':
        search.noteSummary(summarizeArticle(change.article));
        return;
      case 'trash-emptied':
      case 'library-synced':
        search.noteRemoved(change.removedArticleIds);
        return;
      // Nothing searchable changed.
      case 'article-exported':
      case 'photos-imported':
      case 'settings-changed':
      case 'version-saved':
      case 'comment-added':
      case 'dictionary-word-added':
      case 'dictionary-word-removed':
      // A restore dropped the index; the new one reads the restored articles itself.
      case 'library-restored':
        return;
      default:
        assertNever(change);
    }
  };
}
