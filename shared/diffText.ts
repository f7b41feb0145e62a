import { Diff } from 'diff';

/** Whether a run of text is in both versions, only in the newer one, or only in the older one. */
export type TextChange = 'same' | 'inserted' | 'deleted';

/**
 * A run of text in a comparison, in reading order: the older text is the concatenation of the `same` and `deleted`
 * parts, the newer text that of the `same` and `inserted` parts. A line break inside a paragraph is `'\n'`.
 */
export interface TextPart {
  text: string;
  change: TextChange;
}

// One token each: a line break; the end mark "./." (the closing mark of a Vietnamese news story, whole); a number
// with its separators ("1.000.000", "05/7/2022", "10:30", "3,5"); a word (letters, combining marks and digits, so a
// syllable such as "nghị" is one token in NFC or NFD); a run of spaces; any other single character.
const tokenPattern = /\r?\n|\.\/\.|\p{N}+(?:[.,:/]\p{N}+)+|[\p{L}\p{M}\p{N}_\u00AD]+|[^\S\r\n]+|[^]/gu;

/** jsdiff's Myers diff over our tokens (its own word tokenizers split "./." and "1.000.000"). */
class NewsroomWordDiff extends Diff<string, string> {
  override tokenize(value: string): string[] {
    return tokenizeText(value);
  }
}

const wordDiff = new NewsroomWordDiff();

/**
 * How much searching the word diffs of one comparison may still do, in squared token edits. Myers' diff costs about
 * the square of the edits it finds, so one text may search for at most 1,000 edits (about 80 ms for two long, mostly
 * different paragraphs), and all the texts of one comparison share 2,000,000 (two such searches): past it, a text
 * whose changes need more than is left is reported replaced whole. Real versions spend a small part of it: an editor's
 * pass over a 10,000-word article is some hundreds of edits spread over many paragraphs.
 */
export interface EditBudget {
  /** Squared token edits still to spend. */
  remaining: number;
}

const maximumEditsPerText = 1_000;

/** A fresh budget for one comparison (two versions of an article, or two texts). */
export function editBudget(): EditBudget {
  return { remaining: 2_000_000 };
}

/** The tokens a text is compared by: words and syllables whole, each space run, mark and line break on its own. */
export function tokenizeText(text: string): string[] {
  return text.match(tokenPattern) ?? [];
}

/** A stretch of the comparison: text in both versions, or one change (what was deleted and what was inserted). */
type Stretch = { same: string } | { deleted: string; inserted: string };

function editLength(stretch: { deleted: string; inserted: string }): number {
  return Math.max(stretch.deleted.length, stretch.inserted.length);
}

/**
 * Merges a short common stretch into the changes on both its sides when it is no longer than either of them (the
 * semantic clean-up of diff-match-patch). Vietnamese repeats short syllables ("của", "và", "các", spaces) so often
 * that a rewritten sentence otherwise reads as confetti of one-syllable changes; after it, one deletion and one insertion.
 */
function mergeShortCommonStretches(stretches: Stretch[]): Stretch[] {
  let current = stretches;
  for (;;) {
    const merged: Stretch[] = [];
    let changed = false;
    for (const stretch of current) {
      const last = merged.at(-1);
      const beforeLast = merged.at(-2);
      if ('deleted' in stretch && last !== undefined && 'deleted' in last) {
        merged[merged.length - 1] = { deleted: last.deleted + stretch.deleted, inserted: last.inserted + stretch.inserted };
      } else if (
        'deleted' in stretch &&
        last !== undefined &&
        'same' in last &&
        beforeLast !== undefined &&
        'deleted' in beforeLast &&
        last.same.length <= editLength(beforeLast) &&
        last.same.length <= editLength(stretch)
      ) {
        merged.splice(-2, 2, {
          deleted: beforeLast.deleted + last.same + stretch.deleted,
          inserted: beforeLast.inserted + last.same + stretch.inserted,
        });
        changed = true;
      } else {
        merged.push(stretch);
      }
    }
    if (!changed) return merged;
    current = merged;
  }
}

/**
 * Compares two texts word by word, after putting both in Unicode NFC (an NFD "nghị" and an NFC one are the same word).
 * Words and syllables stay whole: "Hội nghị sơ kết" → "Hội nghị tổng kết" gives "Hội nghị " same, "sơ" deleted,
 * "tổng" inserted, " kết" same. In each change the deleted part comes before the inserted one. Equal texts give one
 * `same` part; empty texts none. Spends from `budget` (see EditBudget); deterministic: the same texts and budget
 * always give the same parts.
 */
export function diffText(before: string, after: string, budget: EditBudget = editBudget()): TextPart[] {
  const older = before.normalize('NFC');
  const newer = after.normalize('NFC');
  if (older === newer) return older === '' ? [] : [{ text: older, change: 'same' }];
  const maxEditLength = Math.min(maximumEditsPerText, Math.floor(Math.sqrt(Math.max(0, budget.remaining))));
  const changes = wordDiff.diff(older, newer, { maxEditLength });
  const edits = changes?.reduce((sum, change) => (change.added || change.removed ? sum + change.count : sum), 0) ?? maxEditLength;
  budget.remaining -= Math.max(1, edits) ** 2;
  const stretches: Stretch[] =
    changes === undefined
      ? [{ deleted: older, inserted: newer }]
      : changes.map((change) =>
          change.added
            ? { deleted: '', inserted: change.value }
            : change.removed
              ? { deleted: change.value, inserted: '' }
              : { same: change.value },
        );
  const parts: TextPart[] = [];
  for (const stretch of mergeShortCommonStretches(stretches)) {
    if ('same' in stretch) {
      parts.push({ text: stretch.same, change: 'same' });
      continue;
    }
    if (stretch.deleted !== '') parts.push({ text: stretch.deleted, change: 'deleted' });
    if (stretch.inserted !== '') parts.push({ text: stretch.inserted, change: 'inserted' });
  }
  return parts;
}

/** The whole of a text as one part of the given change (none for an empty text): a field or block only one side has. */
export function wholeText(text: string, change: TextChange): TextPart[] {
  const normalized = text.normalize('NFC');
  return normalized === '' ? [] : [{ text: normalized, change }];
}
