/**
 * What a search query needs of the search index, and no more. A hosted atlas reads the sharded index
 * (`geo/search/`, layout and keys in src/lib/search-shards.ts): the tiny top-level file on first use, then the one
 * shard the query needs, so the bytes before a result do not grow with the number of plans. The single file carries
 * the flat table instead (`geo/plans/search.json`, embedded once: shards repeat entries, and a file downloads nothing).
 */
import type { SearchEntry } from '../lib/atlas-data';
import { checkFormat, isSearchEntry, publishedPaths, readTable, searchFields } from '../lib/published-format';
import { type CommonStrings, candidatesIn, commonOf, type QueryPlan, queryPlan, type SearchIndexFile, searchShardPaths, shardFor } from '../lib/search-shards';
import { fetchJson, isEmbedded } from './fetch-asset';
import { report, resolveNotice } from './notices';
import { createResource } from './resource';
import { loadSearchIndex, searchResource } from './tables';

interface Shard {
  rows: SearchEntry[];
  answers: Map<string, number[]>;
}

const failed = (reason: string, retry: () => void) => report({ type: 'search-failed', reason }, { retry });

/** The top-level index as a query reads it: each shard's size, and the common strings as sets. */
interface SearchTop {
  shards: number[];
  common: CommonStrings;
}

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

export const searchTopResource = createResource<'index', SearchTop>(
  async (_key, attempt) => {
    const file = checkFormat(searchShardPaths.index, await fetchJson(searchShardPaths.index, { attempt }), 'a search index');
    const common = file.common as SearchIndexFile['common'];
    const valid =
      Array.isArray(file.shards) && file.shards.every((n) => typeof n === 'number') && (!common || (strings(common.names) && strings(common.words)));
    if (!valid) throw new Error(`${searchShardPaths.index}: not a search index`);
    resolveNotice({ type: 'search-failed' });
    return { shards: file.shards as number[], common: commonOf({ common }) };
  },
  (_k, reason, retry) => failed(reason, retry),
);

export const searchShardResource = createResource<number, Shard>(
  async (shard, attempt) => {
    const path = searchShardPaths.shard(shard);
    const raw = await fetchJson(path, { attempt });
    // Rows of the wrong shape are dropped, not renumbered: answers point at rows by position.
    const { records, invalid } = readTable<SearchEntry>(path, raw, searchFields, isSearchEntry);
    if (invalid) throw new Error(`${path}: ${invalid} row(s) not search entries`);
    const answers = (raw as { answers?: unknown }).answers;
    resolveNotice({ type: 'search-failed' });
    return { rows: records, answers: new Map(typeof answers === 'object' && answers ? (Object.entries(answers) as [string, number[]][]) : []) };
  },
  (_k, reason, retry) => failed(reason, retry),
);

/** Plans the studio previews: their compiled entries stand in for the published shards' (which cannot know them). */
let preview: { plans: ReadonlySet<string>; rows: readonly SearchEntry[] } | undefined;

/**
 * Puts the studio's preview into the sharded search: `rows` are every entry of the plans in `plans`, which replace
 * those plans' published entries; `undefined` goes back to the published index alone.
 */
export function setSearchPreview(next: { plans: ReadonlySet<string>; rows: readonly SearchEntry[] } | undefined): void {
  preview = next;
}

/** The published candidates of `plan` from its shard (none when no shard can hold a match), with the studio's preview. */
function candidatesFrom(plan: QueryPlan, index: SearchTop, shard: Shard | undefined): readonly SearchEntry[] {
  const published = shard ? candidatesIn(plan, index.shards.length, shard.rows, shard.answers) : [];
  // A previewed plan's few hundred entries are all candidates: the box ranks and keeps only the matches.
  const shown = preview;
  return shown ? [...published.filter((r) => !shown.plans.has(r.plan)), ...shown.rows] : published;
}

/**
 * The entries among which the query's results are (a superset of its matches, in the published order, or the
 * precomputed best for a one- or two-character query): what the search ranks. Empty for an empty query.
 */
export async function searchCandidates(query: string): Promise<readonly SearchEntry[]> {
  if (queryPlan(query).kind === 'none') return [];
  if (isEmbedded(publishedPaths.search)) return loadSearchIndex();
  const index = await searchTopResource.load('index');
  const plan = queryPlan(query, index.common);
  const n = shardFor(plan, index.shards);
  return candidatesFrom(plan, index, n === undefined ? undefined : await searchShardResource.load(n));
}

/**
 * The same as {@link searchCandidates} when all the query needs is already in memory (the top-level index and its
 * shard, or the single file's table), else `undefined`: such a keystroke is matched at once, with no pause, no
 * download and no promise; only a query that must download waits.
 */
export function loadedCandidates(query: string): readonly SearchEntry[] | undefined {
  if (queryPlan(query).kind === 'none') return [];
  if (isEmbedded(publishedPaths.search)) {
    const table = searchResource.peek('search');
    return table?.status === 'ready' ? table.data : undefined;
  }
  const index = searchTopResource.peek('index');
  if (index?.status !== 'ready') return undefined;
  const plan = queryPlan(query, index.data.common);
  const n = shardFor(plan, index.data.shards);
  if (n === undefined) return candidatesFrom(plan, index.data, undefined);
  const shard = searchShardResource.peek(n);
  return shard?.status === 'ready' ? candidatesFrom(plan, index.data, shard.data) : undefined;
}

/**
 * Whether `query`'s candidates need a download not yet asked for (the shard it reads): what the search box waits a
 * pause in typing for, and only that. Resolves once the top-level index is in (started on focus, shared by every
 * query). False in the single file (nothing to download) and when the shard is loaded or on its way.
 */
export async function needsDownload(query: string): Promise<boolean> {
  if (queryPlan(query).kind === 'none' || isEmbedded(publishedPaths.search)) return false;
  const index = await searchTopResource.load('index');
  const n = shardFor(queryPlan(query, index.common), index.shards);
  if (n === undefined) return false;
  const shard = searchShardResource.peek(n);
  return shard === undefined || shard.status === 'error';
}

/**
 * Starts loading, on focus, what any query will need: the top-level index, and when it has a single shard (a small
 * atlas: that shard is the whole table, the first query's download anyway) that shard; in the single file, decoding
 * its embedded table. The first keystroke then finds them in memory, or on their way.
 */
export function prefetchSearch(): void {
  if (isEmbedded(publishedPaths.search)) {
    loadSearchIndex().catch(() => undefined);
    return;
  }
  searchTopResource
    .load('index')
    .then((index) => (index.shards.length === 1 && index.shards[0] ? searchShardResource.load(0) : undefined))
    .catch(() => undefined);
}
