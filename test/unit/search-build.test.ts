// @vitest-environment node
/**
 * The data build makes the search index again only where a change touches it, from the shards' last files and the
 * changed plans' rows: what it writes then, with the files it left as they were, is what a build from scratch writes,
 * and no other plan's rows are read.
 */
import { describe, expect, it } from 'vitest';
import { hashText } from '../../scripts/lib/build-state';
import type { SearchRows } from '../../scripts/lib/plan-rows';
import { makeSearchPart, type PlanInPart, type SearchPart } from '../../scripts/lib/search-build';
import { pinyinOf, syllablesOf } from '../../src/compiler/publish';
import { entryIndexing } from '../../src/compiler/search-shards';
import type { SearchEntry } from '../../src/lib/atlas-data';

const shards = 256;

/** A plan's rows from its entries' names (made-up names; the county is the plan's), each entry's id its name's place in `ids`. */
function plan(id: string, names: string[], key = 'k1', ids = names.map((_, i) => i)): PlanInPart & { kept: SearchRows } {
  const search: SearchEntry[] = names.map((name, i) => ({ id: `${id}-${ids[i]}`, plan: id, role: 'project', name, county: `${id}县`, ...pinyinOf(name) }));
  const rows: SearchRows = { key, search, indexing: search.map((e) => entryIndexing(e, syllablesOf(e.name))) };
  return { id, rows: () => rows, kept: rows, digest: hashText(JSON.stringify(search)) };
}

/** The plan as a patch sees it when it did not change: its rows must not be read. */
const unread = (p: PlanInPart): PlanInPart => ({
  ...p,
  rows: () => {
    throw new Error(`${p.id}'s rows read`);
  },
});

const names = ['人民医院', '中医医院', '妇幼保健院', '康养小镇', '医学中心', '养老服务中心', '疾病预防控制中心', '健康产业园'];
const before = [
  plan('alpha', names),
  plan(
    'beta',
    names.map((n) => `北城${n}`),
  ),
  plan(
    'gamma',
    names.map((n) => `南山${n}`),
  ),
];
const first = makeSearchPart(before, 'first', undefined, shards);

/** A part's files as written (as text: a patched shard is made as bytes). */
const written = (part: SearchPart): Record<string, string> =>
  Object.fromEntries(
    Object.entries(part.files).map(([path, made]) => {
      const content = typeof made === 'string' ? made : made();
      return [path, typeof content === 'string' ? content : content.toString('utf8')];
    }),
  );
const firstFiles = written(first);

/** What a patch of `from` finds: its model, the rows kept of every plan in it, its shards' files. */
const beforeOf = (from: SearchPart, files: Record<string, string>, plans: ReturnType<typeof plan>[]) => ({
  model: from.model,
  rows: (id: string) => plans.find((p) => p.id === id)?.kept,
  shard: (n: number) => {
    const text = files[`geo/search/${n}.json`];
    return text === undefined ? undefined : Buffer.from(text);
  },
});

/** The part made after the plans became `plans` (those not in `changed` unread), patched and from scratch, and what each leaves on disk. */
function patched(
  plans: ReturnType<typeof plan>[],
  changed: string[],
  from = first,
  fromFiles = firstFiles,
  fromPlans = before,
): { part: SearchPart; onDisk: Record<string, string>; scratch: Record<string, string> } {
  const part = makeSearchPart(
    plans.map((p) => (changed.includes(p.id) ? p : unread(p))),
    'second',
    beforeOf(from, fromFiles, fromPlans),
    shards,
  );
  const made = written(part);
  const onDisk = Object.fromEntries(part.paths.map((path) => [path, made[path] ?? fromFiles[path]!]));
  const scratch = makeSearchPart(plans, 'second', undefined, shards);
  expect(part.model).toEqual(scratch.model);
  return { part, onDisk, scratch: written(scratch) };
}

/** The part made after `change` to beta. */
const afterChange = (change: (names: string[]) => string[], ids?: number[]) =>
  patched([before[0]!, plan('beta', change(names.map((n) => `北城${n}`)), 'k2', ids), before[2]!], ['beta']);

