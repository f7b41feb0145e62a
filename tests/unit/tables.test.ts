import { describe, expect, it } from 'vitest';
import { articleSearchText } from '../../electron/main/search/articleSearchText';
import { articleTextBlocks } from '../../shared/articleTextBlocks';
import { checkArticleTypography } from '../../shared/checkArticleTypography';
import { countArticle } from '../../shared/countArticle';
import { diffBodies } from '../../shared/diffBody';
import { documentBlocks } from '../../shared/documentBlocks';
import type { DocumentNodeJson } from '../../shared/documentJson';
import { tableLimits } from '../../shared/documentLimits';
import { parseDocument } from '../../shared/documentSchema';
import type { AppError } from '../../shared/errorCodes';
import { exportArticleHtml } from '../../shared/exportArticleHtml';
import { defaultHouseStyle } from '../../shared/houseStyle';
import { serializeDocumentHtml } from '../../shared/serializeDocumentHtml';
import { withSuggestionsRejected } from '../../shared/withSuggestionsRejected';
import { cell, paragraph, suggestion, table, text } from '../fixtures/everyFeatureBody';
import { seedArticle } from '../fixtures/seedArticle';
import { exportValidationMessages } from '../support/exportValidation';
import { sampleContent } from '../support/sampleContent';
import { thrownBy } from '../support/thrownBy';

const doc = (...content: DocumentNodeJson[]): DocumentNodeJson => ({ type: 'doc', content });
// An empty cell holds one empty paragraph, as ProseMirror writes it (no content array).
const td = (value: string, spans: { colspan?: number; rowspan?: number } = {}) =>
  cell('tableCell', [value === '' ? { type: 'paragraph', attrs: { textAlign: null } } : paragraph([text(value)])], spans);
const th = (value: string) => cell('tableHeader', [paragraph([text(value)])]);

/** A results table: a header row, then two rows. */
const results = table([
  [th('Tỉnh'), th('Vốn')],
  [td('Hà Nội'), td('12 tỷ')],
  [td('Hải Phòng'), td('8 tỷ')],
]);

function refusal(body: DocumentNodeJson): AppError {
  return thrownBy(() => parseDocument(body)) as AppError;
}

describe('tables in the document schema', () => {
  it('parses a table with a header row, spans and an empty cell, and gives back the same JSON', () => {
    const body = doc(
      paragraph([text('Trước bảng.')]),
      table([
        [th('Đội'), cell('tableHeader', [paragraph([text('Điểm')])], { colspan: 2 })],
        [td('A', { rowspan: 2 }), td('1'), td('')],
        [td('2'), td('3')],
      ]),
    );
    expect(parseDocument(body).toJSON()).toEqual(body);
  });

  it.each([
    ['a colspan of 0', { colspan: 0, rowspan: 1 }],
    ['a fractional colspan', { colspan: 1.5, rowspan: 1 }],
    ['a colspan given as text', { colspan: '2', rowspan: 1 }],
    ['a colspan wider than a table may be', { colspan: tableLimits.maximumColumns + 1, rowspan: 1 }],
    ['a rowspan longer than a table may be', { colspan: 1, rowspan: tableLimits.maximumRows + 1 }],
  ])('refuses a cell with %s', (_what, attrs) => {
    const body = doc(table([[{ type: 'tableCell', attrs, content: [paragraph([text('x')])] }]]));
    expect(refusal(body).code).toBe('invalid-request');
  });

  it('refuses a cell carrying a column width, and names it', () => {
    const body = doc(table([[{ type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [paragraph([])] }]]));
    const error = refusal(body);
    expect(error.code).toBe('invalid-request');
    expect(error.message).toContain('colwidth');
  });

  it('refuses a table with more cells, columns or rows than the limits', () => {
    const row = (cells: number) => Array.from({ length: cells }, () => td('x'));
    const tooWide = table([row(tableLimits.maximumColumns + 1)]);
    const tooLong = table(Array.from({ length: tableLimits.maximumRows + 1 }, () => row(1)));
    const tooMany = table(Array.from({ length: tableLimits.maximumCells / tableLimits.maximumColumns + 1 }, () => row(20)));
    for (const body of [tooWide, tooLong, tooMany]) expect(refusal(doc(body)).code).toBe('invalid-request');
    // The limit as a Vietnamese reader writes the number.
    expect(refusal(doc(tooMany)).message).toContain('hơn 5.000 ô');
    expect(() => parseDocument(doc(table([row(tableLimits.maximumColumns)])))).not.toThrow();
  });

  it('refuses what a cell may not hold: a heading, a photo, a nested table, a row outside a table', () => {
    const heading = { type: 'heading', attrs: { level: 2 }, content: [text('x')] };
    for (const body of [
      doc(table([[cell('tableCell', [heading])]])),
      doc(table([[cell('tableCell', [results])]])),
      doc({ type: 'tableRow', content: [td('x')] }),
      doc({ type: 'table', content: [] }),
    ]) {
      expect(refusal(body).code).toBe('invalid-request');
    }
  });
});

