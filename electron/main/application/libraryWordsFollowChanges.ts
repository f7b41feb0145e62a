import { assertNever } from '../../../shared/assertNever';
import type { LibraryChange } from './LibraryChange';
import type { LibraryWords } from './LibraryWords';

/** The library's words follow each change to an article's text (trashed articles keep theirs; emptying forgets them). */
export function libraryWordsFollowChanges(words: Pick<LibraryWords, 'note' | 'forget'>) {
  return (change: LibraryChange): void => {
    switch (change.kind) {
      case 'article-created':
      case 'article-duplicated':
      case 'package-received':
      case 'conflict-resolved':
      case 'article-synced':
        words.note(change.article.id, change.article, change.article.revision);
        return;
      case 'article-saved':
        words.note(change.id, change.content, change.revision);
        return;
      case 'trash-emptied':
      case 'library-synced':
        words.forget(change.removedArticleIds);
        return;
      // No article's text changed (a move or restore keeps it; a library restore opens a new application, read afresh).
      case 'article-trashed':
      case 'article-restored':
      case 'article-moved':
      case 'article-exported':
      case 'photos-imported':
      case 'settings-changed':
      case 'version-saved':
      case 'comment-added':
      case 'dictionary-word-added':
      case 'dictionary-word-removed':
      case 'library-restored':
        return;
      default:
        assertNever(change);
    }
  };
}
