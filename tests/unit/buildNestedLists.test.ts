import { describe, expect, it } from 'vitest';
import { buildNestedLists, type ListParagraph } from '../../electron/main/services/buildNestedLists';
import type { DocumentNodeJson } from '../../shared/documentJson';
import { parseDocument } from '../../shared/documentSchema';

const entry = (level: number, ordered: boolean, text: string): ListParagraph => ({
  level,
  ordered,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
const item = (text: string, ...lists: DocumentNodeJson[]): DocumentNodeJson => ({
  type: 'listItem',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }, ...lists],
});

describe('Word list paragraphs nested as the body lists them', () => {
  it('opens a list inside the item before for a deeper level, and goes back out for a shallower one', () => {
    const lists = buildNestedLists([entry(0, true, '1'), entry(1, false, '1.a'), entry(2, true, '1.a.i'), entry(0, true, '2')]);
    expect(lists).toEqual([
      {
        type: 'orderedList',
        content: [item('1', { type: 'bulletList', content: [item('1.a', { type: 'orderedList', content: [item('1.a.i')] })] }), item('2')],
      },
    ]);
    expect(() => parseDocument({ type: 'doc', content: lists })).not.toThrow();
  });

  it("starts a numbered list from its first item's Word number, and a new one where the numbers do not follow", () => {
    const numbered = (level: number, number: number, text: string): ListParagraph => ({ ...entry(level, true, text), number });
    const lists = buildNestedLists([numbered(0, 4, '4'), numbered(1, 1, '4.a'), numbered(0, 5, '5'), numbered(0, 1, '1')]);
    expect(lists).toEqual([
      { type: 'orderedList', attrs: { start: 4 }, content: [item('4', { type: 'orderedList', content: [item('4.a')] }), item('5')] },
      { type: 'orderedList', content: [item('1')] },
    ]);
    expect(() => parseDocument({ type: 'doc', content: lists })).not.toThrow();
  });

  it('starts a new list where numbered turns to bulleted, and takes a jump of levels as one level deeper, its siblings beside it', () => {
    const lists = buildNestedLists([
      entry(0, true, 'a'),
      entry(0, false, 'b'),
      entry(3, false, 'c'),
      entry(3, false, 'c2'),
      entry(1, true, 'd'),
    ]);
    expect(lists).toEqual([
      { type: 'orderedList', content: [item('a')] },
      {
        type: 'bulletList',
        content: [item('b', { type: 'bulletList', content: [item('c'), item('c2')] }, { type: 'orderedList', content: [item('d')] })],
      },
    ]);
    expect(() => parseDocument({ type: 'doc', content: lists })).not.toThrow();
  });
});
