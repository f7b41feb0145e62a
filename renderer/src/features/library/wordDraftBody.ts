import type { DocumentNodeJson } from '../../../../shared/documentJson';
import type { WordDraft } from '../../../../shared/wordImportModel';

/**
 * The body to save from a confirmed Word draft: a guessed title or sapo the user emptied goes back to the top of the
 * body as the paragraph it was taken from, so rejecting a guess loses no text.
 */
export function wordDraftBody(draft: WordDraft, title: string, sapo: string): DocumentNodeJson {
  const restored = [
    ...(title.trim() === '' && draft.titleBlock !== null ? [draft.titleBlock] : []),
    ...(sapo.trim() === '' && draft.sapoBlock !== null ? [draft.sapoBlock] : []),
  ];
  if (restored.length === 0) return draft.body;
  // The body of a draft without text is one empty paragraph: it is replaced, not kept under what comes back.
  const rest = (draft.body.content ?? []).filter((block) => !(block.type === 'paragraph' && (block.content ?? []).length === 0));
  return { ...draft.body, content: [...restored, ...rest] };
}
