/**
 * A plan's presentation as chapters: overview → the core → each zone → each belt → the nodes → key projects →
 * indicators. Derived from the plan's data; a plan can replace them in data (presentation.chapters).
 */
import type { AtlasFeature, BBox, Chapter, PlanMeta } from '../../lib/atlas-data';
import { bboxOf } from '../../lib/geometry';

/** A chapter ready to show: which features it frames and highlights, and the plan's words to caption it. */
export interface ResolvedChapter {
  title: string;
  /** The layout term ("六区") or the kind of chapter, shown above the title. */
  kicker: string;
  caption?: string;
  /** Section of the plan the caption quotes. */
  section?: string;
  features: string[];
  bbox?: BBox;
  camera?: Chapter['camera'];
  indicators?: boolean;
}

/** The first sentence or two of a quote, up to about `max` characters, cut only at a sentence end. */
export function shortQuote(quote: string, max = 140): string {
  if (quote.length <= max) return quote;
  const sentences = quote.match(/[^。；！？]+[。；！？]?/g) ?? [quote];
  let out = '';
  for (const s of sentences) {
    if (out && out.length + s.length > max) break;
    out += s;
  }
  return out.length < quote.length ? `${out.replace(/[；，、]$/, '')}……` : out;
}

const geometriesOf = (features: AtlasFeature[], ids: string[]) =>
  features.filter((f) => ids.includes(f.properties.id) || (f.properties.of !== undefined && ids.includes(f.properties.of))).map((f) => f.geometry);

export function deriveChapters(meta: PlanMeta, features: AtlasFeature[], labels: { overview: string; projects: string; indicators: string; nodes: string }): ResolvedChapter[] {
  const main = features.filter((f) => f.properties.part !== 'linked');
  const withBox = (c: Omit<ResolvedChapter, 'bbox'>): ResolvedChapter => {
    const bbox = c.features.length ? bboxOf(geometriesOf(features, c.features)) : meta.bbox;
    return { ...c, ...(bbox ? { bbox } : {}) };
  };
  if (meta.chapters?.length) {
    return meta.chapters.map((c) => withBox({
      title: c.title, kicker: meta.formula ?? meta.title, ...(c.caption ? { caption: c.caption } : {}), features: c.features ?? [],
      ...(c.camera ? { camera: c.camera } : {}), ...(c.indicators ? { indicators: true } : {}),
    }));
  }
  const chapters: ResolvedChapter[] = [
    { title: meta.title, kicker: labels.overview, caption: shortQuote(meta.summary.quote, 180), section: meta.summary.section, features: [], bbox: meta.bbox },
  ];
  const element = (f: AtlasFeature) => withBox({
    title: f.properties.name, kicker: f.properties.group ?? '', caption: shortQuote(f.properties.source.quote), section: f.properties.source.section, features: [f.properties.id],
  });
  for (const role of ['core', 'zone', 'belt'] as const) chapters.push(...main.filter((f) => f.properties.role === role).map(element));
  const nodes = main.filter((f) => f.properties.role === 'node');
  if (nodes.length) {
    const first = nodes[0]!.properties;
    chapters.push(withBox({ title: nodes.map((n) => n.properties.name).join('、'), kicker: first.group ?? labels.nodes, caption: shortQuote(first.source.quote), section: first.source.section, features: nodes.map((n) => n.properties.id) }));
  }
  const projects = main.filter((f) => f.properties.role === 'project');
  if (projects.length) {
    // Key projects: those the plan gives an investment for, else those it places best.
    const invested = projects.filter((f) => f.properties.investment);
    const key = invested.length ? invested : projects.filter((f) => f.properties.precision !== 'county').slice(0, 12);
    const shown = key.length ? key : projects.slice(0, 12);
    chapters.push(withBox({ title: labels.projects, kicker: `${shown.length} / ${projects.length}`, features: shown.map((f) => f.properties.id) }));
  }
  if (meta.indicators.length || meta.targets.length) chapters.push({ title: labels.indicators, kicker: meta.formula ?? meta.title, features: [], bbox: meta.bbox, indicators: true });
  return chapters;
}
