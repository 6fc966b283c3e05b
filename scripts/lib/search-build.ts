/**
 * The search part of the data build: the sharded index, made whole, or patched where a change touches it. A shard's
 * file is a function of the entries filed in it (by their keys, or as a short query's answer) and their order; an
 * entry that did not change keeps its keys and its place among the others. So when some plans' entries change (plans
 * added or removed, the others in the same order, the same number of shards), only the shards where their old or new
 * versions are filed are made again, each from its last file and the changed plans' rows: the same bytes a build from
 * scratch writes, without reading any other plan's rows.
 */
import { join } from 'node:path';
import { syllablesOf } from '../../src/compiler/publish';
import { bestMatches, type EntryIndexing, type EntryStrings, entryIndexing, entryStrings, makeShards, searchIndexFile } from '../../src/compiler/search-shards';
import type { SearchEntry } from '../../src/lib/atlas-data';
import { isSearchEntry, publishedFormat, readTable, searchFields, toTable } from '../../src/lib/published-format';
import { searchLimit } from '../../src/lib/search-match';
import { commonOf, isCommonString, searchShardPaths, shardCount, shardOf } from '../../src/lib/search-shards';
import { hashText } from './build-state';
import { readJsonFile, writeJsonFile } from './json-file';
import type { SearchRows } from './plan-rows';
import { type RowText, readShardText, rowText, rowValue, shardText } from './shard-text';

/** What the last search part was made from, kept in the build cache (`search-model.json`). */
export interface SearchModel {
  /** {@link modelVersion} when made: a model of another shape is not read. */
  version: number;
  /** The hash of the part's inputs when it was made (the build state's record of the part). */
  inputs: string;
  /** Shards. */
  count: number;
  /** Entries in all. */
  entries: number;
  /** Each plan in the published order, and the hash of its entries (as the build state's part digest). */
  plans: [string, string][];
  /** How many entries can answer each short query (and common string): a query's answer is filed while any can. */
  shortCounts: Record<string, number>;
  /** The common strings (as the index file lists them), and how many entries count each string (`B` or `T` first). */
  common?: { names: string[]; words: string[] };
  counts: Record<string, number>;
  /** Entries in each shard. */
  sizes: number[];
}

/** A plan as the part reads it: the hash of its entries, and its rows (asked for only when the part needs them). */
export interface PlanInPart {
  id: string;
  digest: string;
  rows: () => SearchRows;
}

/** The last part as the build found it: its model, each changed plan's rows before its change (where kept), its shards' files. */
export interface SearchBefore {
  model: SearchModel;
  rows: (plan: string) => SearchRows | undefined;
  /** A shard's file as the last build wrote it (undefined if missing or unreadable). */
  shard: (n: number) => Buffer | undefined;
}

export interface SearchPart {
  /** The files made: path → text, or → how to make the text or bytes (a shard's, made as it is written). */
  files: Record<string, string | (() => string | Buffer)>;
  /** Every file of the part, made now or left as it was. */
  paths: string[];
  model: SearchModel;
  /** Shards made, or `all`. */
  made: number | 'all';
}

/** The model's shape: raised when it changes (the cache's stamp covers the compiler, not this script). */
const modelVersion = 3;

const json = (value: unknown) => `${JSON.stringify(value)}\n`;
const identity = (e: Pick<SearchEntry, 'plan' | 'id'>) => `${e.plan}\0${e.id}`;

const byKey = <T>(entries: Iterable<[string, T]>): Record<string, T> => Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The index made whole from every plan's rows. */
function wholePart(plans: readonly PlanInPart[], inputs: string, shards?: number): SearchPart {
  const rows = plans.map((p) => p.rows());
  const entries = rows.flatMap((r) => r.search);
  const indexing = rows.flatMap((r) => r.indexing);
  const count = shards ?? shardCount(entries.length);
  const made = makeShards(entries, indexing, count);
  const sizes = Array.from({ length: count }, (_, n) => made.sizes.get(n) ?? 0);
  const index = searchIndexFile(sizes, made.common);
  const files: SearchPart['files'] = { [searchShardPaths.index]: json(index) };
  for (const [path, file] of made.files) files[path] = () => json(file());
  return {
    files,
    paths: [searchShardPaths.index, ...sizes.flatMap((size, n) => (size ? [searchShardPaths.shard(n)] : []))],
    model: {
      version: modelVersion,
      inputs,
      count,
      entries: entries.length,
      plans: plans.map((p) => [p.id, p.digest]),
      shortCounts: byKey(made.shortCounts),
      ...(index.common ? { common: index.common } : {}),
      counts: byKey(made.counts),
      sizes,
    },
    made: 'all',
  };
}

