/**
 * Map events into store actions: hover highlights what a click would select, a click selects, a cluster opens,
 * and a place marker (several projects on one point) opens the list of its projects.
 * From the keyboard, with the map focused, [ and ] step through the plan's elements and then its projects in the
 * plan's order (highlighted as hover, brought on screen, announced), and Enter opens the one highlighted.
 */
import type { GeoJSONSource, Map as MapLibreMap, MapGeoJSONFeature, PointLike, Popup } from 'maplibre-gl';
import { languages } from '../../i18n/languages';
import type { AtlasFeature } from '../../lib/atlas-data';
import { bboxOf } from '../../lib/geometry';
import { placesFromZoom } from '../../lib/project-grid';
import { categoryColors } from '../../lib/presentation';
import type { Category } from '../../lib/vocabulary';
import type { AtlasStore } from '../../state/store';
import { watch } from '../../state/watch';
import { maplibregl } from './maplibre-setup';
import { planSourceIds } from './layer-kit';
import { interactiveLayerIds } from './plan-layers';
import type { Scene } from './scene';

/** What the keyboard cursor is on: the feature, its place in the cycle and the cycle's length. */
export type CursorReport = { feature: AtlasFeature; index: number; total: number } | null;

const reducedMotion = () => typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

import type { PlaceMember } from './plan-sources';
import { browserSourceId, projectInteractiveLayerIds } from './project-layers';
import './place-popup.css';

interface MarkerProps {
  of?: string;
  id?: string;
  plan?: string;
  cluster_id?: number;
  /** A grid disc of the projects view (project-view.ts): how many projects, and their bounding box. */
  point_count?: number;
  west?: number;
  south?: number;
  east?: number;
  north?: number;
  count?: number;
  county?: string;
  approximate?: boolean | string;
  members?: string;
}

