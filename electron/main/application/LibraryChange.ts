import type { Article, ArticleContent, ArticleSummary } from '../../../shared/articleModel';
import type { MediaInfo } from '../../../shared/mediaModel';
import type { Settings } from '../../../shared/settingsModel';
import type { CommentRecord } from '../../../shared/commentModel';
import type { DictionaryEntry } from '../../../shared/spelling/dictionaryModel';
import type { Identity } from '../../../shared/identity';
import type { VersionSummary } from '../../../shared/versionModel';
import type { WorkflowEvent } from '../../../shared/workflowEvent';

/**
 * Every change the application layer makes, announced after it is on disk. What a change sets off (the search
 * index, backup snapshots; later version history, comments and sync) subscribes to these instead of being called
 * by hand from each handler.
 */
export type LibraryChange =
  | { kind: 'article-created'; article: Article }
  | { kind: 'article-saved'; id: string; revision: number; content: ArticleContent }
  | { kind: 'article-duplicated'; article: Article; sourceId: string }
  | { kind: 'article-trashed'; summary: ArticleSummary }
  | { kind: 'article-restored'; summary: ArticleSummary }
  | { kind: 'article-moved'; article: Article; event: WorkflowEvent }
  | {
      kind: 'article-exported';
      id: string;
      revision: number;
      form: 'html' | 'folder' | 'cms' | 'docx' | 'print';
      path: string;
      article: Article;
      by: Identity | null;
    }
  | { kind: 'trash-emptied'; removedArticleIds: string[]; removedPhotoIds: string[] }
  | { kind: 'photos-imported'; photos: MediaInfo[] }
  | { kind: 'settings-changed'; settings: Settings }
  | { kind: 'version-saved'; version: VersionSummary }
  | { kind: 'comment-added'; record: CommentRecord }
  /**
   * A review package was taken in: the article created from it, or the local copy brought up to it, or (conflict) its
   * records and photos added and the package's text kept beside the local one, which is untouched.
   */
  | { kind: 'package-received'; article: Article; outcome: 'created' | 'updated' | 'conflict' }
  /** A conflict with a received package settled: the merged text saved over the local one (its 'merge' version follows). */
  | { kind: 'conflict-resolved'; article: Article; conflictIds: string[] }
  /** A word added to the library's spelling dictionary (its own file; adding a word already there announces nothing). */
  | { kind: 'dictionary-word-added'; entry: DictionaryEntry }
  /** A word taken out of the dictionary (its file deleted). */
  | { kind: 'dictionary-word-removed'; entry: DictionaryEntry }
  /** An article a shared library's sync wrote here: pulled from the server as it is there, or merged with it. */
  | { kind: 'article-synced'; article: Article }
  /**
   * A sync finished writing what it pulled (each article was announced on its own before): articles the server deleted
   * that went here too, articles that got records (moves, versions, comments, conflicts), and the other shared files.
   */
  | {
      kind: 'library-synced';
      removedArticleIds: string[];
      recordArticleIds: string[];
      photosChanged: boolean;
      dictionaryChanged: boolean;
      sharedSettingsChanged: boolean;
    }
  /** Announced by the application opened over the restored files (the search index is rebuilt from them anyway). */
  | { kind: 'library-restored'; backupId: string };

export type LibraryChangeKind = LibraryChange['kind'];

/** Every kind, for exhaustive tables (a test walks them; the compiler checks the list against the union). */
export const libraryChangeKinds = [
  'article-created',
  'article-saved',
  'article-duplicated',
  'article-trashed',
  'article-restored',
  'article-moved',
  'article-exported',
  'trash-emptied',
  'photos-imported',
  'settings-changed',
  'version-saved',
  'comment-added',
  'package-received',
  'conflict-resolved',
  'dictionary-word-added',
  'dictionary-word-removed',
  'article-synced',
  'library-synced',
  'library-restored',
] as const satisfies readonly LibraryChangeKind[];