/** A changed plan's entries: before and after, and which of them changed (an entry kept as it was keeps its place). */
interface PlanChange {
  id: string;
  old: SearchRows;
  now: SearchRows;
  /** Entries of `now` that are new or changed, and of `old` that are gone or changed. */
  added: number[];
  gone: number[];
  /** Identities of the entries kept as they were. */
  kept: Set<string>;
}

function planChange(id: string, old: SearchRows, now: SearchRows): PlanChange | undefined {
  const was = new Map(old.search.map((e, k) => [e.id, k]));
  const is = new Map(now.search.map((e, k) => [e.id, k]));
  if (was.size !== old.search.length || is.size !== now.search.length) return undefined;
  // Entries kept in another order change their place among the others: then all of the plan's are changed.
  const common = (list: SearchEntry[], other: Map<string, number>) => list.flatMap((e) => (other.has(e.id) ? [e.id] : []));
  const reordered = common(old.search, is).join('\0') !== common(now.search, was).join('\0');
  const kept = new Set<string>();
  const added: number[] = [];
  now.search.forEach((e, k) => {
    const o = was.get(e.id);
    if (!reordered && o !== undefined && JSON.stringify(old.search[o]) === JSON.stringify(e)) kept.add(identity(e));
    else added.push(k);
  });
  const gone = old.search.flatMap((e, k) => (kept.has(identity(e)) ? [] : [k]));
  return { id, old, now, added, gone, kept };
}

const empty: SearchRows = { key: '', search: [], indexing: [] };

/**
 * The index patched: the shards the changed plans' entries are filed in made again from their last files, or
 * undefined when it must be made whole (the plans' order or the number of shards changed, rows before a change not
 * kept, a shard's file missing, or a short query whose full answer held a changed entry: its next best is unknown).
 */
