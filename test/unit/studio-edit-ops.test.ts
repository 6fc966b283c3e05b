// @vitest-environment node
/** Each studio change on a small fixture plan: applied to its own lines, refused with a clear line when stale or wrong, and taken back by its inverse. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBaseGeo } from '../../scripts/lib/base-geo';
import { checkPlan } from '../../src/lib/plan-checks';
import { placesFileSchema, planSchema } from '../../src/lib/plan-schema';
import { applyChange, applyChanges, formatChangeProblem, invert } from '../../src/compiler/edit/apply';
import { parentCycle } from '../../src/compiler/edit/apply-checks';
import {
  addElement,
  addPlace,
  addProject,
  addText,
  movePoint,
  placeUnplaced,
  removeEntry,
  setAreas,
  setCorridor,
  setField,
  setParent,
  setRelated,
  setRiver,
  setText,
  unplaceProject,
} from '../../src/compiler/edit/ops';
import { newPlan, openPlan, planData } from '../../src/compiler/edit/plan-doc';
import { quoteFromSelection } from '../../src/compiler/edit/seed';
import type { Change, EditablePlan } from '../../src/compiler/edit/types';

const seed = `第三章 空间布局
着力构建“一核两区”的空间布局。
一、“一核”引领
建设健康城，打造康养基地。
（一）重点项目
建设示范县人民医院新院区，建设温泉康养小镇。
— 12 —
推进中医药传承创新。
`;

const planYaml = `id: demo
# a fixture plan
title: 示范县健康服务业规划
level: county
region: { code: "530302", name: 示范县 }
period: 2021—2025
seed: demo.txt
formula: 一核两区
formulaSource: { section: 第三章 空间布局, quote: 着力构建“一核两区”的空间布局。 }
summary: { section: 第三章 空间布局, quote: 着力构建“一核两区”的空间布局。 }
targets: []
indicators: []
elements:
  - id: core
    role: core
    name: 健康城
    group: 一核
    geometry: { type: areas, codes: ["530302"] }
    precision: county
    functions: [建设健康城]
    projects: []
    source: { section: 一、“一核”引领, quote: 建设健康城，打造康养基地。 }

  - id: belt
    role: belt
    name: 康养带
    group: 两区
    geometry: { type: corridor, through: [[town-a, seat]] }
    precision: schematic
    functions: []
    projects: []
    source: { section: 一、“一核”引领, quote: 打造康养基地 }
projects:
  - id: hospital
    name: 示范县人民医院新院区
    category: medical
    county: "530302"
    place: seat
    element: core
    functions:
      - 建设示范县人民医院新院区
    source:
      section: 一、“一核”引领 （一）重点项目
      quote: 建设示范县人民医院新院区

  - id: spa
    name: 温泉康养小镇
    category: wellness-tourism
    county: "530302"
    place: spa
    functions: []
    source:
      section: 一、“一核”引领 （一）重点项目
      quote: 建设温泉康养小镇

  - id: clinic
    name: 中医馆
    category: tcm
    county: "530302"
    functions: []
    source:
      section: 一、“一核”引领 （一）重点项目
      quote: 推进中医药传承创新。
unplaced:
  - name: 康养基地
    reason: no location given
    source: { section: 一、“一核”引领, quote: 打造康养基地 }
`;

const placesYaml = `places:
  - id: seat
    name: 示范县城
    lon: 103.79
    lat: 25.49
    precision: county
    county: "530302"
    source: county seat
  - id: town-a
    name: 甲镇
    lon: 103.7
    lat: 25.6
    precision: township
    county: "530302"
    source: "Wikipedia: 甲镇"
  - id: spa
    name: 温泉康养小镇
    lon: 103.75
    lat: 25.55
    precision: township
    county: "530302"
    source: "Wikipedia: 温泉"
`;

const open = () => openPlan({ folder: 'demo', planYaml, placesYaml }, seed);

/** The real base layers: the fixture's places lie in 麒麟区 (530302). */
const base = readBaseGeo(resolve(import.meta.dirname, '../../public/geo/base'));

function apply(plan: EditablePlan, change: Change): EditablePlan {
  const result = applyChange(plan, change, { base });
  if (!result.ok) throw new Error(formatChangeProblem(result.problem));
  return result.plan;
}

function refusal(plan: EditablePlan, change: Change): string {
  const result = applyChange(plan, change, { base });
  if (result.ok) throw new Error('expected the change to be refused');
  return formatChangeProblem(result.problem);
}

/**
 * Applies a change, then its inverse, and expects both files back byte for byte; an entry removed and put back is
 * written in the studio's own style, so there (`exact: false`) the same data is expected.
 */
