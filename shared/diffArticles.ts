import type { ArticleContent } from './articleModel';
import { diffBodies, type BlockDiff, type PhotoDiff } from './diffBody';
import { diffText, editBudget, type EditBudget, type TextPart } from './diffText';
import { bodyAsRead } from './withSuggestionsRejected';

export type { BlockChange, BlockDiff, BlockShape, PhotoDiff, PhotoPlacement } from './diffBody';
export type { TextChange, TextPart } from './diffText';
export type { BlockKind } from './documentBlocks';

/** The article's free-text fields, compared word by word. */
export type TextFieldName = 'title' | 'sapo' | 'bylineName' | 'photoCredit';

/** The article's one-value fields (a choice, a date, a photo id), compared whole: a view shows them its own way. */
export type ValueFieldName = 'bylineRole' | 'photoCreditMode' | 'publicationDate' | 'status' | 'coverMediaId';

/** A text field that differs, word by word (see `diffText`). */
export interface TextFieldDiff {
  field: TextFieldName;
  parts: TextPart[];
}

/** A one-value field that differs: its value in each version, as stored (an ISO date, a status, a media id or null). */
export type ValueFieldDiff = {
  [Field in ValueFieldName]: { field: Field; before: ArticleContent[Field]; after: ArticleContent[Field] };
}[ValueFieldName];

/** The body, when any of its blocks differs: all its blocks in merged reading order, the same ones included. */
export interface BodyFieldDiff {
  field: 'body';
  blocks: BlockDiff[];
}

/** The body's photos that were added, removed, moved, or had their caption, alt text or credit changed. */
export interface PhotosFieldDiff {
  field: 'photos';
  photos: PhotoDiff[];
}

/** One field that differs between two versions; `field` tells which, and so which shape. */
export type FieldDiff = TextFieldDiff | ValueFieldDiff | BodyFieldDiff | PhotosFieldDiff;

/** The name of a field a comparison may list: the article's own fields, and `photos` (read from the body). */
export type ArticleFieldName = FieldDiff['field'];

/**
 * Two versions of an article compared, as plain data (for IPC and for React). Only the fields that differ are listed,
 * each once, in the order the editor shows them: title, sapo, body, photos, byline role and name, photo credit mode and
 * credit, publication date, status, cover photo. Two versions with the same content give no fields.
 */
export interface ArticleDiff {
  fields: FieldDiff[];
}

/** Compares one field of two versions, spending from the comparison's budget of word-diff work. */
type FieldComparison = (before: ArticleContent, after: ArticleContent, budget: EditBudget) => FieldDiff[];

function compareText(field: TextFieldName, before: ArticleContent, after: ArticleContent, budget: EditBudget): FieldDiff[] {
  const parts = diffText(before[field], after[field], budget);
  return parts.every((part) => part.change === 'same') ? [] : [{ field, parts }];
}

function compareValue<Field extends ValueFieldName>(field: Field, before: ArticleContent, after: ArticleContent): FieldDiff[] {
  return before[field] === after[field] ? [] : [{ field, before: before[field], after: after[field] } as ValueFieldDiff];
}

function compareBody(before: ArticleContent, after: ArticleContent, budget: EditBudget): FieldDiff[] {
  // Pending suggestions are not the article's text yet: each body is compared as it reads outside the app.
  const { blocks, photos } = diffBodies(bodyAsRead(before.body), bodyAsRead(after.body), budget);
  const fields: FieldDiff[] = [];
  if (blocks.some((block) => block.change !== 'same' || block.moved)) fields.push({ field: 'body', blocks });
  if (photos.length > 0) fields.push({ field: 'photos', photos });
  return fields;
}

/**
 * How each field of the article is compared, in the order they are listed. Typed over every key of ArticleContent: a
 * field added to the model does not compile until it is given a way to be compared here.
 */
const fieldComparisons: Record<keyof ArticleContent, FieldComparison> = {
  title: (before, after, budget) => compareText('title', before, after, budget),
  sapo: (before, after, budget) => compareText('sapo', before, after, budget),
  body: compareBody,
  bylineRole: (before, after) => compareValue('bylineRole', before, after),
  bylineName: (before, after, budget) => compareText('bylineName', before, after, budget),
  photoCreditMode: (before, after) => compareValue('photoCreditMode', before, after),
  photoCredit: (before, after, budget) => compareText('photoCredit', before, after, budget),
  publicationDate: (before, after) => compareValue('publicationDate', before, after),
  status: (before, after) => compareValue('status', before, after),
  coverMediaId: (before, after) => compareValue('coverMediaId', before, after),
};

/**
 * Compares two versions of an article field by field: text fields word by word, keeping Vietnamese syllables and words
 * whole and reading NFC and NFD as the same text; the body block by block and then word by word, so a paragraph
 * inserted in the middle is one inserted block; photos by media id. Not compared: formatting (bold, links, alignment)
 * and empty paragraphs; a pending suggestion counts once it is accepted (bodies are compared as exported). `before`
 * is the older version. Pure and deterministic: the same two versions always give the same result; the work is bounded
 * (see EditBudget), so hostile versions cannot make it run for long.
 *
 * @example
 * diffArticles(sampleContent({ title: 'Hội nghị sơ kết' }), sampleContent({ title: 'Hội nghị tổng kết' }))
 * // { fields: [{ field: 'title', parts: [{ text: 'Hội nghị ', change: 'same' }, { text: 'sơ', change: 'deleted' },
 * //   { text: 'tổng', change: 'inserted' }, { text: ' kết', change: 'same' }] }] }
 */
export function diffArticles(before: ArticleContent, after: ArticleContent): ArticleDiff {
  const budget = editBudget();
  return { fields: Object.values(fieldComparisons).flatMap((compare) => compare(before, after, budget)) };
}
