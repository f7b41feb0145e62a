import { getSchema } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { articleTextBlocks } from '../../shared/articleTextBlocks';
import { checkArticleTypography } from '../../shared/checkArticleTypography';
import { countArticle } from '../../shared/countArticle';
import { documentExtensions } from '../../shared/documentExtensions';
import type { DocumentNodeJson } from '../../shared/documentJson';
import { defaultHouseStyle, type HouseStyle } from '../../shared/houseStyle';
import { countEditorArticle } from '../../renderer/src/features/editor/counts/countEditorArticle';
import { findInArticle } from '../../renderer/src/features/editor/find/findInArticle';
import { editorTextBlocks } from '../../renderer/src/features/editor/text/editorTextBlocks';
import { checkEditorArticle } from '../../renderer/src/features/editor/typography/checkEditorArticle';
import { seedArticle } from '../fixtures/seedArticle';
import { sampleContent } from '../support/sampleContent';

const schema = getSchema(documentExtensions);
const text = (value: string) => ({ type: 'text', text: value });

/** A body with every kind of text block: heading, paragraphs (one with a hard break), a list, a quote, a photo's caption. */
const mixedBody: DocumentNodeJson = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('Hoà giải ở xã ,hôm 5/7/2022')] },
    { type: 'paragraph', content: [text('Đảng ủy xã họp  sáng nay'), { type: 'hardBreak' }, text('về "hòa giải".')] },
    { type: 'figure', attrs: { mediaId: null, alt: '', credit: 'Văn Đốc' }, content: [text('Tổ hòa giải ( ảnh ) .')] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('Một việc ,hai việc')] }] }] },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [text('Trích lời thủy thủ.')] }] },
    { type: 'paragraph' },
    { type: 'paragraph', content: [text('Kết thúc bài hòa')] },
  ],
};

/** A table between paragraphs and at the end: cells (a header row, a hard break, an empty cell) are text blocks too. */
const cell = (type: string, ...content: DocumentNodeJson[]) => ({ type, content: [{ type: 'paragraph', content }] });
const tableBody: DocumentNodeJson = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [text('Kết quả hoà giải ,năm 2022.')] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', text('Xã')), cell('tableHeader', text('Số vụ'))] },
        { type: 'tableRow', content: [cell('tableCell', text('An Hoà'), { type: 'hardBreak' }, text('(cũ)')), cell('tableCell')] },
      ],
    },
    { type: 'paragraph', content: [text('Hết.')] },
    { type: 'table', content: [{ type: 'tableRow', content: [cell('tableCell', text('Thủy  lợi .'))] }] },
  ],
};

const styles: HouseStyle[] = [
  defaultHouseStyle,
  { toneMarks: 'new', dates: 'padded', endMark: 'forbidden', titleSentenceCase: false },
  { toneMarks: 'off', dates: 'off', endMark: 'off', titleSentenceCase: true },
];

describe('reading the article from the editor’s state, as the shared cores read the saved article', () => {
  const contents = [
    { name: 'the seed article', content: seedArticle() },
    {
      name: 'a body with every kind of block',
      content: sampleContent({ title: 'Hội Nghị Hòa Giải.', sapo: 'Sapo ,có lỗi', body: mixedBody }),
    },
    {
      name: 'a body ending in a table',
      content: sampleContent({ title: 'Bảng', sapo: 'Sapo', body: tableBody }),
    },
  ];

  for (const { name, content } of contents) {
    const doc = ProseMirrorNode.fromJSON(schema, content.body);

    it(`reads the same text blocks, at the positions their index and offsets name: ${name}`, () => {
      const shared = articleTextBlocks(content).filter((block) => block.location.block !== null);
      const blocks = editorTextBlocks(doc);
      expect(blocks.map((block) => [block.index, block.part, block.text])).toEqual(
        shared.map((block) => [block.location.block, block.location.part, block.text]),
      );
      for (const block of blocks)
        expect(doc.textBetween(block.position + 1, block.position + 1 + block.text.length, undefined, '\n')).toBe(block.text);
    });

    it(`counts as countArticle does: ${name}`, () => {
      expect(countEditorArticle(content, doc)).toEqual(countArticle(content));
    });

    it(`finds the typography findings checkArticleTypography finds, under each house style: ${name}`, () => {
      for (const houseStyle of styles) {
        const findings = checkEditorArticle(content, doc, houseStyle).map((finding) => ({ ...finding, text: undefined }));
        expect(findings).toEqual(checkArticleTypography(content, houseStyle).map((finding) => ({ ...finding, text: undefined })));
      }
      // Not vacuous: the new tone placement finds words to change in both.
      expect(checkEditorArticle(content, doc, styles[1]!).length).toBeGreaterThan(0);
    });
  }

  it('places each match at editor positions holding the matched text, in reading order, captions included', () => {
    const content = sampleContent({ title: 'Hòa giải', sapo: 'hoà', body: mixedBody, bylineName: 'Hòa Bình' });
    const doc = ProseMirrorNode.fromJSON(schema, mixedBody);
    const matches = findInArticle(content, doc, 'hoa', { matchCase: false, wholeWord: true, ignoreDiacritics: true });
    expect(matches.map((match) => match.part)).toEqual(['title', 'sapo', 'body', 'body', 'body', 'body', 'byline']);
    expect(matches.flatMap((match) => (match.part === 'body' ? [doc.textBetween(match.from, match.to)] : []))).toEqual([
      'Hoà',
      'hòa',
      'hòa',
      'hòa',
    ]);
  });
});
