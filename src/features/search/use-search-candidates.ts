/**
 * The search box's view of the index: the entries a query needs, at once when they are in memory, as soon as they
 * arrive when they are on their way, else downloaded a short pause after the last keystroke.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { loadedCandidates, needsDownload, searchCandidates } from '../../data/search';
import type { SearchEntry } from '../../lib/atlas-data';

/**
 * How long typing must pause before the index is asked for a shard not yet loaded (a fast typist's word costs one
 * download, not one per key). A query whose shard is in memory is not delayed: the pause is for downloads, and
 * counted in it a warm keystroke would wait longer than it takes to match and draw.
 */
export const searchDebounceMs = 150;

export interface Candidates {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The query the entries were loaded for. */
  query: string;
  entries: readonly SearchEntry[];
}

const idle: Candidates = { status: 'idle', query: '', entries: [] };

/**
 * The candidates for `query`, with the query they are for: the box ranks them against that query, so results never
 * mix one query's entries with another's words. While a download is awaited, the candidates last shown stay (the box
 * ranks them against what is typed).
 */
export function useSearchCandidates(query: string): Candidates {
  // What the effect below downloaded, and for which query (a download for another query is not this one's).
  const [fetched, setFetched] = useState<Candidates & { for: string }>({ ...idle, for: '' });
  // The candidates last returned (committed): kept on screen while the next query's shard downloads.
  const shown = useRef<Candidates>(idle);
  const blank = !query.trim();
  // Read in the keystroke's own render: no timer, no promise, no second render.
  const inMemory = useMemo(() => (blank ? undefined : loadedCandidates(query)), [blank, query]);
  const ready = useMemo<Candidates | undefined>(() => inMemory && { status: 'ready', query, entries: inMemory }, [inMemory, query]);
  const result = blank ? idle : (ready ?? (fetched.for === query ? fetched : shown.current));
  useEffect(() => {
    shown.current = result;
  });
  useEffect(() => {
    if (blank || ready) return;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      setFetched({ ...shown.current, status: 'loading', for: query });
      searchCandidates(query).then(
        (entries) => current && setFetched({ status: 'ready', query, entries, for: query }),
        () => current && setFetched((s) => ({ ...s, status: 'error' })),
      );
    };
    // Only a download waits for a pause in typing; a shard on its way (or the index) is awaited, not delayed.
    needsDownload(query)
      .catch(() => true)
      .then((download) => {
        if (!current) return;
        if (download) timer = setTimeout(load, searchDebounceMs);
        else load();
      });
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [blank, query, ready]);
  return result;
}
