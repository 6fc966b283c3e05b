// @vitest-environment node
/** The change list in words (zh, en), the change-set file and the zip of a plan's files. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { changeSetFileName, formatChangeSet, parseChangeSet } from '../../src/compiler/edit/change-set';
import { changesMarkdown, describeChange, describeChanges } from '../../src/compiler/edit/describe';
import { openPlan } from '../../src/compiler/edit/plan-doc';
import type { Change, ChangeSet } from '../../src/compiler/edit/types';
import { planFiles, zipPlan } from '../../src/compiler/edit/zip';

const move = (name: string, lon: number): Change => ({
  op: 'move-point',
  target: name,
  name,
  field: 'point',
  old: { place: null },
  new: { place: name, lon, lat: 25.5, precision: 'exact', source: 'https://example.org', created: true },
});
const changes: Change[] = [
  move('第一人民医院', 103.79),
  move('中医医院', 103.8),
  move('妇幼保健院', 103.81),
  { op: 'set-text', target: 'core', name: '健康城', field: 'source', old: { section: 'a', quote: 'b' }, new: { section: 'a', quote: 'c' }, note: '引文更完整' },
];

describe('the change list in words', () => {
  it('counts and names each kind, in Chinese and in English', () => {
    expect(describeChanges(changes, 'zh')).toBe('3 个点位已移动：第一人民医院、中医医院、妇幼保健院；1 条引文已替换：健康城');
    expect(describeChanges(changes, 'en')).toBe('3 points moved: 第一人民医院, 中医医院, 妇幼保健院; 1 quote replaced: 健康城');
    expect(describeChanges([], 'zh')).toBe('没有修改');
  });

  it('says what one change did', () => {
    expect(describeChange(changes[0]!, 'zh')).toBe('移动点位：第一人民医院 → 103.79, 25.5（精确）');
    expect(describeChange(changes[3]!, 'en')).toBe('Quote replaced: 健康城 (source)');
  });

  it('writes CHANGES.md with the summary, each change, its source and note', () => {
    const md = changesMarkdown(changes, 'zh', { plan: 'demo', who: '示范县卫生健康局', date: '2026-12-01' });
    expect(md).toContain('# 修改记录 · demo\n\n提交：示范县卫生健康局 · 2026-12-01\n\n3 个点位已移动');
    expect(md).toContain('- 移动点位：第一人民医院 → 103.79, 25.5（精确）. 来源：https://example.org');
    expect(md).toContain('说明：引文更完整');
  });
});

describe('change-set files', () => {
  const set: ChangeSet = { plan: 'demo', who: '示范县卫生健康局', date: '2026-12-01', changes };

  it('are small YAML that reads back to the same changes', () => {
    const text = formatChangeSet(set);
    expect(text).toMatch(/^plan: demo\nwho: 示范县卫生健康局\ndate: 2026-12-01\nchanges:\n {2}- op: move-point\n/);
    expect(parseChangeSet(text, 'a.yaml')).toEqual(set);
    expect(parseChangeSet(JSON.stringify(set), 'a.json')).toEqual(set);
    expect(changeSetFileName(set)).toBe('changes-demo-2026-12-01-示范县卫生健康局.yaml');
  });

  it('name the file and field of what is wrong', () => {
    expect(() => parseChangeSet('plan: demo\nchanges:\n  - op: teleport\n    target: x\n', 'b.yaml')).toThrow(/^b\.yaml: changes\[0\]\.op: /);
    expect(() => parseChangeSet('id: demo\ntitle: a plan\n', 'plan.yaml')).toThrow(/^plan\.yaml: .*not a change set/);
    expect(() => parseChangeSet('plan: [', 'c.yaml')).toThrow(/^c\.yaml: not readable as YAML or JSON/);
  });
});

describe('the zip', () => {
  it('holds the plan’s files in the repository layout, the seed for a new plan, and CHANGES.md', () => {
    const plan = openPlan({ folder: 'demo', planYaml: 'id: demo\ntitle: 示范\nseed: demo.txt\n', placesYaml: 'places: []\n' }, '正文');
    const files = planFiles(plan, { changes, lang: 'en', includeSeed: true });
    const zip = zipPlan(files);
    const back = Object.fromEntries(Object.entries(unzipSync(zip)).map(([k, v]) => [k, strFromU8(v)]));
    expect(Object.keys(back).sort()).toEqual(['CHANGES.md', 'data/demo/places.yaml', 'data/demo/plan.yaml', 'data/seeds/demo.txt']);
    expect(back['data/demo/plan.yaml']).toBe('id: demo\ntitle: 示范\nseed: demo.txt\n');
    expect(back['data/seeds/demo.txt']).toBe('正文');
    expect(back['CHANGES.md']).toContain('3 points moved');
    expect(zipPlan(files)).toEqual(zip);
  });
});
