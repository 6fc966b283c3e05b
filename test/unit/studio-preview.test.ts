// @vitest-environment node
/**
 * The studio's live preview in the data layer: what the compiler would publish for a plan under edit takes the place
 * of the published plan, catalogue, search shards and project parts, a new plan joins the tree under its parent, and
 * ending the preview puts back what was published.
 */
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compilePlans } from '../../src/compiler/compile';
import { publishedFiles, searchEntries, singleFileTables } from '../../src/compiler/publish';
import { catalogueResource, makeCatalogue } from '../../src/data/catalogue';
import { planResource } from '../../src/data/plans';
import { endPreview, showPreview } from '../../src/data/preview';
import { getProjectParts, projectSummaryResource, requestProjects, resetProjectParts, whenProjectsSettled } from '../../src/data/project-parts';
import { emptyProjectFilters } from '../../src/lib/project-filter';
import { readSummary } from '../../src/lib/project-summary';
import { searchCandidates, searchShardResource, searchTopResource } from '../../src/data/search';
import { projectsResource, searchResource } from '../../src/data/tables';
import { readBaseGeo } from '../../scripts/lib/base-geo';
import { fixturePlan, fixtureSeed, fixtureSeedName } from '../fixtures/compiler-plans';
import { noCommon } from '../../src/lib/search-shards';

const base = readBaseGeo(resolve(import.meta.dirname, '../../public/geo/base'));
const readSeed = (name: string) => (name === fixtureSeedName ? fixtureSeed : undefined);

/** The published atlas of the test: one plan, alpha. */
function publish() {
  const { plans } = compilePlans([fixturePlan('alpha')], readSeed, base);
  const files = publishedFiles(plans);
  const catalogue = JSON.parse(files['geo/plans/catalogue.json'] as string) as { plans: Parameters<typeof makeCatalogue>[0] };
  catalogueResource.put('catalogue', makeCatalogue(catalogue.plans));
  projectSummaryResource.put('summary', readSummary('summary.json', JSON.parse(files['geo/projects/summary.json']!)));
}

/** The project list's rows, all plans, once every part it asks for is in. */
async function listedPlans(): Promise<Set<string>> {
  requestProjects({ filters: emptyProjectFilters, shortlist: [], mode: 'all' });
  return new Set((await whenProjectsSettled()).records.map((r) => r.plan));
}

afterEach(() => {
  endPreview();
  for (const r of [catalogueResource, planResource, searchResource, projectsResource, searchTopResource, searchShardResource]) r.reset();
  resetProjectParts();
});

describe('the studio preview', () => {
  it('shows a new plan under its parent in the tree and in the project list, and takes it away when it ends', async () => {
    publish();
    const { plans, problems } = compilePlans([fixturePlan('beta', { parent: 'alpha' })], readSeed, base, {
      plans: new Map([['alpha', {}]]),
    });
    expect(problems).toEqual([]);
    showPreview({ ...publishedFiles(plans), ...singleFileTables(plans) }, ['beta']);
    const catalogue = await catalogueResource.load('catalogue');
    expect(catalogue.tree.map((n) => [n.plan.id, n.depth])).toEqual([
      ['alpha', 0],
      ['beta', 1],
    ]);
    expect((await planResource.load('beta')).meta.id).toBe('beta');
    expect(await listedPlans()).toContain('beta');

    endPreview();
    expect((await catalogueResource.load('catalogue')).plans.map((p) => p.id)).toEqual(['alpha']);
    requestProjects({ filters: emptyProjectFilters, shortlist: [], mode: 'all' });
    await expect.poll(() => getProjectParts().records.some((r) => r.plan === 'beta')).toBe(false);
    expect(getProjectParts().records.some((r) => r.plan === 'alpha')).toBe(true);
  });

  it('lays the previewed plan over the hosted atlas’s sharded search index, until it ends', async () => {
    publish();
    // The published index knows alpha only: one shard, the whole table.
    const alpha = searchEntries(compilePlans([fixturePlan('alpha')], readSeed, base).plans[0]!);
    searchTopResource.put('index', { shards: [alpha.length], common: noCommon });
    searchShardResource.put(0, { rows: alpha, answers: new Map() });
    const { plans } = compilePlans([fixturePlan('beta', { parent: 'alpha' })], readSeed, base, { plans: new Map([['alpha', {}]]) });
    const name = searchEntries(plans[0]!)[0]?.name ?? '';
    expect((await searchCandidates(name)).some((r) => r.plan === 'beta')).toBe(false);
    showPreview({ ...publishedFiles(plans), ...singleFileTables(plans) }, ['beta']);
    expect((await searchCandidates(name)).some((r) => r.plan === 'beta')).toBe(true);
    endPreview();
    expect((await searchCandidates(name)).some((r) => r.plan === 'beta')).toBe(false);
  });
});