describe('exporting a table', () => {
  it('writes a header row in <thead> with column scopes, the others in <tbody>, with no style or width', () => {
    expect(serializeDocumentHtml(parseDocument(doc(results)))).toBe(
      [
        '<table>',
        '  <thead>',
        '    <tr>',
        '      <th scope="col">Tỉnh</th>',
        '      <th scope="col">Vốn</th>',
        '    </tr>',
        '  </thead>',
        '  <tbody>',
        '    <tr>',
        '      <td>Hà Nội</td>',
        '      <td>12 tỷ</td>',
        '    </tr>',
        '    <tr>',
        '      <td>Hải Phòng</td>',
        '      <td>8 tỷ</td>',
        '    </tr>',
        '  </tbody>',
        '</table>',
      ].join('\n'),
    );
  });

  it('writes a table without a header row as <tbody> alone, as a page html-validate reports no problems in', async () => {
    const body = doc(paragraph([text('Kết quả:')]), table([[td('Hà Nội'), td('12 tỷ')]]), paragraph([text('Hết./.')]));
    const html = exportArticleHtml({ ...seedArticle(), body });
    expect(html).not.toContain('<thead>');
    expect(html).toContain('<tbody>');
    expect(/<table>[\s\S]*<\/table>/.exec(html)?.[0]).not.toMatch(/style=|width=|colwidth|class=/);
    expect(await exportValidationMessages(html)).toEqual([]);
  });

  it('exports a commented cell’s text without its comment anchor', () => {
    const anchor = { type: 'commentAnchor', attrs: { threadId: '2026-11-30T08-00-00.000Z-0123456789ab' } };
    const body = doc(table([[cell('tableCell', [paragraph([text('Hà Nội', [anchor])])])]]));
    expect(serializeDocumentHtml(parseDocument(body))).toContain('<td>Hà Nội</td>');
  });

  it('exports the text of a cell with its pending suggestions rejected', () => {
    const body = doc(table([[cell('tableCell', [paragraph([text('12'), text(' tỷ', [suggestion('insertion', 'mh1-t1')])])])]]));
    expect(serializeDocumentHtml(withSuggestionsRejected(parseDocument(body)))).toContain('<td>12</td>');
  });
});

describe('what reads the body, over a table', () => {
  it('compares versions cell by cell: a changed cell is one edited block, its words diffed', () => {
    const before = table([
      [th('Tỉnh'), th('Vốn')],
      [td('Hà Nội'), td('Vốn đăng ký 12 tỷ đồng, giải ngân một nửa')],
    ]);
    const after = table([
      [th('Tỉnh'), th('Vốn')],
      [td('Hà Nội'), td('Vốn đăng ký 15 tỷ đồng, giải ngân một nửa')],
    ]);
    expect(documentBlocks(doc(results)).map((block) => [block.kind, block.text])).toEqual([
      ['cell', 'Tỉnh'],
      ['cell', 'Vốn'],
      ['cell', 'Hà Nội'],
      ['cell', '12 tỷ'],
      ['cell', 'Hải Phòng'],
      ['cell', '8 tỷ'],
    ]);
    const changed = diffBodies(doc(before), doc(after)).blocks.filter((block) => block.change !== 'same');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ change: 'edited', before: { kind: 'cell' }, after: { kind: 'cell' } });
    expect(changed[0]!.parts.filter((part) => part.change !== 'same').map((part) => [part.change, part.text])).toEqual([
      ['deleted', '12'],
      ['inserted', '15'],
    ]);
  });

  it('reads the cells as text blocks in document order, row by row, as their cell type', () => {
    const content = sampleContent({ body: doc(paragraph([text('Trước.')]), results, paragraph([text('Sau./.')])) });
    const body = articleTextBlocks(content).filter((block) => block.location.block !== null);
    expect(body.map((block) => [block.location.block, block.node, block.text])).toEqual([
      [0, 'paragraph', 'Trước.'],
      [1, 'tableHeader', 'Tỉnh'],
      [2, 'tableHeader', 'Vốn'],
      [3, 'tableCell', 'Hà Nội'],
      [4, 'tableCell', '12 tỷ'],
      [5, 'tableCell', 'Hải Phòng'],
      [6, 'tableCell', '8 tỷ'],
      [7, 'paragraph', 'Sau./.'],
    ]);
  });

  it('counts the words in cells as body words', () => {
    const without = countArticle(sampleContent({ body: doc(paragraph([text('Một hai.')])) }));
    const withTable = countArticle(sampleContent({ body: doc(paragraph([text('Một hai.')]), results) }));
    // Tỉnh, Vốn, Hà Nội, 12 tỷ, Hải Phòng, 8 tỷ.
    expect(withTable.parts.body.words - without.parts.body.words).toBe(10);
  });

  it('checks typography in cells, but asks for the end mark on the last paragraph, never on a cell', () => {
    const body = doc(paragraph([text('Kết quả như sau.')]), table([[td('Hà Nội ,Hải Phòng'), td('12 tỷ.')]]));
    const findings = checkArticleTypography(sampleContent({ body }), { ...defaultHouseStyle, endMark: 'required' });
    const inBody = findings.filter((finding) => finding.location.part === 'body');
    expect(inBody.map((finding) => [finding.location.block, finding.rule])).toEqual(
      expect.arrayContaining([
        [0, 'end-mark'],
        [1, expect.any(String)],
      ]),
    );
    expect(inBody.filter((finding) => finding.rule === 'end-mark').map((finding) => finding.location.block)).toEqual([0]);
  });

  it('gives search each cell’s text on a line of its own', () => {
    const searched = articleSearchText({ sapo: '', body: doc(results), bylineName: '', photoCredit: '' });
    expect(searched.split('\n')).toEqual(['Tỉnh', 'Vốn', 'Hà Nội', '12 tỷ', 'Hải Phòng', '8 tỷ']);
  });
});
