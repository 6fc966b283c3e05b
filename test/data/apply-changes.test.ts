/**
 * `npm run apply` (its Node host, in-process): two counties each send a change set for the same plan; both apply to a copy of data/, a change
 * made against the old files is refused by name, and the result validates.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pointOnFeature } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { formatChangeSet } from '../../src/compiler/edit/change-set';
import { movePoint } from '../../src/compiler/edit/ops';
import { openPlan, planData } from '../../src/compiler/edit/plan-doc';
import { applyChangeSets } from '../../scripts/lib/apply-change-sets';
import { baseGeo, editedCopy, planFolders } from './compile';

describe('npm run apply', () => {
  it('applies two counties’ change sets to one plan, refuses a stale change, and validates', () => {
    const data = editedCopy(() => {});
    const dir = join(data, '..');
    const base = baseGeo();
    // any plan with two projects will do: the data is used generically
    const folder = planFolders(data).find(
      (f) => (planData(openPlan({ folder: f, planYaml: readFileSync(join(data, f, 'plan.yaml'), 'utf8') }, undefined)).plan.projects as unknown[]).length >= 2,
    )!;
    const read = (name: string) => readFileSync(join(data, folder, name), 'utf8');
    const plan = openPlan({ folder, planYaml: read('plan.yaml'), placesYaml: read('places.yaml') }, undefined);
    const [first, second] = planData(plan).plan.projects as { id: string; county: string; functions: string[] }[];
    const inside = (county: string) => pointOnFeature(base.countyByCode.get(county)!).geometry.coordinates as [number, number];

    const [lon1, lat1] = inside(first!.county);
    const countyA = {
      plan: folder,
      who: '甲县卫生健康局',
      date: '2026-12-01',
      changes: [movePoint(plan, first!.id, { lon: lon1, lat: lat1, precision: 'exact', source: 'https://example.org/first' }, { note: '新院区' })],
    };
    const [lon2, lat2] = inside(second!.county);
    const countyB = {
      plan: folder,
      who: '乙县卫生健康局',
      date: '2026-12-02',
      changes: [
        movePoint(plan, second!.id, { lon: lon2, lat: lat2, precision: 'township', source: '乙县人民政府网站' }),
        // made against the files before county A's set: stale once that set is in
        movePoint(plan, first!.id, { lon: lon1 + 0.0001, lat: lat1, precision: 'exact', source: 'https://example.org/other' }),
      ],
    };
    const fileA = join(dir, 'county-a.yaml');
    const fileB = join(dir, 'county-b.yaml');
    writeFileSync(fileA, formatChangeSet(countyA));
    writeFileSync(fileB, formatChangeSet(countyB));

    const report = applyChangeSets(data, [fileA, fileB], dir, base);
    const output = [...report.applied, ...report.refused, ...report.problems].join('\n');
    expect(report.refused).toHaveLength(1);
    expect(report.applied).toHaveLength(2);
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(planFolders(data).length);
    expect(output).toMatch(
      new RegExp(
        `✗ data/${folder}/(plan|places)\\.yaml: [^\\n]*: expected old [^\\n]* but found [^\\n]* — change not applied \\(county-b\\.yaml changes\\[1\\]\\)`,
      ),
    );

    const after = openPlan({ folder, planYaml: read('plan.yaml'), placesYaml: read('places.yaml') }, undefined);
    const { plan: content, places } = planData(after);
    const placeOf = (id: string) => places.find((p) => p.id === (content.projects as { id: string; place?: string }[]).find((x) => x.id === id)?.place);
    expect(placeOf(first!.id)).toMatchObject({ lon: Math.round(lon1 * 1e5) / 1e5, precision: 'exact', source: 'https://example.org/first' });
    expect(placeOf(second!.id)).toMatchObject({ lat: Math.round(lat2 * 1e5) / 1e5, precision: 'township', source: '乙县人民政府网站' });
  });
});