function roundTrip(plan: EditablePlan, change: Change, exact = true): EditablePlan {
  const next = apply(plan, change);
  const back = apply(next, invert(change));
  if (exact) {
    expect(back.planYaml).toBe(plan.planYaml);
    expect(back.placesYaml).toBe(plan.placesYaml);
  } else expect(planData(back)).toEqual(planData(plan));
  return next;
}

/** The plan still passes the schema and the seed checks the validator runs. */
function expectValid(plan: EditablePlan) {
  const { plan: content, places } = planData(plan);
  const parsed = planSchema.parse(content);
  placesFileSchema.parse({ places });
  expect(checkPlan(parsed, places, plan.seed)).toEqual([]);
}

describe('move a point', () => {
  it('gives a project on a shared place a place of its own, and undo removes it', () => {
    const plan = open();
    const change = movePoint(plan, 'hospital', { lon: 103.8123, lat: 25.5021, precision: 'exact', source: 'https://example.org/hospital' });
    expect(change.new).toMatchObject({ place: 'hospital', created: true, county: '530302' });
    const moved = roundTrip(plan, change);
    expect(moved.planYaml).toContain('    place: hospital\n');
    expect(moved.placesYaml).toMatch(/- id: hospital\n {4}name: 示范县人民医院新院区\n {4}lon: 103.8123\n {4}lat: 25.5021\n {4}precision: exact\n/);
    expect(planData(moved).places.find((p) => p.id === 'seat')?.lon).toBe(103.79);
    expectValid(moved);
  });

  it('updates a place that is the project’s own, line by line', () => {
    const plan = open();
    const moved = roundTrip(plan, movePoint(plan, 'spa', { lon: 103.76, lat: 25.55, precision: 'exact', source: 'https://example.org/spa' }));
    expect(moved.planYaml).toBe(plan.planYaml);
    expect(moved.placesYaml).toContain('    lon: 103.76\n    lat: 25.55\n    precision: exact\n');
  });

  it('places a project that sat at its county seat (no place key yet), after its county line', () => {
    const plan = open();
    const moved = roundTrip(plan, movePoint(plan, 'clinic', { lon: 103.8, lat: 25.5, precision: 'county' }));
    expect(moved.planYaml).toContain('    county: "530302"\n    place: clinic\n    functions: []');
    expect(planData(moved).places.at(-1)?.source).toMatch(/plan studio/);
  });

  it('refuses a stale move, naming file, place, field and both values', () => {
    const plan = open();
    const first = movePoint(plan, 'spa', { lon: 103.8, lat: 25.55, precision: 'exact', source: 'https://example.org/a' });
    const second = movePoint(plan, 'spa', { lon: 103.81, lat: 25.55, precision: 'exact', source: 'https://example.org/b' });
    const after = apply(plan, first);
    expect(refusal(after, second)).toBe('data/demo/places.yaml: place spa: lon: expected old 103.75 but found 103.8 — change not applied');
  });

  it('refuses an exact point without a source, and a point outside its county', () => {
    const plan = open();
    expect(refusal(plan, movePoint(plan, 'hospital', { lon: 103.8, lat: 25.5, precision: 'exact' }))).toMatch(
      /^data\/demo\/places\.yaml: place hospital: source: a point said to be exact needs its source/,
    );
    expect(refusal(plan, movePoint(plan, 'hospital', { lon: 102.7, lat: 25.04, precision: 'township', source: 'x' }))).toMatch(
      /place hospital: lon\/lat: 102.7, 25.04 lies outside its county 麒麟区/,
    );
  });
});

describe('words from the seed', () => {
  it('replaces a quote by a selection of the seed, with the section from the headings above it', () => {
    const plan = open();
    const start = seed.indexOf('建设温泉');
    const { quote, section } = quoteFromSelection(seed, start, seed.indexOf('小镇') + 2);
    expect(section).toBe('第三章 空间布局 一、“一核”引领 （一）重点项目');
    const changed = roundTrip(plan, setText(plan, 'spa', 'source', { section, quote }));
    expect(changed.planYaml).toContain('      quote: 建设温泉康养小镇\n');
  });

  it('takes a selection across a page break as one quote', () => {
    const start = seed.indexOf('小镇。');
    expect(quoteFromSelection(seed, start, seed.indexOf('创新。') + 3).quote).toBe('小镇。推进中医药传承创新。');
  });

  it('refuses words that are not in the seed, and says why', () => {
    const plan = open();
    expect(refusal(plan, setText(plan, 'core', 'functions[0]', '建设国际一流医学中心'))).toMatch(
      /^data\/demo\/plan\.yaml: element core “健康城”: functions\[0\]: not found verbatim in seed demo\.txt: “建设国际一流医学中心” — choose the words/,
    );
    expect(refusal(plan, setText(plan, 'spa', 'source', { section: 'x', quote: '凭空' }))).toMatch(/source\.quote: not found verbatim/);
  });

  it('appends and removes a function in a flow list', () => {
    const plan = open();
    const added = roundTrip(plan, addText(plan, 'core', 'functions', '打造康养基地'));
    expect(added.planYaml).toContain('functions: [建设健康城, 打造康养基地]');
    const removed = roundTrip(added, setText(added, 'core', 'functions[0]', null));
    expect(removed.planYaml).toContain('functions: [打造康养基地]');
  });

  it('refuses markup in a text field', () => {
    const plan = open();
    expect(refusal(plan, setField(plan, 'spa', 'note', '<b>x</b>'))).toMatch(/note: markup/);
  });
});

