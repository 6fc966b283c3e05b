/**
 * A plan's presentation as chapters: overview → the core → each zone → each belt → the nodes → key projects →
 * indicators. Derived from the plan's data; a plan can replace them in data (presentation.chapters).
 */
import type { AtlasFeature, BBox, Chapter, PlanMeta } from '../lib/atlas-data';
import { bboxOf } from '../lib/geometry';
import { elementRoles } from '../lib/vocabulary';

/** What a chapter shows; chapters without a title of their own are named by the UI in the user's language. */
export type ChapterKind = 'overview' | 'element' | 'nodes' | 'projects' | 'indicators' | 'custom';

/** A chapter ready to show: which features it frames and highlights, and the plan's words to caption it. */
export interface ResolvedChapter {
  kind: ChapterKind;
  /** The chapter's own title (an element's name, the plan's title); empty where the UI names the kind. */
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

export function deriveChapters(meta: PlanMeta, features: AtlasFeature[]): ResolvedChapter[] {
  const main = features.filter((f) => f.properties.part !== 'linked');
  const withBox = (c: Omit<ResolvedChapter, 'bbox'>): ResolvedChapter => {
    const bbox = c.features.length ? bboxOf(geometriesOf(features, c.features)) : meta.bbox;
    return { ...c, ...(bbox ? { bbox } : {}) };
  };
  if (meta.chapters?.length) {
    return meta.chapters.map((c) =>
      withBox({
        kind: c.indicators ? 'indicators' : 'custom',
        title: c.title,
        kicker: meta.formula ?? '',
        ...(c.caption ? { caption: c.caption } : {}),
        features: c.features ?? [],
        ...(c.camera ? { camera: c.camera } : {}),
        ...(c.indicators ? { indicators: true } : {}),
      }),
    );
  }
  const chapters: ResolvedChapter[] = [
    {
      kind: 'overview',
      title: meta.title,
      kicker: '',
      caption: shortQuote(meta.summary.quote, 180),
      section: meta.summary.section,
      features: [],
      bbox: meta.bbox,
    },
  ];
  const element = (f: AtlasFeature) =>
    withBox({
      kind: 'element',
      title: f.properties.name,
      kicker: f.properties.group ?? '',
      caption: shortQuote(f.properties.source.quote),
      section: f.properties.source.section,
      features: [f.properties.id],
    });
  // Cores, zones and belts a chapter each, in the vocabulary's order; nodes share one chapter.
  for (const role of elementRoles.filter((r) => r !== 'node')) chapters.push(...main.filter((f) => f.properties.role === role).map(element));
  const nodes = main.filter((f) => f.properties.role === 'node');
  if (nodes.length) {
    const first = nodes[0]!.properties;
    chapters.push(
      withBox({
        kind: 'nodes',
        title: nodes.map((n) => n.properties.name).join('、'),
        kicker: first.group ?? '',
        caption: shortQuote(first.source.quote),
        section: first.source.section,
        features: nodes.map((n) => n.properties.id),
      }),
    );
  }
  const projects = main.filter((f) => f.properties.role === 'project');
  if (projects.length) {
    // Key projects: those the plan's data names, else those it gives an investment for, else those it places best.
    const named = meta.keyProjects ? projects.filter((f) => meta.keyProjects?.includes(f.properties.id)) : [];
    const invested = projects.filter((f) => f.properties.investment);
    const key = named.length ? named : invested.length ? invested : projects.filter((f) => f.properties.precision !== 'county').slice(0, 12);
    const shown = key.length ? key : projects.slice(0, 12);
    chapters.push(withBox({ kind: 'projects', title: '', kicker: `${shown.length} / ${projects.length}`, features: shown.map((f) => f.properties.id) }));
  }
  if (meta.indicators.length || meta.targets.length)
    chapters.push({ kind: 'indicators', title: '', kicker: meta.formula ?? '', features: [], bbox: meta.bbox, indicators: true });
  return chapters;
}
