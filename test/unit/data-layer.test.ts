/** The data layer: one load per file, failures as notices with a retry, unknown plans settled, invalid features counted. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settlePlan } from '../../src/app/start-plan';
import { loadCatalogue, makeCatalogue } from '../../src/data/catalogue';
import { fetchJson } from '../../src/data/fetch-asset';
import { getNotices } from '../../src/data/notices';
import { getFeature, loadPlan, planResource } from '../../src/data/plans';
import { resetDataLayer } from '../../src/data/reset';
import { createAtlasStore } from '../../src/state/store';
import { compiledAtlas } from './fixtures/compiled-atlas';
import { serveFiles } from './public-fetch';

const { files, catalogue: published, planFile } = compiledAtlas();
/** The fixture atlas served as published, with `overrides` in place of some of its files. */
const serve = (overrides: Record<string, unknown> = {}) => serveFiles({ ...files, ...overrides });

beforeEach(() => {
  resetDataLayer();
  serve();
});
afterEach(() => vi.unstubAllGlobals());

describe('data layer', () => {
  it('builds the plan tree from each plan’s own parent, whatever the plans are called', () => {
    const entry = (id: string, parent?: string) => ({ ...published[0]!, id, ...(parent ? { parent: { plan: parent } } : { parent: undefined }) });
    const c = makeCatalogue([entry('prov'), entry('city-a', 'prov'), entry('county-x', 'city-a'), entry('orphan', 'missing')]);
    expect(c.tree.map((n) => [n.plan.id, n.depth])).toEqual([
      ['prov', 0],
      ['city-a', 1],
      ['county-x', 2],
      ['orphan', 0],
    ]);
    expect(c.rootOf('county-x')).toBe('prov');
    expect(c.defaultPlan).toBe('prov');
  });

  it('fetches each file once and derives colours, legend and chapters once per plan', async () => {
    const fetches: string[] = [];
    const served = globalThis.fetch;
    vi.stubGlobal('fetch', (input: string | URL) => {
      fetches.push(String(input));
      return served(input);
    });
    const [a, b] = await Promise.all([loadPlan('alpha'), loadPlan('alpha')]);
    expect(a).toBe(b);
    expect(fetches.filter((f) => f.endsWith('alpha.geojson'))).toHaveLength(1);
    expect(a.colors.get('alpha-core')).toBe(a.meta.color);
    expect(a.legend.roles.map((r) => r.role)).toEqual(['core', 'zone', 'belt', 'node', 'project']);
    expect(a.chapters[0]?.kind).toBe('overview');
    expect(getFeature('alpha-core')?.properties.name).toBeTruthy();
  });

  it('counts invalid features on screen (a notice) and leaves them out', async () => {
    const real = planFile('alpha');
    const broken = { ...real, features: real.features.map((f, i) => (i < 2 ? { ...f, properties: { ...f.properties, role: 'castle' } } : f)) };
    vi.unstubAllGlobals();
    serve({ 'geo/plans/alpha.geojson': broken });
    const bundle = await loadPlan('alpha');
    expect(bundle.invalid).toBe(2);
    expect(bundle.features).toHaveLength(real.features.length - 2);
    expect(getNotices().map((n) => n.subject)).toContainEqual({ type: 'invalid-entries', file: 'geo/plans/alpha.geojson', count: 2 });
  });

  it('reports a plan that fails to load, with a retry that works once the file is back', async () => {
    vi.unstubAllGlobals();
    serve({ 'geo/plans/beta-x.geojson': { type: 'nonsense' } });
    await expect(loadPlan('beta-x')).rejects.toThrow(/beta-x\.geojson/);
    const notice = getNotices().find((n) => n.subject.type === 'plan-failed');
    expect(notice?.subject).toMatchObject({ plan: 'beta-x' });
    expect(notice?.retry).toBeTypeOf('function');
    vi.unstubAllGlobals();
    serve();
    await planResource.retry('beta-x');
    expect(planResource.peek('beta-x')?.status).toBe('ready');
    expect(getNotices().some((n) => n.subject.type === 'plan-failed')).toBe(false);
  });

  it('retries failed loads when the browser comes back online', async () => {
    vi.unstubAllGlobals();
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(loadPlan('gamma')).rejects.toThrow(/gamma\.geojson: network error \(Failed to fetch\)/);
    vi.unstubAllGlobals();
    serve();
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(planResource.peek('gamma')?.status).toBe('ready'));
  });

  it('requests no file and offers no retry for a well-formed plan id the catalogue does not hold', async () => {
    const fetches: string[] = [];
    const served = globalThis.fetch;
    vi.stubGlobal('fetch', (input: string | URL) => {
      fetches.push(String(input));
      return served(input);
    });
    await expect(loadPlan('atlantis')).rejects.toThrow(/no plan “atlantis”/);
    expect(fetches.some((f) => f.includes('atlantis'))).toBe(false);
    expect(getNotices().some((n) => n.subject.type === 'plan-failed')).toBe(false);
  });

  it('opens the default plan, and says so, when a link names a plan that does not exist', async () => {
    const store = createAtlasStore();
    store.setState({ planId: 'atlantis', selectedId: 'atlantis-core' });
    settlePlan(await loadCatalogue(), store);
    expect(store.getState().planId).toBe(published[0]!.id);
    expect(store.getState().selectedId).toBeNull();
    expect(getNotices().map((n) => n.subject)).toContainEqual({ type: 'plan-not-found', plan: 'atlantis' });
  });

  it('finds the plan of a linked feature when the link names none, even with hyphens in plan ids', async () => {
    const store = createAtlasStore();
    store.setState({ selectedId: 'beta-x-core' });
    settlePlan(await loadCatalogue(), store);
    expect(store.getState().planId).toBe('beta-x');
    expect(store.getState().selectedId).toBe('beta-x-core');
  });

  it('gives up on a file that does not answer, naming it and the wait', async () => {
    vi.stubGlobal(
      'fetch',
      (_url: string, init: RequestInit) => new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
    );
    await expect(fetchJson('geo/plans/alpha.geojson', { timeoutMs: 50 })).rejects.toThrow('geo/plans/alpha.geojson: timed out (nothing received for 0.05 s)');
  });
});
