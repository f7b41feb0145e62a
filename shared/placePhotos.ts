import { diffArrays } from 'diff';
import type { AlignedBlock } from './alignBlocks';
import type { BlockPhoto, DocumentBlock } from './documentBlocks';

/**
 * Where a photo stands in the newer version: `kept` in its place among the text, `moved` elsewhere (after another
 * paragraph, or past another photo), `added`, or `removed`. A photo is known by its media id; when one photo appears
 * twice, its first appearance before goes with its first appearance after.
 */
export type PhotoPlacement = 'kept' | 'moved' | 'added' | 'removed';

/** A photo of one version: its attributes and caption, its position among the photos, the text block before it (or -1). */
export interface Figure {
  photo: BlockPhoto;
  caption: string;
  index: number;
  previousText: number;
}

/** One version's blocks split into its text blocks (the ones aligned) and its photos (placed relative to them). */
export function splitFigures(blocks: readonly DocumentBlock[]): { texts: DocumentBlock[]; figures: Figure[] } {
  const texts: DocumentBlock[] = [];
  const figures: Figure[] = [];
  for (const block of blocks) {
    if (block.photo === null) texts.push(block);
    else figures.push({ photo: block.photo, caption: block.text, index: figures.length, previousText: texts.length - 1 });
  }
  return { texts, figures };
}

/** A photo of the older version matched with one of the newer (by media id), or one only a side has, and its placement. */
export interface PhotoMatch {
  before: Figure | null;
  after: Figure | null;
  placement: PhotoPlacement;
}

/** A photo as placed in the merged order: whole (kept, added, removed), or the old and new places of a moved one. */
export interface PlacedPhoto {
  match: PhotoMatch;
  role: 'whole' | 'from' | 'to';
}

/** For each text block, the nearest block at or before it that the alignment gave a counterpart (-1 for none). */
function nearestAligned(count: number, aligned: (index: number) => boolean): Int32Array {
  const nearest = new Int32Array(count);
  let last = -1;
  for (let index = 0; index < count; index += 1) {
    if (aligned(index)) last = index;
    nearest[index] = last;
  }
  return nearest;
}

/**
 * Matches the photos of two versions by media id (in order), and tells kept from moved: a photo is kept when the text
 * block it follows (the nearest one present in both versions) is the same block in both, and its order among the
 * photos kept so is unchanged (the longest common order).
 */
export function matchPhotos(older: Figure[], newer: Figure[], steps: readonly AlignedBlock[], textCounts: [number, number]): PhotoMatch[] {
  const counterpart = new Int32Array(textCounts[0]).fill(-1);
  const hasCounterpart = new Uint8Array(textCounts[1]);
  for (const step of steps) {
    if (step.change !== 'same' && step.change !== 'edited') continue;
    counterpart[step.before] = step.after;
    hasCounterpart[step.after] = 1;
  }
  const olderAnchors = nearestAligned(textCounts[0], (index) => counterpart[index]! >= 0);
  const newerAnchors = nearestAligned(textCounts[1], (index) => hasCounterpart[index] === 1);
  const anchorBefore = (figure: Figure): number => {
    const anchor = figure.previousText < 0 ? -1 : olderAnchors[figure.previousText]!;
    return anchor < 0 ? -1 : counterpart[anchor]!;
  };
  const anchorAfter = (figure: Figure): number => (figure.previousText < 0 ? -1 : newerAnchors[figure.previousText]!);

  const unmatched = new Map<string, { figures: Figure[]; next: number }>();
  for (const figure of older) {
    const sameId = unmatched.get(figure.photo.mediaId);
    if (sameId === undefined) unmatched.set(figure.photo.mediaId, { figures: [figure], next: 0 });
    else sameId.figures.push(figure);
  }
  const matches: PhotoMatch[] = [];
  const inPlace: PhotoMatch[] = [];
  for (const figure of newer) {
    const sameId = unmatched.get(figure.photo.mediaId);
    const before = sameId?.figures[sameId.next] ?? null;
    if (sameId !== undefined && before !== null) sameId.next += 1;
    const match: PhotoMatch = { before, after: figure, placement: before === null ? 'added' : 'moved' };
    matches.push(match);
    if (before !== null && anchorBefore(before) === anchorAfter(figure)) inPlace.push(match);
  }
  // Past 2,000 reorderings (Myers' cost is their square) the photos in place are all reported moved.
  const inOlderOrder = [...inPlace].sort((left, right) => left.before!.index - right.before!.index);
  for (const change of diffArrays(inOlderOrder, inPlace, { maxEditLength: 2_000 }) ?? []) {
    if (!change.added && !change.removed) for (const match of change.value) match.placement = 'kept';
  }
  for (const { figures, next } of unmatched.values())
    for (const figure of figures.slice(next)) matches.push({ before: figure, after: null, placement: 'removed' });
  return matches;
}

