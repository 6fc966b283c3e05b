/** What the plan sources hold, as pure functions of a plan's layer and the store's filters. */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { AtlasCollection, AtlasFeature, Category } from '../../lib/atlas-data';

/** Everything but projects: cores, zones (with linked parts), belts, nodes. */
export function areaFeatures(layer: AtlasCollection): AtlasCollection {
  return { type: 'FeatureCollection', features: layer.features.filter((f) => f.properties.role !== 'project') };
}

/** Label points for cores, zones, nodes, and belts drawn as areas (belts along a line are named along it). */
export function labelFeatures(layer: AtlasCollection): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const f of layer.features) {
    const p = f.properties;
    if (p.part === 'linked' || !['core', 'zone', 'node', 'belt'].includes(p.role)) continue;
    if (p.role === 'belt' && !p.label) continue;
    const coordinates = p.label ?? (f.geometry.type === 'Point' ? f.geometry.coordinates : undefined);
    if (!coordinates) continue;
    // `at`: a point feature is labelled beside its marker; an area at its label point.
    const at = f.geometry.type === 'Point' ? 'point' : 'area';
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties: { id: p.id, role: p.role, name: p.name, nameEn: p.nameEn, at } });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Projects of the visible categories. Projects placed only to their county share its seat's point:
 * they are fanned out on a small ring (~600 m) so each stays clickable once clusters open.
 */
export function projectFeatures(layer: AtlasCollection, hidden: readonly Category[]): FeatureCollection<Point> {
  const visible = layer.features.filter(
    (f): f is AtlasFeature & { geometry: Point } =>
      f.properties.role === 'project' && f.geometry.type === 'Point' && !hidden.includes(f.properties.category ?? 'other'),
  );
  const groups = new Map<string, typeof visible>();
  for (const f of visible) {
    const key = f.geometry.coordinates.join(',');
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const features: Feature<Point>[] = [];
  for (const group of groups.values()) {
    group.forEach((f, i) => {
      const [lon = 0, lat = 0] = f.geometry.coordinates;
      const r = group.length > 1 ? 0.006 * Math.sqrt(group.length / 6 + 1) : 0;
      const a = (2 * Math.PI * i) / group.length;
      const p = f.properties;
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [lon + (r * Math.cos(a)) / Math.cos((lat * Math.PI) / 180), lat + r * Math.sin(a)] },
        properties: { id: p.id, role: p.role, name: p.name, nameEn: p.nameEn, category: p.category, precision: p.precision },
      });
    });
  }
  return { type: 'FeatureCollection', features };
}
