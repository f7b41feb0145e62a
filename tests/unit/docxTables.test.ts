import { describe, expect, it } from 'vitest';
import type { DocumentNodeJson } from '../../shared/documentJson';
import { tableLimits } from '../../shared/documentLimits';
import { parseDocument } from '../../shared/documentSchema';
import { serializeDocumentHtml } from '../../shared/serializeDocumentHtml';
import { buildDocx, type DocxSpec } from '../support/docxFixtures';
import { openTestSession } from '../support/openTestSession';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

const text = (value: string): DocumentNodeJson => ({ type: 'text', text: value });
const paragraph = (...content: DocumentNodeJson[]): DocumentNodeJson => ({ type: 'paragraph', content });
const cell = (type: 'tableCell' | 'tableHeader', value: string, colspan = 1, rowspan = 1): DocumentNodeJson => ({
  type,
  attrs: { colspan, rowspan },
  content: [value === '' ? { type: 'paragraph' } : paragraph(text(value))],
});

describe('Word tables in the import', () => {
  const temporaryDirectory = useTemporaryDirectories();

  async function readBody(spec: DocxSpec): Promise<{ body: DocumentNodeJson; tables: number }> {
    const session = await openTestSession(await temporaryDirectory());
    const draft = await session.handlers['word:readBytes']({ fileName: 'Bảng.docx', bytes: new Uint8Array(buildDocx(spec)) });
    return { body: draft.body, tables: draft.summary.tables };
  }

  it('imports a table as a table: its header row as header cells, merged cells as spans, an empty cell kept', async () => {
    const { body, tables } = await readBody({
      blocks: [
        { parts: [{ text: 'Tít bài' }] },
        { parts: [{ text: 'Sapo của bài.' }] },
        { parts: [{ text: 'Kết quả vòng loại.' }] },
        {
          headerRow: true,
          rows: [
            ['Đội', { text: 'Điểm', gridSpan: 2 }],
            [{ text: 'Hà Nội', verticalMerge: 'restart' }, '3', ''],
            [{ text: '', verticalMerge: 'continue' }, '1', '2'],
          ],
        },
      ],
    });
    expect(body.content).toEqual([
      paragraph(text('Kết quả vòng loại.')),
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell('tableHeader', 'Đội'), cell('tableHeader', 'Điểm', 2)] },
          { type: 'tableRow', content: [cell('tableCell', 'Hà Nội', 1, 2), cell('tableCell', '3'), cell('tableCell', '')] },
          { type: 'tableRow', content: [cell('tableCell', '1'), cell('tableCell', '2')] },
        ],
      },
    ]);
    expect(tables).toBe(0);
    // The body a save accepts, exported as the website takes a table.
    expect(serializeDocumentHtml(parseDocument(body))).toContain('<th scope="col" colspan="2">Điểm</th>');
  });

  it('reads a table too wide for the body as one paragraph per row, and says so in the summary', async () => {
    const wide = Array.from({ length: tableLimits.maximumColumns + 1 }, (_, index) => `c${index}`);
    const { body, tables } = await readBody({
      blocks: [{ parts: [{ text: 'Tít' }] }, { parts: [{ text: 'Sapo.' }] }, { parts: [{ text: 'Thân.' }] }, { rows: [wide] }],
    });
    expect(body.content?.at(-1)).toEqual(paragraph(text(wide.join(' | '))));
    expect(tables).toBe(1);
  });
});
