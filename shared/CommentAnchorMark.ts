import { Mark, mergeAttributes } from '@tiptap/core';

/** The pattern of a comment thread id (the time, then random hex), as the mark and the comment files carry it. */
export const commentThreadIdPattern = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z-[0-9a-f]{12}$/;

/**
 * Where a comment thread is anchored in the body: a mark over the commented text, carrying the thread's id. Being a
 * mark, it follows every edit around it; when all of its text is deleted, the thread is listed as detached. Several
 * threads may cover the same text. It is never created from pasted HTML (only by "Bình luận") and never exported.
 */
export const CommentAnchorMark = Mark.create({
  name: 'commentAnchor',
  // Typing at either end of the commented text does not extend the comment.
  inclusive: false,
  // Marks of this type with different threads overlap instead of replacing each other.
  excludes: '',
  addAttributes() {
    return {
      threadId: {
        default: null,
        renderHTML: (attributes) => ({ 'data-comment-thread': attributes['threadId'] as string | null }),
      },
    };
  },
  parseHTML() {
    return [];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ class: 'comment-anchor' }, HTMLAttributes), 0];
  },
});
