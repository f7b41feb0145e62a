import { callOrReturn, getExtensionField, mergeAttributes, Node, type AnyExtension, type NodeConfig } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { tableLimits } from './documentLimits';

declare module '@tiptap/core' {
  interface NodeConfig<Options, Storage> {
    /** The part a node plays in a table for prosemirror-tables: 'table', 'row', 'cell' or 'header_cell'. */
    tableRole?: string | ((this: { name: string; options: Options; storage: Storage }) => string);
  }
}

/** The attributes a table cell may carry: how many columns and rows it spans. Never a width or a style. */
export const tableCellAttributeNames = ['colspan', 'rowspan'] as const;

/** What parseHTML reads of a cell element (shared/ has no DOM types). */
interface AttributeSource {
  getAttribute(name: string): string | null;
}

/** A span read from HTML (`colspan="2"`): a whole number from 1 to `maximum` (a wider one is cut to it), else 1. */
function spanOf(element: AttributeSource, name: string, maximum: number): number {
  const span = Number.parseInt(element.getAttribute(name) ?? '', 10);
  return Number.isSafeInteger(span) && span >= 1 ? Math.min(span, maximum) : 1;
}

/** colspan and rowspan written only when they span more than one column or row. */
function spanAttributes(node: ProseMirrorNode): Record<string, number> {
  const spans: Record<string, number> = {};
  for (const name of tableCellAttributeNames) if (Number(node.attrs[name]) > 1) spans[name] = Number(node.attrs[name]);
  return spans;
}

function cellNode(name: 'tableCell' | 'tableHeader', tag: 'td' | 'th') {
  return Node.create({
    name,
    // Cells hold paragraphs only: no photo, list or nested table, so a cell reads as one short text.
    content: 'paragraph+',
    tableRole: name === 'tableHeader' ? 'header_cell' : 'cell',
    isolating: true,
    addAttributes() {
      return {
        colspan: {
          default: 1,
          parseHTML: (element: AttributeSource) => spanOf(element, 'colspan', tableLimits.maximumColumns),
          renderHTML: () => ({}),
        },
        rowspan: {
          default: 1,
          parseHTML: (element: AttributeSource) => spanOf(element, 'rowspan', tableLimits.maximumRows),
          renderHTML: () => ({}),
        },
      };
    },
    parseHTML: () => [{ tag }],
    renderHTML: ({ node, HTMLAttributes }) => [tag, mergeAttributes(HTMLAttributes, spanAttributes(node)), 0],
  });
}

/** A table: rows of cells, a header row as its first row of header cells. Read by prosemirror-tables through tableRole. */
export const TableNode = Node.create({
  name: 'table',
  group: 'block',
  content: 'tableRow+',
  tableRole: 'table',
  isolating: true,
  parseHTML: () => [{ tag: 'table' }],
  // prosemirror-tables finds a node's part in the schema's spec: copy every node's tableRole there.
  extendNodeSchema(extension) {
    const context = { name: extension.name, options: extension.options as unknown, storage: extension.storage as unknown };
    return { tableRole: callOrReturn(getExtensionField<NodeConfig['tableRole']>(extension, 'tableRole', context)) };
  },
  renderHTML: ({ HTMLAttributes }) => ['table', HTMLAttributes, ['tbody', 0]],
});

export const TableRowNode = Node.create({
  name: 'tableRow',
  content: '(tableCell | tableHeader)+',
  tableRole: 'row',
  parseHTML: () => [{ tag: 'tr' }],
  renderHTML: ({ HTMLAttributes }) => ['tr', HTMLAttributes, 0],
});

export const TableCellNode = cellNode('tableCell', 'td');
export const TableHeaderNode = cellNode('tableHeader', 'th');

/** The four nodes of a simple table, in the order the schema lists them. */
export const tableNodes: AnyExtension[] = [TableNode, TableRowNode, TableHeaderNode, TableCellNode];
