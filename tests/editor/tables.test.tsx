import { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import { afterEach, describe, expect, it } from 'vitest';
import { EditorToolbar } from '../../renderer/src/features/editor/EditorToolbar';
import { CleanPaste } from '../../renderer/src/features/editor/paste/CleanPaste';
import { rejectAllSuggestions, setTrackingChanges, TrackChanges } from '../../renderer/src/features/editor/suggestions/trackChanges';
import { TableEditing } from '../../renderer/src/features/editor/tables/TableEditing';
import { documentExtensions } from '../../shared/documentExtensions';
import type { DocumentNodeJson } from '../../shared/documentJson';
import { tableLimits } from '../../shared/documentLimits';
import { parseDocument } from '../../shared/documentSchema';
import { serializeDocumentHtml } from '../../shared/serializeDocumentHtml';
import { click } from '../support/articleEditorPage';
import { useRendering } from '../support/useRendering';

const mounted: { editor: Editor; element: HTMLElement }[] = [];

let refusals = 0;

function createEditor(content: string, tracking = false): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({
    element,
    extensions: [
      ...documentExtensions,
      TrackChanges.configure({ author: () => ({ name: 'Thu Hà', role: 'editor' }), now: () => new Date('2026-11-30T09:15:00.000Z') }),
      TableEditing.configure({ onRefused: () => (refusals += 1) }),
      CleanPaste,
    ],
    content,
  });
  setTrackingChanges(editor, tracking);
  mounted.push({ editor, element });
  return editor;
}

afterEach(() => {
  refusals = 0;
  for (const { editor, element } of mounted.splice(0)) {
    editor.destroy();
    element.remove();
  }
});

function pressKey(editor: Editor, key: string, modifiers: KeyboardEventInit = {}): void {
  editor.view.someProp('handleKeyDown', (handle) => handle(editor.view, new KeyboardEvent('keydown', { key, ...modifiers })));
}

/** Each table's rows as the cells' text, header cells marked with a leading '#'. */
function tables(doc: ProseMirrorNode): string[][][] {
  const found: string[][][] = [];
  doc.descendants((node) => {
    if (node.type.name !== 'table') return true;
    const rows: string[][] = [];
    node.forEach((row) => {
      const cells: string[] = [];
      row.forEach((cell) => cells.push(`${cell.type.name === 'tableHeader' ? '#' : ''}${cell.textContent}`));
      rows.push(cells);
    });
    found.push(rows);
    return false;
  });
  return found;
}

/** The text of the textblock the cursor is in. */
function cursorText(editor: Editor): string {
  return editor.state.selection.$from.parent.textContent;
}

/** Puts the cursor at the end of the first textblock whose text is `text`. */
function cursorAfter(editor: Editor, text: string): void {
  let position = -1;
  editor.state.doc.descendants((node, at) => {
    if (position < 0 && node.isTextblock && node.textContent === text) position = at + 1 + node.content.size;
    return position < 0;
  });
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, position)));
}

const scores =
  '<p>Trước bảng.</p><table><tr><th>Đội</th><th>Điểm</th></tr><tr><td>A</td><td>1</td></tr><tr><td>B</td><td>2</td></tr></table>';

