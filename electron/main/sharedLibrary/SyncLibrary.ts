import type { Article, ArticleContent } from '../../../shared/articleModel';
import type { Identity } from '../../../shared/identity';

/** What a sync wrote into the library, for the caches and the window to follow. */
export interface PulledChanges {
  /** Articles written (pulled or merged); their search entries and open editors follow. */
  articleIds: Set<string>;
  /** Articles the server deleted (emptied from a trash elsewhere) that went here too. */
  removedArticleIds: Set<string>;
  /** Articles some record of which (workflow move, version, comment, conflict) arrived. */
  recordArticleIds: Set<string>;
  photosChanged: boolean;
  dictionaryChanged: boolean;
  sharedSettingsChanged: boolean;
}

/** A conflict a sync found: both sides changed the same fields of an article since the last sync. */
export interface SyncConflict {
  articleId: string;
  /** The article as of the last sync (null: both made it on their own). */
  base: ArticleContent | null;
  theirs: ArticleContent;
  /** Who last changed theirs, and when. */
  sentBy: Identity | null;
  sentAt: string;
}

/**
 * The library as a sync sees it: article files go through the article store (its index, its revision check and its
 * write queue); every other shared file is written by the sync itself, durably, then announced through `afterPull`.
 */
export interface SyncLibrary {
  /** The library folder (`<data>/library`). */
  readonly folder: string;
  /** Pending saves on disk before the library is scanned. */
  flush(): Promise<void>;
  /** The article as stored here, or null. */
  readArticle(id: string): Promise<Article | null>;
  /**
   * Writes a pulled or merged article over the stored one, refusing (AppError 'conflict') when the stored revision is
   * no longer `expectedRevision` (null: no article by that id may be here): a save landed meanwhile, the next sync merges it.
   */
  putArticle(article: Article, expectedRevision: number | null): Promise<void>;
  /** Deletes an article the server no longer has (nothing of it changed here), with its records; whether it went. */
  removeArticle(id: string): Promise<boolean>;
  keepConflict(conflict: SyncConflict): Promise<void>;
  /** Whether an article here (trashed or not) shows this photo: then it is not taken out when the server drops it. */
  photoInUse(mediaId: string): Promise<boolean>;
  afterPull(changes: PulledChanges): Promise<void>;
  /** Sets a file from the server aside (`quarantine/`), unchanged, for whoever looks into it. */
  quarantine(relativePath: string, bytes: Uint8Array): Promise<void>;
  /** Who commits: this copy's user. */
  identity(): Identity | null;
}
