import { getSchema } from '@tiptap/core';
import { Node as ProseMirrorNode, type Schema } from '@tiptap/pm/model';
import { documentExtensions, headingLevels, textAlignments } from './documentExtensions';
import { figureTextMaximumLength, isFigureMediaId, isFigureText } from './FigureNode';
import type { DocumentNodeJson } from './documentJson';
import { findDocumentLimitBreach, tableLimits } from './documentLimits';
import { AppError } from './errorCodes';
import { commentThreadIdPattern } from './CommentAnchorMark';
import { isSuggestionMark, suggestionAttributeMaximumLength } from './SuggestionMarks';
import type { Mark } from '@tiptap/pm/model';
import { tableCellAttributeNames } from './tableNodes';

let cachedSchema: Schema | undefined;

/** The ProseMirror schema built from the document extensions (built once, it is immutable). */
export function documentSchema(): Schema {
  cachedSchema ??= getSchema(documentExtensions);
  return cachedSchema;
}

/**
 * Parses a stored body against the schema. A body over the size limits is refused before ProseMirror's recursive
 * parse sees it (`document-too-large`); any other fault is an `invalid-request` AppError in Vietnamese, with
 * ProseMirror's own (English) reason kept as its cause for the log.
 */
export function parseDocument(json: DocumentNodeJson): ProseMirrorNode {
  const breach = findDocumentLimitBreach(json);
  if (breach !== null) throw new AppError('document-too-large', breach.message);
  const cellAttribute = findForeignCellAttribute(json);
  if (cellAttribute !== null) throw refusal(`ô bảng không được có thuộc tính ${quoted(cellAttribute)} (chỉ gộp cột, gộp hàng)`);
  try {
    const node = ProseMirrorNode.fromJSON(documentSchema(), json);
    node.check();
    if (node.type.name !== 'doc') throw new AppError('invalid-request', 'Nội dung bài không hợp lệ: thân bài không phải một tài liệu.');
    node.descendants(checkAttributes);
    return node;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('invalid-request', 'Nội dung bài không hợp lệ: có khối hoặc định dạng mà trình soạn thảo không tạo ra.', {
      cause: error,
    });
  }
}

const cellTypes = new Set<unknown>(['tableCell', 'tableHeader']);
const cellAttributeNames = new Set<string>(tableCellAttributeNames);

/**
 * A table cell's attribute other than its spans (a column width, a style), or null. ProseMirror would drop it silently
 * on parsing; refusing it says the body was not written by the editor. Read from the JSON with an explicit stack.
 */
function findForeignCellAttribute(json: DocumentNodeJson): string | null {
  const pending: DocumentNodeJson[] = [json];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (cellTypes.has(node.type)) {
      const foreign = Object.keys(node.attrs ?? {}).find((name) => !cellAttributeNames.has(name));
      if (foreign !== undefined) return foreign;
    }
    if (Array.isArray(node.content)) pending.push(...node.content);
  }
  return null;
}

const allowedAlignments = new Set<unknown>([null, ...textAlignments]);
const allowedHeadingLevels = new Set<unknown>(headingLevels);

// Our own checks speak to the user: the reason is Vietnamese and names no path.
function refusal(reason: string): AppError {
  return new AppError('invalid-request', `Nội dung bài không hợp lệ: ${reason}.`);
}

/** A stored value as the message quotes it, cut short: it came from outside. */
function quoted(value: unknown): string {
  return (JSON.stringify(value) ?? String(value)).slice(0, 80);
}

function isBoundedString(value: unknown, maximumLength: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= maximumLength;
}

/**
 * A suggestion's id (the plugin's number, or the editor's string), who made it and when: what the editor writes, nothing
 * longer. The modification mark's own values (previous and new type or attribute) are the plugin's; they are only
 * ever applied back through the schema, so they are checked there.
 */