describe('tables in the body editor', () => {
  it('inserts a 3×3 table with a header row and puts the cursor in its first cell', () => {
    const editor = createEditor('<p>Kết quả:</p>');
    cursorAfter(editor, 'Kết quả:');
    expect(editor.commands.insertSimpleTable()).toBe(true);
    expect(tables(editor.state.doc)).toEqual([
      [
        ['#', '#', '#'],
        ['', '', ''],
        ['', '', ''],
      ],
    ]);
    expect(editor.state.selection.$from.node(-1).type.name).toBe('tableHeader');
    editor.commands.insertContent('Đội');
    expect(tables(editor.state.doc)[0]![0]).toEqual(['#Đội', '#', '#']);
    expect(() => parseDocument(editor.getJSON() as DocumentNodeJson)).not.toThrow();
  });

  it('moves from cell to cell with Tab and back with Shift+Tab, and adds a row on Tab in the last cell', () => {
    const editor = createEditor(scores);
    cursorAfter(editor, 'Đội');
    pressKey(editor, 'Tab');
    expect(cursorText(editor)).toBe('Điểm');
    pressKey(editor, 'Tab');
    expect(cursorText(editor)).toBe('A');
    pressKey(editor, 'Tab', { shiftKey: true });
    expect(cursorText(editor)).toBe('Điểm');
    cursorAfter(editor, '2');
    pressKey(editor, 'Tab');
    expect(tables(editor.state.doc)[0]).toEqual([
      ['#Đội', '#Điểm'],
      ['A', '1'],
      ['B', '2'],
      ['', ''],
    ]);
    // In the new row's first cell: table, row 3, cell 0.
    const { $from } = editor.state.selection;
    expect([$from.node(-3).type.name, $from.index(-3), $from.index(-2)]).toEqual(['table', 3, 0]);
  });

  it('adds and removes the row and column of the cursor, and removes the table', () => {
    const editor = createEditor(scores);
    cursorAfter(editor, 'A');
    expect(editor.commands.changeTable('addColumn')).toBe(true);
    expect(editor.commands.changeTable('addRow')).toBe(true);
    expect(tables(editor.state.doc)[0]).toEqual([
      ['#Đội', '#', '#Điểm'],
      ['A', '', '1'],
      ['', '', ''],
      ['B', '', '2'],
    ]);
    cursorAfter(editor, 'B');
    expect(editor.commands.changeTable('deleteRow')).toBe(true);
    cursorAfter(editor, 'A');
    expect(editor.commands.changeTable('deleteColumn')).toBe(true);
    expect(tables(editor.state.doc)[0]).toEqual([
      ['#', '#Điểm'],
      ['', '1'],
      ['', ''],
    ]);
    expect(editor.commands.changeTable('deleteTable')).toBe(true);
    expect(tables(editor.state.doc)).toEqual([]);
  });

  it('refuses to change a table’s shape while changes are tracked, and tracks typing in its cells', () => {
    const editor = createEditor(scores, true);
    cursorAfter(editor, 'A');
    const before = tables(editor.state.doc);
    expect(editor.commands.changeTable('addRow')).toBe(false);
    expect(editor.commands.changeTable('deleteColumn')).toBe(false);
    pressKey(editor, 'ArrowDown', { altKey: true, shiftKey: true });
    cursorAfter(editor, '2');
    pressKey(editor, 'Tab');
    // Even a transaction built by hand (a paste, a plugin) cannot delete a row.
    const rowStart = editor.state.doc.resolve(editor.state.selection.from).before(-2);
    editor.view.dispatch(editor.state.tr.delete(rowStart, rowStart + editor.state.doc.resolve(rowStart).nodeAfter!.nodeSize));
    expect(tables(editor.state.doc)).toEqual(before);
    // Each refusal is told, for the screen to say why: two commands, the shortcut, Tab in the last cell, the hand-built one.
    expect(refusals).toBe(5);
    cursorAfter(editor, 'Trước bảng.');
    expect(editor.commands.insertSimpleTable()).toBe(false);
    expect(tables(editor.state.doc)).toHaveLength(1);

    cursorAfter(editor, 'A');
    editor.view.dispatch(editor.state.tr.insertText(' Hà Nội'));
    expect(tables(editor.state.doc)[0]![1]).toEqual(['A Hà Nội', '1']);
    const exported = serializeDocumentHtml(parseDocument(editor.getJSON() as DocumentNodeJson));
    expect(exported).toContain('<td>A</td>');
    // A new paragraph in a cell is a suggestion too, and goes with the others.
    editor.commands.splitBlock();
    editor.commands.insertContent('Thêm dòng');
    const cellOfCursor = editor.state.selection.$from.node(-1);
    const inserted: string[] = [];
    cellOfCursor.descendants((node) => {
      if (node.isText && node.marks.some((mark) => mark.type.name === 'insertion')) inserted.push(node.text!.replace('\u200B', '¶'));
    });
    expect([cellOfCursor.childCount, inserted.join('')]).toEqual([2, ' Hà Nội¶¶Thêm dòng']);
    expect(() => parseDocument(editor.getJSON() as DocumentNodeJson)).not.toThrow();
    rejectAllSuggestions(editor);
    expect(tables(editor.state.doc)).toEqual(before);
    expect(editor.state.doc.toJSON()).toEqual(parseDocument(editor.state.doc.toJSON() as DocumentNodeJson).toJSON());
  });

  it('shows "Chèn bảng" in the toolbar, inserts a table with it, then shows the table’s commands', async () => {
    const render = useRenderingOnce();
    const editor = createEditor('<p>Kết quả:</p>');
    cursorAfter(editor, 'Kết quả:');
    const view = await render(<EditorToolbar editor={editor} onLink={() => undefined} onInsertPhoto={() => undefined} />);
    expect(view.querySelector('[aria-label="Bảng"]')).toBeNull();
    await click(view.querySelector('button[aria-label="Chèn bảng"]'), 'Chèn bảng');
    expect(tables(editor.state.doc)).toHaveLength(1);
    const commands = view.querySelector('[aria-label="Bảng"]');
    expect([...commands!.querySelectorAll('button')].map((button) => button.textContent)).toEqual([
      'Thêm hàng',
      'Xóa hàng',
      'Thêm cột',
      'Xóa cột',
      'Xóa bảng',
    ]);
    await click(
      [...commands!.querySelectorAll('button')].find((button) => button.textContent === 'Thêm hàng'),
      'Thêm hàng',
    );
    expect(tables(editor.state.doc)[0]).toHaveLength(4);
  });
});

