import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { CommentThread } from '../../../../../shared/commentModel';

/** The body's mark that anchors a comment thread (shared/CommentAnchorMark.ts). */
export const commentAnchorMarkName = 'commentAnchor';

/** A stretch of the body one thread's anchor covers: document positions, `to` exclusive. */
export interface AnchorRange {
  from: number;
  to: number;
}

/**
 * Where each thread's anchor is in the body, in reading order: for every thread id, the stretches its mark covers
 * (neighbouring text nodes merged into one stretch). A Map keeps the order in which the anchors are first met.
 */
export function anchorRangesOf(doc: ProseMirrorNode): Map<string, AnchorRange[]> {
  const ranges = new Map<string, AnchorRange[]>();
  doc.descendants((node, position) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type.name !== commentAnchorMarkName) continue;
      const threadId = mark.attrs.threadId as unknown;
      if (typeof threadId !== 'string') continue;
      const from = position;
      const to = position + node.nodeSize;
      const stretches = ranges.get(threadId);
      const last = stretches?.at(-1);
      if (stretches === undefined) ranges.set(threadId, [{ from, to }]);
      else if (last !== undefined && last.to === from) last.to = to;
      else stretches.push({ from, to });
    }
    return false;
  });
  return ranges;
}

/** The thread ids in the order of their first anchor in the body. */
export function anchoredThreadIds(doc: ProseMirrorNode): string[] {
  return [...anchorRangesOf(doc).keys()];
}

/**
 * The panel's order: threads whose anchor is in the body, in reading order (where their first anchor is), then the
 * detached ones (their text was deleted), oldest first as listed.
 */
export function threadsInReadingOrder(
  threads: readonly CommentThread[],
  anchored: readonly string[],
): { placed: CommentThread[]; detached: CommentThread[] } {
  const place = new Map(anchored.map((threadId, index) => [threadId, index]));
  const placed = threads.filter((thread) => place.has(thread.id)).sort((a, b) => place.get(a.id)! - place.get(b.id)!);
  const detached = threads.filter((thread) => !place.has(thread.id));
  return { placed, detached };
}

/** The threads anchored at a cursor position: the marks on the characters on either side of it. */
export function threadIdsAt(doc: ProseMirrorNode, position: number): string[] {
  const resolved = doc.resolve(Math.max(0, Math.min(position, doc.content.size)));
  const ids: string[] = [];
  for (const node of [resolved.nodeAfter, resolved.nodeBefore]) {
    for (const mark of node?.marks ?? []) {
      const threadId = mark.attrs.threadId as unknown;
      if (mark.type.name === commentAnchorMarkName && typeof threadId === 'string' && !ids.includes(threadId)) ids.push(threadId);
    }
  }
  return ids;
}

/** The longest quote main keeps with a thread (shared/commentModel.ts: commentQuoteMaximumLength; kept here so the bundle needs no zod). */
export const commentQuoteMaximumLength = 1_000;
/** The longest comment or reply (shared/commentModel.ts: commentTextMaximumLength). */
export const commentTextMaximumLength = 5_000;

/** The selected text as a thread quotes it: in NFC, blocks joined by a space, cut with "…" when longer than main keeps. */
export function quoteOf(doc: ProseMirrorNode, from: number, to: number): string {
  const text = doc.textBetween(from, to, ' ', ' ').replace(/\s+/g, ' ').trim().normalize('NFC');
  if (text.length <= commentQuoteMaximumLength) return text;
  let cut = text.slice(0, commentQuoteMaximumLength - 1);
  // Never half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}
