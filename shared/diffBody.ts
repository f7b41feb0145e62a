import { alignBlocks, type AlignedBlock } from './alignBlocks';
import { diffText, editBudget, wholeText, type EditBudget, type TextPart } from './diffText';
import type { DocumentNodeJson } from './documentJson';
import { documentBlocks, type BlockKind, type DocumentBlock } from './documentBlocks';
import { matchPhotos, placePhotos, splitFigures, type Figure, type PhotoMatch, type PhotoPlacement, type PlacedPhoto } from './placePhotos';

export type { PhotoPlacement } from './placePhotos';

/**
 * What happened to a block between two versions: `same`; `edited` (the same block with words changed, or turned
 * into another kind, say a paragraph into a heading); `inserted`; `deleted`.
 */
export type BlockChange = 'same' | 'edited' | 'inserted' | 'deleted';

/** What a block is in one version: its kind, a heading's level (else null), a caption's photo (else null). */
export interface BlockShape {
  kind: BlockKind;
  level: number | null;
  mediaId: string | null;
}

/**
 * One block of the compared body, in merged reading order: deleted blocks stand where they stood, inserted ones
 * where they stand now. The parts are the block's text: all `same` for a same block, all `deleted` or `inserted` for a
 * deleted or inserted one (none for an empty caption or a rule), word by word for an edited one.
 */
export interface BlockDiff {
  change: BlockChange;
  /** The block in the older version; null when inserted. */
  before: BlockShape | null;
  /** The block in the newer version; null when deleted. */
  after: BlockShape | null;
  parts: TextPart[];
  /**
   * True for a deleted block that reappears as an inserted one elsewhere, and for that inserted one: a paragraph
   * with the same kind and text, or the caption of the same photo (whose caption changes are then in its PhotoDiff).
   */
  moved: boolean;
}

/** A photo of the body that changed: its place, or its caption, alt text or credit. */
export interface PhotoDiff {
  mediaId: string;
  placement: PhotoPlacement;
  /** Its position among the older version's photos, from 0; null when added. */
  indexBefore: number | null;
  /** Its position among the newer version's photos, from 0; null when removed. */
  indexAfter: number | null;
  /** Each text compared word by word (an added photo's all inserted, a removed one's all deleted); null when unchanged. */
  caption: TextPart[] | null;
  alt: TextPart[] | null;
  credit: TextPart[] | null;
}

/**
 * Two bodies compared: every block in merged reading order (the same ones too, so a view can show the whole body
 * with its changes), and the photos that changed (in the order their blocks appear, a moved one where it is now).
 */
export interface BodyDiff {
  blocks: BlockDiff[];
  photos: PhotoDiff[];
}

function shapeOf(block: DocumentBlock): BlockShape {
  return { kind: block.kind, level: block.level, mediaId: block.photo?.mediaId ?? null };
}

function captionShape(figure: Figure): BlockShape {
  return { kind: 'caption', level: null, mediaId: figure.photo.mediaId };
}

function textBlockDiff(step: AlignedBlock, older: DocumentBlock[], newer: DocumentBlock[], budget: EditBudget): BlockDiff {
  switch (step.change) {
    case 'same':
      return {
        change: 'same',
        before: shapeOf(older[step.before]!),
        after: shapeOf(newer[step.after]!),
        parts: wholeText(newer[step.after]!.text, 'same'),
        moved: false,
      };
    case 'edited': {
      const before = older[step.before]!;
      const after = newer[step.after]!;
      return {
        change: 'edited',
        before: shapeOf(before),
        after: shapeOf(after),
        parts: diffText(before.text, after.text, budget),
        moved: false,
      };
    }
    case 'deleted':
      return {
        change: 'deleted',
        before: shapeOf(older[step.before]!),
        after: null,
        parts: wholeText(older[step.before]!.text, 'deleted'),
        moved: step.moved,
      };
    case 'inserted':
      return {
        change: 'inserted',
        before: null,
        after: shapeOf(newer[step.after]!),
        parts: wholeText(newer[step.after]!.text, 'inserted'),
        moved: step.moved,
      };
  }
}

function photoBlockDiff({ match, role }: PlacedPhoto, budget: EditBudget): BlockDiff {
  const { before, after } = match;
  if (role === 'whole' && before !== null && after !== null) {
    const unchanged = before.caption === after.caption;
    return {
      change: unchanged ? 'same' : 'edited',
      before: captionShape(before),
      after: captionShape(after),
      parts: unchanged ? wholeText(after.caption, 'same') : diffText(before.caption, after.caption, budget),
      moved: false,
    };
  }
  if (after !== null && role !== 'from')
    return {
      change: 'inserted',
      before: null,
      after: captionShape(after),
      parts: wholeText(after.caption, 'inserted'),
      moved: role === 'to',
    };
  return {
    change: 'deleted',
    before: captionShape(before!),
    after: null,
    parts: wholeText(before!.caption, 'deleted'),
    moved: role === 'from',
  };
}

function changedText(before: string, after: string, budget: EditBudget): TextPart[] | null {
  return before === after ? null : diffText(before, after, budget);
}

function photoDiff({ before, after, placement }: PhotoMatch, budget: EditBudget): PhotoDiff | null {
  const caption = changedText(before?.caption ?? '', after?.caption ?? '', budget);
  const alt = changedText(before?.photo.alt ?? '', after?.photo.alt ?? '', budget);
  const credit = changedText(before?.photo.credit ?? '', after?.photo.credit ?? '', budget);
  if (placement === 'kept' && caption === null && alt === null && credit === null) return null;
  const mediaId = (after ?? before)!.photo.mediaId;
  return { mediaId, placement, indexBefore: before?.index ?? null, indexAfter: after?.index ?? null, caption, alt, credit };
}

/**
 * Compares two article bodies block by block, then word by word within edited blocks (see `alignBlocks`). Photos are
 * matched by media id and placed relative to the text, so moving a photo never disturbs the alignment of paragraphs.
 * Marks (bold, links), alignment and empty paragraphs are not compared. Word diffs spend from `budget` (see
 * EditBudget). Deterministic.
 */
export function diffBodies(before: DocumentNodeJson, after: DocumentNodeJson, budget: EditBudget = editBudget()): BodyDiff {
  const older = splitFigures(documentBlocks(before));
  const newer = splitFigures(documentBlocks(after));
  const steps = alignBlocks(older.texts, newer.texts);
  const stepOfBefore = new Int32Array(older.texts.length);
  const stepOfAfter = new Int32Array(newer.texts.length);
  steps.forEach((step, position) => {
    if (step.before !== null) stepOfBefore[step.before] = position;
    if (step.after !== null) stepOfAfter[step.after] = position;
  });
  const matches = matchPhotos(older.figures, newer.figures, steps, [older.texts.length, newer.texts.length]);
  const placed = placePhotos(matches, stepOfBefore, stepOfAfter);

  const blocks: BlockDiff[] = [];
  const photos: PhotoDiff[] = [];
  const showPhotosAfter = (position: number): void => {
    for (const photo of placed.get(position) ?? []) {
      blocks.push(photoBlockDiff(photo, budget));
      if (photo.role === 'from') continue;
      const changed = photoDiff(photo.match, budget);
      if (changed !== null) photos.push(changed);
    }
  };
  showPhotosAfter(-1);
  steps.forEach((step, position) => {
    blocks.push(textBlockDiff(step, older.texts, newer.texts, budget));
    showPhotosAfter(position);
  });
  return { blocks, photos };
}
