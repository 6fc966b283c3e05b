/** The style as a pure function of the store and the scene, applied to the map as a diff of map calls. */
import { diff } from '@maplibre/maplibre-gl-style-spec';
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import type { ChapterStep, ResolvedChapter } from '../../data/chapters';
import { isProjectsView } from '../../state/present-slice';
import type { AtlasState } from '../../state/store';
import { atlasStyle } from './atlas-style';
import type { Scene } from './scene';

const applicable = new Set(['addLayer', 'removeLayer', 'setPaintProperty', 'setLayoutProperty', 'setFilter', 'addSource', 'removeSource', 'setLayerZoomRange']);

/** The chapter on screen in presentation mode, if any. */
export function currentChapter(s: AtlasState, scene: Scene): ResolvedChapter | undefined {
  const chapters = scene.plan?.chapters;
  if (!s.presenting || !chapters?.length) return undefined;
  return chapters[Math.min(s.chapter, chapters.length - 1)];
}

/** The step of that chapter on screen. */
export function currentStep(s: AtlasState, scene: Scene): ChapterStep | undefined {
  const chapter = currentChapter(s, scene);
  return chapter?.steps[Math.min(s.step, chapter.steps.length - 1)];
}

/** What the slide emphasises: the step's own features, else the chapter's (an element and its projects). */
export function slideFocus(s: AtlasState, scene: Scene): string[] | null {
  const chapter = currentChapter(s, scene);
  const focus = currentStep(s, scene)?.features ?? chapter?.features;
  return focus?.length ? focus : null;
}

export function styleFor(s: AtlasState, scene: Scene): StyleSpecification {
  const plan = scene.plan;
  const labelScale = s.presenting ? 1.35 : 1;
  // The projects view draws the list's projects (every plan's, filtered) instead of the plan's own.
  const projectsView = isProjectsView(s);
  const hiddenRoles = projectsView && !s.hiddenRoles.includes('project') ? [...s.hiddenRoles, 'project' as const] : s.hiddenRoles;
  return atlasStyle({
    base: { lang: s.lang, basemap: s.basemap, labelScale, ...(s.tiandituKey ? { tiandituKey: s.tiandituKey } : {}) },
    plan: {
      lang: s.lang,
      colors: plan?.colors ?? new Map(),
      planColor: plan?.meta.color ?? '#888888',
      hiddenRoles,
      selectedId: s.selectedId,
      showContext: s.showContextPlan && !!scene.context && !s.presenting,
      focus: slideFocus(s, scene),
      labelScale,
    },
    contextColors: scene.context?.colors ?? new Map(),
    projects: {
      lang: s.lang,
      selectedId: s.selectedId,
      projectsView,
      planProjectsHidden: hiddenRoles.includes('project'),
      focus: slideFocus(s, scene),
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
