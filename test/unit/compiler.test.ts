// @vitest-environment node
/** The one compiler: what it publishes and what it refuses, on fixture plans (the same code runs in the studio). */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePlans } from '../../src/compiler/compile';
import { publishedFiles } from '../../src/compiler/publish';
import { readBaseGeo } from '../../scripts/lib/base-geo';
import { fixturePlan, fixtureSeed, fixtureSeedName } from '../fixtures/compiler-plans';

const base = readBaseGeo(resolve(import.meta.dirname, '../../public/geo/base'));
const readSeed = (name: string) => (name === fixtureSeedName ? fixtureSeed : undefined);

describe('the plan compiler', () => {
  it('builds a sound plan into its layer, the catalogue, the tables and its published sources', () => {
    const sources = [fixturePlan('alpha')];
    const { plans, problems } = compilePlans(sources, readSeed, base);
    expect(problems).toEqual([]);
    const files = publishedFiles(plans, sources, readSeed);
    expect(Object.keys(files).sort()).toEqual(
      [
        'geo/plans/alpha.geojson',
        'geo/plans/catalogue.json',
        'geo/projects/alpha.json',
        'geo/projects/summary.json',
        'geo/search/0.json',
        'geo/search/index.json',
        'geo/sources/alpha.json',
      ].sort(),
    );
    const published = JSON.parse(files['geo/sources/alpha.json']!);
    expect(published.seed).toEqual({ name: fixtureSeedName, text: fixtureSeed });
    const layer = JSON.parse(files['geo/plans/alpha.geojson']!);
    const hospital = layer.features.find((f: { properties: { id: string } }) => f.properties.id === 'alpha-hospital');
    expect(hospital.geometry.coordinates).toEqual([100.0865, 23.8865]);
    expect(hospital.properties.precision).toBe('exact');
  });

  it('refuses a point said to be exact that lies outside its county, naming file, place and field', () => {
    const { plans, problems, failed } = compilePlans([fixturePlan('alpha', { lon: 102.7, lat: 25.04 })], readSeed, base);
    expect(plans).toEqual([]);
    expect(failed).toEqual(['alpha']);
    expect(problems).toEqual([expect.stringMatching(/^data\/alpha\/places\.yaml: places\[0\] hospital-site “新院区”: lon\/lat: .*outside its county 临翔区/)]);
  });

  it('prints the validator lines word for word, the schema’s own messages included (the studio words them apart)', () => {
    expect(compilePlans([fixturePlan('alpha', { quote: '构建“三核九区”的空间布局。' })], readSeed, base).problems).toEqual([
      'data/alpha/plan.yaml: plan: summary.quote: not found verbatim in seed fixture.txt: “构建“三核九区”的空间布局。”',
    ]);
    expect(compilePlans([fixturePlan('alpha', { precision: 'roughly' })], readSeed, base).problems).toEqual([
      'data/alpha/places.yaml: places[0] hospital-site “新院区”: precision: Invalid option: expected one of "exact"|"township"|"county"|"schematic"',
    ]);
  });

  it('accepts the same point when it is only schematic', () => {
    expect(compilePlans([fixturePlan('alpha', { lon: 102.7, lat: 25.04, precision: 'schematic' })], readSeed, base).problems).toEqual([]);
  });

  it('refuses a quote that is not in the seed', () => {
    const { problems } = compilePlans([fixturePlan('alpha', { quote: '构建“三核九区”的空间布局。' })], readSeed, base);
    expect(problems).toEqual([expect.stringMatching(/^data\/alpha\/plan\.yaml: plan: summary\.quote: not found verbatim in seed/)]);
  });

  it('refuses invisible bidirectional control characters in plan text', () => {
    const { problems } = compilePlans([fixturePlan('alpha', { quote: '构建“一核两区”\u202E的空间布局。' })], readSeed, base);
    expect(problems.join('\n')).toMatch(/summary\.quote: invisible bidirectional control characters/);
  });

  it.each([
    ['U+2066 (left-to-right isolate)', '\u2066'],
    ['U+200F (right-to-left mark)', '\u200F'],
  ])('refuses the bidirectional control %s in plan text too', (_name, control) => {
    const { plans, problems } = compilePlans([fixturePlan('alpha', { quote: `构建“一核两区”${control}的空间布局。` })], readSeed, base);
    expect(plans).toEqual([]);
    expect(problems.join('\n')).toMatch(/summary\.quote: invisible bidirectional control characters/);
  });

  it('never publishes a cycle in the plan tree', () => {
    const { plans, problems } = compilePlans(
      [fixturePlan('alpha', { parent: 'beta' }), fixturePlan('beta', { parent: 'alpha' }), fixturePlan('gamma')],
      readSeed,
      base,
    );
    expect(plans.map((p) => p.meta.id)).toEqual(['gamma']);
    expect(problems.join('\n')).toMatch(/data\/alpha\/plan\.yaml: plan: parent\.plan: the plan tree has a cycle \(alpha → beta → alpha\)/);
  });

  it('never publishes a plan whose parent is nowhere, and keeps the others', () => {
    const { plans, problems } = compilePlans([fixturePlan('alpha', { parent: 'nowhere' }), fixturePlan('gamma')], readSeed, base);
    expect(plans.map((p) => p.meta.id)).toEqual(['gamma']);
    expect(problems).toEqual(['data/alpha/plan.yaml: plan: parent.plan: no plan “nowhere” under data/']);
  });

  it('never publishes a plan whose related link points at a plan or feature that is not there, and keeps the others', () => {
    const noPlan = compilePlans([fixturePlan('alpha', { related: { plan: 'nowhere' } }), fixturePlan('gamma')], readSeed, base);
    expect(noPlan.plans.map((p) => p.meta.id)).toEqual(['gamma']);
    expect(noPlan.problems).toEqual(['data/alpha/plan.yaml: alpha-core: related[0].plan: no plan “nowhere” under data/']);
    const noFeature = compilePlans([fixturePlan('alpha', { related: { plan: 'gamma', feature: 'gamma-none' } }), fixturePlan('gamma')], readSeed, base);
    expect(noFeature.plans.map((p) => p.meta.id)).toEqual(['gamma']);
    expect(noFeature.problems.join('\n')).toMatch(/^data\/alpha\/plan\.yaml: alpha-core: related\[0\]\.feature: .*gamma-none/);
  });

  it('publishes a plan whose related link leads to a real feature', () => {
    const { plans, problems } = compilePlans(
      [fixturePlan('alpha', { related: { plan: 'gamma', feature: 'gamma-core' } }), fixturePlan('gamma')],
      readSeed,
      base,
    );
    expect(problems).toEqual([]);
    expect(plans.map((p) => p.meta.id).sort()).toEqual(['alpha', 'gamma']);
  });

  it('checks links against plans it is not compiling (the studio compiles one plan)', () => {
    const others = { plans: new Map([['beta', { parent: { plan: 'alpha' } }]]) };
    expect(compilePlans([fixturePlan('alpha', { parent: 'beta' })], readSeed, base, others).problems.join('\n')).toMatch(/cycle \(alpha → beta → alpha\)/);
    expect(compilePlans([fixturePlan('alpha', { parent: 'beta' })], readSeed, base, { plans: new Map([['beta', {}]]) }).problems).toEqual([]);
  });

  it('says a file that is not a plan is not a plan', () => {
    const { problems } = compilePlans([{ folder: 'alpha', planYaml: '- just\n- a list\n' }], readSeed, base);
    expect(problems).toEqual([expect.stringMatching(/^data\/alpha\/plan\.yaml: file: \(whole file\): not a plan/)]);
  });
});
