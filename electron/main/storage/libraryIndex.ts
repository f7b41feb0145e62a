import { z } from 'zod';
import { articleSummarySchema } from '../../../shared/articleModel';

// 2: summaries carry photoCredit. An index of another version is rebuilt from the article files (it is only a cache).
export const libraryIndexFormatVersion = 2;

/** The library index: a cache of article summaries, always rebuildable from the article files. */
export const libraryIndexSchema = z.object({
  formatVersion: z.literal(libraryIndexFormatVersion),
  /** When the in-memory state was captured; article files changed at or after this are re-read at start. */
  snapshotAt: z.number(),
  articles: z.array(articleSummarySchema),
});
export type LibraryIndex = z.infer<typeof libraryIndexSchema>;
