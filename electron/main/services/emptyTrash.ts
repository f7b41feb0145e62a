import type { MediaStore } from '../media/MediaStore';
import type { LibrarySearch } from '../search/LibrarySearch';
import { collectReferencedPhotos, type ReferencingStore } from './collectReferencedPhotos';

export interface EmptyTrashDependencies {
  store: ReferencingStore & { emptyTrash(): Promise<string[]> };
  media: Pick<MediaStore, 'removeUnused'>;
  search: Pick<LibrarySearch, 'noteRemoved'>;
  /** The data folder, which holds `quarantine/`. */
  dataDirectory: string;
}

/**
 * Deletes the trashed articles for good (the user confirmed), then the photos nothing may still need (see
 * collectReferencedPhotos) that were imported more than the media store's grace period ago.
 */
export async function emptyTrash(dependencies: EmptyTrashDependencies): Promise<{ removedArticles: number; removedPhotos: number }> {
  const { store, media, search, dataDirectory } = dependencies;
  const removedArticles = await store.emptyTrash();
  search.noteRemoved(removedArticles);
  // Read only now, after the articles are gone: what they alone showed is no longer needed.
  const referenced = await collectReferencedPhotos({ store, dataDirectory });
  const removedPhotos = await media.removeUnused(referenced);
  return { removedArticles: removedArticles.length, removedPhotos: removedPhotos.length };
}
