import { z } from 'zod';
import { articleIdSchema } from './articleModel';
import { nfcString } from './nfcString';

/** A stretch of text to highlight: [start, end) in UTF-16 units of the text it belongs to. */
export const highlightRangeSchema = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type HighlightRange = z.infer<typeof highlightRangeSchema>;

/** What the user typed and where to look. */
export const searchRequestSchema = z
  .object({
    query: nfcString(500),
    scope: z.enum(['active', 'trash']),
    /** How many hits get a text snippet (read from the article file); the rest show their title only. */
    snippetCount: z.number().int().min(0).max(100).optional(),
  })
  .strict();
export type SearchRequest = z.infer<typeof searchRequestSchema>;

/** What to highlight in one matching article: ranges in its title and a short snippet of its text. */
export const searchHighlightSchema = z.object({
  id: articleIdSchema,
  titleRanges: z.array(highlightRangeSchema),
  snippet: z.object({ text: z.string(), ranges: z.array(highlightRangeSchema) }).nullable(),
});
export type SearchHighlight = z.infer<typeof searchHighlightSchema>;

/**
 * Every matching id, best first (kept lean: at 10,000 hits a list of ids crosses IPC in a few ms), the highlights of
 * the first `snippetCount`, and how far a (re)build of the search index has got while it runs. The renderer marks
 * the titles of the other rows itself with `matchRanges` (shared/foldForSearch.ts), only for the rows in view.
 */
export const searchResultSchema = z.object({
  ids: z.array(articleIdSchema),
  highlights: z.array(searchHighlightSchema),
  indexing: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
