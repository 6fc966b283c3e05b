/**
 * The project browser's rows: every located project (role `project`) of the published layers, flattened for
 * filtering, sorting and export. The published feature is kept as it is, for the GeoJSON download.
 */
import type { AtlasCollection, AtlasFeature, Category, PlanId, Precision } from '../../lib/atlas-data';

export interface ProjectRow {
  id: string;
  plan: PlanId;
  name: string;
  nameEn?: string;
  category: Category;
  /** The county as the layer writes it (counties joined with 、). */
  county: string;
  /** The county display names, one each. */
  countyNames: string[];
  /** Prefecture names the project lies in, as the layer publishes them. */
  prefectures: string[];
  /** Full id of the layout element the project belongs to, and that element's name. */
  element: string | null;
  elementName: string | null;
  functions: string[];
  investment?: { amount: number; unit: string };
  precision: Precision;
  lon: number | null;
  lat: number | null;
  /** Position in its plan's layer: the plan's own order. */
  order: number;
  feature: AtlasFeature;
}

function pointOf(f: AtlasFeature): [number, number] | null {
  const g = f.geometry;
  if (g.type === 'Point') return [g.coordinates[0] ?? NaN, g.coordinates[1] ?? NaN];
  return f.properties.label ?? null;
}

/** The projects of one plan's layer, in the layer's order. */
export function projectRows(layer: AtlasCollection): ProjectRow[] {
  const rows: ProjectRow[] = [];
  layer.features.forEach((f, order) => {
    const p = f.properties;
    if (p.role !== 'project') return;
    const point = pointOf(f);
    rows.push({
      id: p.id,
      plan: p.plan,
      name: p.name,
      ...(p.nameEn ? { nameEn: p.nameEn } : {}),
      category: p.category ?? 'other',
      county: p.county,
      countyNames: p.county.split('、').map((c) => c.trim()).filter(Boolean),
      prefectures: p.prefectures ?? [],
      element: p.element ?? null,
      elementName: p.element ? (p.group ?? null) : null,
      functions: p.functions,
      ...(p.investment ? { investment: p.investment } : {}),
      precision: p.precision,
      lon: point ? point[0] : null,
      lat: point ? point[1] : null,
      order,
      feature: f,
    });
  });
  return rows;
}
