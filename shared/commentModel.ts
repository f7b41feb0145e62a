import { z } from 'zod';
import { articleIdSchema } from './articleModel';
import { commentThreadIdPattern } from './CommentAnchorMark';
import { identitySchema } from './identity';
import { nfcString } from './nfcString';

/** The longest comment or reply, and the longest quote of the commented text kept with a thread. */
export const commentTextMaximumLength = 5_000;
export const commentQuoteMaximumLength = 1_000;

/** A comment record id (and a thread's id: its first comment's): the time, then random hex, unique across machines. */
export const commentIdSchema = z.string().regex(commentThreadIdPattern, 'Mã bình luận không hợp lệ');

const stamp = {
  id: commentIdSchema,
  articleId: articleIdSchema,
  threadId: commentIdSchema,
  by: identitySchema,
  at: z.iso.datetime({ offset: true }),
};

/**
 * One file of an article's comments: a comment (the first of a thread carries the quoted text) or a thread resolved or
 * reopened. Each is written once and never changed, so two people's additions never rewrite each other's.
 */
export const commentRecordSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('comment'),
    ...stamp,
    text: nfcString(commentTextMaximumLength),
    quote: nfcString(commentQuoteMaximumLength),
  }),
  z.object({ kind: z.literal('resolved'), ...stamp }),
  z.object({ kind: z.literal('reopened'), ...stamp }),
]);
export type CommentRecord = z.infer<typeof commentRecordSchema>;

/** One comment of a thread as the panel shows it. */
export const commentSchema = z.object({ id: commentIdSchema, by: identitySchema, at: z.iso.datetime({ offset: true }), text: z.string() });
export type Comment = z.infer<typeof commentSchema>;

/**
 * A thread: the text it was anchored to when started (the anchor itself is a mark in the body, which follows edits),
 * its comments oldest first, and whether it is resolved (by whom, when).
 */
export const commentThreadSchema = z.object({
  id: commentIdSchema,
  quote: z.string(),
  comments: z.array(commentSchema),
  resolved: z.object({ by: identitySchema, at: z.iso.datetime({ offset: true }) }).nullable(),
});
export type CommentThread = z.infer<typeof commentThreadSchema>;

/**
 * The threads of an article from its records. Threads start at their first comment; the other records apply in time
 * order whatever their time says against the start (another machine's clock may run behind). Records of unknown
 * threads are ignored.
 */
export function threadsOf(records: readonly CommentRecord[]): CommentThread[] {
  const ordered = [...records].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  const threads = new Map<string, CommentThread>();
  for (const record of ordered) {
    if (record.kind === 'comment' && record.id === record.threadId) {
      threads.set(record.id, {
        id: record.id,
        quote: record.quote,
        comments: [{ id: record.id, by: record.by, at: record.at, text: record.text }],
        resolved: null,
      });
    }
  }
  for (const record of ordered) {
    const thread = threads.get(record.threadId);
    if (thread === undefined || record.id === record.threadId) continue;
    if (record.kind === 'comment') thread.comments.push({ id: record.id, by: record.by, at: record.at, text: record.text });
    else thread.resolved = record.kind === 'resolved' ? { by: record.by, at: record.at } : null;
  }
  return [...threads.values()];
}