/** The photos to show after each step of the merged order (-1: before the first), in reading order within a step. */
export function placePhotos(matches: readonly PhotoMatch[], stepOfBefore: Int32Array, stepOfAfter: Int32Array): Map<number, PlacedPhoto[]> {
  const slotBefore = (figure: Figure): number => (figure.previousText < 0 ? -1 : stepOfBefore[figure.previousText]!);
  const slotAfter = (figure: Figure): number => (figure.previousText < 0 ? -1 : stepOfAfter[figure.previousText]!);
  const slots = new Map<number, { older: PlacedPhoto[]; newer: PlacedPhoto[] }>();
  const slot = (position: number) => {
    let found = slots.get(position);
    if (found === undefined) slots.set(position, (found = { older: [], newer: [] }));
    return found;
  };
  for (const match of matches) {
    const { before, after } = match;
    if (match.placement === 'kept') {
      const placed: PlacedPhoto = { match, role: 'whole' };
      const position = Math.max(slotBefore(before!), slotAfter(after!));
      slot(position).older.push(placed);
      slot(position).newer.push(placed);
    } else {
      const moved = match.placement === 'moved';
      if (before !== null) slot(slotBefore(before)).older.push({ match, role: moved ? 'from' : 'whole' });
      if (after !== null) slot(slotAfter(after)).newer.push({ match, role: moved ? 'to' : 'whole' });
    }
  }
  const placed = new Map<number, PlacedPhoto[]>();
  for (const [position, { older, newer }] of slots) {
    older.sort((left, right) => left.match.before!.index - right.match.before!.index);
    newer.sort((left, right) => left.match.after!.index - right.match.after!.index);
    placed.set(position, mergeReadingOrder(older, newer));
  }
  return placed;
}

/** Two reading orders of the photos at one place merged: each side's own photos before the next photo both share. */
function mergeReadingOrder(older: readonly PlacedPhoto[], newer: readonly PlacedPhoto[]): PlacedPhoto[] {
  const merged: PlacedPhoto[] = [];
  const inNewer = new Set(newer);
  const shared = new Set(older.filter((photo) => inNewer.has(photo)));
  const shown = new Set<PlacedPhoto>();
  let nextOlder = 0;
  let nextNewer = 0;
  while (nextOlder < older.length || nextNewer < newer.length) {
    const olderPhoto = older[nextOlder];
    const newerPhoto = newer[nextNewer];
    if (olderPhoto !== undefined && !shared.has(olderPhoto)) {
      merged.push(olderPhoto);
      nextOlder += 1;
    } else if (newerPhoto !== undefined && !shared.has(newerPhoto)) {
      merged.push(newerPhoto);
      nextNewer += 1;
    } else {
      for (const photo of [olderPhoto, newerPhoto]) {
        if (photo === undefined || shown.has(photo)) continue;
        shown.add(photo);
        merged.push(photo);
      }
      nextOlder += 1;
      nextNewer += 1;
    }
  }
  return merged;
}
