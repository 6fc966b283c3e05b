/**
 * The studio edits the real plan files by splicing: nothing changes unless a change says so, a change touches only
 * its own entry's lines, and taking it back restores the files byte for byte. Runs on every plan in data/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pointOnFeature } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../src/compiler/compile';
import { baseGeo } from './compile';
import { applyChange, invert } from '../../src/compiler/edit/apply';
import { movePoint, setText } from '../../src/compiler/edit/ops';
import { openPlan, planData, placeUses, planSources } from '../../src/compiler/edit/plan-doc';
import type { Change, EditablePlan } from '../../src/compiler/edit/types';

const data = resolve(import.meta.dirname, '../../data');
const base = baseGeo();
const readSeed = (name: string) => (existsSync(join(data, 'seeds', name)) ? readFileSync(join(data, 'seeds', name), 'utf8') : undefined);
const folders = readdirSync(data, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'seeds' && existsSync(join(data, d.name, 'plan.yaml')))
  .map((d) => d.name);

function open(folder: string): EditablePlan {
  const placesFile = join(data, folder, 'places.yaml');
  const sources = {
    folder,
    planYaml: readFileSync(join(data, folder, 'plan.yaml'), 'utf8'),
    ...(existsSync(placesFile) ? { placesYaml: readFileSync(placesFile, 'utf8') } : {}),
  };
  const seedName = openPlan(sources, undefined).seedName;
  return openPlan(sources, readFileSync(join(data, 'seeds', seedName), 'utf8'));
}

function apply(plan: EditablePlan, change: Change): EditablePlan {
  const result = applyChange(plan, change);
  if (!result.ok) throw new Error(result.problem.message);
  return result.plan;
}

/** The lines that differ: what is left of each text once the common first and last lines are taken off. */
function changedLines(before: string, after: string): { from: number; removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { from: start, removed: a.slice(start, endA), added: b.slice(start, endB) };
}

describe.each(folders)('plan %s', (folder) => {
  const plan = open(folder);
  const { plan: content, places } = planData(plan);
  const projects = (content.projects ?? []) as { id: string; name: string; place?: string; county: string; functions: string[] }[];

  it('opens and gives back its files byte for byte', () => {
    const sources = planSources(plan);
    expect(sources.planYaml).toBe(readFileSync(join(data, folder, 'plan.yaml'), 'utf8'));
    const placesFile = join(data, folder, 'places.yaml');
    if (existsSync(placesFile)) expect(sources.placesYaml).toBe(readFileSync(placesFile, 'utf8'));
  });

  it('moves a project: only its own lines change, and undo restores both files byte for byte', () => {
    const project = projects[0];
    if (!project) return;
    const move = movePoint(plan, project.id, { lon: 101.5, lat: 24.5, precision: 'exact', source: 'https://example.org/site-plan' });
    const moved = apply(plan, move);
    const planDiff = changedLines(plan.planYaml, moved.planYaml);
    const placesDiff = changedLines(plan.placesYaml ?? '', moved.placesYaml ?? '');
    if ((move.new as { created?: boolean }).created) {
      // a new place of its own: one line in plan.yaml (the project's place), one new entry at the end of places.yaml
      expect(planDiff.removed.length + planDiff.added.length).toBeLessThanOrEqual(2);
      expect(planDiff.added.join('\n')).toContain(`place: ${(move.new as { place: string }).place}`);
      expect(placesDiff.removed).toEqual([]);
      expect(placesDiff.added.join('\n')).toContain('lon: 101.5');
      expect(placesDiff.added.filter((l) => l.trimStart().startsWith('- id:'))).toHaveLength(1);
    } else {
      expect(planDiff.added).toEqual([]);
      expect(placesDiff.added.every((l) => /^\s+(lon|lat|precision|source):/.test(l))).toBe(true);
    }
    const undone = apply(moved, invert(move));
    expect(undone.planYaml).toBe(plan.planYaml);
    expect(undone.placesYaml).toBe(plan.placesYaml);
  });

  it('compiles after a move, with the project at its new point (what the build will publish)', () => {
    const project = projects.find((p) => base.countyByCode.has(p.county));
    if (!project) return;
    const [lon, lat] = pointOnFeature(base.countyByCode.get(project.county)!).geometry.coordinates as [number, number];
    const result = applyChange(plan, movePoint(plan, project.id, { lon, lat, precision: 'exact', source: 'https://example.org/site' }), { base });
    if (!result.ok) throw new Error(result.problem.message);
    const compiled = compilePlan(planSources(result.plan), readSeed, base);
    expect(compiled.problems).toEqual([]);
    const feature = compiled.built!.features.find((f) => f.properties.role === 'project' && f.properties.id === `${folder}-${project.id}`);
    expect(feature?.geometry).toEqual({ type: 'Point', coordinates: [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5] });
    expect(feature?.properties.precision).toBe('exact');
  });

  it('moving a point that is its own place changes only that entry of places.yaml', () => {
    const uses = placeUses(plan);
    const own = projects.find((p) => p.place && uses.get(p.place) === 1 && places.find((x) => x.id === p.place)?.name === p.name);
    const place = own && places.find((x) => x.id === own.place);
    if (!own || !place) return;
    const moved = apply(plan, movePoint(plan, own.id, { lon: place.lon + 0.001, lat: place.lat, precision: 'exact', source: 'https://example.org/x' }));
    expect(moved.planYaml).toBe(plan.planYaml);
    const diff = changedLines(plan.placesYaml ?? '', moved.placesYaml ?? '');
    const lines = (plan.placesYaml ?? '').split('\n');
    const entryStart = lines.findIndex((l) => l.trim() === `- id: ${place.id}`);
    let entryEnd = entryStart + 1;
    while (entryEnd < lines.length && !lines[entryEnd]!.trimStart().startsWith('- id:')) entryEnd++;
    expect(diff.from).toBeGreaterThan(entryStart);
    expect(diff.from + diff.removed.length).toBeLessThanOrEqual(entryEnd);
  });

  it('replaces a function by a seed phrase and back, touching one line', () => {
    const project = projects.find((p) => p.functions.length > 0);
    if (!project || !plan.seed) return;
    const other = projects.flatMap((p) => p.functions).find((f) => f !== project.functions[0])!;
    const change = setText(plan, project.id, 'functions[0]', other);
    const changed = apply(plan, change);
    const diff = changedLines(plan.planYaml, changed.planYaml);
    expect(diff.removed).toHaveLength(1);
    expect(diff.added).toHaveLength(1);
    expect(apply(changed, invert(change)).planYaml).toBe(plan.planYaml);
  });
});
