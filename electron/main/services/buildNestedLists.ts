import type { DocumentNodeJson } from '../../../shared/documentJson';

/** One list paragraph of a Word document: its level (0 outermost), numbered or bulleted, and its blocks (a paragraph first). */
export interface ListParagraph {
  level: number;
  ordered: boolean;
  content: DocumentNodeJson[];
}

/**
 * Nests consecutive Word list paragraphs as the body's lists: a deeper level opens a list inside the item before it,
 * a shallower one closes lists, and a change between numbered and bulleted at a level starts a new list there. A jump
 * of several levels opens one list (there is no item to hang the levels between on); its siblings join it.
 */
export function buildNestedLists(paragraphs: readonly ListParagraph[]): DocumentNodeJson[] {
  const lists: DocumentNodeJson[] = [];
  const open: { list: DocumentNodeJson; ordered: boolean; level: number }[] = [];
  for (const paragraph of paragraphs) {
    const level = Math.max(0, paragraph.level);
    while (open.length > 0 && open.at(-1)!.level > level) open.pop();
    if (open.at(-1)?.level === level && open.at(-1)!.ordered !== paragraph.ordered) open.pop();
    if (open.length === 0 || open.at(-1)!.level < level) {
      const list: DocumentNodeJson = { type: paragraph.ordered ? 'orderedList' : 'bulletList', content: [] };
      if (open.length === 0) lists.push(list);
      else open.at(-1)!.list.content!.at(-1)!.content!.push(list);
      open.push({ list, ordered: paragraph.ordered, level });
    }
    open.at(-1)!.list.content!.push({ type: 'listItem', content: [...paragraph.content] });
  }
  return lists;
}
