import type { ArticleContent } from './articleModel';
import { canonicalJson } from './canonicalJson';
import { conflictFieldNames, type ConflictFieldName, type ConflictSide, type HandEditableConflictField } from './conflictFields';
import type { ConflictChoices } from './conflictModel';
import type { ArticleFieldName } from './diffArticles';

/** The article's own fields each conflict field is made of (the body takes its cover along: the cover is one of its photos). */
const partsOf: Record<ConflictFieldName, readonly (keyof ArticleContent)[]> = {
  title: ['title'],
  sapo: ['sapo'],
  body: ['body', 'coverMediaId'],
  byline: ['bylineRole', 'bylineName'],
  credit: ['photoCreditMode', 'photoCredit'],
  publicationDate: ['publicationDate'],
};

/** The conflict field a compared field belongs to (`photos` are the body's); null for the status, which is not chosen. */
export function conflictFieldOf(field: ArticleFieldName): ConflictFieldName | null {
  if (field === 'photos') return 'body';
  if (field === 'status') return null;
  return conflictFieldNames.find((name) => partsOf[name].includes(field)) ?? null;
}

/** The text a hand-editable field is typed as (the byline's name, the credit line). */
export function editableTextOf(content: ArticleContent, field: HandEditableConflictField): string {
  switch (field) {
    case 'title':
      return content.title;
    case 'sapo':
      return content.sapo;
    case 'byline':
      return content.bylineName;
    case 'credit':
      return content.photoCredit;
  }
}

function sameField(a: ArticleContent, b: ArticleContent, field: ConflictFieldName): boolean {
  return partsOf[field].every((part) => canonicalJson(a[part]) === canonicalJson(b[part]));
}

/** Who changed a field since the common text: nobody, one side, or both (the same way or not). */
export interface ConflictFieldState {
  field: ConflictFieldName;
  mineChanged: boolean;
  theirsChanged: boolean;
  /** Whether the two sides now differ: only those fields need a choice. */
  differs: boolean;
  /** What a three-way merge takes without asking: the side that changed it (the local one when both did). */
  suggested: ConflictSide;
}

/** Every conflict field with who changed it: compared whole, formatting included (unlike the word diff). */
export function conflictFieldStates(base: ArticleContent, mine: ArticleContent, theirs: ArticleContent): ConflictFieldState[] {
  return conflictFieldNames.map((field) => {
    const mineChanged = !sameField(base, mine, field);
    const theirsChanged = !sameField(base, theirs, field);
    const differs = !sameField(mine, theirs, field);
    return { field, mineChanged, theirsChanged, differs, suggested: theirsChanged && !mineChanged ? 'theirs' : 'mine' };
  });
}

/** The choices a three-way merge makes by itself: each field from the side that changed it, no text typed by hand. */
export function suggestedChoices(base: ArticleContent, mine: ArticleContent, theirs: ArticleContent): ConflictChoices {
  const side = Object.fromEntries(conflictFieldStates(base, mine, theirs).map((state) => [state.field, state.suggested])) as Record<
    ConflictFieldName,
    ConflictSide
  >;
  return {
    title: { side: side.title, text: null },
    sapo: { side: side.sapo, text: null },
    body: { side: side.body },
    byline: { side: side.byline, text: null },
    credit: { side: side.credit, text: null },
    publicationDate: { side: side.publicationDate },
  };
}

/**
 * The merged article: each field from the chosen side, or as typed by hand; the status stays the local one. A credit
 * line typed differently from the chosen side's is a typed line (manual mode), so the photos' credits never replace it.
 */
export function mergeConflict(mine: ArticleContent, theirs: ArticleContent, choices: ConflictChoices): ArticleContent {
  const from = (side: ConflictSide) => (side === 'mine' ? mine : theirs);
  const title = from(choices.title.side);
  const sapo = from(choices.sapo.side);
  const body = from(choices.body.side);
  const byline = from(choices.byline.side);
  const credit = from(choices.credit.side);
  const creditText = choices.credit.text ?? credit.photoCredit;
  return {
    status: mine.status,
    publicationDate: from(choices.publicationDate.side).publicationDate,
    title: choices.title.text ?? title.title,
    sapo: choices.sapo.text ?? sapo.sapo,
    body: body.body,
    coverMediaId: body.coverMediaId,
    bylineRole: byline.bylineRole,
    bylineName: choices.byline.text ?? byline.bylineName,
    photoCredit: creditText,
    photoCreditMode: creditText === credit.photoCredit ? credit.photoCreditMode : 'manual',
  };
}
