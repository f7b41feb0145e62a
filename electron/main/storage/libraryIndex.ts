import { z } from 'zod';
import { articleSummarySchema } from '../../../shared/articleModel';

// 2: summaries carry photoCredit. 3: the five workflow statuses, createdBy and lastMove (issue 9). 4: updatedBy (issue 11).
// An index of another version is rebuilt from the article files (it is only a cache), never taken for damage.
export const libraryIndexFormatVersion = 4;

const currentLibraryIndexSchema = z.object({
  formatVersion: z.literal(libraryIndexFormatVersion),
  /** When the in-memory state was captured; article files changed at or after this are re-read at start. */
  snapshotAt: z.number(),
  articles: z.array(articleSummarySchema),
});

/**
 * The library index: a cache of article summaries, always rebuildable from the article files. An index of another
 * version is not damage: it reads as an empty index, so every article file is re-read.
 */
export const libraryIndexSchema = z.preprocess(
  (stored) =>
    typeof stored === 'object' &&
    stored !== null &&
    'formatVersion' in stored &&
    typeof stored.formatVersion === 'number' &&
    stored.formatVersion !== libraryIndexFormatVersion
      ? { formatVersion: libraryIndexFormatVersion, snapshotAt: 0, articles: [] }
      : stored,
  currentLibraryIndexSchema,
);
export type LibraryIndex = z.infer<typeof currentLibraryIndexSchema>;
