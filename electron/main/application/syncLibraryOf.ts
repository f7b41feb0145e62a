import { join } from 'node:path';
import type { Article } from '../../../shared/articleModel';
import { canonicalJson } from '../../../shared/canonicalJson';
import { libraryLayout } from '../library/libraryLayout';
import { collectReferencedPhotos } from '../services/collectReferencedPhotos';
import type { PulledChanges, SyncConflict, SyncLibrary } from '../sharedLibrary/SyncLibrary';
import { writeFileDurably, type DurableWriteOptions } from '../storage/writeFileDurably';
import { currentIdentity } from './currentIdentity';
import type { LibraryApplication } from './LibraryApplication';

/** The library as a sync sees it, over the application's stores and services (each pulled article announced). */
export function syncLibraryOf(
  application: LibraryApplication,
  dataDirectory: string,
  writeOptions: DurableWriteOptions | undefined,
  now: () => Date,
): SyncLibrary {
  const { store } = application.library;
  // Read once per sync, and only when the server dropped a photo (rare): every article's figures and cover.
  let photosInUse: Promise<Set<string>> | null = null;
  return {
    photoInUse: async (mediaId) => {
      photosInUse ??= collectReferencedPhotos({ store, layout: application.library.layout });
      return (await photosInUse).has(mediaId);
    },
    folder: application.library.layout.library.folder,
    flush: () => store.flush(),
    readArticle: async (id: string): Promise<Article | null> => (store.has(id) ? store.get(id) : null),
    putArticle: async (article, expectedRevision) => {
      const stored = await store.putSynced(article, expectedRevision);
      await application.events.announceAndWait({ kind: 'article-synced', article: stored });
    },
    removeArticle: (id) => store.removeForGood(id),
    keepConflict: async (conflict: SyncConflict) => {
      // A sync stopped before its state was written merges the same change again: the same conflict is kept once.
      const pending = await application.conflicts.pending(conflict.articleId);
      if (pending !== null && canonicalJson(pending.conflict.theirs) === canonicalJson(conflict.theirs)) return;
      const [newest] = await application.versions.list(conflict.articleId);
      await application.conflicts.keep({
        articleId: conflict.articleId,
        source: 'sync',
        sentBy: conflict.sentBy,
        sentAt: conflict.sentAt,
        baseVersionId: null,
        ...(conflict.base === null ? {} : { base: conflict.base }),
        localVersionId: newest?.id ?? null,
        theirs: conflict.theirs,
      });
    },
    afterPull: async (changes: PulledChanges) => {
      if (changes.sharedSettingsChanged) await application.settings.reloadShared();
      // Only the articles whose files or records came or went are looked at again for a pending conflict.
      await application.conflicts.refreshPending([...changes.recordArticleIds, ...changes.removedArticleIds, ...changes.articleIds]);
      await application.events.announceAndWait({
        kind: 'library-synced',
        removedArticleIds: [...changes.removedArticleIds],
        recordArticleIds: [...changes.recordArticleIds],
        photosChanged: changes.photosChanged,
        dictionaryChanged: changes.dictionaryChanged,
        sharedSettingsChanged: changes.sharedSettingsChanged,
      });
    },
    quarantine: async (relativePath, bytes) => {
      // Kept apart under the time of the sync, with the path it had on the server (inside `library/`).
      const stamp = now().toISOString().replaceAll(':', '-');
      await writeFileDurably(join(libraryLayout(dataDirectory).quarantine, stamp, 'sync', ...relativePath.split('/')), bytes, writeOptions);
    },
    identity: () => currentIdentity(application.library.settings.get()),
  };
}
