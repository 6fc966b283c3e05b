/** The project list's parts loader: which published files a filter downloads, and its notice with a retry. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getNotices } from '../../src/data/notices';
import {
  eachPart,
  getProjectParts,
  projectPartResource,
  requestProjects,
  retryProjects,
  setAllPartsMost,
  setProjectWindow,
  whenProjectsSettled,
} from '../../src/data/project-parts';
import { resetDataLayer } from '../../src/data/reset';
import { emptyProjectFilters, type ProjectFilters } from '../../src/lib/project-filter';
import { projectPartPaths } from '../../src/lib/project-summary';
import { fixtureFiles, fixtureProjects } from './fixtures/projects';

let asked: string[] = [];
/** Serves the fixture, noting each path asked for; `missing` paths answer 404. */
function serve(missing: readonly string[] = []) {
  const files = fixtureFiles();
  vi.stubGlobal('fetch', async (input: string | URL) => {
    const path = new URL(String(input), document.baseURI).pathname.replace(/^\//, '');
    asked.push(path);
    return path in files && !missing.includes(path) ? new Response(JSON.stringify(files[path]), { status: 200 }) : new Response('not found', { status: 404 });
  });
}
const need = (f: Partial<ProjectFilters>) => ({ filters: { ...emptyProjectFilters, ...f }, shortlist: [], mode: 'all' as const });
const parts = () => asked.filter((p) => p.startsWith('geo/projects/')).sort();

beforeEach(() => {
  resetDataLayer();
  asked = [];
});
afterEach(() => vi.unstubAllGlobals());

describe('the project parts', () => {
  it('a plan filter downloads the summary and that plan’s part, and lists its rows', async () => {
    serve();
    requestProjects(need({ plans: ['county'] }));
    const state = await whenProjectsSettled();
    expect(parts()).toEqual([projectPartPaths.part('county'), projectPartPaths.summary]);
    expect(state.records.filter((r) => r.plan === 'county').map((r) => r.id)).toEqual(['county-hospital', 'county-spa', 'county-tea']);
    expect(asked).not.toContain('geo/plans/projects.json');
  });

  it('a prefecture filter downloads the parts of the plans with projects there', async () => {
    serve();
    requestProjects(need({ counties: ['曲靖市'] }));
    await whenProjectsSettled();
    expect(parts()).toEqual([projectPartPaths.part('city'), projectPartPaths.summary]);
  });

  it('no filter: every part, the rows in the plans’ order', async () => {
    serve();
    requestProjects(need({}));
    const state = await whenProjectsSettled();
    expect(parts()).toEqual(['city', 'county', 'prov'].map(projectPartPaths.part).concat(projectPartPaths.summary).sort());
    expect(state.records.map((r) => r.id)).toEqual(fixtureProjects.map((r) => r.id));
    expect(state.progress).toEqual({ loaded: 3, total: 3 });
    // Every row is in: the map draws the list's rows, no points of its own.
    expect(state.points).toBeUndefined();
  });

  it('beyond every part’s budget, the unfiltered list loads only the parts of its window', async () => {
    serve();
    // The fixture's 10 projects over a budget of 5: prov holds rows 0–1, city 2–6, county 7–9.
    setAllPartsMost(5);
    setProjectWindow(0, 2);
    requestProjects(need({}));
    const state = await whenProjectsSettled();
    expect(state.perPlan?.map(([p]) => p)).toEqual(['prov', 'city', 'county']);
    // Rows 0–1 and a window's length beyond: prov and city, not county.
    expect(parts()).toEqual([projectPartPaths.part('city'), projectPartPaths.part('prov'), projectPartPaths.summary]);
    // The map still draws every project: their points are read in the background, county's part let go after.
    await vi.waitFor(() => expect(getProjectParts().points?.map((p) => p.id)).toEqual(fixtureProjects.map((r) => r.id)));
    expect(getProjectParts().points?.[0]).toEqual({
      id: 'prov-hospital',
      plan: 'prov',
      name: fixtureProjects[0]!.name,
      category: 'medical',
      precision: fixtureProjects[0]!.precision,
      county: fixtureProjects[0]!.county,
      lon: fixtureProjects[0]!.lon,
      lat: fixtureProjects[0]!.lat,
    });
    expect(projectPartResource.peek('county')).toBeUndefined();
    // Scrolled to the end: county's part comes.
    setProjectWindow(8, 10);
    await vi.waitFor(() => expect(getProjectParts().records.filter((r) => r.plan === 'county')).toHaveLength(3));
    expect(parts()).toContain(projectPartPaths.part('county'));
  });

  it('a download of such a list reads every part in turn, fetching the ones not in and keeping none of them', async () => {
    serve();
    setAllPartsMost(5);
    setProjectWindow(0, 2);
    requestProjects(need({}));
    await whenProjectsSettled();
    const rows: string[] = [];
    for await (const part of eachPart(['prov', 'city', 'county'])) rows.push(...part.map((r) => r.id));
    expect(rows).toEqual(fixtureProjects.map((r) => r.id));
    // prov and city were in (not fetched again); county was fetched for the download alone, once, and not kept.
    expect(parts().filter((p) => p !== projectPartPaths.summary)).toEqual(['city', 'county', 'prov'].map(projectPartPaths.part));
    expect(projectPartResource.peek('county')).toBeUndefined();
    // A part that cannot be read ends the download with its error.
    serve([projectPartPaths.part('county')]);
    await expect(eachPart(['county']).next()).rejects.toThrow();
  });

  it('a part that fails is a notice whose retry loads it', async () => {
    serve([projectPartPaths.part('city')]);
    requestProjects(need({ plans: ['city'] }));
    expect((await whenProjectsSettled()).failed).toBe(true);
    const notice = getNotices().find((n) => n.subject.type === 'projects-failed');
    expect(notice?.retry).toBeDefined();
    serve();
    retryProjects();
    await vi.waitFor(() => expect(getProjectParts().complete).toBe(true));
    expect(getProjectParts().records.filter((r) => r.plan === 'city')).toHaveLength(5);
    expect(getNotices().some((n) => n.subject.type === 'projects-failed')).toBe(false);
  });
});
