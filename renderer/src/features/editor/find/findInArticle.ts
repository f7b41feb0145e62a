import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { findMatches, type FindOptions, type TextMatch } from '../../../../../shared/findMatches';
import { fieldsAfterBody, fieldsBeforeBody, type ArticleFields, type FieldPart } from '../text/articleFieldTexts';
import { editorTextBlocks } from '../text/editorTextBlocks';

/** A match in a field: offsets in its text. */
export interface FieldMatch {
  part: FieldPart;
  start: number;
  end: number;
}

/** A match in the body or a caption: its editor positions, and the text block it is in. */
export interface BodyMatch {
  part: 'body';
  block: number;
  from: number;
  to: number;
}

export type ArticleMatch = FieldMatch | BodyMatch;

// Unchanged blocks keep their node: finding again after an edit with the bar open reads only the edited paragraph.
const blockMatches = new WeakMap<ProseMirrorNode, { key: string; matches: TextMatch[] }>();

function matchesInBlock(node: ProseMirrorNode, text: string, query: string, options: FindOptions): TextMatch[] {
  const key = `${Number(options.matchCase)}${Number(options.wholeWord)}${Number(options.ignoreDiacritics)}${query}`;
  const cached = blockMatches.get(node);
  if (cached?.key === key) return cached.matches;
  const matches = findMatches(text, query, options);
  blockMatches.set(node, { key, matches });
  return matches;
}

const partRank: Record<FieldPart | 'body', number> = { title: 0, sapo: 1, body: 2, byline: 3, credit: 4 };

/** Where a match stands in reading order, to compare two places of the article. */
export function placeOf(match: ArticleMatch): [number, number] {
  return [partRank[match.part], match.part === 'body' ? match.from : match.start];
}

/** Whether a place comes at or after another in reading order. */
export function isAtOrAfter(place: [number, number], other: [number, number]): boolean {
  return place[0] > other[0] || (place[0] === other[0] && place[1] >= other[1]);
}

/**
 * Every match of the query in the article, in reading order: title, sapo, the body's text blocks (captions among
 * them), byline, a typed photo credit. Text a tracked change deletes is still in the body but no longer the article's,
 * so it is never found (else "Thay" would replace the same words again).
 */
export function findInArticle(fields: ArticleFields, doc: ProseMirrorNode, query: string, options: FindOptions): ArticleMatch[] {
  if (query === '') return [];
  const inField = (part: FieldPart, text: string): FieldMatch[] => findMatches(text, query, options).map((match) => ({ part, ...match }));
  const deletion = doc.type.schema.marks['deletion'];
  const body: BodyMatch[] = [];
  for (const block of editorTextBlocks(doc)) {
    for (const match of matchesInBlock(block.node, block.text, query, options)) {
      const from = block.position + 1 + match.start;
      const to = block.position + 1 + match.end;
      if (deletion === undefined || !doc.rangeHasMark(from, to, deletion)) body.push({ part: 'body', block: block.index, from, to });
    }
  }
  return [
    ...fieldsBeforeBody(fields).flatMap(({ part, text }) => inField(part, text)),
    ...body,
    ...fieldsAfterBody(fields).flatMap(({ part, text }) => inField(part, text)),
  ];
}
