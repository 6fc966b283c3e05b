/**
 * A plan's presentation as chapters: overview → the core → each zone → each belt → the nodes → key projects →
 * indicators. Derived from the plan's data; a plan can replace them in data (presentation.chapters) and name
 * its key projects (presentation.keyProjects). Each chapter is a few steps, one clicker press each: a long
 * quote is split at sentence ends so every step fits on a projector, and key projects are stepped by name.
 */
import type { AtlasFeature, BBox, Chapter, PlanMeta } from '../lib/atlas-data';
import { bboxOf } from '../lib/geometry';
import { nameInPlace } from '../lib/place-name';
import { elementRoles } from '../lib/vocabulary';

/** What a chapter shows; chapters without a title of their own are named by the UI in the user's language. */
export type ChapterKind = 'overview' | 'element' | 'nodes' | 'projects' | 'indicators' | 'custom';

/** One clicker press: a part of the chapter's quote, or one key project (or a small group). */
export interface ChapterStep {
  /** The plan's words on screen at this step. */
  caption?: string;
  /** Key-project steps: the projects' names, and the section their words come from. */
  names?: string[];
  section?: string;
  /** What this step emphasises and frames, when it is not the whole chapter's. */
  features?: string[];
  bbox?: BBox;
}

/** A chapter ready to show: which features it frames and emphasises, and the plan's words to caption it. */
export interface ResolvedChapter {
  kind: ChapterKind;
  /** The chapter's own title (an element's name, the plan's title); empty where the UI names the kind. */
  title: string;
  /** The layout term ("六区") or the kind of chapter, shown above the title. */
  kicker: string;
  /** Section of the plan the captions quote. */
  section?: string;
  /** Emphasised on the map: the element and its own projects. */
  features: string[];
  bbox?: BBox;
  camera?: Chapter['camera'];
  indicators?: boolean;
  /** The key-projects chapter: how many key projects it steps through, of how many projects the plan has. */
  counts?: { key: number; all: number };
  /** At least one. */
  steps: ChapterStep[];
}

/** The most characters a caption step holds: it fits the caption card at 1024×768 in projector type. */
export const stepChars = 110;

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

/**
 * A quote in parts of at most `max` characters, cut at sentence ends (。；！？), else at commas; nothing is
 * dropped or reworded, so the parts read back as the quote.
 */
export function splitQuote(quote: string, max = stepChars): string[] {
  const pieces = (text: string, marks: RegExp): string[] => text.match(marks) ?? [text];
  const units = pieces(quote, /[^。；！？]+[。；！？]?/g).flatMap((s) => (s.length > max ? pieces(s, /[^，、：]+[，、：]?/g) : [s]));
  const parts: string[] = [];
  let current = '';
  for (const unit of units.flatMap((u) => (u.length > max ? (u.match(new RegExp(`[\\s\\S]{1,${max}}`, 'g')) ?? [u]) : [u]))) {
    if (current && current.length + unit.length > max) {
      parts.push(current);
      current = '';
    }
    current += unit;
  }
  if (current) parts.push(current);
  return parts.length ? parts : [quote];
}

const geometriesOf = (features: AtlasFeature[], ids: string[]) =>
  features.filter((f) => ids.includes(f.properties.id) || (f.properties.of !== undefined && ids.includes(f.properties.of))).map((f) => f.geometry);

/**
 * The key projects: those the plan's data names (presentation.keyProjects); else those the plan gives an
 * investment for (the annex table); else those of its 专栏 boxes and 重点 lists; else the best placed.
 */
export function keyProjects(meta: PlanMeta, projects: AtlasFeature[]): AtlasFeature[] {
  if (meta.keyProjects?.length) return meta.keyProjects.flatMap((id) => projects.filter((f) => f.properties.id === id));
  const invested = projects.filter((f) => f.properties.investment);
  if (invested.length) return invested;
  const flagged = projects.filter((f) => /专栏|重点/.test(f.properties.source.section) || /重点/.test(f.properties.source.quote));
  if (flagged.length) return flagged;
  const placed = projects.filter((f) => f.properties.precision !== 'county');
  return (placed.length ? placed : projects).slice(0, 12);
}

