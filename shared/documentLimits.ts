/**
 * How big an article body may be, checked before anything recursive (zod, ProseMirror) walks it. Far above any real
 * article: a 10,000-word feature with 30 photos is about 2,000 nodes, depth 5 and 70,000 characters.
 */
export const documentLimits = {
  /** Levels of nesting, the doc itself being level 1 (nested lists and quotes reach 10 at most). */
  maximumDepth: 64,
  /** Nodes in the whole body: blocks, text runs, line breaks, photos. */
  maximumNodes: 200_000,
  /** Marks (bold, italic, link…) summed over every node. */
  maximumMarks: 200_000,
  /** Attributes of one node or one mark (a photo has four). */
  maximumAttributes: 32,
  /** Characters of text plus of string attributes (links, captions' alt and credit), over the whole body. */
  maximumCharacters: 5_000_000,
} as const;

/**
 * How big one table may be, checked by the document schema (`parseDocument`): a results table or a schedule has a few
 * dozen rows; a wider one belongs in a spreadsheet, not a news article.
 */
export const tableLimits = {
  /** Rows of one table. */
  maximumRows: 500,
  /** Columns of one row, spans counted (a cell spanning two columns counts two). */
  maximumColumns: 20,
  /** Cells of one table. */
  maximumCells: 5_000,
} as const;

/** Which limit a body breaks. */
export type DocumentLimit = keyof typeof documentLimits;

/** The first limit a body was found to break, with a Vietnamese sentence for the user. */
export interface DocumentLimitBreach {
  limit: DocumentLimit;
  message: string;
}

/** "200000" as Vietnamese writes it: "200.000" (no Intl, so the same everywhere). */
function groupDigits(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

const breachMessages: Record<DocumentLimit, string> = {
  maximumDepth: `Bài có các khối lồng nhau quá ${groupDigits(documentLimits.maximumDepth)} tầng.`,
  maximumNodes: `Bài có hơn ${groupDigits(documentLimits.maximumNodes)} phần tử nội dung.`,
  maximumMarks: `Bài có hơn ${groupDigits(documentLimits.maximumMarks)} định dạng chữ (đậm, nghiêng, liên kết…).`,
  maximumAttributes: `Một phần tử của bài có hơn ${groupDigits(documentLimits.maximumAttributes)} thuộc tính.`,
  maximumCharacters: `Bài dài hơn ${groupDigits(documentLimits.maximumCharacters)} ký tự.`,
};

function breach(limit: DocumentLimit): DocumentLimitBreach {
  return { limit, message: breachMessages[limit] };
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** The characters in the string values of some attributes; -1 when there are more attributes than allowed. */
function attributeCharacters(attrs: unknown): number {
  const record = asRecord(attrs);
  if (record === null) return 0;
  const keys = Object.keys(record);
  if (keys.length > documentLimits.maximumAttributes) return -1;
  let characters = 0;
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string') characters += value.length;
  }
  return characters;
}

/**
 * Walks a body with an explicit stack (never recursion, so a 100,000-deep body cannot overflow the call stack) and
 * answers the first limit it breaks, or null. Children are counted when their array is reached, so a cyclic or
 * enormous body is refused before its parts are visited. Shapes it does not understand are left to the schema.
 */
export function findDocumentLimitBreach(body: unknown): DocumentLimitBreach | null {
  // Two parallel stacks rather than one of pairs: no allocation per node (a body at the limit has 200,000).
  const pendingNodes: unknown[] = [body];
  const pendingDepths: number[] = [1];
  let nodes = 1;
  let marks = 0;
  let characters = 0;
  while (pendingNodes.length > 0) {
    const node = pendingNodes.pop();
    const depth = pendingDepths.pop()!;
    const record = asRecord(node);
    if (record === null) continue;
    if (depth > documentLimits.maximumDepth) return breach('maximumDepth');
    const attributes = attributeCharacters(record.attrs);
    if (attributes < 0) return breach('maximumAttributes');
    characters += attributes + (typeof record.text === 'string' ? record.text.length : 0);
    if (Array.isArray(record.marks)) {
      marks += record.marks.length;
      if (marks > documentLimits.maximumMarks) return breach('maximumMarks');
      for (const mark of record.marks) {
        const markAttributes = attributeCharacters(asRecord(mark)?.attrs);
        if (markAttributes < 0) return breach('maximumAttributes');
        characters += markAttributes;
      }
    }
    if (characters > documentLimits.maximumCharacters) return breach('maximumCharacters');
    if (Array.isArray(record.content)) {
      nodes += record.content.length;
      if (nodes > documentLimits.maximumNodes) return breach('maximumNodes');
      for (const child of record.content) {
        pendingNodes.push(child);
        pendingDepths.push(depth + 1);
      }
    }
  }
  return null;
}
