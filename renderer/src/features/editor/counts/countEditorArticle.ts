import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { ArticleCounts, CountedPart } from '../../../../../shared/countArticle';
import { sumCounts } from '../../../../../shared/countArticle';
import { countText, type TextCounts } from '../../../../../shared/countText';
import type { ArticleFields } from '../text/articleFieldTexts';
import { editorTextBlocks } from '../text/editorTextBlocks';

// Unchanged blocks keep their node from one document to the next: a recount after a keystroke counts one paragraph.
const blockCounts = new WeakMap<ProseMirrorNode, TextCounts>();

function countBlock(node: ProseMirrorNode, text: string): TextCounts {
  let counts = blockCounts.get(node);
  if (counts === undefined) {
    counts = countText(text);
    blockCounts.set(node, counts);
  }
  return counts;
}

/** `countArticle`'s counts read from the editor's state and the form's fields, with no JSON of the body. */
export function countEditorArticle(fields: Pick<ArticleFields, 'title' | 'sapo'>, doc: ProseMirrorNode): ArticleCounts {
  const body: TextCounts[] = [];
  const caption: TextCounts[] = [];
  for (const block of editorTextBlocks(doc)) (block.part === 'caption' ? caption : body).push(countBlock(block.node, block.text));
  const parts: Record<CountedPart, TextCounts> = {
    title: countText(fields.title),
    sapo: countText(fields.sapo),
    body: sumCounts(body),
    caption: sumCounts(caption),
  };
  return { total: sumCounts([parts.title, parts.sapo, parts.body, parts.caption]), parts };
}
