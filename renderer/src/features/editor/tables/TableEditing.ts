import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode, Schema } from '@tiptap/pm/model';
import { Plugin, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import {
  addColumnAfter,
  addRowAfter,
  deleteColumn,
  deleteRow,
  deleteTable,
  goToNextCell,
  isInTable,
  tableEditing,
} from '@tiptap/pm/tables';
import { suggestChangesKey } from '@handlewithcare/prosemirror-suggest-changes';
import { isTrackingChanges } from '../suggestions/trackChanges';

/** A change of a table's shape: rows and columns added or removed, a table inserted or deleted. */
export type TableChange = 'addRow' | 'deleteRow' | 'addColumn' | 'deleteColumn' | 'deleteTable';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    tableEditing: {
      /**
       * Inserts a 3×3 table, its first row of header cells, and puts the cursor in its first cell.
       * @example editor.commands.insertSimpleTable()
       */
      insertSimpleTable: () => ReturnType;
      /**
       * Adds or removes the row or column of the cursor, or removes its whole table.
       * @example editor.commands.changeTable('addRow')
       */
      changeTable: (change: TableChange) => ReturnType;
    };
  }
}

const tableCommands = {
  addRow: addRowAfter,
  deleteRow,
  addColumn: addColumnAfter,
  deleteColumn,
  deleteTable,
} as const;

/** A new table: `rows` rows of `columns` empty cells, the first row of header cells. */
export function simpleTable(schema: Schema, rows = 3, columns = 3): ProseMirrorNode {
  const cell = (type: 'tableHeader' | 'tableCell') => schema.nodes[type]!.createAndFill()!;
  const row = (type: 'tableHeader' | 'tableCell') =>
    schema.nodes['tableRow']!.create(
      null,
      Array.from({ length: columns }, () => cell(type)),
    );
  return schema.nodes['table']!.create(null, [row('tableHeader'), ...Array.from({ length: rows - 1 }, () => row('tableCell'))]);
}

/** Whether the cursor is in a table: its row and column commands apply there. */
export function isCursorInTable(state: EditorState): boolean {
  return isInTable(state);
}

/** Every table's shape (its rows' cell counts and spans), read only from tables: what structural edits change. */
function tableShapes(doc: ProseMirrorNode): string {
  const shapes: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'table') {
      const rows: string[] = [];
      node.forEach((row) => {
        const cells: string[] = [];
        row.forEach((cell) => cells.push(`${cell.type.name}:${String(cell.attrs['colspan'])}x${String(cell.attrs['rowspan'])}`));
        rows.push(cells.join(','));
      });
      shapes.push(rows.join(';'));
      return false;
    }
    // Tables are blocks: nothing inside a textblock can be one.
    return !node.isTextblock;
  });
  return shapes.join('|');
}

/**
 * Whether a transaction changes a table's shape while "Sửa có theo dõi" is on. The suggest-changes plugin records
 * text, not table structure (a row has no place for its mark), so such an edit could be neither shown nor rejected:
 * it is refused. Typing in cells, undo and redo, and accepting or rejecting suggestions pass.
 */
export function isUntrackableTableChange(tr: Transaction, state: EditorState): boolean {
  if (!tr.docChanged || !isTrackingChanges(state) || tr.getMeta('history$') !== undefined) return false;
  const meta = (tr.getMeta(suggestChangesKey) ?? {}) as object;
  if ('skip' in meta) return false;
  return tableShapes(tr.before) !== tableShapes(tr.doc);
}

export interface TableEditingOptions {
  /** Told when a change of a table's shape is refused because changes are tracked (the screen says why). */
  onRefused: () => void;
}

/**
 * Tables in the body: prosemirror-tables' editing (cell selection, tables kept rectangular), Tab and Shift-Tab from
 * cell to cell (Tab in the last cell adds a row), "Chèn bảng" and the row and column commands (Alt+Shift+arrows).
 * While changes are tracked, a change of a table's shape is refused; typing in its cells is tracked as anywhere else.
 */
export const TableEditing = Extension.create<TableEditingOptions>({
  name: 'tableEditing',
  // Above TrackChanges: its dispatch must refuse a table change before the plugin tries (and fails) to record it.
  priority: 1000,
  addOptions() {
    return { onRefused: () => undefined };
  },
  addProseMirrorPlugins() {
    // The filter also stops what reaches the state by other ways (a plugin's appended transaction).
    return [tableEditing(), new Plugin({ filterTransaction: (tr, state) => !isUntrackableTableChange(tr, state) })];
  },
  dispatchTransaction({ transaction, next }) {
    if (!isUntrackableTableChange(transaction, this.editor.state)) next(transaction);
    else this.options.onRefused();
  },
  addCommands() {
    return {
      insertSimpleTable:
        () =>
        ({ state, tr, dispatch }) => {
          if (isInTable(state)) return false;
          if (isTrackingChanges(state)) {
            if (dispatch !== undefined) this.options.onRefused();
            return false;
          }
          const table = simpleTable(state.schema);
          if (dispatch === undefined) return true;
          tr.replaceSelectionWith(table);
          let tablePosition = -1;
          tr.doc.descendants((node, position) => {
            if (node === table) tablePosition = position;
            return tablePosition < 0;
          });
          // Inside the table, its first row, its first cell, that cell's paragraph.
          if (tablePosition >= 0) tr.setSelection(TextSelection.create(tr.doc, tablePosition + 4));
          tr.scrollIntoView();
          return true;
        },
      changeTable:
        (change) =>
        ({ state, dispatch }) => {
          if (!isTrackingChanges(state)) return tableCommands[change](state, dispatch);
          if (dispatch !== undefined && isInTable(state)) this.options.onRefused();
          return false;
        },
    };
  },
  addKeyboardShortcuts() {
    return {
      Tab: ({ editor }) => {
        if (!isInTable(editor.state)) return false;
        if (goToNextCell(1)(editor.state, editor.view.dispatch)) return true;
        // The last cell: a new row, as in Word; nothing while changes are tracked (the cursor stays in the table).
        if (editor.commands.changeTable('addRow')) goToNextCell(1)(editor.state, editor.view.dispatch);
        return true;
      },
      'Shift-Tab': ({ editor }) => isInTable(editor.state) && (goToNextCell(-1)(editor.state, editor.view.dispatch) || true),
      'Alt-Shift-ArrowDown': ({ editor }) => editor.commands.changeTable('addRow'),
      'Alt-Shift-ArrowRight': ({ editor }) => editor.commands.changeTable('addColumn'),
      'Alt-Shift-Backspace': ({ editor }) => editor.commands.changeTable('deleteRow'),
      'Alt-Shift-Delete': ({ editor }) => editor.commands.changeTable('deleteColumn'),
    };
  },
});
