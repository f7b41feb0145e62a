import { describe, expect, it } from 'vitest';
import { guessTitleAndSapo } from '../../electron/main/services/guessTitleAndSapo';
import { mapHeadingLevels } from '../../electron/main/services/mapHeadingLevels';
import type { DocumentNodeJson } from '../../shared/documentJson';

const paragraph = (text: string): DocumentNodeJson => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const heading = (level: number, text: string): DocumentNodeJson => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});

describe('the title and sapo guessed from the top of a Word document', () => {
  it('takes a short first paragraph as the title and the next as the sapo, on one line each', () => {
    const body = paragraph('Nội dung chính.');
    const guess = guessTitleAndSapo([
      { type: 'paragraph', content: [{ type: 'text', text: 'Mưa lớn ở ' }, { type: 'hardBreak' }, { type: 'text', text: 'Hà Nội' }] },
      paragraph('Chiều nay,  mưa lớn kéo dài.'),
      body,
    ]);
    expect(guess).toMatchObject({ title: 'Mưa lớn ở Hà Nội', sapo: 'Chiều nay, mưa lớn kéo dài.', body: [body] });
  });

  it('guesses no title from a sentence or a long paragraph, nor from a list, and then no sapo either', () => {
    for (const first of [paragraph('Đây là một câu văn.'), paragraph('chữ '.repeat(100)), { type: 'bulletList', content: [] }]) {
      const blocks = [first, paragraph('Đoạn sau.')];
      expect(guessTitleAndSapo(blocks)).toEqual({ title: '', sapo: '', titleBlock: null, sapoBlock: null, body: blocks });
    }
  });

  it('takes a heading as the title even when it ends with a full stop, and no sapo from a heading or a long paragraph', () => {
    expect(guessTitleAndSapo([heading(1, 'Tít.'), heading(2, 'Phần một')])).toMatchObject({ title: 'Tít.', sapo: '', sapoBlock: null });
    expect(guessTitleAndSapo([heading(1, 'Tít'), paragraph('x'.repeat(1_201))])).toMatchObject({ title: 'Tít', sapo: '' });
  });
});

describe("Word's heading levels as the body's two", () => {
  it('makes the highest level used H2 and every lower one H3', () => {
    const mapped = mapHeadingLevels([heading(2, 'a'), paragraph('x'), heading(3, 'b'), heading(5, 'c'), heading(2, 'd')]);
    expect(mapped.map((block) => block.attrs?.['level'] ?? null)).toEqual([2, null, 3, 3, 2]);
  });
});