function checkSuggestionAttributes(mark: Mark): void {
  const { id, authorName, authorRole, at } = mark.attrs as Record<string, unknown>;
  const validId = (typeof id === 'number' && Number.isSafeInteger(id)) || isBoundedString(id, suggestionAttributeMaximumLength);
  if (!validId) throw refusal(`mã đề xuất sửa ${quoted(id)} không hợp lệ`);
  if (authorName !== null && !isBoundedString(authorName, suggestionAttributeMaximumLength)) {
    throw refusal(`tên người đề xuất sửa ${quoted(authorName)} không hợp lệ`);
  }
  if (authorRole !== null && !isBoundedString(authorRole, suggestionAttributeMaximumLength)) {
    throw refusal(`vai trò người đề xuất sửa ${quoted(authorRole)} không hợp lệ`);
  }
  if (at !== null && (!isBoundedString(at, 40) || Number.isNaN(Date.parse(at)))) {
    throw refusal(`giờ đề xuất sửa ${quoted(at)} không hợp lệ`);
  }
  if (mark.type.name !== 'modification') return;
  const { type, attrName, previousValue, newValue } = mark.attrs as Record<string, unknown>;
  const validValue = (value: unknown) => (JSON.stringify(value) ?? '').length <= 2000;
  const validAttrName = attrName === null || isBoundedString(attrName, suggestionAttributeMaximumLength);
  if (!modificationTypes.has(type) || !validAttrName || !validValue(previousValue) || !validValue(newValue)) {
    throw refusal(`đề xuất đổi định dạng ${quoted(type)} không hợp lệ`);
  }
}

/** What a modification suggestion changed, as the plugin records it: an attribute, the node's type, or a node mark. */
const modificationTypes = new Set<unknown>(['attr', 'nodeType', 'mark']);

function isSpan(value: unknown, maximum: number): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= maximum;
}

/** A table within tableLimits, its cells' spans whole numbers of columns and rows inside those limits. */
function checkTable(table: ProseMirrorNode): void {
  if (table.childCount > tableLimits.maximumRows) throw refusal(`bảng có hơn ${tableLimits.maximumRows} hàng`);
  let cells = 0;
  table.forEach((row) => {
    let columns = 0;
    row.forEach((cell) => {
      const { colspan, rowspan } = cell.attrs as Record<string, unknown>;
      if (!isSpan(colspan, tableLimits.maximumColumns)) throw refusal(`ô bảng gộp ${quoted(colspan)} cột`);
      if (!isSpan(rowspan, tableLimits.maximumRows)) throw refusal(`ô bảng gộp ${quoted(rowspan)} hàng`);
      columns += Number(colspan);
      cells += 1;
    });
    if (columns > tableLimits.maximumColumns) throw refusal(`bảng có hàng rộng hơn ${tableLimits.maximumColumns} cột`);
  });
  if (cells > tableLimits.maximumCells) throw refusal(`bảng có hơn ${tableLimits.maximumCells.toLocaleString('vi-VN')} ô`);
}

/** ProseMirror checks structure, not attribute values: refuse the ones the editor can never produce. */
function checkAttributes(node: ProseMirrorNode): void {
  if (node.type.name === 'table') checkTable(node);
  if (node.type.name === 'heading' && !allowedHeadingLevels.has(node.attrs.level)) {
    throw refusal(`không có tiêu đề cấp ${quoted(node.attrs.level)}`);
  }
  if ('textAlign' in node.attrs && !allowedAlignments.has(node.attrs.textAlign)) {
    throw refusal(`không có kiểu căn lề ${quoted(node.attrs.textAlign)}`);
  }
  for (const mark of node.marks) {
    // A thread id finds its thread's files and its place in the panel: only the id form the app writes.
    const threadId: unknown = mark.attrs['threadId'];
    if (mark.type.name === 'commentAnchor' && (typeof threadId !== 'string' || !commentThreadIdPattern.test(threadId))) {
      throw refusal(`mã bình luận ${quoted(threadId)} không hợp lệ`);
    }
    if (isSuggestionMark(mark)) checkSuggestionAttributes(mark);
  }
  if (node.type.name === 'figure') {
    // A media id is also a file name in the media folder: only the 64-hex form can never be a path.
    if (!isFigureMediaId(node.attrs.mediaId)) throw refusal(`mã ảnh ${quoted(node.attrs.mediaId)} không phải mã ảnh`);
    for (const name of ['alt', 'credit'] as const) {
      const what = name === 'alt' ? 'mô tả ảnh' : 'tên người chụp';
      if (!isFigureText(node.attrs[name])) throw refusal(`${what} phải là chữ, tối đa ${figureTextMaximumLength} ký tự`);
    }
  }
}
