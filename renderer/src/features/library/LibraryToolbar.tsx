import { useEffect, useId, useRef } from 'react';
import { DisplayDateInput } from '../../components/DisplayDateInput';
import { articleStatuses, type ArticleStatus } from '../../../../shared/articleVocabulary';
import { useMessages } from '../../i18n/MessagesContext';
import { defaultCriteria, libraryOwners, librarySorts, type LibraryCriteria, type LibraryOwner, type LibrarySort } from './libraryQuery';

export interface LibraryToolbarProps {
  criteria: LibraryCriteria;
  onChange: (criteria: LibraryCriteria) => void;
  bylineNames: readonly string[];
  shown: number;
  total: number;
  indexing: { done: number; total: number } | null;
  /** Whether the user is named (Cài đặt): "Chỉ của tôi" means nothing before. */
  canChooseMine?: boolean;
}

/** Search box (Ctrl+F), mine or everyone's, sort, filters by status, author and publication date, and the result count. */
export function LibraryToolbar({ criteria, onChange, bylineNames, shown, total, indexing, canChooseMine = true }: LibraryToolbarProps) {
  const messages = useMessages();
  const searchBox = useRef<HTMLInputElement>(null);
  const ownerGroup = useId();
  const change = (changes: Partial<LibraryCriteria>) => onChange({ ...criteria, ...changes });
  const searching = criteria.query.trim() !== '';
  // "Best match" means nothing without a search; the list is then newest first.
  const shownSort: LibrarySort = !searching && criteria.sort === 'relevance' ? 'updated' : criteria.sort;
  const sortLabels: Record<LibrarySort, string> = {
    relevance: messages.sortRelevance,
    updated: messages.sortUpdated,
    title: messages.sortTitle,
    status: messages.sortStatus,
  };
  const ownerLabels: Record<LibraryOwner, string> = { mine: messages.ownerMine, all: messages.ownerAll };
  const filtered =
    criteria.status !== '' ||
    criteria.bylineName !== '' ||
    criteria.dateFrom !== '' ||
    criteria.dateTo !== '' ||
    criteria.owner !== 'all' ||
    searching;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        searchBox.current?.focus();
        searchBox.current?.select();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="library-toolbar">
      <input
        ref={searchBox}
        type="search"
        className="library-search"
        aria-label={messages.searchLabel}
        placeholder={messages.searchPlaceholder}
        value={criteria.query}
        onChange={(event) =>
          change({
            query: event.target.value,
            sort: event.target.value.trim() !== '' && criteria.sort === 'updated' ? 'relevance' : criteria.sort,
          })
        }
        onKeyDown={(event) => {
          if (event.key === 'Escape' && criteria.query !== '') {
            event.preventDefault();
            change({ query: '' });
          }
        }}
      />
      {/* Native radios: one Tab stop, arrow keys choose, and the legend names the group. */}
      <fieldset className="owner-choice">
        <legend className="visually-hidden">{messages.ownerLabel}</legend>
        {libraryOwners.map((owner) => (
          <label
            key={owner}
            className={criteria.owner === owner ? 'owner-option owner-option-current' : 'owner-option'}
            title={owner === 'mine' ? messages.ownerMineHint : undefined}
          >
            <input
              type="radio"
              name={ownerGroup}
              value={owner}
              checked={criteria.owner === owner}
              disabled={owner === 'mine' && !canChooseMine && criteria.owner !== 'mine'}
              onChange={() => change({ owner })}
            />
            {ownerLabels[owner]}
          </label>
        ))}
      </fieldset>
      <label className="toolbar-field">
        <span>{messages.sortLabel}</span>
        <select value={shownSort} onChange={(event) => change({ sort: event.target.value as LibrarySort })}>
          {librarySorts
            .filter((sort) => sort !== 'relevance' || searching)
            .map((sort) => (
              <option key={sort} value={sort}>
                {sortLabels[sort]}
              </option>
            ))}
        </select>
      </label>
      <label className="toolbar-field">
        <span className="visually-hidden">{messages.columnStatus}</span>
        <select
          aria-label={messages.columnStatus}
          value={criteria.status}
          onChange={(event) => change({ status: event.target.value as ArticleStatus | '' })}
        >
          <option value="">{messages.allStatuses}</option>
          {articleStatuses.map((status) => (
            <option key={status} value={status}>
              {messages.status[status]}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-field">
        <span className="visually-hidden">{messages.columnByline}</span>
        <select
          aria-label={messages.columnByline}
          value={criteria.bylineName}
          onChange={(event) => change({ bylineName: event.target.value })}
        >
          <option value="">{messages.allBylines}</option>
          {bylineNames.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-field">
        <span>{messages.dateFrom}</span>
        <DisplayDateInput value={criteria.dateFrom} onChange={(dateFrom) => change({ dateFrom })} />
      </label>
      <label className="toolbar-field">
        <span>{messages.dateTo}</span>
        <DisplayDateInput value={criteria.dateTo} onChange={(dateTo) => change({ dateTo })} />
      </label>
      {filtered && (
        <button type="button" className="button button-small" onClick={() => onChange(defaultCriteria)}>
          {messages.clearFilters}
        </button>
      )}
      <span className="result-count" aria-live="polite">
        {messages.resultCount(shown, total)}
        {indexing !== null && ` · ${messages.searchIndexing(indexing.done, indexing.total)}`}
      </span>
    </div>
  );
}
