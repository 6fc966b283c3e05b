/**
 * The search part of the data build: the sharded index, made again only where a change touches
 * it. A shard's file is a function of the entries filed in it (by their keys, or as a short query's answer) and their
 * order; an entry that did not change keeps its keys and its place among the others. So when some plans' entries
 * change (same plans, same order, same number of shards), only the shards where their old or new versions are filed,
 * and the answers of the short queries they can match, are made again: the same bytes a build from scratch writes.
 */
import { join } from 'node:path';
import { type EntryIndexing, makeShards, type ShardsMade, searchIndexFile } from '../../src/compiler/search-shards';
import type { SearchEntry } from '../../src/lib/atlas-data';
import { searchShardPaths, shardCount, shardOf } from '../../src/lib/search-shards';
import { hashText } from './build-state';
import { readJsonFile, writeJsonFile } from './json-file';
import type { SearchRows } from './plan-rows';

/** What the last search part was made from, kept in the build cache (`search-model.json`). */
export interface SearchModel {
  /** The hash of the part's inputs when it was made (the build state's record of the part). */
  inputs: string;
  count: number;
  /** Each plan in the published order, and the hash of its entries (as the build state's part digest). */
  plans: [string, string][];
  /** Each short query's answer, as `plan\0id` of its entries, best first. */
  answers: Record<string, string[]>;
  /** Entries in each shard. */
  sizes: number[];
}

/** A plan as the part reads it: its rows, and the hash of its entries. */
export interface PlanInPart {
  id: string;
  rows: SearchRows;
  digest: string;
}

/** The last part as the build found it: its model, and each changed plan's rows before its change (where kept). */
export interface SearchBefore {
  model: SearchModel;
  rows: (plan: string) => SearchRows | undefined;
}

export interface SearchPart {
  /** The files made: path → text, or → how to make the text (a shard's, made as it is written). */
  files: Record<string, string | (() => string)>;
  /** Every file of the part, made now or left as it was. */
  paths: string[];
  model: SearchModel;
  /** Shards made, or `all`. */
  made: number | 'all';
}

const json = (value: unknown) => `${JSON.stringify(value)}\n`;
const identity = (e: SearchEntry) => `${e.plan}\0${e.id}`;

/** The shards and short queries the changed plans' entries touch (their old and new versions), or undefined if the index must be made whole. */
function touched(plans: PlanInPart[], before: SearchBefore, count: number): { shards: Set<number>; queries: Set<string> } | undefined {
  const then = before.model.plans;
  if (before.model.count !== count || then.length !== plans.length || plans.some((p, i) => then[i]![0] !== p.id)) return undefined;
  const shards = new Set<number>();
  const queries = new Set<string>();
  const file = ({ keys, short }: EntryIndexing) => {
    for (const key of keys) shards.add(shardOf(key, count));
    for (const q of short) {
      queries.add(q);
      shards.add(shardOf(`S${q}`, count));
    }
  };
  for (const [i, { id, rows, digest }] of plans.entries()) {
    if (then[i]![1] === digest) continue;
    const old = before.rows(id);
    if (!old || hashText(JSON.stringify(old.search)) !== then[i]![1]) return undefined;
    const was = new Map(old.search.map((e, k) => [e.id, k]));
    const now = new Map(rows.search.map((e, k) => [e.id, k]));
    if (was.size !== old.search.length || now.size !== rows.search.length) return undefined;
    // Entries kept in another order change their place among the others: then all of the plan's are touched.
    const kept = (list: SearchEntry[], other: Map<string, number>) => list.flatMap((e) => (other.has(e.id) ? [e.id] : []));
    const reordered = kept(old.search, now).join('\0') !== kept(rows.search, was).join('\0');
    rows.search.forEach((e, k) => {
      const o = was.get(e.id);
      if (!reordered && o !== undefined && JSON.stringify(old.search[o]) === JSON.stringify(e)) return;
      file(rows.indexing[k]!);
      if (o !== undefined) file(old.indexing[o]!);
    });
    old.search.forEach((e, k) => {
      if (!now.has(e.id)) file(old.indexing[k]!);
    });
  }
  return { shards, queries };
}

/**
 * The search table and index of these plans (in the published order). With `before` (the last part, whose files are
 * still as it left them) only the shards the changed plans touch are made; `inputs` is recorded in the new model;
 * `shards` (tests) overrides the number of shards.
 */
export function makeSearchPart(plans: PlanInPart[], inputs: string, before?: SearchBefore, shards?: number): SearchPart {
  const entries = plans.flatMap((p) => p.rows.search);
  const indexing = plans.flatMap((p) => p.rows.indexing);
  const count = shards ?? shardCount(entries.length);
  const touch = before && touched(plans, before, count);
  let made: ShardsMade;
  let answers: Record<string, string[]> = {};
  let sizes: number[];
  if (before && touch) {
    const position = new Map(entries.map((e, n) => [identity(e), n]));
    const answerOf = (q: string) => {
      const known = touch.queries.has(q) ? undefined : before.model.answers[q];
      const ns = known?.map((id) => position.get(id));
      return ns?.every((n) => n !== undefined) ? ns : undefined;
    };
    made = makeShards(entries, indexing, count, touch.shards, answerOf);
    answers = Object.fromEntries(Object.entries(before.model.answers).filter(([q]) => !touch.shards.has(shardOf(`S${q}`, count))));
    sizes = before.model.sizes.map((size, n) => made.sizes.get(n) ?? size);
  } else {
    made = makeShards(entries, indexing, count);
    sizes = Array.from({ length: count }, (_, n) => made.sizes.get(n) ?? 0);
  }
  for (const [q, ns] of made.answers) answers[q] = ns.map((n) => identity(entries[n]!));
  const files: Record<string, string | (() => string)> = { [searchShardPaths.index]: json(searchIndexFile(sizes)) };
  for (const [path, file] of made.files) files[path] = () => json(file());
  const shardPaths = sizes.flatMap((size, n) => (size ? [searchShardPaths.shard(n)] : []));
  return {
    files,
    paths: [searchShardPaths.index, ...shardPaths],
    model: { inputs, count, plans: plans.map((p) => [p.id, p.digest]), answers, sizes },
    made: touch ? touch.shards.size : 'all',
  };
}

const modelFile = (cacheDir: string) => join(cacheDir, 'search-model.json');

/** The last search model kept in the build cache, if readable. */
export const readSearchModel = (cacheDir: string): SearchModel | undefined => readJsonFile<SearchModel>(modelFile(cacheDir));

/** Keeps the model (written aside, then renamed). */
export const writeSearchModel = (cacheDir: string, model: SearchModel): void => writeJsonFile(modelFile(cacheDir), model);
