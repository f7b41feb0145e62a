import { diffArrays } from 'diff';
import type { DocumentBlock } from './documentBlocks';
import { tokenizeText } from './diffText';

/**
 * One step of an alignment of two block lists, in merged reading order: a block in both (`same`, equal kind and text),
 * a block edited into another (`edited`: paired because their words are alike), or a block only one side has.
 */
export type AlignedBlock =
  | { change: 'same' | 'edited'; before: number; after: number; moved: false }
  | { change: 'deleted'; before: number; after: null; moved: boolean }
  | { change: 'inserted'; before: null; after: number; moved: boolean };

/**
 * Blocks at least this alike are one block edited, not one deleted and another inserted. Alike is Dice's coefficient
 * over their words and pairs of adjacent words: the pairs keep order, and Vietnamese compounds ("hội nghị", "kinh tế"),
 * so two unrelated paragraphs sharing common syllables ("của", "và", "các") do not pass for one edited.
 */
const pairingSimilarity = 0.5;

/**
 * The most deleted × inserted block combinations a stretch of changes is searched for edited pairs (about 250 × 250
 * blocks: a 10,000-word article has about 200). A longer rewrite is shown as whole blocks deleted and inserted.
 */
const pairingLimit = 62_500;

/**
 * The most block edits the alignment searches for (Myers' diff costs about their square: 1,000 take about 70 ms).
 * Past it the two bodies have little in common, and the newer one is shown as replacing the older whole.
 */
const maximumBlockEdits = 1_000;

/** A token that is a word (not a space, a mark or a line break). */
const wordToken = /[\p{L}\p{N}]/u;

/** A block's words and pairs of adjacent words, as sorted ids for `similarities`; ids are shared through `featureIds`. */
function wordProfile(block: DocumentBlock, featureIds: Map<string, number>): Int32Array {
  const idOf = (feature: string): number => {
    let id = featureIds.get(feature);
    if (id === undefined) {
      id = featureIds.size;
      featureIds.set(feature, id);
    }
    return id;
  };
  const ids: number[] = [];
  let previous: string | null = null;
  for (const token of tokenizeText(block.text)) {
    if (!wordToken.test(token)) continue;
    ids.push(idOf(token));
    if (previous !== null) ids.push(idOf(`${previous} ${token}`));
    previous = token;
  }
  return Int32Array.from(ids).sort();
}

/** A sorted multiset of ids as [id, count] pairs, flat: [id, count, id, count…]. */
function counted(ids: Int32Array): number[] {
  const pairs: number[] = [];
  for (let index = 0; index < ids.length; index += 1) {
    if (index > 0 && ids[index] === ids[index - 1]) pairs[pairs.length - 1]! += 1;
    else pairs.push(ids[index]!, 1);
  }
  return pairs;
}

/**
 * Dice's coefficient of every deleted block with every inserted one (row-major, deleted by inserted), 0 below
 * `pairingSimilarity`: shared features counted through an index from feature to the deleted blocks holding it, so the
 * work follows the features two blocks share rather than every pair's full length.
 */
function similarities(before: readonly Int32Array[], after: readonly Int32Array[], featureCount: number): Float64Array {
  const columns = after.length;
  const holders: number[][] = Array.from({ length: featureCount }, () => []);
  before.forEach((ids, row) => {
    const pairs = counted(ids);
    for (let index = 0; index < pairs.length; index += 2) holders[pairs[index]!]!.push(row, pairs[index + 1]!);
  });
  const common = new Float64Array(before.length * columns);
  after.forEach((ids, column) => {
    const pairs = counted(ids);
    for (let index = 0; index < pairs.length; index += 2) {
      const holding = holders[pairs[index]!]!;
      const count = pairs[index + 1]!;
      for (let entry = 0; entry < holding.length; entry += 2)
        common[holding[entry]! * columns + column]! += Math.min(holding[entry + 1]!, count);
    }
  });
  for (let row = 0; row < before.length; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const size = before[row]!.length + after[column]!.length;
      const score = size === 0 ? 0 : (2 * common[row * columns + column]!) / size;
      common[row * columns + column] = score >= pairingSimilarity ? score : 0;
    }
  }
  return common;
}

/**
 * The edited pairs of a stretch of deleted and inserted blocks: the order-keeping pairing with the most similarity in
 * total, among pairs at least `pairingSimilarity` alike (a weighted longest common subsequence). Ascending indices.
 */