/** A project's name with its place where the plan's words lean on their context (州人民医院 → 大理州人民医院). */
export function projectNameInPlace(f: AtlasFeature, meta: Pick<PlanMeta, 'region'>): string {
  const p = f.properties;
  return nameInPlace(p.name, { county: p.county, prefectures: p.prefectures, region: meta.region.name });
}

/** At most this many key projects are stepped through: a slide of ten clicker presses at three names each. */
export const maxKeyProjects = 30;

/** Key projects a step each, or in small groups when there are many, so the slide never has more than ~10 steps. */
function projectSteps(key: AtlasFeature[], meta: PlanMeta): ChapterStep[] {
  const size = key.length <= 10 ? 1 : key.length <= 20 ? 2 : 3;
  const steps: ChapterStep[] = [];
  for (let i = 0; i < key.length; i += size) {
    const group = key.slice(i, i + size);
    const first = group[0]!.properties;
    const bbox = bboxOf(group.map((f) => f.geometry));
    steps.push({
      names: group.map((f) => projectNameInPlace(f, meta)),
      caption: shortQuote(first.functions.length ? first.functions.join('；') : first.source.quote, group.length > 1 ? 70 : stepChars),
      section: first.source.section,
      features: group.map((f) => f.properties.id),
      ...(bbox ? { bbox } : {}),
    });
  }
  return steps;
}

const captionSteps = (quote: string | undefined): ChapterStep[] => (quote ? splitQuote(quote).map((caption) => ({ caption })) : [{}]);

export function deriveChapters(meta: PlanMeta, features: AtlasFeature[]): ResolvedChapter[] {
  const main = features.filter((f) => f.properties.part !== 'linked');
  const projects = main.filter((f) => f.properties.role === 'project');
  /** An element and its own projects: emphasised together, never dimmed on its slide. */
  const withOwn = (ids: string[]) => [
    ...ids,
    ...projects.filter((p) => p.properties.element && ids.includes(p.properties.element)).map((p) => p.properties.id),
  ];
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
        features: withOwn(c.features ?? []),
        ...(c.camera ? { camera: c.camera } : {}),
        ...(c.indicators ? { indicators: true } : {}),
        steps: captionSteps(c.caption),
      }),
    );
  }
  const chapters: ResolvedChapter[] = [
    { kind: 'overview', title: meta.title, kicker: '', section: meta.summary.section, features: [], bbox: meta.bbox, steps: captionSteps(meta.summary.quote) },
  ];
  const element = (f: AtlasFeature) =>
    withBox({
      kind: 'element',
      title: f.properties.name,
      kicker: f.properties.group ?? '',
      section: f.properties.source.section,
      features: withOwn([f.properties.id]),
      steps: captionSteps(f.properties.source.quote),
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
        section: first.source.section,
        features: withOwn(nodes.map((n) => n.properties.id)),
        steps: captionSteps(first.source.quote),
      }),
    );
  }
  if (projects.length) {
    const key = keyProjects(meta, projects).slice(0, maxKeyProjects);
    chapters.push(
      withBox({
        kind: 'projects',
        title: '',
        // The UI says what the two numbers count, in the user's language.
        kicker: '',
        counts: { key: key.length, all: projects.length },
        features: key.map((f) => f.properties.id),
        steps: projectSteps(key, meta),
      }),
    );
  }
  if (meta.indicators.length || meta.targets.length) {
    chapters.push({ kind: 'indicators', title: '', kicker: meta.formula ?? '', features: [], bbox: meta.bbox, indicators: true, steps: [{}] });
  }
  return chapters;
}

/** Where the next or previous clicker press leads: the next step of this chapter, else the next chapter. */
export function stepFrom(chapters: readonly ResolvedChapter[], chapter: number, step: number, delta: 1 | -1): [number, number] {
  const steps = chapters[chapter]?.steps.length ?? 1;
  if (delta === 1) return step + 1 < steps ? [chapter, step + 1] : chapter + 1 < chapters.length ? [chapter + 1, 0] : [chapter, step];
  if (step > 0) return [chapter, step - 1];
  if (chapter === 0) return [0, 0];
  return [chapter - 1, (chapters[chapter - 1]?.steps.length ?? 1) - 1];
}
