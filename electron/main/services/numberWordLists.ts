import type { DocxDocument, DocxParagraph } from './docxModel';
import type { WordNumbering } from './readWordNumbering';

/**
 * Gives each numbered paragraph at the top of the document the number Word shows on it (`wordNumber`), counted as
 * Word counts: per list definition (a w:num that restarts a level with w:startOverride counts on its own), from the
 * level's start, a level's count starting again after any item of a level above it. `numIds` are document.xml's, one
 * per mammoth paragraph (readParagraphNumIds); when they do not line up with mammoth's paragraphs (text boxes lift
 * paragraphs out of theirs), no number is given and lists start at 1 as before.
 */
export function numberWordLists(document: DocxDocument, numIds: readonly (string | null)[] | null, numbering: WordNumbering): void {
  const paragraphs = document.children.filter((element): element is DocxParagraph => element.type === 'paragraph');
  if (numIds === null || numIds.length !== paragraphs.length) return;
  const counts = new Map<string, number[]>();
  paragraphs.forEach((paragraph, index) => {
    if (paragraph.numbering === null || paragraph.numbering === undefined) return;
    const level = Number.parseInt(paragraph.numbering.level, 10);
    if (!Number.isInteger(level) || level < 0 || level > 8) return;
    const numId = numIds[index] ?? null;
    const num = numId === null ? undefined : numbering.nums.get(numId);
    // Without its own w:numId, the paragraph is numbered by its style.
    const styled = paragraph.styleId === null ? undefined : numbering.styles.get(paragraph.styleId);
    const abstractNumId = num?.abstractNumId ?? styled?.abstractNumId;
    if (abstractNumId === undefined) return;
    const key = num !== undefined && num.overrides.size > 0 ? `num ${numId}` : `abstract ${abstractNumId}`;
    const levels = counts.get(key) ?? [];
    const previous = levels[level];
    const start = num?.overrides.get(level) ?? numbering.starts.get(abstractNumId)?.get(level) ?? 1;
    levels[level] = previous === undefined ? start : previous + 1;
    levels.length = level + 1;
    counts.set(key, levels);
    paragraph.wordNumber = levels[level];
  });
}
