/** The ids of the plans published under public/geo/plans, as the app reads them (for the data-truth tests only). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CatalogueEntry } from '../../src/lib/atlas-data';

const catalogue = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/geo/plans/catalogue.json'), 'utf8')) as { plans: CatalogueEntry[] })
  .plans;

export const publishedPlanIds = catalogue.map((p) => p.id);
