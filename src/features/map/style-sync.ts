/** The style as a pure function of the store and the scene, applied to the map as a diff of map calls. */
import { diff } from '@maplibre/maplibre-gl-style-spec';
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { type ChapterStep, type ResolvedChapter, stepFrom } from '../../data/chapters';
import { isAreaPrecision } from '../../lib/vocabulary';
import { isProjectsView } from '../../state/present-slice';
import type { AtlasState } from '../../state/store';
import { atlasStyle } from './atlas-style';
import { namedProjects, type Scene } from './scene';

/** What the slide position is read from. */
type SlideState = Pick<AtlasState, 'presenting' | 'presenter' | 'chapter' | 'step'>;

/**
 * Everything of the store the style is drawn from: the one selector the map's restyling watches (shallowly), so
 * a field {@link styleFor} reads is a field that redraws it (the compiler checks: styleFor sees only these).
 */
export interface StyleInputs
  extends SlideState,
    Pick<AtlasState, 'lang' | 'basemap' | 'tiandituKey' | 'hiddenRoles' | 'selectedId' | 'showContextPlan' | 'narrowMap'> {
  projectsView: boolean;
}

/** Selects the {@link StyleInputs} from the store's state. */
export const styleInputs = (s: AtlasState): StyleInputs => ({
  lang: s.lang,
  basemap: s.basemap,
  tiandituKey: s.tiandituKey,
  hiddenRoles: s.hiddenRoles,
  selectedId: s.selectedId,
  showContextPlan: s.showContextPlan,
  narrowMap: s.narrowMap,
  presenting: s.presenting,
  presenter: s.presenter,
  chapter: s.chapter,
  step: s.step,
  projectsView: isProjectsView(s),
});

const applicable = new Set(['addLayer', 'removeLayer', 'setPaintProperty', 'setLayoutProperty', 'setFilter', 'addSource', 'removeSource', 'setLayerZoomRange']);

/**
 * The slide the map shows: the one on screen; in the presenter's window, the next one (its map is hidden behind the
 * presenter's view, which shows a picture of it as the next slide).
 */
export function shownPosition(s: SlideState, scene: Scene): [number, number] {
  const chapters = scene.plan?.chapters ?? [];
  const chapter = Math.min(s.chapter, Math.max(chapters.length - 1, 0));
  return s.presenter ? stepFrom(chapters, chapter, s.step, 1) : [chapter, s.step];
}

/** The chapter the map shows in presentation mode, if any. */
export function currentChapter(s: SlideState, scene: Scene): ResolvedChapter | undefined {
  const chapters = scene.plan?.chapters;
  if (!s.presenting || !chapters?.length) return undefined;
  return chapters[shownPosition(s, scene)[0]];
}

/** The step of that chapter the map shows. */
export function currentStep(s: SlideState, scene: Scene): ChapterStep | undefined {
  const chapter = currentChapter(s, scene);
  return chapter?.steps[Math.min(shownPosition(s, scene)[1], chapter.steps.length - 1)];
}

/** What the slide emphasises: the step's own features, else the chapter's (an element and its projects). */
export function slideFocus(s: SlideState, scene: Scene): string[] | null {
  const chapter = currentChapter(s, scene);
  const focus = currentStep(s, scene)?.features ?? chapter?.features;
  return focus?.length ? focus : null;
}

/**
 * The county (or prefecture) codes a selected project stands for when the plan gives no site (precision county or
 * schematic); null for any other selection. Its plan is on the map (showing a feature opens its plan).
 */
export function approxAreaOf(s: Pick<AtlasState, 'selectedId'>, scene: Scene): string[] | null {
  const f = s.selectedId ? scene.plan?.byId.get(s.selectedId) : undefined;
  if (f?.properties.role !== 'project' || f.geometry.type !== 'Point' || !isAreaPrecision(f.properties.precision)) return null;
  return f.properties.counties.length ? f.properties.counties : null;
}

/** The names the plan's own labels write (cores, zones, nodes, belts), which the base map then leaves out. */
function planLabelNames(scene: Scene, hidden: readonly string[]): string[] {
  const features = scene.plan?.features ?? [];
  const labelled = features.filter((f) => f.properties.role !== 'project' && f.properties.part !== 'linked' && !hidden.includes(f.properties.role));
  return labelled.map((f) => f.properties.name);
}

/** Type (and disc) sizes multiplied for a projector while presenting. */
export const labelScaleFor = (s: Pick<AtlasState, 'presenting'>): number => (s.presenting ? 1.35 : 1);

/** The whole style for these inputs and the plans on the map. */
export function styleFor(s: StyleInputs, scene: Scene): StyleSpecification {
  const plan = scene.plan;
  const labelScale = labelScaleFor(s);
  // The projects view draws the list's projects (every plan's, filtered) instead of the plan's own.
  const projectsView = s.projectsView;
  const hiddenRoles = projectsView && !s.hiddenRoles.includes('project') ? [...s.hiddenRoles, 'project' as const] : s.hiddenRoles;
  return atlasStyle({
    base: {
      lang: s.lang,
      basemap: s.basemap,
      labelScale,
      planLabelNames: planLabelNames(scene, s.hiddenRoles),
      ...(s.tiandituKey ? { tiandituKey: s.tiandituKey } : {}),
    },
    plan: {
      lang: s.lang,
      colors: plan?.colors ?? new Map(),
      planColor: plan?.meta.color ?? '#888888',
      hiddenRoles,
      selectedId: s.selectedId,
      showContext: s.showContextPlan && !!scene.context && !s.presenting,
      focus: slideFocus(s, scene),
      labelScale,
      narrow: s.narrowMap,
      namesProjects: s.presenting && namedProjects(slideFocus(s, scene), scene).length > 0,
    },
    contextColors: scene.context?.colors ?? new Map(),
    projects: {
      lang: s.lang,
      selectedId: s.selectedId,
      projectsView,
      planProjectsHidden: hiddenRoles.includes('project'),
      focus: slideFocus(s, scene),
      approxArea: s.presenting ? null : approxAreaOf(s, scene),
      labelScale,
    },
  });
}

/** Applies the difference between two pure styles as map calls; GeoJSON data set by setData is kept. */
export function applyStyle(map: MapLibreMap, before: StyleSpecification, after: StyleSpecification): void {
  for (const command of diff(before, after)) {
    if (!applicable.has(command.command)) continue; // data lives outside the pure style
    (map as unknown as Record<string, (...args: unknown[]) => void>)[command.command]?.(...command.args);
  }
}