describe('the search part of the data build', () => {
  it.each([
    ['a project removed', (n: string[]) => n.slice(0, -1)],
    ['a project renamed', (n: string[]) => n.map((x, i) => (i === 1 ? '北城骨科医院' : x))],
    ['a project added', (n: string[]) => [...n, '北城口腔医院']],
  ])('after %s, makes only the shards it touches and leaves the same files as a build from scratch', (_, change) => {
    const { part, onDisk, scratch } = afterChange(change);
    expect(part.made).toBeGreaterThan(0);
    expect(part.made).toBeLessThan(shards);
    expect(Object.keys(onDisk).sort()).toEqual(Object.keys(scratch).sort());
    expect(onDisk).toEqual(scratch);
  });

  it('after a plan’s entries change order, makes every shard they are filed in and leaves the same files', () => {
    const { part, onDisk, scratch } = afterChange(
      (n) => [...n].reverse(),
      names.map((_, i) => names.length - 1 - i),
    );
    expect(part.made).toBeGreaterThan(0);
    expect(onDisk).toEqual(scratch);
  });

  it.each([
    ['added', [before[0]!, before[1]!, plan('delta', ['西岭人民医院', '西岭康养小镇']), before[2]!], ['delta']],
    ['removed', [before[0]!, before[2]!], []],
  ])('after a plan is %s, patches the shards it touches and leaves the same files as a build from scratch', (_, plans, changed) => {
    const { part, onDisk, scratch } = patched(plans, changed);
    expect(part.made).toBeGreaterThan(0);
    expect(part.made).toBeLessThan(shards);
    expect(onDisk).toEqual(scratch);
  });

  it('makes the whole index when a full short answer loses an entry (its next best is in no file)', () => {
    // Fifty entries answer “医”; beta's shortest name is among its best forty, then renamed away from it.
    const many = [
      plan(
        'alpha',
        Array.from({ length: 50 }, (_, i) => `医疗服务中心${i}`),
      ),
      plan('beta', ['北医', ...names]),
      before[2]!,
    ];
    const part = makeSearchPart(many, 'first', undefined, shards);
    const renamed = [many[0]!, plan('beta', ['北城', ...names], 'k2'), many[2]!];
    const again = makeSearchPart(renamed, 'second', beforeOf(part, written(part), many), shards);
    expect(again.made).toBe('all');
    expect(written(again)).toEqual(written(makeSearchPart(renamed, 'second', undefined, shards)));
  });

  it('makes the whole index when the rows before the change are not kept', () => {
    const beta = plan('beta', ['北城骨科医院'], 'k2');
    const part = makeSearchPart([before[0]!, beta, before[2]!], 'second', { ...beforeOf(first, firstFiles, before), rows: () => undefined }, shards);
    expect(part.made).toBe('all');
  });
});

describe('the search part of the data build, with common strings', () => {
  // 997 entries with 医院 in alpha; beta’s and gamma’s four more make it common (held by more than 1,000).
  const hospitals = plan(
    'alpha',
    Array.from({ length: 997 }, (_, i) => `康复医院${i}`),
  );
  const withCommon = [hospitals, before[1]!, before[2]!];
  const made = makeSearchPart(withCommon, 'first', undefined, shards);
  const madeFiles = written(made);

  it('lists 医院 as common in the index and answers it like a short query', () => {
    const index = JSON.parse(madeFiles['geo/search/index.json']!);
    expect(index.common.names).toContain('医院');
    expect(made.model.common?.names).toContain('医院');
    const shard = JSON.parse(Object.values(madeFiles).find((text) => text.includes('"医院":'))!);
    expect(shard.answers.医院).toHaveLength(40);
  });

  it('patches a change that leaves the common strings as they were, and leaves the same files as a build from scratch', () => {
    // One more hospital, first in 医院's answer: 医院 stays common, neither alpha’s county nor `fuy` (kangfuyiyuan,
    // fuyou) becomes common, and no full answer loses an entry.
    const more = plan('alpha', [...Array.from({ length: 997 }, (_, i) => `康复医院${i}`), '医院新区'], 'k2');
    const { part, onDisk, scratch } = patched([more, before[1]!, before[2]!], ['alpha'], made, madeFiles, withCommon);
    expect(part.made).toBeGreaterThan(0);
    expect(part.made).not.toBe('all');
    expect(onDisk).toEqual(scratch);
  });

  it('makes the whole index when a change makes a string common or no longer common', () => {
    const fewer = plan(
      'beta',
      names.filter((n) => !n.includes('医院')).map((n) => `北城${n}`),
      'k2',
    );
    // Beta’s two hospitals gone: 999 entries hold 医院, no longer more than 1,000.
    const after = [hospitals, fewer, before[2]!];
    const part = makeSearchPart(after, 'second', beforeOf(made, madeFiles, withCommon), shards);
    expect(part.made).toBe('all');
    const files = written(part);
    expect(JSON.parse(files['geo/search/index.json']!).common?.names ?? []).not.toContain('医院');
    expect(files).toEqual(written(makeSearchPart(after, 'second', undefined, shards)));
  });
});