function parseMembers(text: string | undefined): PlaceMember[] {
  try {
    const list = JSON.parse(text ?? '[]') as unknown;
    return Array.isArray(list) ? (list as PlaceMember[]).filter((m) => typeof m?.id === 'string' && typeof m.name === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The list a place marker opens: "17 projects in 勐海县", why the point is approximate, and each project's name
 * (choosing one selects it). Built with text nodes only: plan text never becomes markup.
 */
function placeList(store: AtlasStore, props: MarkerProps, onChoose: () => void): HTMLElement {
  const s = store.getState();
  const t = languages[s.lang];
  const members = parseMembers(props.members);
  const root = document.createElement('div');
  root.className = 'place-list';
  const title = document.createElement('p');
  title.className = 'place-list-title';
  title.textContent = t.browser.placeTitle(members.length, props.county ?? '');
  const hint = document.createElement('p');
  hint.className = 'place-list-hint';
  hint.textContent = props.approximate === true || props.approximate === 'true' ? t.browser.placeApproxHint : t.browser.placeExactHint;
  const list = document.createElement('ul');
  list.setAttribute('lang', 'zh-CN');
  for (const m of members) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'place-list-item';
    button.dataset.id = m.id;
    if (m.id === s.selectedId) button.setAttribute('aria-current', 'true');
    const chip = document.createElement('span');
    chip.className = 'cat-chip';
    chip.setAttribute('aria-hidden', 'true');
    const category = (m.category in categoryColors ? m.category : 'other') as Category;
    chip.style.background = categoryColors[category];
    chip.textContent = t.categoryGlyphs[category];
    const name = document.createElement('span');
    name.textContent = m.name;
    button.append(chip, name);
    button.addEventListener('click', () => {
      store.getState().showFeature({ plan: m.plan, id: m.id });
      onChoose();
    });
    item.append(button);
    list.append(item);
  }
  root.append(title, hint, list);
  return root;
}

export function attachInteraction(
  map: MapLibreMap,
  store: AtlasStore,
  scene: Scene,
  { container, onCursor }: { container?: HTMLElement; onCursor?: (cursor: CursorReport) => void } = {},
): () => void {
  const layers = [...projectInteractiveLayerIds, ...interactiveLayerIds];
  const topFeature = (point: PointLike): MapGeoJSONFeature | undefined =>
    map.queryRenderedFeatures(point, { layers: layers.filter((id) => map.getLayer(id)) })[0];

  // Hover lives in the store (the element list hovers too); the map shows it as feature state.
  let hoverShown: string | null = null;
  const targets = (x: string) => [
    { source: planSourceIds.areas, id: x },
    { source: planSourceIds.areas, id: `${x}--linked` },
    { source: planSourceIds.projects, id: x },
    { source: browserSourceId, id: x },
  ];
  const showHover = (id: string | null) => {
    if (hoverShown) for (const t of targets(hoverShown)) map.setFeatureState(t, { hover: false });
    hoverShown = id;
    if (id) for (const t of targets(id)) map.setFeatureState(t, { hover: true });
  };
  const setHover = (f: MapGeoJSONFeature | undefined) => {
    map.getCanvas().style.cursor = f ? 'pointer' : '';
    const props = f?.properties as MarkerProps | undefined;
    const aggregate = props?.point_count !== undefined || (props?.count ?? 1) > 1;
    store.getState().hover(aggregate ? null : (props?.of ?? props?.id ?? null));
  };

  let popup: Popup | undefined;
  const closePopup = () => {
    popup?.remove();
    popup = undefined;
    if (container) delete container.dataset.placeOpen;
  };
  const openPlace = (f: MapGeoJSONFeature, props: MarkerProps) => {
    closePopup();
    const at = (f.geometry as GeoJSON.Point).coordinates as [number, number];
    popup = new maplibregl.Popup({ closeButton: true, closeOnClick: false, maxWidth: '320px', className: 'place-popup', offset: 16 })
      .setLngLat(at)
      .setDOMContent(placeList(store, props, closePopup))
      .addTo(map);
    if (container) container.dataset.placeOpen = String(props.count ?? '');
  };

  const onMove = (e: { point: PointLike }) => setHover(topFeature(e.point));
  const onOut = () => setHover(undefined);
  const onClick = (e: { point: PointLike }) => {
    // A studio tool owns the click (it places a point, toggles a county, adds a waypoint).
    if (store.getState().studio && store.getState().studioTool !== 'none') return;
    const f = topFeature(e.point);
    if (!f) {
      closePopup();
      return store.getState().select(null);
    }
    const props = f.properties as MarkerProps;
    if (props.cluster_id !== undefined) {
      closePopup();
      const source = map.getSource(f.source) as GeoJSONSource;
      source
        .getClusterExpansionZoom(props.cluster_id)
        .then((zoom) => {
          map.easeTo({ center: (f.geometry as GeoJSON.Point).coordinates as [number, number], zoom: zoom + 0.2, animate: !reducedMotion() });
        })
        .catch(() => undefined);
      return;
    }
    if (props.point_count !== undefined && props.west !== undefined && props.south !== undefined && props.east !== undefined && props.north !== undefined) {
      // A grid disc: frame its projects, at least two zoom levels in and at most to where places show one by one
      // (from there every place is drawn on its own).
      closePopup();
      const maxZoom = Math.max(map.getZoom() + 2, placesFromZoom);
      map.fitBounds([props.west, props.south, props.east, props.north], { padding: 80, maxZoom, animate: !reducedMotion() });
      return;
    }
    if ((props.count ?? 1) > 1) return openPlace(f, props);
    closePopup();
    // The list's projects may belong to any plan: show it in its plan.
    if (f.source === browserSourceId && props.plan && props.id) return store.getState().showFeature({ plan: props.plan, id: props.id });
    store.getState().select(props.of ?? props.id ?? null);
  };
  // The keyboard cursor: the plan's visible elements in its order, then its visible projects.
  let cursor = -1;
  const cycle = (): AtlasFeature[] => {
    const s = store.getState();
    const features = scene.plan?.features ?? [];
    const shown = (f: AtlasFeature) =>
      f.properties.part !== 'linked' &&
      !s.hiddenRoles.includes(f.properties.role) &&
      (f.properties.role !== 'project' || !s.hiddenCategories.includes(f.properties.category ?? 'other'));
    return [...features.filter((f) => f.properties.role !== 'project' && shown(f)), ...features.filter((f) => f.properties.role === 'project' && shown(f))];
  };
  const step = (by: 1 | -1) => {
    const list = cycle();
    if (!list.length) return;
    const current = list.findIndex((f) => f.properties.id === store.getState().hoveredId);
    cursor = ((current >= 0 ? current : by > 0 ? -1 : 0) + by + list.length) % list.length;
    const feature = list[cursor]!;
    store.getState().hover(feature.properties.id);
    const box = bboxOf([feature.geometry]);
    const center: [number, number] | undefined = box && [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
    if (center && !map.getBounds().contains(center)) map.easeTo({ center, animate: !reducedMotion() });
    onCursor?.({ feature, index: cursor, total: list.length });
  };
  const canvas = map.getCanvas();
  const onKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === ']' || e.key === '[') {
      e.preventDefault();
      step(e.key === ']' ? 1 : -1);
    } else if (e.key === 'Enter') {
      const id = store.getState().hoveredId;
      const plan = scene.plan?.meta.id;
      if (!id || !plan || !scene.plan?.byId.has(id)) return;
      e.preventDefault();
      store.getState().showFeature({ plan, id });
    }
  };
  const onBlur = () => {
    if (cursor >= 0) {
      cursor = -1;
      store.getState().hover(null);
      onCursor?.(null);
    }
  };
  canvas.addEventListener('keydown', onKey);
  canvas.addEventListener('blur', onBlur);

  map.on('mousemove', onMove);
  map.on('mouseout', onOut);
  map.on('click', onClick);
  const unwatchHover = watch(store, (s) => s.hoveredId, showHover);
  // A list opened for one plan or view does not outlive it.
  const unwatchPlace = watch(store, (s) => ({ planId: s.planId, view: s.view, filters: s.projectFilters }), closePopup);
  return () => {
    unwatchHover();
    unwatchPlace();
    canvas.removeEventListener('keydown', onKey);
    canvas.removeEventListener('blur', onBlur);
    closePopup();
    map.off('mousemove', onMove);
    map.off('mouseout', onOut);
    map.off('click', onClick);
  };
}
