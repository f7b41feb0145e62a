import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ArticleSummary } from '../../../../shared/articleModel';
import type { Identity } from '../../../../shared/identity';
import type { SearchResult } from '../../../../shared/searchModel';
import { queryWords } from '../../../../shared/foldForSearch';
import { api } from '../../lib/api';
import { applyLibraryCriteria, bylineNamesOf, defaultCriteria, type LibraryCriteria } from './libraryQuery';

// Long enough to skip the keystrokes of a word typed quickly, short enough to feel instant.
const searchDelayMs = 120;

/**
 * The library's data and the toolbar's criteria: the summaries of one scope (from `library:list`), search hits
 * for the typed text (from `library:search`, in main), and the rows they make once filtered and sorted; `me` is who
 * "Chỉ của tôi" means.
 */
export function useLibraryQuery(scope: 'active' | 'trash', onError: (error: unknown) => void, me: Identity | null = null) {
  const [summaries, setSummaries] = useState<ArticleSummary[] | null>(null);
  const [criteria, setCriteria] = useState<LibraryCriteria>(defaultCriteria);
  const [search, setSearch] = useState<{ query: string; scope: string; result: SearchResult } | null>(null);
  const [searchRound, setSearchRound] = useState(0);
  const query = criteria.query.trim();

  const reload = useCallback(async () => {
    try {
      setSummaries(await api.libraryList({ scope }));
    } catch (error) {
      setSummaries([]);
      onError(error);
    }
    // The hits may have changed too (a duplicate, a restore).
    setSearchRound((round) => round + 1);
  }, [scope, onError]);

  useEffect(() => {
    setSummaries(null);
    void reload();
  }, [reload]);

  useEffect(() => {
    if (query === '') {
      setSearch(null);
      return undefined;
    }
    let current = true;
    const timer = setTimeout(() => {
      api.librarySearch({ query, scope }).then(
        (result) => {
          if (!current) return;
          setSearch({ query, scope, result });
          // While the index is being rebuilt, ask again so hits appear as it fills.
          if (result.indexing !== null) setTimeout(() => current && setSearchRound((round) => round + 1), 1_000);
        },
        (error: unknown) => current && onError(error),
      );
    }, searchDelayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, scope, searchRound, onError]);

  // Until the first answer for this text arrives, the previous hits stay (no flash of the whole library).
  const hitIds = query === '' ? null : search !== null && search.scope === scope ? search.result.ids : null;
  const searching = query !== '' && (search === null || search.query !== query || search.scope !== scope);
  const rows = useMemo(
    () => (summaries === null ? null : applyLibraryCriteria(summaries, criteria, hitIds, me)),
    [summaries, criteria, hitIds, me],
  );
  const highlights = useMemo(
    () => new Map((query === '' ? [] : (search?.result.highlights ?? [])).map((highlight) => [highlight.id, highlight])),
    [query, search],
  );
  const words = useMemo(() => (query === '' ? null : queryWords(query)), [query]);
  const bylineNames = useMemo(() => bylineNamesOf(summaries ?? []), [summaries]);

  return {
    summaries,
    rows,
    criteria,
    setCriteria,
    reload,
    bylineNames,
    highlights,
    words,
    searching,
    indexing: query === '' ? null : (search?.result.indexing ?? null),
  };
}
