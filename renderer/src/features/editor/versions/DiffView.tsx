import { useState } from 'react';
import type { ArticleDiff, BlockDiff, FieldDiff, PhotoDiff, ValueFieldDiff } from '../../../../../shared/diffArticles';
import { formatDisplayDate } from '../../../../../shared/publicationDate';
import type { Messages } from '../../../i18n/messages';
import { useMessages } from '../../../i18n/MessagesContext';
import { PhotoThumb } from './PhotoThumb';
import { TextParts } from './TextParts';

/** One row of the body as shown: a block, or a run of unchanged blocks folded into "… 12 đoạn không đổi …". */
type BodyRow = { kind: 'block'; index: number; block: BlockDiff } | { kind: 'folded'; start: number; count: number };

const unchanged = (block: BlockDiff) => block.change === 'same';

/**
 * The body's blocks in reading order, each run of unchanged ones folded but for one block of context next to each
 * change (a run that would fold a single block is shown whole); `expanded` holds the runs the user unfolded.
 */
export function bodyRows(blocks: readonly BlockDiff[], expanded: ReadonlySet<number>): BodyRow[] {
  const rows: BodyRow[] = [];
  let start = 0;
  while (start < blocks.length) {
    if (!unchanged(blocks[start]!)) {
      rows.push({ kind: 'block', index: start, block: blocks[start]! });
      start += 1;
      continue;
    }
    let end = start;
    while (end < blocks.length && unchanged(blocks[end]!)) end += 1;
    const keepFirst = start > 0 ? 1 : 0;
    const keepLast = end < blocks.length ? 1 : 0;
    const folded = end - start - keepFirst - keepLast;
    for (let index = start; index < end; index += 1) {
      const shown = folded < 2 || expanded.has(start) || index < start + keepFirst || index >= end - keepLast;
      if (shown) rows.push({ kind: 'block', index, block: blocks[index]! });
      else if (index === start + keepFirst) rows.push({ kind: 'folded', start, count: folded });
    }
    start = end;
  }
  return rows;
}

function BlockTags({ block }: { block: BlockDiff }) {
  const messages = useMessages().versions;
  const { change, before, after, moved } = block;
  const tags: string[] = [];
  if (change !== 'same') {
    if (moved) tags.push(change === 'deleted' ? messages.blockChange.movedFrom : messages.blockChange.movedTo);
    else tags.push(messages.blockChange[change]);
  }
  const kindBefore = before?.kind ?? null;
  const kindAfter = after?.kind ?? null;
  if (kindBefore !== null && kindAfter !== null && kindBefore !== kindAfter)
    tags.push(`${messages.blockKind[kindBefore]} → ${messages.blockKind[kindAfter]}`);
  else if ((kindAfter ?? kindBefore) !== 'paragraph') tags.push(messages.blockKind[(kindAfter ?? kindBefore)!]);
  if (tags.length === 0) return null;
  return (
    <span className="diff-tags">
      {tags.map((tag) => (
        <span key={tag} className="diff-tag">
          {tag}
        </span>
      ))}
    </span>
  );
}

/**
 * One block of the body: what happened to it, its text word by word; a caption beside its photo. A moved block's text
 * is neither new nor gone, so it is shown plain, its tags saying where it went (a moved caption's edits are listed
 * with its photo).
 */
function BlockRow({ block }: { block: BlockDiff }) {
  const photo = (block.after ?? block.before)?.mediaId ?? null;
  const parts = block.moved ? block.parts.map((part) => ({ ...part, change: 'same' as const })) : block.parts;
  const classes = ['diff-block', `diff-block-${block.change}`, block.moved && 'diff-block-moved', photo !== null && 'diff-block-photo'];
  return (
    <li className={classes.filter(Boolean).join(' ')}>
      {photo !== null && <PhotoThumb mediaId={photo} />}
      <div className="diff-block-content">
        <BlockTags block={block} />
        {parts.length > 0 && (
          <p className="diff-block-text">
            <TextParts parts={parts} />
          </p>
        )}
      </div>
    </li>
  );
}

function BodyDiffView({ blocks }: { blocks: readonly BlockDiff[] }) {
  const messages = useMessages().versions;
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  return (
    <ol className="diff-blocks">
      {bodyRows(blocks, expanded).map((row) =>
        row.kind === 'folded' ? (
          <li key={`folded-${row.start}`} className="diff-folded">
            <button
              type="button"
              className="diff-unfold"
              aria-expanded={false}
              onClick={() => setExpanded((previous) => new Set(previous).add(row.start))}
            >
              {messages.unchangedBlocks(row.count)}
            </button>
          </li>
        ) : (
          <BlockRow key={row.index} block={row.block} />
        ),
      )}
    </ol>
  );
}