describe('unplaced items', () => {
  it('sends a project back to unplaced with a reason, and undo puts it back where it was', () => {
    const plan = open();
    const change = unplaceProject(plan, 'spa', 'the plan gives no site');
    const next = roundTrip(plan, change, false);
    expect(planData(next).plan.projects).toHaveLength(2);
    expect((planData(next).plan.unplaced as { reason: string }[]).at(-1)?.reason).toBe('the plan gives no site');
    expectValid(next);
  });

  it('places an unplaced item as a project, keeping its name and quote', () => {
    const plan = open();
    const next = roundTrip(plan, placeUnplaced(plan, 0, { id: 'base', county: '530302', category: 'wellness-tourism' }), false);
    const project = (planData(next).plan.projects as { id: string; name: string }[]).at(-1);
    expect(project).toMatchObject({ id: 'base', name: '康养基地' });
    expect(planData(next).plan.unplaced).toEqual([]);
    expectValid(next);
  });

  it('refuses placing it under an id already taken', () => {
    const plan = open();
    expect(refusal(plan, placeUnplaced(plan, 0, { id: 'core', county: '530302' }))).toMatch(/project core: id: duplicate id “core”/);
  });
});

describe('extents, links and entries', () => {
  it('sets a zone’s counties, a belt’s waypoints and a belt’s river', () => {
    const plan = open();
    expect(roundTrip(plan, setAreas(plan, 'core', ['530302', '530303'], ['530381'])).planYaml).toContain(
      'geometry: { type: areas, codes: ["530302", "530303"], linked: ["530381"] }',
    );
    expect(roundTrip(plan, setCorridor(plan, 'belt', [['seat', 'spa', 'town-a']])).planYaml).toContain('through: [[seat, spa, town-a]]');
    expect(roundTrip(plan, setRiver(plan, 'belt', '南盘江', ['530302'])).planYaml).toContain('geometry: { type: river, river: 南盘江, within: ["530302"] }');
    expect(refusal(plan, setCorridor(plan, 'belt', [['seat', 'nowhere']]))).toMatch(/unknown place “nowhere”/);
    expect(refusal(plan, setAreas(plan, 'core', ['12345']))).toMatch(/element core “健康城”: geometry\.codes\[0\]: \S/);
  });

  it('sets the parent, refusing the plan as its own parent', () => {
    const plan = open();
    expect(roundTrip(plan, setParent(plan, { plan: 'province', element: 'zone-east' })).planYaml).toContain(
      'period: 2021—2025\nparent: { plan: province, element: zone-east }\nseed: demo.txt',
    );
    expect(refusal(plan, setParent(plan, { plan: 'demo' }))).toMatch(/parent\.plan: a plan cannot be its own parent/);
    const parents = new Map<string, string | undefined>([
      ['province', undefined],
      ['city', 'demo'],
      ['demo', 'province'],
    ]);
    const result = applyChange(plan, setParent(plan, { plan: 'city' }), { parents });
    expect(result.ok ? '' : formatChangeProblem(result.problem)).toBe('data/demo/plan.yaml: plan: parent.plan: a cycle of parents: demo → city → demo');
    expect(parentCycle(parents, 'demo', 'province')).toBeUndefined();
  });

  it('sets an element’s links to other plans', () => {
    const plan = open();
    const next = roundTrip(plan, setRelated(plan, 'belt', [{ plan: 'province', feature: 'province-belt-river' }]));
    expect(next.planYaml).toContain('    related:\n      - { plan: province, feature: province-belt-river }\n');
  });

  it('adds and removes elements, projects and places; refuses duplicates and dangling references', () => {
    const plan = open();
    const node = {
      id: 'node-a',
      role: 'node' as const,
      name: '甲镇',
      group: '两区',
      geometry: { type: 'point' as const, place: 'town-a' },
      precision: 'township' as const,
      functions: ['打造康养基地'],
      projects: [],
      source: { section: '一、“一核”引领', quote: '打造康养基地' },
    };
    const withNode = roundTrip(plan, addElement(plan, node));
    expectValid(withNode);
    expect(refusal(withNode, addElement(withNode, node))).toMatch(/element node-a “甲镇”: id: duplicate id “node-a”/);
    const project = { ...(planData(plan).plan.projects as Record<string, unknown>[])[0], id: 'hospital-2' } as never;
    expectValid(roundTrip(plan, addProject(plan, project)));
    const place = { id: 'town-b', name: '乙镇', lon: 103.9, lat: 25.7, precision: 'township' as const, county: '530302', source: 'x' };
    roundTrip(plan, addPlace(plan, place));
    expect(refusal(plan, removeEntry(plan, 'core'))).toMatch(/element core “健康城”: id: still named in project hospital/);
    expect(refusal(plan, removeEntry(plan, 'place:seat'))).toMatch(/place seat: id: still used/);
    expectValid(roundTrip(plan, removeEntry(plan, 'clinic'), false));
  });

  it('moves a node and its precision together', () => {
    const plan = apply(
      open(),
      addElement(open(), {
        id: 'node-a',
        role: 'node',
        name: '甲镇',
        group: '两区',
        geometry: { type: 'point', place: 'town-a' },
        precision: 'township',
        functions: [],
        projects: [],
        source: { section: 'x', quote: '打造康养基地' },
      }),
    );
    const moved = roundTrip(plan, movePoint(plan, 'node-a', { lon: 103.71, lat: 25.59, precision: 'exact', source: 'https://example.org/n' }));
    // town-a is also a waypoint of the belt, so the node gets its own place
    expect(moved.planYaml).toContain('geometry: { type: point, place: node-a }\n    precision: exact\n');
  });
});