// useRendering registers its own afterEach; called once at the top level of the file.
const renderOnce = useRendering();
function useRenderingOnce() {
  return renderOnce;
}

describe('pasting tables', () => {
  function paste(html: string): Editor {
    const editor = createEditor('<p></p>');
    editor.view.pasteHTML(html, new Event('paste') as ClipboardEvent);
    return editor;
  }

  it('keeps a table pasted from Word as a table, without its widths, styles and classes', () => {
    const editor = paste(
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><!--StartFragment-->' +
        '<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 width=602 style="width:451.3pt;border-collapse:collapse">' +
        '<tr style="height:20pt"><td width=301 valign=top style="width:225.65pt;border:solid windowtext 1.0pt">' +
        '<p class=MsoNormal><b>Tỉnh<o:p></o:p></b></p></td>' +
        '<td width=301 valign=top style="width:225.65pt"><p class=MsoNormal><b>Vốn</b></p></td></tr>' +
        '<tr><td colspan=2 width=602 style="width:451.3pt"><p class=MsoNormal>Cả nước<o:p></o:p></p>' +
        '<p class=MsoNormal><span style="font-style:italic">120 tỷ</span></p></td></tr></table><!--EndFragment--></body></html>',
    );
    expect(tables(editor.state.doc)).toEqual([[['Tỉnh', 'Vốn'], ['Cả nước120 tỷ']]]);
    const json = editor.getJSON() as DocumentNodeJson;
    expect(() => parseDocument(json)).not.toThrow();
    const html = serializeDocumentHtml(parseDocument(json));
    expect(html).toContain('<td colspan="2">');
    expect(html).toContain('<p><em>120 tỷ</em></p>');
    expect(html).toContain('<td><strong>Tỉnh</strong></td>');
    expect(html).not.toMatch(/width|style|class|Mso/);
  });

  it('keeps a Google Docs or web table (caption above it, header row, lists in cells as paragraphs) and flattens a nested one', () => {
    const editor = paste(
      '<b style="font-weight:normal" id="docs-internal-guid-1"><div dir="ltr"><table style="border:none">' +
        '<caption>Giá vé</caption><colgroup><col width="200"><col width="100"></colgroup>' +
        '<thead><tr><th scope="col">Tuyến</th><th>Giá</th></tr></thead>' +
        '<tbody><tr style="height:21pt"><td style="border:solid 1pt"><p dir="ltr"><span>E01</span></p></td>' +
        '<td rowspan="abc"><ul><li>7.000 đồng</li><li>miễn phí</li></ul></td></tr>' +
        '<tr><td><h3>Ghi chú</h3></td><td><table><tr><td>a</td><td>b</td></tr></table></td></tr></tbody></table></div></b>',
    );
    const json = editor.getJSON() as DocumentNodeJson;
    expect(() => parseDocument(json)).not.toThrow();
    expect(json.content?.[0]).toMatchObject({ type: 'paragraph', content: [{ text: 'Giá vé' }] });
    expect(tables(editor.state.doc)).toEqual([
      [
        ['#Tuyến', '#Giá'],
        ['E01', '7.000 đồngmiễn phí'],
        ['Ghi chú', 'a | b'],
      ],
    ]);
  });

  it('turns a pasted table too big for the body into one paragraph per row', () => {
    const row = `<tr>${Array.from({ length: tableLimits.maximumColumns + 1 }, (_, index) => `<td>c${index}</td>`).join('')}</tr>`;
    const editor = paste(`<table>${row}</table>`);
    expect(tables(editor.state.doc)).toEqual([]);
    expect(editor.state.doc.firstChild?.textContent).toMatch(/^c0 \| c1 \| .* \| c20$/);
  });
});