function patchedPart(plans: readonly PlanInPart[], inputs: string, before: SearchBefore, shards?: number): SearchPart | undefined {
  const then = before.model;
  const thenDigest = new Map(then.plans);
  const ids = new Set(plans.map((p) => p.id));
  const shared = (list: string[], other: { has(id: string): boolean }) => list.filter((id) => other.has(id)).join('\0');
  if (
    shared(
      then.plans.map(([id]) => id),
      ids,
    ) !==
    shared(
      plans.map((p) => p.id),
      thenDigest,
    )
  )
    return undefined;
  const changes: PlanChange[] = [];
  const oldRows = (id: string): SearchRows | undefined => {
    const digest = thenDigest.get(id);
    if (digest === undefined) return empty;
    const rows = before.rows(id);
    return rows && hashText(JSON.stringify(rows.search)) === digest ? rows : undefined;
  };
  for (const p of plans) {
    if (thenDigest.get(p.id) === p.digest) continue;
    const now = p.rows();
    const old = oldRows(p.id);
    const change = old && planChange(p.id, old, now);
    if (!change) return undefined;
    changes.push(change);
  }
  for (const [id] of then.plans) {
    if (ids.has(id)) continue;
    const old = oldRows(id);
    if (!old) return undefined;
    changes.push(planChange(id, old, empty)!);
  }
  const total = then.entries + changes.reduce((n, c) => n + c.now.search.length - c.old.search.length, 0);
  const count = shards ?? shardCount(total);
  if (count !== then.count) return undefined;

  // The common strings stay as they were, or the index is made whole: every entry's keys may change.
  const common = commonOf(then);
  const counts = new Map(Object.entries(then.counts));
  // Each changed entry's strings, walked once (counted, filed and ranked below).
  const walked = new Map<EntryIndexing, EntryStrings>();
  const strings = (ix: EntryIndexing) => walked.get(ix) ?? walked.set(ix, entryStrings(ix, common)).get(ix)!;
  /** The queries an entry can answer: its short queries and the common strings it holds. */
  const answerable = (ix: EntryIndexing) => [...ix.short, ...strings(ix).answers];
  const recount = (ix: EntryIndexing, by: number) => {
    if (count > 1) for (const s of strings(ix).counted) counts.set(s, (counts.get(s) ?? 0) + by);
  };
  for (const c of changes) {
    for (const k of c.gone) recount(c.old.indexing[k]!, -1);
    for (const k of c.added) recount(c.now.indexing[k]!, 1);
  }
  for (const [s, n] of counts) {
    if (isCommonString(s, n) !== (s[0] === 'B' ? common.names : common.words).has(s.slice(1))) return undefined;
    if (n <= 0) counts.delete(s);
  }

  // What the changes touch: the shards their entries' old and new versions are filed in, and the short queries they can answer.
  const touchedShards = new Set<number>();
  const touchedQueries = new Set<string>();
  const shortCounts = new Map(Object.entries(then.shortCounts));
  const file = (ix: EntryIndexing, by: number) => {
    const { keys } = strings(ix);
    const short = answerable(ix);
    for (const key of keys) touchedShards.add(shardOf(key, count));
    for (const q of short) {
      touchedQueries.add(q);
      touchedShards.add(shardOf(`S${q}`, count));
      shortCounts.set(q, (shortCounts.get(q) ?? 0) + by);
    }
  };
  /** The changed plans' new and changed entries, each with the shards its keys file it in. */
  const fresh: { entry: SearchEntry; short: Set<string>; keyed: Set<number>; rank: number }[] = [];
  for (const c of changes) {
    for (const k of c.gone) file(c.old.indexing[k]!, -1);
    for (const k of c.added) {
      const indexing = c.now.indexing[k]!;
      file(indexing, 1);
      fresh.push({
        entry: c.now.search[k]!,
        short: new Set(answerable(indexing)),
        keyed: new Set(strings(indexing).keys.map((key) => shardOf(key, count))),
        rank: k,
      });
    }
  }
  const freshIds = new Set(fresh.map((f) => identity(f.entry)));
  const changedPlans = new Set(changes.map((c) => c.id));
  const keptOf = new Map(changes.flatMap((c) => [...c.kept].map((k) => [k, c] as const)));
  const planIndex = new Map(plans.map((p, i) => [p.id, i]));
  const filed = (q: string) => count > 1 && (shortCounts.get(q) ?? 0) > 0;

  const files: SearchPart['files'] = {};
  const sizes = [...then.sizes];
  const rowOf = (e: SearchEntry): RowText => ({ text: rowText(toTable(searchFields, [e]).rows[0]!), plan: e.plan, id: e.id });
  for (const n of [...touchedShards].sort((a, b) => a - b)) {
    // The shard's last file, its rows kept as text: only those a query ranks again are read as entries.
    let lastRows: RowText[] = [];
    let lastAnswers: Record<string, number[]> = {};
    if (then.sizes[n]) {
      const text = before.shard(n);
      const last = text === undefined ? undefined : readShardText(text, publishedFormat, searchFields);
      if (!last) return undefined;
      lastRows = last.rows;
      lastAnswers = last.answers;
    }
    const idOf = (row: RowText) => `${row.plan}\0${row.id}`;
    // Every row that may stay, in the published order: the others' as they were, then the changed plans' entries
    // kept as they were or new here (filed by a key, or a candidate of a touched query filed here).
    interface Row {
      row: RowText;
      entry?: SearchEntry;
      plan: number;
      rank: number;
      wasAnswer: boolean;
      keyed?: boolean;
    }
    const kept = new Map<string, Row>();
    const inLastAnswer = new Set(Object.values(lastAnswers).flatMap((ns) => ns.map((i) => idOf(lastRows[i]!))));
    lastRows.forEach((row, i) => {
      const id = idOf(row);
      const plan = row.plan;
      if (!changedPlans.has(plan)) {
        kept.set(id, { row, plan: planIndex.get(plan)!, rank: i, wasAnswer: inLastAnswer.has(id) });
        return;
      }
      const change = keptOf.get(id);
      if (!change) return;
      const rank = change.now.search.findIndex((x) => x.id === row.id);
      kept.set(id, { row, entry: change.now.search[rank]!, plan: planIndex.get(plan)!, rank, wasAnswer: inLastAnswer.has(id) });
    });
    const queries = new Set([...Object.keys(lastAnswers), ...[...touchedQueries].filter((q) => shardOf(`S${q}`, count) === n)]);
    for (const f of fresh) {
      const candidate = [...f.short].some((q) => queries.has(q));
      if (f.keyed.has(n) || candidate)
        kept.set(identity(f.entry), {
          row: rowOf(f.entry),
          entry: f.entry,
          plan: planIndex.get(f.entry.plan)!,
          rank: f.rank,
          wasAnswer: false,
          keyed: f.keyed.has(n),
        });
    }
    const rows = [...kept.values()].sort((a, b) => a.plan - b.plan || a.rank - b.rank);
    const at = new Map(rows.map((r, i) => [idOf(r.row), i]));
    /** A row as an entry (read from its text once). */
    const entryAt = (r: Row): SearchEntry => {
      if (!r.entry) {
        const { records } = readTable<SearchEntry>(
          searchShardPaths.shard(n),
          { format: publishedFormat, fields: searchFields, rows: [rowValue(r.row.text)] },
          searchFields,
          isSearchEntry,
        );
        if (!records[0]) throw new Error(`${searchShardPaths.shard(n)}: a row is not a search entry`);
        r.entry = records[0];
      }
      return r.entry;
    };
    // Each query filed here: its answer as it was, or ranked again over what can answer it now.
    const answers: [string, number[]][] = [];
    for (const q of [...queries].sort()) {
      if (!filed(q)) continue;
      const was = (lastAnswers[q] ?? []).map((i) => idOf(lastRows[i]!));
      if (!touchedQueries.has(q)) {
        answers.push([q, was.map((id) => at.get(id)!)]);
        continue;
      }
      // Its entries that are still as they were (a changed entry's new version is ranked again as a fresh one).
      const stays = was.filter((id) => at.has(id) && !freshIds.has(id));
      // A full answer that lost an entry: the next best is not in this file.
      if (stays.length < was.length && was.length >= searchLimit) return undefined;
      const candidates = new Set(stays.map((id) => at.get(id)!));
      for (const f of fresh) if (f.short.has(q)) candidates.add(at.get(identity(f.entry))!);
      const ns = [...candidates].sort((a, b) => a - b);
      const entries: SearchEntry[] = [];
      for (const k of ns) entries[k] = entryAt(rows[k]!);
      answers.push([q, bestMatches(entries, ns, q)]);
    }
    // Rows neither filed here by a key nor in an answer leave.
    const answered = new Set(answers.flatMap(([, ns]) => ns));
    const keyedHere = (r: Row) => {
      if (r.keyed !== undefined) return r.keyed;
      if (!r.wasAnswer) return true;
      const e = entryAt(r);
      return strings(entryIndexing(e, syllablesOf(e.name))).keys.some((key) => shardOf(key, count) === n);
    };
    const stay = rows.flatMap((r, i) => (answered.has(i) || keyedHere(r) ? [i] : []));
    const renumber = new Map(stay.map((i, k) => [i, k]));
    sizes[n] = stay.length;
    if (!stay.length) continue;
    const shardRows = stay.map((i) => rows[i]!.row.text);
    const shardAnswers = Object.fromEntries(answers.map(([q, ns]) => [q, ns.map((i) => renumber.get(i)!)]));
    files[searchShardPaths.shard(n)] = () => shardText(publishedFormat, searchFields, shardRows, shardAnswers);
  }
  files[searchShardPaths.index] = json(searchIndexFile(sizes, common));
  return {
    files,
    paths: [searchShardPaths.index, ...sizes.flatMap((size, n) => (size ? [searchShardPaths.shard(n)] : []))],
    model: {
      version: modelVersion,
      inputs,
      count,
      entries: total,
      plans: plans.map((p) => [p.id, p.digest]),
      shortCounts: byKey([...shortCounts].filter(([, c]) => c > 0)),
      ...(then.common ? { common: then.common } : {}),
      counts: byKey(counts),
      sizes,
    },
    made: touchedShards.size,
  };
}

/**
 * The search index of these plans (in the published order). With `before` (the last part, whose files are still as it
 * left them) only the shards the changed plans touch are made, from their last files; `inputs` is recorded in the
 * new model; `shards` (tests) overrides the number of shards.
 */
export function makeSearchPart(plans: PlanInPart[], inputs: string, before?: SearchBefore, shards?: number): SearchPart {
  return (before && patchedPart(plans, inputs, before, shards)) ?? wholePart(plans, inputs, shards);
}

const modelFile = (cacheDir: string) => join(cacheDir, 'search-model.json');

/** The last search model kept in the build cache, if readable. */
export function readSearchModel(cacheDir: string): SearchModel | undefined {
  const model = readJsonFile<SearchModel>(modelFile(cacheDir));
  return model?.version === modelVersion ? model : undefined;
}

/** Keeps the model (written aside, then renamed). */
export const writeSearchModel = (cacheDir: string, model: SearchModel): void => writeJsonFile(modelFile(cacheDir), model);
