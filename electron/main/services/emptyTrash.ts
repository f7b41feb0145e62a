import type { MediaStore } from '../media/MediaStore';
import { collectReferencedPhotos, type ReferencingStore } from './collectReferencedPhotos';

export interface EmptyTrashDependencies {
  store: ReferencingStore & { emptyTrash(): Promise<string[]> };
  media: Pick<MediaStore, 'removeUnused'>;
  /** The data folder, which holds `quarantine/`. */
  dataDirectory: string;
}

/**
 * Deletes the trashed articles for good (the user confirmed), then the photos nothing may still need (see
 * collectReferencedPhotos) that were imported more than the media store's grace period ago.
 */
export async function emptyTrash(dependencies: EmptyTrashDependencies): Promise<{ articleIds: string[]; photoIds: string[] }> {
  const { store, media, dataDirectory } = dependencies;
  const articleIds = await store.emptyTrash();
  // Read only now, after the articles are gone: what they alone showed is no longer needed.
  const referenced = await collectReferencedPhotos({ store, dataDirectory });
  const photoIds = await media.removeUnused(referenced);
  return { articleIds, photoIds };
}
