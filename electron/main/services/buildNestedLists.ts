import type { DocumentNodeJson } from '../../../shared/documentJson';

/** One list paragraph of a Word document: its level (0 outermost), numbered or bulleted, and its blocks (a paragraph first). */
export interface ListParagraph {
  level: number;
  ordered: boolean;
  /** The number Word shows on it, when known: a numbered list opened here starts from it. */
  number?: number | undefined;
  content: DocumentNodeJson[];
}

/**
 * Nests consecutive Word list paragraphs as the body's lists: a deeper level opens a list inside the item before it,
 * a shallower one closes lists, and a change between numbered and bulleted at a level starts a new list there. A jump
 * of several levels opens one list (there is no item to hang the levels between on); its siblings join it. A numbered
 * list starts from its first item's Word number, and a number that does not follow the one before starts a new list.
 */
export function buildNestedLists(paragraphs: readonly ListParagraph[]): DocumentNodeJson[] {
  const lists: DocumentNodeJson[] = [];
  const open: { list: DocumentNodeJson; ordered: boolean; level: number; number: number | undefined }[] = [];
  for (const paragraph of paragraphs) {
    const level = Math.max(0, paragraph.level);
    while (open.length > 0 && open.at(-1)!.level > level) open.pop();
    const same = open.at(-1)?.level === level ? open.at(-1)! : undefined;
    const renumbered =
      paragraph.ordered && same?.number !== undefined && paragraph.number !== undefined && paragraph.number !== same.number + 1;
    if (same !== undefined && (same.ordered !== paragraph.ordered || renumbered)) open.pop();
    if (open.length === 0 || open.at(-1)!.level < level) {
      const start =
        paragraph.ordered && paragraph.number !== undefined && paragraph.number !== 1 ? { attrs: { start: paragraph.number } } : {};
      const list: DocumentNodeJson = { type: paragraph.ordered ? 'orderedList' : 'bulletList', ...start, content: [] };
      if (open.length === 0) lists.push(list);
      else open.at(-1)!.list.content!.at(-1)!.content!.push(list);
      open.push({ list, ordered: paragraph.ordered, level, number: undefined });
    }
    open.at(-1)!.number = paragraph.number;
    open.at(-1)!.list.content!.push({ type: 'listItem', content: [...paragraph.content] });
  }
  return lists;
}
