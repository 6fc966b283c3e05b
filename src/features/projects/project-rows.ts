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
  /** Prefecture names the project lies in, from its county codes (5303xx → 曲靖市). */
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

/** Yunnan's sixteen prefectures by code (base geography, public/geo/base/yunnan.topo.json). */
export const prefectureNames: Record<string, string> = {
  '530100': '昆明市', '530300': '曲靖市', '530400': '玉溪市', '530500': '保山市', '530600': '昭通市', '530700': '丽江市',
  '530800': '普洱市', '530900': '临沧市', '532300': '楚雄彝族自治州', '532500': '红河哈尼族彝族自治州', '532600': '文山壮族苗族自治州',
  '532800': '西双版纳傣族自治州', '532900': '大理白族自治州', '533100': '德宏傣族景颇族自治州', '533300': '怒江傈僳族自治州', '533400': '迪庆藏族自治州',
};

/** The prefecture of a county code (530302 → 曲靖市), or undefined when it is not a Yunnan code. */
export function prefectureOf(code: string): string | undefined {
  return /^\d{6}$/.test(code) ? prefectureNames[`${code.slice(0, 4)}00`] : undefined;
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
      prefectures: [...new Set(p.counties.flatMap((c) => prefectureOf(c) ?? []))],
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
