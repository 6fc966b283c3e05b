/** The search box's view of the index: the entries a query needs, loaded a short pause after the last keystroke. */
import { useEffect, useState } from 'react';
import { searchCandidates } from '../../data/search';
import type { SearchEntry } from '../../lib/atlas-data';

/** How long typing must pause before the index is asked (a fast typist's word costs one lookup, not one per key). */
export const searchDebounceMs = 150;

export interface Candidates {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The query the entries were loaded for. */
  query: string;
  entries: readonly SearchEntry[];
}

/**
 * The candidates for `query` (debounced), with the query they are for: the box ranks them against that query, so
 * results never mix one query's entries with another's words.
 */
export function useSearchCandidates(query: string): Candidates {
  const [state, setState] = useState<Candidates>({ status: 'idle', query: '', entries: [] });
  useEffect(() => {
    if (!query.trim()) {
      setState({ status: 'idle', query: '', entries: [] });
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      setState((s) => ({ ...s, status: 'loading' }));
      searchCandidates(query).then(
        (entries) => current && setState({ status: 'ready', query, entries }),
        () => current && setState((s) => ({ ...s, status: 'error' })),
      );
    }, searchDebounceMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);
  return state;
}
