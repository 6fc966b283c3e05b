// @vitest-environment node
/**
 * The studio's live preview in the data layer: what the compiler would publish for a plan under edit takes the place
 * of the published plan, catalogue and tables, a new plan joins the tree under its parent, and ending the preview
 * puts back what was published.
 */
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compilePlans } from '../../src/compiler/compile';
import { publishedFiles, searchEntries } from '../../src/compiler/publish';
import { catalogueResource, makeCatalogue } from '../../src/data/catalogue';
import { planResource } from '../../src/data/plans';
import { endPreview, showPreview } from '../../src/data/preview';
import { searchCandidates, searchShardResource, searchTopResource } from '../../src/data/search';
import { projectsResource, searchResource } from '../../src/data/tables';
import { readBaseGeo } from '../../scripts/lib/base-geo';
import { fixturePlan, fixtureSeed, fixtureSeedName } from '../fixtures/compiler-plans';

const base = readBaseGeo(resolve(import.meta.dirname, '../../public/geo/base'));
const readSeed = (name: string) => (name === fixtureSeedName ? fixtureSeed : undefined);

/** The published atlas of the test: one plan, alpha. */
function publish() {
  const { plans } = compilePlans([fixturePlan('alpha')], readSeed, base);
  const files = publishedFiles(plans);
  const catalogue = JSON.parse(files['geo/plans/catalogue.json'] as string) as { plans: Parameters<typeof makeCatalogue>[0] };
  catalogueResource.put('catalogue', makeCatalogue(catalogue.plans));
  searchResource.put('search', []);
  projectsResource.put('projects', []);
}

afterEach(() => {
  endPreview();
  for (const r of [catalogueResource, planResource, searchResource, projectsResource, searchTopResource, searchShardResource]) r.reset();
});

describe('the studio preview', () => {
  it('shows a new plan under its parent in the tree, in the tables, and takes it away when it ends', async () => {
    publish();
    const { plans, problems } = compilePlans([fixturePlan('beta', { parent: 'alpha' })], readSeed, base, {
      plans: new Map([['alpha', {}]]),
    });
    expect(problems).toEqual([]);
    showPreview(publishedFiles(plans), ['beta']);
    const catalogue = await catalogueResource.load('catalogue');
    expect(catalogue.tree.map((n) => [n.plan.id, n.depth])).toEqual([
      ['alpha', 0],
      ['beta', 1],
    ]);
    expect((await planResource.load('beta')).meta.id).toBe('beta');
    await expect
      .poll(() => projectsResource.peek('projects'))
      .toMatchObject({ status: 'ready', data: expect.arrayContaining([expect.objectContaining({ plan: 'beta' })]) });

    endPreview();
    expect((await catalogueResource.load('catalogue')).plans.map((p) => p.id)).toEqual(['alpha']);
    expect((await projectsResource.load('projects')).some((r) => r.plan === 'beta')).toBe(false);
  });

  it('lays the previewed plan over the hosted atlas’s sharded search index, until it ends', async () => {
    publish();
    // The published index knows alpha only: one shard, the whole table.
    const alpha = searchEntries(compilePlans([fixturePlan('alpha')], readSeed, base).plans[0]!);
    searchTopResource.put('index', { format: 1, shards: [alpha.length] });
    searchShardResource.put(0, { rows: alpha, answers: new Map() });
    const { plans } = compilePlans([fixturePlan('beta', { parent: 'alpha' })], readSeed, base, { plans: new Map([['alpha', {}]]) });
    const name = searchEntries(plans[0]!)[0]?.name ?? '';
    expect((await searchCandidates(name)).some((r) => r.plan === 'beta')).toBe(false);
    showPreview(publishedFiles(plans), ['beta']);
    expect((await searchCandidates(name)).some((r) => r.plan === 'beta')).toBe(true);
    endPreview();
    expect((await searchCandidates(name)).some((r) => r.plan === 'beta')).toBe(false);
  });
});