function pairEdited(deleted: readonly DocumentBlock[], inserted: readonly DocumentBlock[]): [number, number][] {
  const rows = deleted.length;
  const columns = inserted.length;
  if (rows === 0 || columns === 0 || rows * columns > pairingLimit) return [];
  const featureIds = new Map<string, number>();
  const before = deleted.map((block) => wordProfile(block, featureIds));
  const after = inserted.map((block) => wordProfile(block, featureIds));
  const alike = similarities(before, after, featureIds.size);
  const best = new Float64Array((rows + 1) * (columns + 1));
  const width = columns + 1;
  for (let i = 0; i < rows; i += 1) {
    for (let j = 0; j < columns; j += 1) {
      best[(i + 1) * width + j + 1] = Math.max(
        best[i * width + j + 1]!,
        best[(i + 1) * width + j]!,
        best[i * width + j]! + alike[i * columns + j]!,
      );
    }
  }
  const pairs: [number, number][] = [];
  for (let i = rows, j = columns; i > 0 && j > 0;) {
    const here = best[i * width + j]!;
    if (here === best[(i - 1) * width + j]) i -= 1;
    else if (here === best[i * width + j - 1]) j -= 1;
    else {
      pairs.push([i - 1, j - 1]);
      i -= 1;
      j -= 1;
    }
  }
  return pairs.reverse();
}

/** Appends one stretch of changes: before each edited pair, the blocks deleted and then those inserted ahead of it. */
function alignStretch(deleted: readonly number[], inserted: readonly number[], older: DocumentBlock[], newer: DocumentBlock[]) {
  const steps: AlignedBlock[] = [];
  const pairs = pairEdited(
    deleted.map((index) => older[index]!),
    inserted.map((index) => newer[index]!),
  );
  let nextDeleted = 0;
  let nextInserted = 0;
  for (const [pairedDeleted, pairedInserted] of [...pairs, [deleted.length, inserted.length] as const]) {
    for (; nextDeleted < pairedDeleted; nextDeleted += 1)
      steps.push({ change: 'deleted', before: deleted[nextDeleted]!, after: null, moved: false });
    for (; nextInserted < pairedInserted; nextInserted += 1)
      steps.push({ change: 'inserted', before: null, after: inserted[nextInserted]!, moved: false });
    if (pairedDeleted < deleted.length)
      steps.push({ change: 'edited', before: deleted[pairedDeleted]!, after: inserted[pairedInserted]!, moved: false });
    nextDeleted = pairedDeleted + 1;
    nextInserted = pairedInserted + 1;
  }
  return steps;
}

/** The key two blocks share exactly when they are the same block: kind, heading level and text. */
function blockKey(block: DocumentBlock): string {
  return `${block.kind}\u0000${block.level ?? ''}\u0000${block.text}`;
}

/**
 * Aligns two lists of (text) blocks in reading order: a Myers diff over whole blocks, so a paragraph inserted in the
 * middle is one inserted block and everything after it stays `same`; then, within each stretch of changes, blocks
 * alike enough are paired as `edited` (their words are compared later) and the rest are `deleted` or `inserted`.
 */
export function alignBlocks(older: DocumentBlock[], newer: DocumentBlock[]): AlignedBlock[] {
  const keyIds = new Map<string, number>();
  const idOf = (block: DocumentBlock): number => {
    const key = blockKey(block);
    let id = keyIds.get(key);
    if (id === undefined) {
      id = keyIds.size;
      keyIds.set(key, id);
    }
    return id;
  };
  const steps: AlignedBlock[] = [];
  let before = 0;
  let after = 0;
  let deleted: number[] = [];
  let inserted: number[] = [];
  const flush = (): void => {
    for (const step of alignStretch(deleted, inserted, older, newer)) steps.push(step);
    deleted = [];
    inserted = [];
  };
  const changes = diffArrays(older.map(idOf), newer.map(idOf), { maxEditLength: maximumBlockEdits }) ?? [
    { value: [], count: older.length, added: false, removed: true },
    { value: [], count: newer.length, added: true, removed: false },
  ];
  for (const change of changes) {
    const count = change.count;
    if (change.removed) for (let index = 0; index < count; index += 1) deleted.push(before++);
    else if (change.added) for (let index = 0; index < count; index += 1) inserted.push(after++);
    else {
      flush();
      for (let index = 0; index < count; index += 1) steps.push({ change: 'same', before: before++, after: after++, moved: false });
    }
  }
  flush();
  markMoves(steps, older, newer);
  return steps;
}

/** Marks each deleted block that reappears, unchanged, as an inserted block elsewhere (first with first), and that one. */
function markMoves(steps: AlignedBlock[], older: DocumentBlock[], newer: DocumentBlock[]): void {
  const deletedByKey = new Map<string, { steps: AlignedBlock[]; next: number }>();
  for (const step of steps) {
    if (step.change !== 'deleted') continue;
    const key = blockKey(older[step.before]!);
    const sameKey = deletedByKey.get(key);
    if (sameKey === undefined) deletedByKey.set(key, { steps: [step], next: 0 });
    else sameKey.steps.push(step);
  }
  for (const step of steps) {
    if (step.change !== 'inserted') continue;
    const sameKey = deletedByKey.get(blockKey(newer[step.after]!));
    const origin = sameKey?.steps[sameKey.next];
    if (sameKey === undefined || origin === undefined) continue;
    sameKey.next += 1;
    origin.moved = true;
    step.moved = true;
  }
}
