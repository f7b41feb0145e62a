import type { Editor } from '@tiptap/core';
import { applicableFindings, applyFindings } from '../../../../../shared/applyFindings';
import { fieldChange, fieldKeys, type ArticleFields, type FieldPart } from '../text/articleFieldTexts';
import { editorTextBlocks } from '../text/editorTextBlocks';
import type { CheckedFinding } from './checkEditorArticle';

/** What applying findings did: whether each text was still as checked (a stale one is left for a new check). */
export interface AppliedTypography {
  applied: number;
  stale: boolean;
  /** What the fields were changed to (also passed to `onFieldsChange`). */
  changes: Partial<ArticleFields>;
}

/**
 * Applies findings that have a replacement: the body's in one transaction (one undo step; with "Sửa có theo dõi" on they
 * become suggestions), the fields' in one change of the form. A text edited since it was checked is left alone.
 */
export function applyTypography(
  editor: Editor,
  fields: ArticleFields,
  onFieldsChange: (changes: Partial<ArticleFields>) => void,
  findings: readonly CheckedFinding[],
): AppliedTypography {
  let applied = 0;
  let stale = false;
  const blocks = editorTextBlocks(editor.state.doc);
  const byBlock = new Map<number, CheckedFinding[]>();
  const byField = new Map<FieldPart, CheckedFinding[]>();
  for (const finding of findings) {
    if (finding.replacement === null) continue;
    const { block, part } = finding.location;
    if (block === null) byField.set(part as FieldPart, [...(byField.get(part as FieldPart) ?? []), finding]);
    else byBlock.set(block, [...(byBlock.get(block) ?? []), finding]);
  }

  const tr = editor.state.tr;
  // From the last block back, and within a block from its end, so every earlier position stays valid.
  for (const index of [...byBlock.keys()].sort((first, second) => second - first)) {
    const block = blocks[index];
    const inBlock = byBlock.get(index)!;
    if (block === undefined || block.text !== inBlock[0]!.text) {
      stale = true;
      continue;
    }
    for (const finding of applicableFindings(inBlock).reverse()) {
      const from = block.position + 1 + finding.start;
      const to = block.position + 1 + finding.end;
      if (finding.replacement === '') tr.delete(from, to);
      else tr.insertText(finding.replacement!, from, to);
      applied += 1;
    }
  }
  if (tr.docChanged) editor.view.dispatch(tr);

  const changes: Partial<ArticleFields> = {};
  for (const [part, inField] of byField) {
    const text = fields[fieldKeys[part]];
    if (text !== inField[0]!.text) {
      stale = true;
      continue;
    }
    applied += applicableFindings(inField).length;
    Object.assign(changes, fieldChange(part, applyFindings(text, inField)));
  }
  if (Object.keys(changes).length > 0) onFieldsChange(changes);
  return { applied, stale, changes };
}
