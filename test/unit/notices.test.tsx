/** Notices speak to people: a plan that fails to load is named as the plan list names it, not by its id. */
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { loadCatalogue } from '../../src/data/catalogue';
import { loadPlan } from '../../src/data/plans';
import { resetDataLayer } from '../../src/data/reset';
import { Notices } from '../../src/features/notices/Notices';
import { compiledAtlas } from './fixtures/compiled-atlas';
import { serveFiles } from './public-fetch';

const { files, catalogue } = compiledAtlas();

beforeEach(() => resetDataLayer());
afterEach(() => vi.unstubAllGlobals());

it('names a plan that cannot load by its title', async () => {
  const plan = catalogue[0]!;
  serveFiles({ ...files, [`geo/plans/${plan.id}.geojson`]: { type: 'nonsense' } });
  await loadCatalogue();
  await expect(loadPlan(plan.id)).rejects.toThrow();
  render(<Notices />);
  const card = await screen.findByRole('group', { name: new RegExp(plan.title) });
  expect(card.textContent).not.toContain(`“${plan.id}”`);
});