const photoTexts = ['caption', 'alt', 'credit'] as const;

function PhotoChange({ photo }: { photo: PhotoDiff }) {
  const messages = useMessages().versions;
  const position = (photo.indexAfter ?? photo.indexBefore ?? 0) + 1;
  const edited = photoTexts.filter((text) => photo[text] !== null);
  const what =
    photo.placement === 'moved' && photo.indexBefore !== null && photo.indexAfter !== null
      ? messages.photoMoved(photo.indexBefore + 1, photo.indexAfter + 1)
      : photo.placement === 'kept'
        ? messages.photoEdited(edited.map((text) => messages.photoText[text]))
        : messages.photoPlacement[photo.placement];
  return (
    <li className={`diff-photo diff-photo-${photo.placement}`}>
      <PhotoThumb mediaId={photo.mediaId} />
      <div className="diff-photo-text">
        <p className="diff-photo-head">
          <strong>{messages.photoNumber(position)}</strong> <span className="diff-tag">{what}</span>
        </p>
        {edited.map((text) => (
          <p key={text} className="diff-photo-line">
            <span className="diff-sub">{messages.photoText[text]}:</span> <TextParts parts={photo[text]!} />
          </p>
        ))}
      </div>
    </li>
  );
}

/** A one-value field's value as a reader says it: "Chờ duyệt", "08/07/2022", "Tin và ảnh". */
function valueText(messages: Messages, field: Exclude<ValueFieldDiff, { field: 'coverMediaId' }>, side: 'before' | 'after'): string {
  switch (field.field) {
    case 'bylineRole':
      return messages.bylineRole[field[side]];
    case 'photoCreditMode':
      return messages.versions.creditMode[field[side]];
    case 'publicationDate':
      return formatDisplayDate(field[side]);
    case 'status':
      return messages.status[field[side]];
  }
}

function CoverSide({ mediaId, side }: { mediaId: string | null; side: 'before' | 'after' }) {
  const messages = useMessages().versions;
  return (
    <span className={`diff-cover diff-cover-${side}`}>
      <span className="diff-sub">{messages[side]}:</span> {mediaId === null ? messages.none : <PhotoThumb mediaId={mediaId} />}
    </span>
  );
}

/** One field's change shown its own way (words, blocks, photos, values): the comparison's and the conflict view's. */
export function FieldChange({ field }: { field: FieldDiff }) {
  const messages = useMessages();
  switch (field.field) {
    case 'title':
    case 'sapo':
    case 'bylineName':
    case 'photoCredit':
      return (
        <p className="diff-text">
          <TextParts parts={field.parts} />
        </p>
      );
    case 'body':
      return <BodyDiffView blocks={field.blocks} />;
    case 'photos':
      return (
        <ul className="diff-photos">
          {field.photos.map((photo) => (
            <PhotoChange key={`${photo.mediaId}-${photo.indexBefore}-${photo.indexAfter}`} photo={photo} />
          ))}
        </ul>
      );
    case 'coverMediaId':
      return (
        <p className="diff-value">
          <CoverSide mediaId={field.before} side="before" /> <span className="diff-arrow">→</span>{' '}
          <CoverSide mediaId={field.after} side="after" />
        </p>
      );
    default:
      return (
        <p className="diff-value">
          <del>{valueText(messages, field, 'before')}</del> <span className="diff-arrow">→</span>{' '}
          <ins>{valueText(messages, field, 'after')}</ins>
        </p>
      );
  }
}

/**
 * Two versions of an article compared: each field that differs under its name, in the editor's order. Inserted words
 * are underlined on green, deleted ones struck through on red; the body reads in order with unchanged paragraphs dimmed
 * and long runs of them folded; photos are listed with what happened to each.
 */
export function DiffView({ diff }: { diff: ArticleDiff }) {
  const messages = useMessages().versions;
  if (diff.fields.length === 0) return <p className="diff-none">{messages.noDifferences}</p>;
  return (
    <div className="diff">
      <p className="diff-legend">
        {messages.legend} <ins>{messages.legendInserted}</ins> <del>{messages.legendDeleted}</del>
      </p>
      {diff.fields.map((field) => (
        <section key={field.field} className={`diff-field diff-field-${field.field}`}>
          <h3 className="diff-field-name">{messages.field[field.field]}</h3>
          <FieldChange field={field} />
        </section>
      ))}
    </div>
  );
}
