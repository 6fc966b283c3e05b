/** What the plan sources hold, as pure functions of a plan's layer and the store's filters. */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { AtlasCollection, Category, ProjectPoint } from '../../lib/atlas-data';
import { bboxOf } from '../../lib/geometry';
import { groupByPlace } from '../../lib/project-filter';
import type { GridCell } from '../../lib/project-grid';
import { elementRoles, isOneOf } from '../../lib/vocabulary';

/**
 * Everything but projects: cores, zones (with linked parts), belts, nodes; each with `area`, the size of its
 * extent (square degrees of its bounding box), by which overlapping areas are drawn larger first.
 */
export function areaFeatures(layer: AtlasCollection): AtlasCollection {
  const features = layer.features
    .filter((f) => f.properties.role !== 'project')
    .map((f) => {
      const [w, south, e, n] = bboxOf([f.geometry]) ?? [0, 0, 0, 0];
      return { ...f, properties: { ...f.properties, area: (e - w) * (n - south) } };
    });
  return { type: 'FeatureCollection', features };
}

/** How near a plan's west or east edge (a share of its width) a label point makes it name inward. */
const edgeShare = 0.2;
/**
 * How near the plan's middle (a share of its width, either way) a marker stands for a name beside it, away from the
 * middle, to stay on a narrow screen the plan fills (a 9-em name and its gap need a third of a phone's width).
 */
const middleShare = 0.15;

/**
 * Label points for cores, zones, nodes, and belts drawn as areas (belts along a line are named along it). A label
 * point near the plan's west or east edge carries `edge` ('west', 'east'): framed to fill a narrow screen, that edge
 * is the screen's, and a name centred on the point (or set beside it, outward) would run off it (MapLibre does not
 * move a label off the edge), so its name is set inward (plan-layers.ts). Every point carries `side`, the half of the
 * plan it lies in, towards whose middle a narrow map's names look first, and `middle`, whether it is near enough the
 * middle for a marker's name beside it, outward, to stay on a narrow screen.
 */
export function labelFeatures(layer: AtlasCollection): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  const [west, , east] = bboxOf(layer.features.filter((f) => f.properties.role !== 'project').map((f) => f.geometry)) ?? [0, 0, 0, 0];
  const margin = (east - west) * edgeShare;
  for (const f of layer.features) {
    const p = f.properties;
    if (p.part === 'linked' || !isOneOf(elementRoles, p.role)) continue;
    if (p.role === 'belt' && !p.label) continue;
    const coordinates = p.label ?? (f.geometry.type === 'Point' ? f.geometry.coordinates : undefined);
    if (!coordinates) continue;
    // `at`: a point feature is labelled beside its marker; an area at its label point.
    const at = f.geometry.type === 'Point' ? 'point' : 'area';
    const x = coordinates[0] ?? 0;
    const edge = !margin ? '' : x < west + margin ? 'west' : x > east - margin ? 'east' : '';
    // Which half of the plan the point lies in: on a narrow map its name prefers the places towards the middle.
    const side = x > (west + east) / 2 ? 'east' : 'west';
    const middle = Math.abs(x - (west + east) / 2) <= (east - west) * middleShare;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates },
      properties: { id: p.id, role: p.role, name: p.name, nameEn: p.nameEn, at, edge, side, middle },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** One entry of a place's list, carried by the place's marker (as JSON) for the list it opens. */
export interface PlaceMember {
  id: string;
  plan: string;
  name: string;
  category: Category;
}

/**
 * One marker per point. A project alone on its point is drawn as itself; projects that share a point (most often a
 * county seat, where the plan names only the county) are one place marker with their count and their list, so the
 * map never suggests a precision the plan does not give. `ids` (",a,b,") lets styles find a selected member.
 */
export function placeFeatures(points: readonly ProjectPoint[]): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const group of groupByPlace(points)) {
    const [first] = group.members;
    if (!first) continue;
    const coordinates = [group.lon, group.lat];
    const ids = `,${group.members.map((m) => m.id).join(',')},`;
    if (group.members.length === 1) {
      const p = first;
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates },
        properties: { id: p.id, plan: p.plan, role: 'project', name: p.name, nameEn: p.nameEn, category: p.category, precision: p.precision, count: 1, ids },
      });
      continue;
    }
    const same = <K extends keyof ProjectPoint>(k: K) => group.members.every((m) => m[k] === first[k]);
    const members: PlaceMember[] = group.members.map((m) => ({ id: m.id, plan: m.plan, name: m.name, category: m.category }));
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates },
      properties: {
        id: `place:${group.key}`,
        role: 'place',
        count: group.members.length,
        ids,
        // The county the point stands for, when every project names the same one.
        county: same('county') ? first.county : '',
        precision: same('precision') ? first.precision : 'county',
        approximate: group.members.some((m) => m.precision !== 'exact'),
        category: same('category') ? first.category : 'mixed',
        members: JSON.stringify(members),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The projects view's markers from grid cells (src/lib/project-grid.ts): a cell whose projects share one point is
 * that place's marker ({@link placeFeatures}); any other cell is a disc with `point_count` and `projects` (how many
 * projects it stands for, as MapLibre's clusters carried), its members' bounding box (`west`…`north`, what a click
 * frames) and `name`, what screen readers are told it is.
 */
export function gridFeatures(cells: readonly GridCell<ProjectPoint>[], name: (count: number) => string): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const [i, cell] of cells.entries()) {
    if (cell.members) {
      features.push(...placeFeatures(cell.members).features);
      continue;
    }
    const [west, south, east, north] = cell.bbox;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [cell.lon, cell.lat] },
      properties: { id: `cell:${i}`, point_count: cell.count, projects: cell.count, west, south, east, north, name: name(cell.count) },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Projects of the visible categories, one marker per point (see {@link placeFeatures}). */
export function projectFeatures(layer: AtlasCollection, hidden: readonly Category[]): FeatureCollection<Point> {
  const points: ProjectPoint[] = [];
  for (const f of layer.features) {
    const p = f.properties;
    if (p.role !== 'project' || f.geometry.type !== 'Point' || hidden.includes(p.category ?? 'other')) continue;
    const [lon = 0, lat = 0] = f.geometry.coordinates;
    points.push({
      id: p.id,
      plan: p.plan,
      name: p.name,
      nameEn: p.nameEn,
      category: p.category ?? 'other',
      precision: p.precision,
      county: p.county,
      lon,
      lat,
    });
  }
  return placeFeatures(points);
}