describe('several changes', () => {
  it('applies the good ones and reports the stale one', () => {
    const plan = open();
    const a = movePoint(plan, 'spa', { lon: 103.8, lat: 25.55, precision: 'exact', source: 'https://example.org/a' });
    const b = movePoint(plan, 'spa', { lon: 103.81, lat: 25.55, precision: 'exact', source: 'https://example.org/b' });
    const c = setAreas(plan, 'core', ['530302', '530303']);
    const { plan: next, applied, refused } = applyChanges(plan, [a, b, c], { base });
    expect(applied).toEqual([a, c]);
    expect(refused.map((r) => r.problem.kind)).toEqual(['stale']);
    expect(planData(next).places.find((p) => p.id === 'spa')?.lon).toBe(103.8);
  });
});

describe('a new plan', () => {
  it('starts from its text, region and layout sentence, and takes elements and projects', () => {
    const plan = newPlan({
      id: 'newplan',
      title: '示范县健康服务业规划',
      level: 'county',
      region: { code: '530302', name: '示范县' },
      parent: { plan: 'city' },
      seedName: 'newplan.txt',
      seed,
      period: '2021—2025',
      formula: '一核两区',
      formulaSource: { section: '第三章 空间布局', quote: '着力构建“一核两区”的空间布局。' },
    });
    expectValid(plan);
    expect(plan.placesYaml).toBe('places: []\n');
    const element = {
      id: 'core',
      role: 'core' as const,
      name: '健康城',
      group: '一核',
      geometry: { type: 'areas' as const, codes: ['530302'] },
      precision: 'county' as const,
      functions: ['建设健康城'],
      projects: [],
      source: { section: '一、“一核”引领', quote: '建设健康城，打造康养基地。' },
    };
    let next = apply(plan, addElement(plan, element));
    const project = {
      id: 'hospital',
      name: '示范县人民医院新院区',
      category: 'medical' as const,
      county: '530302',
      element: 'core',
      functions: ['建设示范县人民医院新院区'],
      source: { section: '（一）重点项目', quote: '建设示范县人民医院新院区' },
    };
    next = apply(next, addProject(next, project));
    next = apply(next, movePoint(next, 'hospital', { lon: 103.8, lat: 25.5, precision: 'exact', source: 'https://example.org' }));
    expectValid(next);
    expect(next.planYaml).toMatch(/^elements:\n {2}- id: core\n/m);
    expect(next.placesYaml).toMatch(/^places:\n {2}- id: hospital\n/);
    const bad = { id: 'x', title: 't', level: 'county' as const, region: { code: '539999', name: 'x' }, seedName: 'a.txt', seed, period: 'p' };
    expect(() => newPlan({ ...bad, summary: { section: 's', quote: '推进中医药传承创新。' } }, base)).toThrow(
      /region\.code: “539999” is not a county or prefecture of the base layers/,
    );
    expect(() => openPlan({ folder: 'demo', planYaml: 'plan: demo\nchanges: []\n' }, seed)).toThrow(/^data\/demo\/plan\.yaml: \(whole file\): not a plan/);
    expect(() =>
      newPlan({ ...{ id: 'Bad Id', title: 't', level: 'county', region: { code: '530302', name: 'x' }, seedName: 'a.txt', seed, period: 'p' } }),
    ).toThrow(/id: “Bad Id” must use lower-case letters/);
  });
});
