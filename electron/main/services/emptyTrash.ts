import type { MediaStore } from '../media/MediaStore';
import type { LibraryLayout } from '../library/libraryLayout';
import { collectReferencedPhotos, type ReferencingStore } from './collectReferencedPhotos';

export interface EmptyTrashDependencies {
  store: ReferencingStore & { emptyTrash(): Promise<string[]> };
  media: Pick<MediaStore, 'removeUnused'>;
  /** Where the article files and `quarantine/` are. */
  layout: LibraryLayout;
}

/**
 * Deletes the trashed articles for good (the user confirmed), then the photos nothing may still need (see
 * collectReferencedPhotos) that were imported more than the media store's grace period ago.
 */
export async function emptyTrash(dependencies: EmptyTrashDependencies): Promise<{ articleIds: string[]; photoIds: string[] }> {
  const { store, media, layout } = dependencies;
  const articleIds = await store.emptyTrash();
  // Read only now, after the articles are gone: what they alone showed is no longer needed.
  const referenced = await collectReferencedPhotos({ store, layout });
  const photoIds = await media.removeUnused(referenced);
  return { articleIds, photoIds };
}
