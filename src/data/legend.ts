import type { AtlasFeature, Category, Role } from '../lib/atlas-data';
import { categories, roles } from '../lib/vocabulary';

export interface LegendContent {
  roles: { role: Role; count: number }[];
  categories: { category: Category; count: number }[];
  linked: boolean;
  schematic: boolean;
  /** Some project sits only at its township or county seat. */
  approximate: boolean;
}

/** What the legend explains: only what the plan on screen actually has. */
export function legendContent(features: AtlasFeature[]): LegendContent {
  const main = features.filter((f) => f.properties.part !== 'linked');
  const projects = main.filter((f) => f.properties.role === 'project');
  return {
    roles: roles.map((role) => ({ role, count: main.filter((f) => f.properties.role === role).length })).filter((r) => r.count > 0),
    categories: categories
      .map((category) => ({ category, count: projects.filter((f) => (f.properties.category ?? 'other') === category).length }))
      .filter((c) => c.count > 0),
    linked: features.some((f) => f.properties.part === 'linked'),
    schematic: main.some((f) => f.properties.precision === 'schematic' && f.properties.role !== 'project'),
    approximate: projects.some((f) => f.properties.precision !== 'exact'),
  };
}
