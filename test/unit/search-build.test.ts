// @vitest-environment node
/**
 * The data build makes the search index again only where a change touches it: what it writes then, with the files it
 * left as they were, is what a build from scratch writes.
 */
import { describe, expect, it } from 'vitest';
import { hashText } from '../../scripts/lib/build-state';
import type { PlanRows } from '../../scripts/lib/plan-rows';
import { makeSearchPart, type PlanInPart, type SearchPart } from '../../scripts/lib/search-build';
import { pinyinOf, syllablesOf } from '../../src/compiler/publish';
import { entryIndexing } from '../../src/compiler/search-shards';
import type { SearchEntry } from '../../src/lib/atlas-data';

const shards = 256;

/** A plan's rows from its entries' names (made-up names; the county is the plan's), each entry's id its name's place in `ids`. */
function plan(id: string, names: string[], key = 'k1', ids = names.map((_, i) => i)): PlanInPart {
  const search: SearchEntry[] = names.map((name, i) => ({ id: `${id}-${ids[i]}`, plan: id, role: 'project', name, county: `${id}县`, ...pinyinOf(name) }));
  const rows: PlanRows = { key, search, indexing: search.map((e) => entryIndexing(e, syllablesOf(e.name))), projects: [] };
  return { id, rows, digest: hashText(JSON.stringify(search)) };
}

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

/** A part's files as written. */
const written = (part: SearchPart): Record<string, string> =>
  Object.fromEntries(Object.entries(part.files).map(([path, text]) => [path, typeof text === 'string' ? text : text()]));
const firstFiles = written(first);

/** The part made after `change` to beta, incrementally and from scratch, and what each leaves on disk. */
function afterChange(
  change: (names: string[]) => string[],
  ids?: number[],
): { part: SearchPart; onDisk: Record<string, string>; scratch: Record<string, string> } {
  const beta = plan('beta', change(names.map((n) => `北城${n}`)), 'k2', ids);
  const plans = [before[0]!, beta, before[2]!];
  const part = makeSearchPart(plans, 'second', { model: first.model, rows: (id) => (id === 'beta' ? before[1]!.rows : undefined) }, shards);
  const made = written(part);
  const onDisk = Object.fromEntries(part.paths.map((path) => [path, made[path] ?? firstFiles[path]!]));
  const scratch = makeSearchPart(plans, 'second', undefined, shards);
  expect(part.model).toEqual(scratch.model);
  return { part, onDisk, scratch: written(scratch) };
}

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

  it('makes the whole index when the rows before the change are not kept', () => {
    const beta = plan('beta', ['北城骨科医院'], 'k2');
    const part = makeSearchPart([before[0]!, beta, before[2]!], 'second', { model: first.model, rows: () => undefined }, shards);
    expect(part.made).toBe('all');
  });
});
